// The library list in SQL: filters, full-text search, sort, and windows of the ordered result.
// A query's ordered ids are computed once and kept while the library is unchanged, so the list
// scrolling through 100,000 reports only fetches the rows it shows.
import { sql, type Db } from './db';
import { reportSummaries } from './reports';
import { idsByKey } from './sort-ids';
import { rankValues, ZH_COLUMNS, type ZhColumn } from './zh-order';
import type { LibraryCounts, LibraryFilters, LibraryPage, LibraryQuery, LibrarySort, ReviewStatus, SortKey } from '../../../shared/library';
import type { FileKind } from '../../../shared/model';
import type { ReportFormat } from '../../../shared/fields';

/** Sort keys that are integers: ordered by store/sort-ids.ts (null: by id alone). */
const INTEGER_KEYS: Partial<Record<SortKey, string | null>> = {
  id: null,
  year: 'r.year',
  failedChecks: 'r.failed_checks',
  reviewStatus: "CASE r.review_status WHEN 'unreviewed' THEN 0 WHEN 'in_review' THEN 1 ELSE 2 END",
  // to a billionth (confidences between 0 and 1 that differ less are shown alike): ties beyond by id
  minConfidence: 'CAST(round(max(0, min(1, r.min_confidence)) * 1e9) AS INTEGER)',
};
/** text keys: in SQL */
const TEXT_ORDER: Partial<Record<SortKey, string>> = { format: 'r.format', fileKind: 'r.file_kind', importedAt: 'r.created_at', deletedAt: 'r.deleted_at' };

const isZh = (key: SortKey): key is ZhColumn => key in ZH_COLUMNS;
const escapeLike = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const TEXT_COLUMNS = { agency: 'r.agency', region: 'r.region', title: 'r.title', fileName: 'r.file_name' } as const;

interface Built {
  where: string;
  params: Record<string, unknown>;
  /** the whole library, unfiltered: its orders by id and by rank come from indexes */
  whole: boolean;
}

/** WHERE clause and parameters of a query (values are always bound, never spliced). */
function buildWhere(q: LibraryQuery): Built {
  const f: LibraryFilters = q.filters ?? {};
  const where = [q.trash ? 'r.deleted_at IS NOT NULL' : 'r.deleted_at IS NULL'];
  const params: Record<string, unknown> = {};
  const add = (clause: string, name: string, value: unknown): void => {
    where.push(clause);
    params[name] = value;
  };
  for (const [key, column] of Object.entries(TEXT_COLUMNS) as [keyof typeof TEXT_COLUMNS, string][]) {
    const value = f[key]?.trim();
    if (value) add(`${column} LIKE @${key} ESCAPE '\\'`, key, escapeLike(value));
  }
  if (f.yearFrom !== undefined) add('r.year >= @yearFrom', 'yearFrom', f.yearFrom);
  if (f.yearTo !== undefined) add('r.year <= @yearTo', 'yearTo', f.yearTo);
  if (f.formats) {
    const none = f.formats.includes(null) ? ' OR r.format IS NULL' : '';
    add(`(r.format IN (SELECT value FROM json_each(@formats))${none})`, 'formats', JSON.stringify(f.formats.filter((x) => x !== null)));
  }
  if (f.statuses) add('r.review_status IN (SELECT value FROM json_each(@statuses))', 'statuses', JSON.stringify(f.statuses));
  if (f.fileKinds) add('r.file_kind IN (SELECT value FROM json_each(@fileKinds))', 'fileKinds', JSON.stringify(f.fileKinds));
  if (f.failedRules?.length) {
    add('r.id IN (SELECT report_id FROM checks WHERE ok = 0 AND rule IN (SELECT value FROM json_each(@failedRules)))', 'failedRules', JSON.stringify(f.failedRules));
  }
  if (f.failedMin !== undefined) add('r.failed_checks >= @failedMin', 'failedMin', f.failedMin);
  if (f.failedMax !== undefined) add('r.failed_checks <= @failedMax', 'failedMax', f.failedMax);
  if (f.confidenceBelow !== undefined) add('r.min_confidence < @confidenceBelow', 'confidenceBelow', f.confidenceBelow);
  if (f.importedFrom) add('r.created_at >= @importedFrom', 'importedFrom', f.importedFrom);
  if (f.importedBefore) add('r.created_at < @importedBefore', 'importedBefore', f.importedBefore);
  const search = q.search?.trim();
  if (search) {
    params.like = escapeLike(search);
    // three or more characters go through the trigram index; shorter ones (两个字) scan the text
    if ([...search].length >= 3) {
      add(`(r.id IN (SELECT rowid FROM report_text WHERE report_text MATCH @fts) OR r.agency LIKE @like ESCAPE '\\' OR r.title LIKE @like ESCAPE '\\')`, 'fts', `"${search.replace(/"/g, '""')}"`);
    } else {
      where.push(`(r.agency LIKE @like ESCAPE '\\' OR r.title LIKE @like ESCAPE '\\'
        OR EXISTS (SELECT 1 FROM files f2 JOIN pages p ON p.file_id = f2.id WHERE f2.report_id = r.id AND p.page = 0 AND p.text LIKE @like ESCAPE '\\'))`);
    }
  }
  return { where: where.join(' AND '), params, whole: where.length === 1 && !q.trash };
}

