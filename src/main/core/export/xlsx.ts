// XLSX export, streamed: a wide sheet (a row per report, a column per field key, two header rows:
// key and Chinese label), a provenance sheet and a sheet of failing checks. Numbers stay numbers;
// 万元 columns show decimals.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { FIELDS } from '../../../shared/fields';
import type { Db } from '../store/db';
import { reportIds } from '../store/reports';
import { exportReport } from './json';

const FIXED = ['report_id', 'files', 'duplicate_of', 'failed_checks'];
const FIXED_LABELS = ['报告编号', '文件', '重复于', '未通过校验'];

export async function writeXlsxExport(db: Db, file: string): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${file}.tmp`, useStyles: true, useSharedStrings: false });
  const wide = book.addWorksheet('报告 reports', { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  const provenance = book.addWorksheet('来源 provenance');
  const checks = book.addWorksheet('校验 checks');
  wide.columns = [...FIXED, ...FIELDS.map((f) => f.key)].map((key, i) => ({
    key,
    width: i < FIXED.length ? 14 : 12,
    style: FIELDS[i - FIXED.length]?.unit === '万元' ? { numFmt: '0.00' } : {},
  }));
  wide.addRow([...FIXED, ...FIELDS.map((f) => f.key)]).commit();
  wide.addRow([...FIXED_LABELS, ...FIELDS.map((f) => f.label)]).commit();
  provenance.addRow(['report_id', 'key', 'value', 'status', 'confidence', 'original_text', 'page', 'span']).commit();
  checks.addRow(['report_id', 'rule', 'severity', 'message', 'keys']).commit();

  let n = 0;
  for (const id of reportIds(db)) {
    const r = exportReport(db, id)!;
    const failing = r.checks.filter((c) => !c.ok);
    wide.addRow([r.id, r.files.map((f) => f.name).join('; '), r.duplicate_of, failing.length, ...FIELDS.map((f) => r.fields[f.key]?.value ?? null)]).commit();
    for (const [key, f] of Object.entries(r.fields)) {
      provenance.addRow([r.id, key, f.value, f.status, f.confidence, f.text, f.source.page ?? null, f.source.span ? f.source.span.join('-') : null]).commit();
    }
    for (const c of failing) checks.addRow([r.id, c.rule, c.severity, c.message, c.keys.join(', ')]).commit();
    n++;
  }
  wide.commit();
  provenance.commit();
  checks.commit();
  await book.commit();
  fs.renameSync(`${file}.tmp`, file);
  return n;
}
