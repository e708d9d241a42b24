// The analysis views over the store: one agency across years (figures, year-over-year change, the
// cross-year chains, the prose compared), many agencies grouped by year, province or level, and
// completeness and compliance per report.
import { diffArrays } from 'diff';
import { FIELDS, T3_ROWS, T4_COLUMNS } from '../../../shared/fields';
import type { AgencyEntry, AgencyTrend, ComplianceRow, DiffPart, GroupBy, GroupMember, GroupStats, Outcomes, SectionKey } from '../../../shared/analysis';
import type { ReportFormat } from '../../../shared/fields';
import type { Db } from '../store/db';
import { agencyYears, changeStamp, complianceInputs, figuresByReport, listAgencies, pendingOutlines, saveOutlines, type ReportFigures } from '../store/analysis';
import { outline, REQUIRED_2008, REQUIRED_2019, SECTION_TITLES, sectionText } from './sections';
import { AGENCY_LEVELS, levelOf, provinceOf } from './level';


/** Sentences (。！？； and line ends), the unit of the prose comparison. */
const sentences = (text: string): string[] => text.match(/[^。！？；!?;\n]+[。！？；!?;]?/gu)?.map((s) => s.trim()).filter(Boolean) ?? [];

function compareProse(before: string, after: string): { parts: DiffPart[]; changed: boolean } {
  const parts: DiffPart[] = diffArrays(sentences(before), sentences(after)).map((c) => ({
    value: c.value.join(''),
    ...(c.added ? { added: true } : {}),
    ...(c.removed ? { removed: true } : {}),
  }));
  return { parts, changed: parts.some((p) => p.added || p.removed) };
}

/** One agency across years (made once until the library changes, for the last agencies asked for). */
export function agencyTrend(db: Db, agency: string): AgencyTrend {
  return remembered(db, `trend:${agency}`, () => makeTrend(db, agency));
}

function makeTrend(db: Db, agency: string): AgencyTrend {
  const reports = agencyYears(db, agency);
  const values = reports.map((r) => new Map(r.fields.map((f) => [f.key, f.value])));
  const figures: AgencyTrend['figures'] = [];
  for (const f of FIELDS) {
    if (f.group === 'meta') continue;
    const series = values.map((v) => {
      const x = v.get(f.key);
      return typeof x === 'number' ? x : null;
    });
    if (series.every((x) => x === null)) continue;
    const changes = series.map((x, i) => (i > 0 && x !== null && series[i - 1] !== null ? x - series[i - 1]! : null));
    figures.push({ key: f.key, label: f.label, group: f.group, values: series, changes });
  }
  const prose: AgencyTrend['prose'] = [];
  for (let i = 1; i < reports.length; i++) {
    const [a, b] = [reports[i - 1]!, reports[i]!];
    const [sa, sb] = [outline(a.text), outline(b.text)];
    for (const s of sb) {
      const before = sa.find((x) => x.key === s.key);
      if (!before || s.key === 'active' || s.key === 'requests' || s.key === 'appeals') continue;
      prose.push({ section: s.key, title: SECTION_TITLES[s.key], from: a.year, to: b.year, ...compareProse(sectionText(a.text, before), sectionText(b.text, s)) });
    }
  }
  return {
    agency,
    years: reports.map((r, i) => ({ year: r.year, reportId: r.id, layout: r.format as ReportFormat | null, publishedAt: (values[i]!.get('meta.published_at') as string | null | undefined) ?? null })),
    figures,
    chains: reports.flatMap((r) => r.checks.map((c) => ({ year: r.year, rule: c.rule, ok: c.ok === 1, severity: c.severity, message: c.message }))),
    prose,
  };
}

const T3_DENIED = T3_ROWS.map(([row]) => row).filter((row) => row.startsWith('denied_'));
const OUTCOME_COLUMNS = T4_COLUMNS.map(([col]) => col);

