// CSV exports that open correctly in Excel on Chinese Windows: UTF-8 with BOM, CRLF, cells that
// start a formula neutralised. Long format (report, key, value, status) and wide (a row per report).
// Lines are made straight from the stored field rows: no object per field. A large export is made
// by worker threads a batch at a time (line-exports.ts).
import { FIELDS, fieldDef } from '../../../shared/fields';
import type { FieldValue } from '../../../shared/model';
import { F, type ExportSource, type ReadNeeds } from '../store/export-read';

export type CsvShape = 'long' | 'wide';

const BOM = '\ufeff';
const EOL = '\r\n';

/** First characters that would start a formula: = + - @ tab CR. */
const FORMULA = new Set([61, 43, 45, 64, 9, 13]);
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV cell: quoted when needed; = + - @ (and tab/CR) at the start cannot become a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  let s = String(value);
  if (FORMULA.has(s.charCodeAt(0))) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly unknown[]): string {
  let line = csvCell(cells[0]);
  for (let i = 1; i < cells.length; i++) line += ',' + csvCell(cells[i]);
  return line + EOL;
}
export const fileNames = (r: ExportSource): string => r.files.map((f) => f.name).join('; ');
export const failedChecks = (r: ExportSource): number => r.checks.filter((c) => !c.ok).length;

/** Column of each field key in the wide layouts (after the fixed columns). */
export const KEY_COLUMN: ReadonlyMap<string, number> = new Map(FIELDS.map((f, i) => [f.key, i]));

/** The values of a report's fields in the wide layouts' order (null where it has none). */
export function wideValues(r: ExportSource): (FieldValue | null)[] {
  const values = new Array<FieldValue | null>(FIELDS.length).fill(null);
  for (const f of r.rows) {
    const i = KEY_COLUMN.get(f[F.key]);
    if (i !== undefined) values[i] = f[F.value];
  }
  return values;
}

/** What each shape reads of a report. */
export const CSV_NEEDS: Readonly<Record<CsvShape, ReadNeeds>> = {
  long: { columns: ['text', 'unit', 'confidence'], checks: 'none', unmapped: false },
  wide: { columns: [], checks: 'failing', unmapped: false },
};

/** BOM and the heading line(s). */
export const CSV_HEAD: Readonly<Record<CsvShape, string>> = {
  long: BOM + csvLine(['report_id', 'files', 'key', 'label', 'value', 'unit', 'status', 'confidence', 'original_text']),
  wide: BOM + csvLine(['report_id', 'files', 'duplicate_of', 'failed_checks', ...FIELDS.map((f) => f.key)]) + csvLine(['报告编号', '文件', '重复于', '未通过校验', ...FIELDS.map((f) => f.label)]),
};

/** "key,label," once per key */
const keyCells = new Map<string, string>();
function keyCell(key: string): string {
  let c = keyCells.get(key);
  if (c === undefined) keyCells.set(key, (c = `${csvCell(key)},${csvCell(fieldDef(key)?.label ?? '')},`));
  return c;
}

/** The lines of these reports (no heading); returns how many reports. */
export function csvLines(reports: Iterable<ExportSource>, shape: CsvShape, write: (s: string) => void): number {
  let n = 0;
  for (const r of reports) {
    if (shape === 'long') {
      const lead = `${r.id},${csvCell(fileNames(r))},`;
      for (const f of r.rows) write(`${lead}${keyCell(f[F.key])}${csvCell(f[F.value])},${csvCell(f[F.unit])},${f[F.status]},${f[F.confidence]},${csvCell(f[F.text])}${EOL}`);
    } else {
      write(csvLine([r.id, fileNames(r), r.duplicateOf, failedChecks(r), ...wideValues(r)]));
    }
    n++;
  }
  return n;
}
