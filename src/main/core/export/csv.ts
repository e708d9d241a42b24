// CSV exports that open correctly in Excel on Chinese Windows: UTF-8 with BOM, CRLF, cells that
// start a formula neutralised. Long format (report, key, value, status) and wide (a row per report).
import fs from 'node:fs';
import { FIELDS, fieldDef } from '../../../shared/fields';
import type { Db } from '../store/db';
import { reportIds } from '../store/reports';
import { exportReport, type ExportedReport } from './json';

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

const line = (cells: readonly unknown[]): string => cells.map(csvCell).join(',') + EOL;
const fileNames = (r: ExportedReport): string => r.files.map((f) => f.name).join('; ');

export function writeCsvExport(db: Db, file: string, shape: CsvShape): number {
  const fd = fs.openSync(`${file}.tmp`, 'w');
  let n = 0;
  try {
    fs.writeSync(fd, BOM);
    if (shape === 'long') {
      fs.writeSync(fd, line(['report_id', 'files', 'key', 'label', 'value', 'unit', 'status', 'confidence', 'original_text']));
      for (const id of reportIds(db)) {
        const r = exportReport(db, id)!;
        for (const [key, f] of Object.entries(r.fields)) {
          fs.writeSync(fd, line([r.id, fileNames(r), key, fieldDef(key)?.label ?? '', f.value, f.unit ?? '', f.status, f.confidence, f.text]));
        }
        n++;
      }
    } else {
      const keys = FIELDS.map((f) => f.key);
      fs.writeSync(fd, line(['report_id', 'files', 'duplicate_of', 'failed_checks', ...keys]));
      fs.writeSync(fd, line(['报告编号', '文件', '重复于', '未通过校验', ...FIELDS.map((f) => f.label)]));
      for (const id of reportIds(db)) {
        const r = exportReport(db, id)!;
        const failed = r.checks.filter((c) => !c.ok).length;
        fs.writeSync(fd, line([r.id, fileNames(r), r.duplicate_of, failed, ...keys.map((k) => r.fields[k]?.value ?? null)]));
        n++;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(`${file}.tmp`, file);
  return n;
}