/** The matching ids in order. */
function orderedIds(db: Db, { where, params, whole }: Built, sort: LibrarySort): number[] {
  // prepared each time: filters combine in many ways, and preparing costs far less than running
  const from = `FROM reports r WHERE ${where}`;
  const dir = sort.desc ? 'DESC' : 'ASC';
  if (isZh(sort.key)) rankValues(db, [sort.key]);
  const key = isZh(sort.key) ? `r.${ZH_COLUMNS[sort.key]}_rank` : INTEGER_KEYS[sort.key];
  if (key === undefined) return db.prepare(`SELECT r.id ${from} ORDER BY ${TEXT_ORDER[sort.key]} ${dir} NULLS LAST, r.id ${dir}`).pluck().all(params) as number[];
  // the whole list comes in order from an index (reports_live, reports_<column>_order)
  if (whole && (key === null || isZh(sort.key))) return db.prepare(`SELECT r.id ${from} ORDER BY ${key === null ? '' : `${key} ${dir} NULLS LAST, `}r.id ${dir}`).pluck().all(params) as number[];
  return idsByKey(db, from, params, key, sort.desc);
}

const DEFAULT_SORT: LibrarySort = { key: 'id', desc: false };
const CACHED_QUERIES = 6;

interface Cached {
  generation: string;
  ids: number[];
}
const caches = new WeakMap<Db, Map<string, Cached>>();

/**
 * Changes since the last look: this connection's row changes (triggers and the full-text index
 * included) and other connections' commits.
 */
function generation(db: Db): string {
  return `${sql(db, 'SELECT total_changes()').pluck().get() as number}:${db.pragma('data_version', { simple: true }) as number}`;
}

/** The ids of every report matching the query, in the query's order. */
export function queryIds(db: Db, q: LibraryQuery): number[] {
  const key = JSON.stringify([q.search?.trim() ?? '', q.filters ?? {}, q.sort ?? DEFAULT_SORT, q.trash === true]);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit?.generation === generation(db)) {
    // most recently used last
    cache.delete(key);
    cache.set(key, hit);
    return hit.ids;
  }
  const ids = orderedIds(db, buildWhere(q), q.sort ?? DEFAULT_SORT);
  cache.delete(key);
  // after the order: ranking new values is a change of its own
  cache.set(key, { generation: generation(db), ids });
  while (cache.size > CACHED_QUERIES) cache.delete(cache.keys().next().value!);
  return ids;
}

/** One window of the ordered result, and where `locate` is in it. */
export function queryPage(db: Db, q: LibraryQuery, offset: number, limit: number, locate?: number): LibraryPage {
  const ids = queryIds(db, q);
  const page: LibraryPage = { total: ids.length, offset, rows: reportSummaries(db, ids.slice(offset, offset + limit)) };
  if (locate !== undefined) {
    const at = ids.indexOf(locate);
    page.position = at < 0 ? null : at;
  }
  return page;
}

/** The failing rules' report counts (the trash included), kept until a failing check changes. */
const failingRules = new WeakMap<Db, { at: number; rules: { rule: string; count: number }[] }>();

/** What the filters can offer: counts over the library (not the trash), from report_counts (kept by triggers). */
export function libraryCounts(db: Db): LibraryCounts {
  const groups = (
    sql(db, `SELECT deleted, review_status AS status, nullif(format, '') AS format, nullif(file_kind, '') AS kind, n FROM report_counts WHERE n > 0`).all() as {
      deleted: number;
      status: ReviewStatus;
      format: ReportFormat | null;
      kind: FileKind | null;
      n: number;
    }[]
  ).filter((g) => g.deleted === 0);
  const statuses: Record<ReviewStatus, number> = { unreviewed: 0, in_review: 0, verified: 0 };
  const formats = new Map<ReportFormat | null, number>();
  const kinds = new Map<FileKind, number>();
  for (const g of groups) {
    statuses[g.status] += g.n;
    formats.set(g.format, (formats.get(g.format) ?? 0) + g.n);
    if (g.kind) kinds.set(g.kind, (kinds.get(g.kind) ?? 0) + g.n);
  }
  const years = sql(
    db,
    'SELECT (SELECT min(year) FROM reports WHERE deleted_at IS NULL AND year IS NOT NULL) AS min, (SELECT max(year) FROM reports WHERE deleted_at IS NULL) AS max',
  ).get() as { min: number | null; max: number | null };
  // every failing rule (from its index, again only when a failing check changed) less those of the trash (usually few reports)
  const at = sql(db, "SELECT n FROM change_counters WHERE name = 'failing_checks'").pluck().get() as number;
  let cached = failingRules.get(db);
  if (cached?.at !== at) {
    cached = { at, rules: sql(db, 'SELECT rule, count(DISTINCT report_id) AS count FROM checks WHERE ok = 0 GROUP BY rule ORDER BY rule').all() as { rule: string; count: number }[] };
    failingRules.set(db, cached);
  }
  const failing = cached.rules;
  const trashed = new Map(
    sql(db, 'SELECT c.rule, count(DISTINCT c.report_id) FROM reports r CROSS JOIN checks c ON c.report_id = r.id WHERE r.deleted_at IS NOT NULL AND c.ok = 0 GROUP BY c.rule')
      .raw()
      .all() as [string, number][],
  );
  const rules = failing.map((r) => ({ rule: r.rule, count: r.count - (trashed.get(r.rule) ?? 0) })).filter((r) => r.count > 0);
  const byCount = <V>(m: Map<V, number>) => [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
  return {
    reports: groups.reduce((n, g) => n + g.n, 0),
    trash: sql(db, 'SELECT coalesce(sum(n), 0) FROM report_counts WHERE deleted = 1').pluck().get() as number,
    statuses,
    formats: byCount(formats),
    fileKinds: byCount(kinds),
    rules,
    years: years.min !== null && years.max !== null ? { min: years.min, max: years.max } : null,
  };
}
