// CSV exports that open correctly in Excel on Chinese Windows: UTF-8 with BOM, CRLF, cells that
// start a formula neutralised. Long format (report, key, value, status) and wide (a row per report).
// Lines are made straight from the stored field rows: no object per field.
import { FIELDS, fieldDef } from '../../../shared/fields';
import type { FieldValue } from '../../../shared/model';
import type { Db } from '../store/db';
import { F, type ExportSource } from '../store/export-read';
import { exportSources, type ExportOptions } from './options';
import { BufferedFile } from './buffered-file';

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

/** Write CSV lines (BOM first) into <file>.tmp, renamed into place when complete. */
function writeCsv(file: string, write: (line: (s: string) => void) => void): void {
  const out = new BufferedFile(file);
  try {
    out.write(BOM);
    write((s) => out.write(s));
  } catch (err) {
    out.abort();
    throw err;
  }
  out.commit();
}

export function writeCsvExport(db: Db, file: string, shape: CsvShape, options: ExportOptions = {}): number {
  let n = 0;
  const reports = exportSources(db, options, { columns: shape === 'long' ? ['text', 'unit', 'confidence'] : [], checks: shape === 'wide' ? 'failing' : 'none', unmapped: false });
  if (shape === 'long') {
    // "key,label," once per key
    const keyCells = new Map<string, string>();
    const keyCell = (key: string): string => {
      let c = keyCells.get(key);
      if (c === undefined) keyCells.set(key, (c = `${csvCell(key)},${csvCell(fieldDef(key)?.label ?? '')},`));
      return c;
    };
    writeCsv(file, (write) => {
      write(csvLine(['report_id', 'files', 'key', 'label', 'value', 'unit', 'status', 'confidence', 'original_text']));
      for (const r of reports) {
        const lead = `${r.id},${csvCell(fileNames(r))},`;
        for (const f of r.rows) {
          write(`${lead}${keyCell(f[F.key])}${csvCell(f[F.value])},${csvCell(f[F.unit])},${f[F.status]},${f[F.confidence]},${csvCell(f[F.text])}${EOL}`);
        }
        n++;
      }
    });
  } else {
    writeCsv(file, (write) => {
      write(csvLine(['report_id', 'files', 'duplicate_of', 'failed_checks', ...FIELDS.map((f) => f.key)]));
      write(csvLine(['报告编号', '文件', '重复于', '未通过校验', ...FIELDS.map((f) => f.label)]));
      for (const r of reports) {
        write(csvLine([r.id, fileNames(r), r.duplicateOf, failedChecks(r), ...wideValues(r)]));
        n++;
      }
    });
  }
  return n;
}
