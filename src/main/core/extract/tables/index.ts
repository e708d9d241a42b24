// Statistics tables: find each layout's tables, read them, pick the layout that fits, resolve
// ambiguous digit-run splits with the consistency rules, emit fields with provenance.
import type { ExtractedField } from '../../../../shared/model';
import { fieldDef, type ReportFormat } from '../../../../shared/fields';
import { canon, canonWithMap } from '../labels/canon';
import { convertMoney } from '../values/parse';
import { LAYOUT_TABLES, type TableSchema } from './schema';
import { AMBIGUOUS, newReadCache, readTable, UNIQUE_SPLIT, type Region, type RowReading, type TableReading } from './read';
import { settleSplits } from './settle';
import type { UnmappedRow } from '../../../../shared/model';

export interface TablesResult {
  format: Exclude<ReportFormat, 'narrative'> | null;
  fields: ExtractedField[];
  unmapped: UnmappedRow[];
  /** where the tables that were read lie in the text */
  spans: [number, number][];
}

type Layout = keyof typeof LAYOUT_TABLES;

/** `only`: read with that layout alone (none for 'narrative'), whichever fits best otherwise. */
export function extractTables(text: string, sha256: string, yearHint: number | null, only?: ReportFormat): TablesResult {
  const doc = canonWithMap(text);
  const layouts = (Object.keys(LAYOUT_TABLES) as Layout[]).map((layout) => ({ layout, regions: locate(text, doc, LAYOUT_TABLES[layout]) }));
  // numbers outside every table the layouts find are the prose's
  const evidence = proseNumbers(text, layouts.flatMap((l) => l.regions));
  const cache = newReadCache();
  const attempts = layouts.filter(({ layout }) => !only || layout === only).map(({ layout, regions }) => {
    const readings = LAYOUT_TABLES[layout].map((schema, i) => regions[i] && readTable(text, schema, regions[i], evidence, cache)).filter((r): r is TableReading => Boolean(r));
    const rows = readings.reduce((n, r) => n + r.rows.length, 0);
    return { layout, readings, rows, signature: regions.filter(Boolean).length };
  });
  const best = attempts
    .filter((a) => a.rows >= 2)
    .sort((a, b) => b.rows - a.rows || b.signature - a.signature || preferByYear(a.layout, b.layout, yearHint))[0];
  if (!best) return { format: null, fields: [], unmapped: [], spans: [] };
  const fields = toFields(best.readings, sha256);
  const spans = best.readings.map(extent);
  return { format: best.layout, fields, unmapped: best.readings.flatMap((r) => r.unmapped), spans: [...spans, ...copies(text, doc, LAYOUT_TABLES[best.layout], spans)] };
}

/** Where a page prints the tables again (a print version after the screen one): not prose either. */
function copies(text: string, doc: { canon: string; map: Int32Array }, schemas: readonly TableSchema[], read: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let end = Math.max(...read.map(([, e]) => e));
  for (let round = 0; round < 3; round++) {
    const from = canonIndexAt(doc.map, end);
    const again = locate(text, doc, schemas, from)
      .map((region, i) => region && readTable(text, schemas[i]!, region, new Set()))
      .filter((r): r is TableReading => Boolean(r && r.rows.length >= 2));
    if (again.length === 0) break;
    out.push(...again.map(extent));
    end = Math.max(...out.map(([, e]) => e));
  }
  return out;
}

