// Read one statistics table from the document text: rows matched to definitions, cells parsed,
// digit runs re-segmented. Works on every source shape through tokens → pairs.
import { CUMULATIVE_SUFFIX, fieldDef } from '../../../../shared/fields';
import { parseValue } from '../values/parse';
import { canon } from '../labels/canon';
import { tokenize } from './tokens';
import { pairs, type Item, type Pair } from './pairs';
import { matchRow } from './match';
import { cuts, plausibility } from './segment';
import type { RowDef, TableSchema } from './schema';
import type { UnmappedRow } from '../../../../shared/model';

export interface Cell {
  value: number | null;
  text: string;
  start: number;
  end: number;
  approx: boolean;
  unit: string | null;
}

export interface RowReading {
  def: RowDef;
  /** field keys of the cells, in order */
  keys: string[];
  /** candidate cell lists, best first; more than one when a digit run splits several ways */
  candidates: Cell[][];
  confidence: number;
  /** confidence in the label's match to its definition (1 = exact) */
  match: number;
  /**
   * the candidates place printed cells among blanks that left no trace (one cell per line): every
   * row of the table may shift alike, so the table's arithmetic cannot vouch for one placement
   */
  placed?: boolean;
  /** printed figures of the row no column could be given (kept as an unmapped row) */
  unplaced?: Cell[];
  labelStart: number;
  labelEnd: number;
}


export interface TableReading {
  schema: TableSchema;
  rows: RowReading[];
  unmapped: UnmappedRow[];
}

export interface Region {
  start: number;
  end: number;
  /** the table has a 历年累计 column */
  cumulative: boolean;
}

/** A row's candidate cell lists; `placed`: see RowReading; `unplaced`: printed figures no column can be given */
interface CellsRead {
  candidates: Cell[][];
  certainty: number;
  placed?: boolean;
  unplaced?: Cell[];
}

/** Work shared by the readings of one document under several layouts (2019 and 2021 share 表三 and 表四). */
export interface ReadCache {
  pairs: Map<string, Pair[]>;
  cells: Map<string, CellsRead>;
}
export const newReadCache = (): ReadCache => ({ pairs: new Map(), cells: new Map() });

export function readTable(text: string, schema: TableSchema, region: Region, evidence: ReadonlySet<number>, cache: ReadCache = newReadCache()): TableReading {
  const rows = new Map<string, RowReading>();
  const unmapped: UnmappedRow[] = [];
  const headerOrders = new Map<RowDef['headers'], number[]>();
  let group: string | null = null;
  const applicants = schema.id.startsWith('t3') ? applicantColumns(text, region) : null;
  const span = `${region.start}:${region.end}`;
  const read = cache.pairs.get(span) ?? pairs(tokenize(text, region.start, region.end), text);
  cache.pairs.set(span, read);
  for (const [n, pair] of read.entries()) {
    const match = matchRow(pair.label, schema.rows, group) ?? matchRow(pair.label + continuation(read[n + 1]), schema.rows, group);
    if (!match) {
      if (schema.id === 'legacy') collectUnmapped(pair, unmapped);
      continue;
    }
    const def = bestFit(match.ties, pair.items);
    if (def.opensGroup) group = def.opensGroup;
    const order = columnOrder(def, pair.label, headerOrders);
    const keys = applicants && def.id.startsWith('t3.') ? applicants.map((c) => `${def.id}.${c}`) : order.map((i) => def.columns[i]!);
    const balanced = applicants && def.id.startsWith('t3.') ? (applicants.includes('total') ? sumOfOthers : undefined) : def.balanced;
    const priors = def.priors && order.map((i) => def.priors![i]!);
    if (def.cumulative && region.cumulative) keys.push(`${def.columns[0]}${CUMULATIVE_SUFFIX}`);
    // a row's own plausibility reads its values in the definition's column order
    const inDefOrder = (v: readonly number[]): number[] => def.columns.map((_, i) => v[order.indexOf(i)] ?? 0);
    const joint = keys.length === 2 && keys[1]!.endsWith(CUMULATIVE_SUFFIX) ? cumulativePlausibility : def.joint && ((v: readonly number[]) => def.joint!(inDefOrder(v)));
    const id = `${pair.labelStart}:${def.id}:${keys.join(',')}`;
    const found = cache.cells.get(id) ?? cellsFor(pair.items, keys.length, { ...def, joint, balanced }, priors, evidence, oneCellPerLine(text, pair));
    cache.cells.set(id, found);
    const { certainty } = found;
    const candidates = withHeaderUnit(found.candidates, keys, pair);
    const label = labelConfidence(match.score);
    const reading = { def, keys, candidates, confidence: label * certainty, match: label, ...(found.placed ? { placed: true } : {}), ...(found.unplaced ? { unplaced: found.unplaced } : {}), labelStart: pair.labelStart, labelEnd: pair.labelEnd };
    // the same label may also occur in prose before the table: keep the reading that fits best
    const seen = rows.get(def.id);
    if (!seen || reading.confidence > seen.confidence) rows.set(def.id, reading);
  }
  // a combined 法人或其他组织 figure has no key, nor have figures no column can be given: they stay
  // with the report as unmapped rows
  for (const row of rows.values()) {
    const at = row.keys.findIndex((k) => k.endsWith(`.${LEGAL_ENTITIES}`));
    const cell = row.candidates[0]![at];
    // the row's own label: header cells may run into it
    const label = text.slice(row.labelStart, row.labelEnd).split(/[|\n]/u).at(-1)!.replace(/\s+/g, ' ').trim();
    if (cell) unmapped.push({ label: `${label}·法人或其他组织`, values: [cell.value], span: [row.labelStart, cell.end] });
    if (row.unplaced?.length) unmapped.push({ label: `${label}·法人或其他组织（列不明）`, values: row.unplaced.map((c) => c.value), span: [row.labelStart, row.unplaced.at(-1)!.end] });
  }
  return { schema, rows: [...rows.values()], unmapped };
}

