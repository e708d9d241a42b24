// XLSX export, streamed: a wide sheet (a row per report, a column per field key, two header rows:
// key and Chinese label), a provenance sheet (with who last changed a figure by hand, and when)
// and a sheet of failing checks. Numbers stay numbers;
// 万元 columns show decimals. A single report also gets its tables in the official layout.
import { FIELDS } from '../../../shared/fields';
import type { Db } from '../store/db';
import { selectReportIds } from '../store/selection';
import { F, fieldPlace, type ExportSource } from '../store/export-read';
import { exportSources, type ExportOptions } from './options';
import { failedChecks, fileNames, wideValues } from './csv';
import { officialTables, type Grid } from './official-tables';
import { STYLE, XlsxWorkbook, type XCell, type XlsxSheet } from './xlsx-writer';
import { pause, progressOf, throwIfCancelled, type ExportControl } from './control';

/** reports made between two looks at the event loop (a cancel, a message to the worker) */
const SLICE = 100;

const FIXED = ['report_id', 'files', 'duplicate_of', 'failed_checks'];
/** Excel's rows per sheet: a long sheet goes on in 来源 provenance 2, 3, … */
const MAX_SHEET_ROWS = 1_048_576;

/** A sheet with one heading row that continues in a new sheet when it is full. */
class LongSheet {
  private sheet: XlsxSheet | null = null;
  private rows = 0;
  private part = 0;
  constructor(
    private readonly book: XlsxWorkbook,
    private readonly name: string,
    private readonly head: string[],
    private readonly widths: number[],
    /** columns of repeated strings */
    private readonly sharedColumns: number[],
    private readonly limit = MAX_SHEET_ROWS,
  ) {
    this.next();
  }
  private next(): void {
    this.part++;
    this.sheet = this.book.addSheet(this.part === 1 ? this.name : `${this.name} ${this.part}`, { widths: this.widths, frozen: { columns: 0, rows: 1 }, sharedColumns: this.sharedColumns });
    this.sheet.row(this.head, STYLE.head);
    this.rows = 1;
  }
  row(cells: XCell[]): void {
    if (this.rows >= this.limit) this.next();
    this.sheet!.row(cells);
    this.rows++;
  }
}
const FIXED_LABELS = ['报告编号', '文件', '重复于', '未通过校验'];

/** A grid as a bordered sheet with merged, bold headings. */
export function writeGrid(book: XlsxWorkbook, grid: Grid): void {
  const width = Math.max(...grid.rows.map((r) => r.length));
  const sheet = book.addSheet(grid.name, { widths: Array.from({ length: width }, (_, i) => (i === 0 ? 24 : 14)) });
  const money = new Set(grid.moneyCells.map(([r, c]) => `${r}:${c}`));
  grid.rows.forEach((cells, i) => {
    const full: XCell[] = Array.from({ length: width }, (_, c) => cells[c] ?? null);
    const styles = full.map((v, c) =>
      i < grid.headRows ? STYLE.boxedHead : typeof v === 'number' ? (money.has(`${i + 1}:${c + 1}`) ? STYLE.boxedMoney : STYLE.boxedNumber) : STYLE.boxed,
    );
    sheet.row(full, styles);
  });
  for (const m of grid.merges) sheet.merge(...m);
}

function writeOfficialTables(book: XlsxWorkbook, r: ExportSource): void {
  const values = new Map(r.rows.map((f) => [f[F.key], f[F.value]]));
  const layout = values.get('meta.format');
  const tables = officialTables(typeof layout === 'string' ? (layout as Parameters<typeof officialTables>[0]) : null, values, r.unmapped);
  for (const grid of tables) writeGrid(book, grid);
}

export async function writeXlsxExport(db: Db, file: string, options: ExportOptions = {}, control: ExportControl = {}): Promise<number> {
  const ids = selectReportIds(db, options);
  const written = progressOf(ids.length, control);
  const book = new XlsxWorkbook(file);
  const keys = FIELDS.map((f) => f.key);
  const wide = book.addSheet('报告 reports', {
    frozen: { columns: 2, rows: 2 },
    widths: [...FIXED.map(() => 14), ...FIELDS.map(() => 12)],
    columnStyles: [...FIXED.map(() => undefined), ...FIELDS.map((f) => (f.unit === '万元' ? STYLE.money : undefined))],
  });
  // keys and statuses repeat on every report: shared strings
  const provenance = new LongSheet(book, '来源 provenance', ['report_id', 'key', 'value', 'status', 'confidence', 'original_text', 'page', 'span', 'changed_by', 'changed_at'], [10, 28, 12, 10, 10, 24, 8, 14, 12, 22], [1, 3, 8]);
  const checks = new LongSheet(book, '校验 checks', ['report_id', 'rule', 'severity', 'message', 'keys'], [10, 24, 10, 60, 30], [1, 2]);
  let n = 0;
  try {
    wide.row([...FIXED, ...keys], STYLE.head);
    wide.row([...FIXED_LABELS, ...FIELDS.map((f) => f.label)], STYLE.head);
    let single: ExportSource | undefined;
    for (const r of exportSources(db, options, { columns: ['text', 'confidence', 'source'], checks: 'failing', unmapped: ids.length === 1, lastChanges: true }, ids)) {
      wide.row([r.id, fileNames(r), r.duplicateOf, failedChecks(r), ...wideValues(r)]);
      for (const f of r.rows) {
        const [page, span] = fieldPlace(f[F.source]);
        const change = r.lastChanges.get(f[F.key]);
        provenance.row([r.id, f[F.key], f[F.value], f[F.status], f[F.confidence], f[F.text], page, span, change?.[0], change?.[1]]);
      }
      for (const c of r.checks) if (!c.ok) checks.row([r.id, c.rule, c.severity, c.message, c.keys.join(', ')]);
      if (ids.length === 1) single = r;
      written(++n);
      throwIfCancelled(control);
      // the deflaters run beside this loop; wait only when they fall behind
      const backlog = book.backlog();
      if (backlog) await backlog;
      if (n % SLICE === 0) await pause(control);
    }
    if (single) writeOfficialTables(book, single);
    throwIfCancelled(control);
    await book.commit();
  } catch (err) {
    await book.abort();
    throw err;
  }
  return n;
}
