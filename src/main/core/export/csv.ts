// CSV exports that open correctly in Excel on Chinese Windows: UTF-8 with BOM, CRLF, cells that
// start a formula neutralised. Long format (report, key, value, status) and wide (a row per report).
import { FIELDS, fieldDef } from '../../../shared/fields';
import type { Db } from '../store/db';
import type { ExportSource } from '../store/export-read';
import { exportSources, type ExportOptions } from './options';
import { BufferedFile } from './buffered-file';

export type CsvShape = 'long' | 'wide';

const BOM = '\ufeff';
const EOL = '\r\n';

/** One CSV cell: quoted when needed; = + - @ (and tab/CR) at the start cannot become a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: readonly unknown[]): string => cells.map(csvCell).join(',') + EOL;
export const fileNames = (r: ExportSource): string => r.files.map((f) => f.name).join('; ');
export const failedChecks = (r: ExportSource): number => r.checks.filter((c) => !c.ok).length;

/** Write a CSV file (BOM first) from header rows and a stream of rows. */
export function writeCsv(file: string, head: readonly (readonly unknown[])[], rows: Iterable<readonly unknown[]>): void {
  const out = new BufferedFile(file);
  try {
    out.write(BOM);
    for (const h of head) out.write(csvLine(h));
    for (const r of rows) out.write(csvLine(r));
  } catch (err) {
    out.abort();
    throw err;
  }
  out.commit();
}

export function writeCsvExport(db: Db, file: string, shape: CsvShape, options: ExportOptions = {}): number {
  let n = 0;
  const count = function* <T>(reports: Iterable<ExportSource>, rows: (r: ExportSource) => Iterable<T>): Generator<T> {
    for (const r of reports) {
      n++;
      yield* rows(r);
    }
  };
  const reports = exportSources(db, options);
  if (shape === 'long') {
    writeCsv(
      file,
      [['report_id', 'files', 'key', 'label', 'value', 'unit', 'status', 'confidence', 'original_text']],
      count(reports, (r) => {
        const names = fileNames(r);
        return r.fields.map((f) => [r.id, names, f.key, fieldDef(f.key)?.label ?? '', f.value, f.unit ?? '', f.status, f.confidence, f.text]);
      }),
    );
  } else {
    const keys = FIELDS.map((f) => f.key);
    writeCsv(
      file,
      [
        ['report_id', 'files', 'duplicate_of', 'failed_checks', ...keys],
        ['报告编号', '文件', '重复于', '未通过校验', ...FIELDS.map((f) => f.label)],
      ],
      count(reports, (r) => {
        const values = new Map(r.fields.map((f) => [f.key, f.value]));
        return [[r.id, fileNames(r), r.duplicateOf, failedChecks(r), ...keys.map((k) => values.get(k) ?? null)]];
      }),
    );
  }
  return n;
}