/**
 * The end of a wrapped label printed after the row's figures (PDF and text-browser copies: …处理其
 * 政府信息公 | 0 | 0 … then 开申请 on the next line): the next row's short first lines (two at most),
 * unless numbered; its last line is its own label.
 */
function continuation(next: Pair | undefined): string {
  const lines = next?.label.split('\n').slice(0, -1).map((l) => l.trim()) ?? [];
  let out = '';
  for (const line of lines.slice(0, 2)) {
    if (line.length > 12 || /^(?:[（(]?[一二三四五六七八九十]+[）)、.．]|\d+[.、．])/u.test(line)) break;
    out += line;
  }
  return out;
}

/** The column of a 表三 that prints 法人或其他组织 as one figure. */
export const LEGAL_ENTITIES = 'legal_entities';
const ORGANISATIONS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构'];
const sumOfOthers = (v: readonly number[]): boolean => v.slice(0, -1).reduce((a, b) => a + b, 0) === v.at(-1);

/**
 * The applicant columns a 表三 prints, from its header: null for the standard seven; otherwise
 * e.g. natural | legal_entities | total (法人或其他组织 as one column) or the six without 总计.
 */
function applicantColumns(text: string, region: Region): string[] | null {
  const head = canon(text.slice(region.start, Math.min(region.end, region.start + 800)));
  const header = head.slice(0, Math.max(0, head.indexOf('本年新收')));
  if (!header.includes('自然人')) return null;
  const itemised = ORGANISATIONS.some((o) => header.includes(o));
  const total = header.includes('总计');
  if (itemised && total) return null;
  const organisations = itemised ? ['commercial', 'research', 'social', 'legal', 'other_org'] : header.includes('法人或其他组织') ? [LEGAL_ENTITIES] : [];
  return ['natural', ...organisations, ...(total ? ['total'] : [])];
}

/** The row's cells stand on lines of their own (no bar between them): blank cells leave no trace. */
function oneCellPerLine(text: string, pair: Pair): boolean {
  return !/[|｜│]/u.test(text.slice(pair.labelEnd, pair.end)) && text.slice(pair.labelEnd, pair.end).includes('\n');
}

/**
 * Money cells without a unit of their own take the one their header or unit cell names
 * (采购总金额（万元）, 本年收费金额（单位：元）, 七、…收取的费用 | 元 | 500).
 */
function withHeaderUnit(candidates: Cell[][], keys: readonly string[], pair: Pair): Cell[][] {
  const printed = [...pair.label.matchAll(/[（(]\s*(?:[单單]位\s*[:：]\s*)?([万萬]元|元)\s*[)）]/gu)].at(-1)?.[1] ?? pair.units.findLast((u) => /^(?:[万萬]元|元)$/u.test(u));
  const named = printed?.replace('萬', '万');
  if (!named) return candidates;
  return candidates.map((cells) => cells.map((c, i) => (c.unit === null && c.value !== null && fieldDef(keys[i]!)?.kind === 'money' ? { ...c, unit: named } : c)));
}