const emptyOutcomes = (): Outcomes => ({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
const OUTCOME_KEYS = Object.keys(emptyOutcomes()) as (keyof Outcomes)[];

function quantile(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Applications received: 表三 when the report has it, else the legacy table, else the prose. */
const received = (v: Record<string, number>): number | undefined => v['t3.new.total'] ?? v['legacy.apply.received'] ?? v['n.apply_received'];

/** The keys adding up to each outcome column, made once (the loop runs per report). */
const outcomeKeys = (t4: string[], legacy: string): [keyof Outcomes, string][] => [
  ...OUTCOME_COLUMNS.flatMap((c) => t4.map((g): [keyof Outcomes, string] => [c, `t4.${g}.${c}`])),
  ...(['upheld', 'corrected', 'other', 'total'] as const).map((c): [keyof Outcomes, string] => [c, `legacy.${legacy}.${c}`]),
];
const REVIEW_KEYS = outcomeKeys(['review'], 'review');
const SUIT_KEYS = outcomeKeys(['suit_direct', 'suit_after'], 'suit');
const DENIED_KEYS = T3_DENIED.map((d) => [d, `t3.${d}.total`] as const);

function addOutcomes(into: Outcomes, v: Record<string, number>, keys: readonly [keyof Outcomes, string][]): void {
  for (const [c, key] of keys) into[c] += v[key] ?? 0;
}

export function groupKey(r: Pick<ReportFigures, 'year' | 'region' | 'agency'>, by: GroupBy): string {
  if (by === 'year') return r.year === null ? '—' : String(r.year);
  if (by === 'province') return provinceOf(r.region) ?? '—';
  return levelOf(r.agency, r.region) ?? '—';
}

const GROUP_ORDER: Record<GroupBy, (a: string, b: string) => number> = {
  year: (a, b) => a.localeCompare(b),
  province: (a, b) => a.localeCompare(b, 'zh-CN'),
  level: (a, b) => AGENCY_LEVELS.indexOf(a as never) - AGENCY_LEVELS.indexOf(b as never),
};

/** What analysis made from the library, per connection and name, with the change stamp it was made at. */
const REMEMBERED = 24;
const made = new WeakMap<Db, Map<string, { stamp: string; value: unknown }>>();

/** `make()` once until the library changes (a write by this connection or another one). */
function remembered<T>(db: Db, name: string, make: () => T): T {
  let values = made.get(db);
  if (!values) made.set(db, (values = new Map()));
  const last = values.get(name);
  if (last && last.stamp === changeStamp(db)) return last.value as T;
  const value = make();
  // taken after make(): what it wrote itself (outlines) is no change
  const stamp = changeStamp(db);
  values.delete(name);
  values.set(name, { stamp, value });
  // bounded: what an older state of the library made goes first, then the least recently made
  if (values.size > REMEMBERED) for (const [key, v] of values) if (v.stamp !== stamp) values.delete(key);
  for (const key of values.keys()) if (values.size > REMEMBERED) values.delete(key);
  return value;
}

export function agencies(db: Db): AgencyEntry[] {
  return remembered(db, 'agencies', () => listAgencies(db).map((a) => ({ agency: a.agency, region: a.region, years: a.years.split(',').map(Number).sort((x, y) => x - y) })));
}

/** One report's part in its group's row: what the comparison adds up. */
function partOf(r: ReportFigures, group: string): GroupMember {
  const v = r.values;
  const denied = Object.fromEntries(DENIED_KEYS.map(([d, key]) => [d, v[key] ?? 0]));
  const review = emptyOutcomes();
  const suit = emptyOutcomes();
  addOutcomes(review, v, REVIEW_KEYS);
  addOutcomes(suit, v, SUIT_KEYS);
  return {
    reportId: r.id,
    agency: r.agency,
    region: r.region,
    year: r.year,
    group,
    received: received(v) ?? null,
    granted: v['t3.granted.total'] ?? v['legacy.reply.granted'] ?? 0,
    decided: v['t3.total.total'] ?? v['legacy.reply.total'] ?? 0,
    denied,
    review,
    suit,
  };
}

/** Every original report with its group and its part in the group's row. */
function groupParts(db: Db, by: GroupBy, years?: readonly number[]): GroupMember[] {
  return remembered(db, `parts:${by}:${years?.join(',') ?? ''}`, () => {
    const levels = new Map<string, string>();
    // the figures of every report, read once for every grouping
    return remembered(db, `figures:${years?.join(',') ?? ''}`, () => figuresByReport(db, years)).map((r) => {
      if (by !== 'level') return partOf(r, groupKey(r, by));
      const id = `${r.agency}\u0000${r.region}`;
      let key = levels.get(id);
      if (key === undefined) levels.set(id, (key = groupKey(r, by)));
      return partOf(r, key);
    });
  });
}

export function groupStats(db: Db, by: GroupBy, years?: readonly number[]): GroupStats[] {
  const groups = new Map<string, { stats: GroupStats; received: number[] }>();
  for (const p of groupParts(db, by, years)) {
    let g = groups.get(p.group);
    if (!g) {
      g = {
        stats: { group: p.group, reports: 0, withApplications: 0, received: 0, receivedMedian: null, receivedP90: null, granted: 0, decided: 0, grantedShare: null, denied: Object.fromEntries(T3_DENIED.map((d) => [d, 0])), review: emptyOutcomes(), suit: emptyOutcomes() },
        received: [],
      };
      groups.set(p.group, g);
    }
    const s = g.stats;
    s.reports++;
    if (p.received !== null) {
      s.withApplications++;
      s.received += p.received;
      g.received.push(p.received);
    }
    s.granted += p.granted;
    s.decided += p.decided;
    for (const d of T3_DENIED) s.denied[d]! += p.denied[d] ?? 0;
    for (const c of OUTCOME_KEYS) {
      s.review[c] += p.review[c];
      s.suit[c] += p.suit[c];
    }
  }
  const out = [...groups.values()].map(({ stats, received: list }) => {
    list.sort((a, b) => a - b);
    return { ...stats, receivedMedian: quantile(list, 0.5), receivedP90: quantile(list, 0.9), grantedShare: stats.decided ? stats.granted / stats.decided : null };
  });
  return out.sort((a, b) => GROUP_ORDER[by](a.group, b.group));
}

/** The reports of one group of the comparison, each with its part of the group's figures (most applications first). */
export function groupMembers(db: Db, by: GroupBy, group: string, years?: readonly number[]): GroupMember[] {
  return groupParts(db, by, years)
    .filter((p) => p.group === group)
    .sort((a, b) => (b.received ?? -1) - (a.received ?? -1) || a.reportId - b.reportId);
}

const OUTLINE_BATCH = 500;

/** Outline the reports that have none yet (or whose first file changed), at most `limit`; cached in the store. */
export function refreshOutlines(db: Db, limit = Infinity): number {
  let n = 0;
  for (let batch; n < limit && (batch = pendingOutlines(db, Math.min(OUTLINE_BATCH, limit - n))).length; n += batch.length) {
    saveOutlines(db, batch.map(({ text, ...r }) => ({ ...r, sections: outline(text).map((s) => s.key) })));
  }
  return n;
}

/** The annual report is due by 1月31日 of the next year under the 2019 条例, 3月31日 before. */
export function deadlineFor(year: number): string {
  return year >= 2019 ? `${year + 1}-01-31` : `${year + 1}-03-31`;
}

const TABLES: Record<ReportFormat, [string, 't2' | 't2v19' | 't3' | 't4' | 'legacy'][]> = {
  '2021': [
    ['表二', 't2'],
    ['表三', 't3'],
    ['表四', 't4'],
  ],
  '2019': [
    ['表二', 't2v19'],
    ['表三', 't3'],
    ['表四', 't4'],
  ],
  legacy: [['统计表', 'legacy']],
  narrative: [],
};

const DAY = 86_400_000;

/** Completeness and compliance of every original report (made again only after a change to the library). */
export function compliance(db: Db): ComplianceRow[] {
  return remembered(db, 'compliance', () => {
    refreshOutlines(db);
    return complianceRows(db);
  });
}

function complianceRows(db: Db): ComplianceRow[] {
  return complianceInputs(db).map((r) => {
    const layout = r.format as ReportFormat | null;
    const required = (r.year !== null && r.year < 2019) || layout === 'legacy' ? REQUIRED_2008 : REQUIRED_2019;
    const found = JSON.parse(r.sections) as SectionKey[];
    const tables = JSON.parse(r.tables) as string[];
    const deadline = r.year === null ? null : deadlineFor(r.year);
    const published = r.publishedAt && /^\d{4}-\d{2}-\d{2}$/.test(r.publishedAt) ? r.publishedAt : null;
    const late = published && deadline ? Math.round((Date.parse(published) - Date.parse(deadline)) / DAY) : null;
    return {
      reportId: r.id,
      agency: r.agency,
      year: r.year,
      layout,
      required: [...required],
      missingSections: required.filter((k) => !found.includes(k)),
      tables: (layout ? TABLES[layout] : []).map(([name, group]) => ({ name, present: tables.includes(group) })),
      errors: r.errors,
      warnings: r.warnings,
      publishedAt: published,
      deadline,
      onTime: late === null ? null : late <= 0,
      daysLate: late === null ? null : Math.max(0, late),
    };
  });
}
