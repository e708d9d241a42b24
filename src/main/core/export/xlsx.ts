// XLSX export, streamed: a wide sheet (a row per report, a column per field key, two header rows:
// key and Chinese label), a provenance sheet and a sheet of failing checks. Numbers stay numbers;
// 万元 columns show decimals. A single report also gets its tables in the official layout.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { FIELDS } from '../../../shared/fields';
import type { Db } from '../store/db';
import { selectReportIds } from '../store/selection';
import type { ExportSource } from '../store/export-read';
import { exportSources, type ExportOptions } from './options';
import { failedChecks, fileNames } from './csv';
import { officialTables, type Grid } from './official-tables';

const FIXED = ['report_id', 'files', 'duplicate_of', 'failed_checks'];
const FIXED_LABELS = ['报告编号', '文件', '重复于', '未通过校验'];
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

type Book = ExcelJS.stream.xlsx.WorkbookWriter;

export function xlsxBook(file: string): Book {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${file}.tmp`, useStyles: true, useSharedStrings: false });
}

export async function commitBook(book: Book, file: string): Promise<void> {
  await book.commit();
  fs.renameSync(`${file}.tmp`, file);
}

/** A grid as a bordered sheet with merged headings. */
export function writeGrid(book: Book, grid: Grid): void {
  const sheet = book.addWorksheet(grid.name);
  const width = Math.max(...grid.rows.map((r) => r.length));
  sheet.columns = Array.from({ length: width }, (_, i) => ({ width: i === 0 ? 24 : 14 }));
  const money = new Set(grid.moneyCells.map(([r, c]) => `${r}:${c}`));
  // a small sheet: fill every row, then merge (merged cells keep the master's value), then commit
  const rows = grid.rows.map((cells, i) => {
    const row = sheet.getRow(i + 1);
    row.values = cells;
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', horizontal: typeof cell.value === 'number' ? 'right' : i < grid.headRows ? 'center' : 'left', wrapText: true };
      if (i < grid.headRows) cell.font = { bold: true };
      if (money.has(`${i + 1}:${c}`)) cell.numFmt = '0.00';
    }
    return row;
  });
  for (const m of grid.merges) sheet.mergeCells(...m);
  for (const row of rows) row.commit();
  sheet.commit();
}

function writeOfficialTables(book: Book, r: ExportSource): void {
  const values = new Map(r.fields.map((f) => [f.key, f.value]));
  const layout = values.get('meta.format');
  const tables = officialTables(typeof layout === 'string' ? (layout as Parameters<typeof officialTables>[0]) : null, values, r.unmapped);
  for (const grid of tables) writeGrid(book, grid);
}

export async function writeXlsxExport(db: Db, file: string, options: ExportOptions = {}): Promise<number> {
  const ids = selectReportIds(db, options);
  const book = xlsxBook(file);
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
  let single: ExportSource | undefined;
  for (const r of exportSources(db, options, ids)) {
    const values = new Map(r.fields.map((f) => [f.key, f.value]));
    wide.addRow([r.id, fileNames(r), r.duplicateOf, failedChecks(r), ...FIELDS.map((f) => values.get(f.key) ?? null)]).commit();
    for (const f of r.fields) {
      provenance.addRow([r.id, f.key, f.value, f.status, f.confidence, f.text, f.source.page ?? null, f.source.span ? f.source.span.join('-') : null]).commit();
    }
    for (const c of r.checks) if (!c.ok) checks.addRow([r.id, c.rule, c.severity, c.message, c.keys.join(', ')]).commit();
    if (ids.length === 1) single = r;
    n++;
  }
  wide.commit();
  provenance.commit();
  checks.commit();
  if (single) writeOfficialTables(book, single);
  await commitBook(book, file);
  return n;
}