/**
 * Among definitions a label matches equally (复议后起诉 ends both the 表四 header before its 15
 * cells and a transposed 表四's row of 5), the one whose cell count the row fits: cells printed
 * apart must number as many as the columns; a digit run can be split into any count.
 */
function bestFit(ties: readonly RowDef[], items: readonly Item[]): RowDef {
  if (ties.length === 1) return ties[0]!;
  const filled = items.filter((it) => it.type !== 'blank');
  const apart = filled.length >= 2 && filled.every((it) => it.hardBefore);
  // as many cells as columns is the best fit; a run that could be split into them comes next
  const misfit = (def: RowDef): number => (filled.length === def.columns.length ? 0 : apart ? Math.abs(filled.length - def.columns.length) : filled.length > def.columns.length ? filled.length - def.columns.length : 0.5);
  return ties.reduce((best, def) => (misfit(def) < misfit(best) ? def : best));
}

/** Column order from the header text printed before the row, else the block's last order, else the default. */
function columnOrder(def: RowDef, label: string, remembered: Map<RowDef['headers'], number[]>): number[] {
  const natural = def.columns.map((_, i) => i);
  if (!def.headers) return natural;
  const c = canon(label);
  const positions = def.headers.map((names) => Math.min(...names.map((n) => c.indexOf(canon(n))).filter((p) => p >= 0)));
  if (positions.every(Number.isFinite)) {
    const order = natural.slice().sort((a, b) => positions[a]! - positions[b]!);
    remembered.set(def.headers, order);
    return order;
  }
  return remembered.get(def.headers) ?? natural;
}

function cellOf(item: Item): Cell {
  if (item.type === 'blank') return { value: null, text: '', start: item.at, end: item.at, approx: false, unit: null };
  const { token } = item;
  const parsed = parseValue(token.text);
  const value = parsed.kind === 'number' || parsed.kind === 'zero_mark' ? parsed.value : null;
  return {
    value,
    text: token.text,
    start: token.start,
    end: token.end,
    approx: parsed.kind === 'number' && parsed.approx,
    unit: parsed.kind === 'number' ? parsed.unit : null,
  };
}

/** A label matched within a few edits may be another row: below the review threshold unless nearly exact. */
const labelConfidence = (score: number): number => (score >= 1 ? 1 : Math.max(0.3, 0.5 + (score - 0.75)));

const CERTAIN = 1;
export const UNIQUE_SPLIT = 0.9;
const CLEAR_SPLIT = 0.7;
export const AMBIGUOUS = 0.45;