/** First canonical index at or after a text offset. */
function canonIndexAt(map: Int32Array, offset: number): number {
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** From the first row's label to the last cell read. */
function extent(reading: TableReading): [number, number] {
  const starts = reading.rows.map((r) => r.labelStart);
  const ends = reading.rows.flatMap((r) => r.candidates[0]!.map((c) => c.end));
  return [Math.min(...starts), Math.max(...ends)];
}

const preferByYear = (a: Layout, b: Layout, year: number | null): number => {
  if (year === null) return 0;
  const fits = (l: Layout): number => (l === '2021' ? Number(year >= 2020) : l === '2019' ? Number(year >= 2019 && year <= 2020) : Number(year <= 2018));
  return fits(b) - fits(a);
};

/** Where each table of a layout starts and ends in the text (null when it is not there). */
function locate(text: string, doc: { canon: string; map: Int32Array }, schemas: readonly TableSchema[], after = 0): (Region | null)[] {
  const starts: (number | null)[] = [];
  let from = after;
  for (const schema of schemas) {
    const at = tableStart(doc.canon, schema, from);
    starts.push(at);
    if (at !== null) from = at;
  }
  return starts.map((at, i) => {
    if (at === null) return null;
    const next = starts.slice(i + 1).find((s): s is number => s !== null);
    const start = doc.map[at]!;
    const end = next !== undefined ? doc.map[next]! : Math.min(text.length, schemas[i]!.id === 't4' ? start + 4000 : text.length);
    return { start, end, cumulative: doc.canon.slice(at, at + 200).includes('累计') };
  });
}

const LOOKAHEAD = 400;

/** First signature occurrence followed closely by at least two of the table's row labels. */
function tableStart(canonText: string, schema: TableSchema, from: number): number | null {
  const variants = schema.rows.flatMap((r) => r.variants.map(canon));
  const occurrences = schema.signatures
    .map(canon)
    .flatMap((sig) => [...canonText.matchAll(new RegExp(sig, 'g'))].map((m) => m.index))
    .filter((i) => i >= from)
    .sort((a, b) => a - b);
  for (const at of occurrences) {
    const ahead = canonText.slice(at, at + LOOKAHEAD);
    if (variants.filter((v) => ahead.includes(v)).length >= 2) return at;
  }
  return null;
}

/** Numbers the report states outside its tables: evidence for splitting digit runs. */
function proseNumbers(text: string, regions: readonly (Region | null)[]): Set<number> {
  let outside = text;
  for (const r of regions) if (r) outside = outside.slice(0, r.start) + ' '.repeat(r.end - r.start) + outside.slice(r.end);
  const out = new Set<number>();
  // dates, years and phone numbers are not figures
  const figures = outside.replace(/\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{4}\s*年度?|\d+\s*[月日号时]|\d{3,4}-\d{7,8}/g, ' ');
  for (const m of figures.matchAll(/(?<![\d.])\d+(?:\.\d+)?(?![\d.])/g)) out.add(Number(m[0]));
  return out;
}

function toFields(readings: readonly TableReading[], sha256: string): ExtractedField[] {
  const rows = readings.flatMap((r) => r.rows);
  const { chosen, settled, unsure } = settleSplits(rows);
  return rows.flatMap((r) => {
    // the arithmetic of the whole table fixed the split, or could not decide it
    const confidence = settled.has(r) && !r.placed ? Math.max(r.confidence, r.match * UNIQUE_SPLIT) : unsure.has(r) ? Math.min(r.confidence, r.match * AMBIGUOUS) : r.confidence;
    return rowFields({ ...r, confidence }, chosen.get(r) ?? 0, sha256);
  });
}

function rowFields(row: RowReading, candidate: number, sha256: string): ExtractedField[] {
  const cells = row.candidates[candidate]!;
  // keys outside the catalogue (a combined 法人或其他组织 column) are kept as unmapped rows instead
  return row.keys.flatMap((key, i) => {
    if (!fieldDef(key)) return [];
    const cell = cells[i]!;
    const unit = fieldDef(key)?.unit;
    const money = fieldDef(key)?.kind === 'money' && cell.value !== null && unit ? convertMoney(cell.value, cell.unit, unit) : null;
    const field: ExtractedField = {
      key,
      value: money ? money.value : cell.value,
      text: cell.text,
      ...(unit ? { unit } : {}),
      ...(cell.approx ? { approx: true } : {}),
      confidence: round2(row.confidence),
      status: 'auto' as const,
      source: { sha256, span: [cell.start, cell.end] as [number, number] },
      ...(money?.note ? { note: money.note } : {}),
    };
    return [field];
  });
}

const round2 = (v: number): number => Math.round(v * 100) / 100;