/** Cells of a row: as printed when the count fits, else every plausible split of its digit runs. */
function cellsFor(
  items: readonly Item[],
  k: number,
  def: RowDef,
  priors: RowDef['priors'],
  evidence: ReadonlySet<number>,
  byLines = false,
): CellsRead {
  // blank cells after the last value (a row end printed as an empty cell) are not values
  while (items.length > k && items.at(-1)?.type === 'blank') items = items.slice(0, -1);
  const direct = items.map(cellOf);
  if (items.length === k) return { candidates: [direct], certainty: CERTAIN };
  if (items.length > k) {
    // a value printed under another of several merged-away columns (行政许可 | | | 118)
    const filled = direct.filter((c) => c.text !== '');
    if (filled.length === k) return { candidates: [filled], certainty: CLEAR_SPLIT };
    // cumulative-less table with an extra trailing value, or a row that swallowed a neighbour
    return { candidates: [direct.slice(0, k)], certainty: AMBIGUOUS };
  }
  if (items.length >= 2 && items.every((it) => it.type === 'blank' || it.hardBefore)) {
    // every cell printed apart (a | b | c): nothing is glued, the cells missing at the end are blank
    const trailing = [...direct, ...Array.from({ length: k - items.length }, () => blankAfter(direct))];
    const values = (cells: Cell[]): number[] => cells.map((c) => c.value ?? 0);
    if (!byLines || !def.balanced || def.balanced(values(trailing))) return { candidates: [trailing], certainty: CLEAR_SPLIT };
    // one cell per line drops blank cells anywhere: place the printed ones where the row balances
    const placed = placements(direct, k).filter((cells) => def.balanced!(values(cells)));
    if (placed.length === 0) return { candidates: [trailing], certainty: AMBIGUOUS };
    if (placed.length === 1) return { candidates: placed, certainty: UNIQUE_SPLIT };
    // 表三: the first figure is the 自然人 column and the last the 总计; which kinds of organisation
    // the figures between belong to cannot be told: they are kept aside, not guessed
    const [first, ...middle] = direct;
    const last = middle.pop();
    if (def.id.startsWith('t3.') && last && placed.some((c) => c[0] === first && c[k - 1] === last)) {
      const cells = [first!, ...Array.from({ length: k - 2 }, () => blankAfter([first!])), last];
      return middle.length > 0 ? { candidates: [cells], certainty: AMBIGUOUS, unplaced: middle } : { candidates: [cells], certainty: CLEAR_SPLIT };
    }
    return { candidates: placed, certainty: AMBIGUOUS, placed: true };
  }
  // splits of a run of zero marks (—— or — twice) read the same values: one of them stands for all
  const splits = distinctValues(splitRuns(items, k));
  if (splits.length === 0) return { candidates: [[...direct, ...Array.from({ length: k - items.length }, () => blankAfter(direct))]], certainty: AMBIGUOUS };
  const values = (cells: Cell[]): number[] => cells.map((c) => c.value ?? 0);
  // a sign opens a 本年增/减 cell: a split that puts one elsewhere is not how the row was printed
  const signedRight = splits.filter((s) => s.every((c, j) => !/^[+\-＋－]/u.test(c.text) || priors?.[j] === 'change'));
  const shaped = signedRight.length > 0 ? signedRight : splits;
  const balanced = def.balanced ? shaped.filter((s) => def.balanced!(values(s))) : [];
  const pool = balanced.length > 0 ? balanced : shaped;
  const ranked = pool
    .map((cells) => ({ cells, score: plausibility(values(cells), priors, evidence) + (def.joint?.(values(cells)) ?? 0) }))
    .sort((a, b) => b.score - a.score);
  const certainty =
    ranked.length === 1 ? (def.balanced && balanced.length === 1 ? UNIQUE_SPLIT : CLEAR_SPLIT) : ranked[0]!.score - ranked[1]!.score >= 1.5 ? CLEAR_SPLIT : AMBIGUOUS;
  return { candidates: ranked.map((r) => r.cells), certainty: def.balanced && balanced.length === 0 ? AMBIGUOUS : certainty };
}

function distinctValues(splits: Cell[][]): Cell[][] {
  const seen = new Set<string>();
  return splits.filter((cells) => {
    const key = cells.map((c) => c.value).join(',');
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/** 历年累计 is never below the year's figure, and is typically some ten times it. */
function cumulativePlausibility([year, total]: readonly number[]): number {
  if (total! < year!) return -5;
  return -1.5 * Math.abs(Math.log10(Math.max(1, total!) / Math.max(1, year!)) - 0.8);
}

/** The printed cells in order at every choice of k positions (earliest first), blanks elsewhere. */
function placements(cells: readonly Cell[], k: number, limit = 400): Cell[][] {
  const out: Cell[][] = [];
  const walk = (at: number, used: number, acc: Cell[]): void => {
    if (out.length >= limit) return;
    if (acc.length === k) {
      if (used === cells.length) out.push(acc);
      return;
    }
    if (used < cells.length) walk(at + 1, used + 1, [...acc, cells[used]!]);
    if (k - acc.length > cells.length - used) walk(at + 1, used, [...acc, blankAfter(used > 0 ? [cells[used - 1]!] : [])]);
  };
  walk(0, 0, []);
  return out;
}

function blankAfter(cells: readonly Cell[]): Cell {
  const at = cells.at(-1)?.end ?? 0;
  return { value: null, text: '', start: at, end: at, approx: false, unit: null };
}

const SPLITTABLE = /^[+\-＋－]?[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?(?:[万萬]元|元)?$/u;

/** Every way to cut the row's digit runs so that it has exactly k cells. */
function splitRuns(items: readonly Item[], k: number, limit = 20000): Cell[][] {
  const out: Cell[][] = [];
  const walk = (i: number, extra: number, acc: Cell[]): void => {
    if (out.length >= limit) return;
    if (i === items.length) {
      if (extra === 0) out.push(acc);
      return;
    }
    const item = items[i]!;
    const base = cellOf(item);
    if (item.type === 'blank') return walk(i + 1, extra, [...acc, base]);
    if (item.type === 'zero' && extra > 0 && item.token.text.length > 1) {
      for (const pieces of markCuts(item.token.text, extra + 1)) {
        let offset = item.token.start;
        const cells = pieces.map((p): Cell => ({ value: 0, text: p, start: offset, end: (offset += p.length), approx: false, unit: null }));
        walk(i + 1, extra - (pieces.length - 1), [...acc, ...cells]);
      }
      return walk(i + 1, extra, [...acc, base]);
    }
    const splittable = item.type === 'num' && SPLITTABLE.test(item.token.text) && !base.approx;
    if (!splittable || extra === 0) return walk(i + 1, extra, [...acc, base]);
    const printedUnit = /(万元|萬元|元)$/u.exec(item.token.text)?.[1] ?? null;
    const unit = printedUnit?.replace('萬', '万') ?? null;
    const run = item.token.text.slice(0, item.token.text.length - (unit?.length ?? 0)).replace(/[０-９．＋－，]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    // a sign starts a cell (本年增/减 +9): it belongs to the first piece
    const sign = /^[+-]/.test(run) ? run[0]! : '';
    const digits = run.slice(sign.length);
    for (let parts = 1; parts <= Math.min(digits.length, extra + 1); parts++) {
      for (const pieces of groupedCuts(digits, parts)) {
        let offset = item.token.start;
        const cells = pieces.map((p, j) => {
          const last = j === pieces.length - 1;
          const printed = j === 0 ? `${sign}${p}` : p;
          const cell: Cell = { value: Number(printed.replace(/,/g, '')), text: last && printedUnit ? `${printed}${printedUnit}` : printed, start: offset, end: offset + printed.length + (last && unit ? unit.length : 0), approx: false, unit: last ? unit : null };
          offset += printed.length;
          return cell;
        });
        walk(i + 1, extra - (parts - 1), [...acc, ...cells]);
      }
    }
  };
  walk(0, k - items.length, []);
  return out;
}

/**
 * Cuts of a digit run whose last figure has thousands separators (11830921,164 → …|2|1,164): that
 * figure starts one to three digits before its first comma, the digits before it are cut as usual.
 */
export function groupedCuts(run: string, parts: number): string[][] {
  const comma = run.indexOf(',');
  if (comma < 0) return cuts(run, parts);
  const out: string[][] = [];
  for (let lead = 1; lead <= 3 && lead <= comma; lead++) {
    const head = run.slice(0, comma - lead);
    const tail = run.slice(comma - lead);
    if (!/^[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/.test(tail) || head.includes(',')) continue;
    if (head === '') {
      if (parts === 1) out.push([tail]);
    } else if (parts > 1) for (const pieces of cuts(head, parts - 1)) out.push([...pieces, tail]);
  }
  return out;
}

/**
 * A run of zero marks cut into at most `most` cells, each one mark: 无 and 〇 are one character, a
 * dash cell is — or ——.
 */
export function markCuts(run: string, most: number): string[][] {
  const out: string[][] = [];
  const walk = (at: number, acc: string[]): void => {
    if (at === run.length) {
      if (acc.length > 1) out.push(acc);
      return;
    }
    if (acc.length === most) return;
    walk(at + 1, [...acc, run[at]!]);
    if (/[—─-]/u.test(run[at]!) && run[at + 1] === run[at]) walk(at + 2, [...acc, run.slice(at, at + 2)]);
  };
  walk(0, []);
  return out;
}

function collectUnmapped(pair: Pair, out: UnmappedRow[]): void {
  const values = pair.items.map((it) => cellOf(it).value);
  if (!values.some((v) => v !== null) || pair.items.every((it) => it.type !== 'num')) return;
  // a unit glued to a count label (申请数条) is not part of it
  const label = pair.label.replace(/\s+/g, ' ').trim().replace(/(?<=[数數])(?:条|條|件|次|个|個|人次|人|篇|项|項)$/u, '');
  // headers and section titles (八、机构建设和保障经费情况) are not rows
  if (!/\p{Script=Han}{2,}/u.test(label) || /单位|指标|累计|统计数/u.test(label) || /^[一二三四五六七八九十]+、.*情况$/u.test(label)) return;
  out.push({ label, values, span: [pair.labelStart, pair.end] });
}
