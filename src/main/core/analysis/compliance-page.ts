// The compliance table a page at a time: filtered and sorted here, so the view gets the rows it
// shows and the counts over every report, never the whole library.
import type { CompliancePage, ComplianceQuery, ComplianceRow, ComplianceSort } from '../../../shared/analysis';
import type { Db } from '../store/db';
import { compliance } from '.';

export const PAGE_SIZE = 100;

export const hasProblem = (r: ComplianceRow): boolean => r.missingSections.length > 0 || r.tables.some((x) => !x.present) || r.errors > 0 || r.onTime === false;

const SORT: Record<ComplianceSort, (r: ComplianceRow) => number | string | null> = {
  id: (r) => r.reportId,
  agency: (r) => r.agency,
  year: (r) => r.year,
  sections: (r) => r.missingSections.length,
  tables: (r) => r.tables.filter((x) => !x.present).length,
  errors: (r) => r.errors,
  published: (r) => r.publishedAt,
  late: (r) => r.daysLate,
};

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Rows in the column's order (numbers by value, text in Chinese order), empty values last either way; ties by id. */
export function sortRows(rows: readonly ComplianceRow[], sort: ComplianceSort, desc: boolean): ComplianceRow[] {
  const get = SORT[sort];
  const keyed = rows.map((r) => ({ r, k: get(r) }));
  keyed.sort((a, b) => {
    if (a.k === b.k) return a.r.reportId - b.r.reportId;
    if (a.k === null) return 1;
    if (b.k === null) return -1;
    const c = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : collator.compare(String(a.k), String(b.k));
    return (desc ? -c : c) || a.r.reportId - b.r.reportId;
  });
  return keyed.map((x) => x.r);
}

/** The last ordering per row set: paging through it sorts once. */
const orders = new WeakMap<readonly ComplianceRow[], { key: string; rows: ComplianceRow[] }>();

export function compliancePage(db: Db, q: ComplianceQuery = {}): CompliancePage {
  const all = compliance(db);
  const sort = q.sort ?? 'id';
  const key = `${q.onlyProblems ? 1 : 0}:${sort}:${q.desc ? 1 : 0}`;
  let order = orders.get(all);
  if (order?.key !== key) {
    order = { key, rows: sortRows(q.onlyProblems ? all.filter(hasProblem) : all, sort, Boolean(q.desc)) };
    orders.set(all, order);
  }
  const offset = Math.min(q.offset ?? 0, Math.max(0, order.rows.length - 1));
  const count = (test: (r: ComplianceRow) => boolean) => all.reduce((n, r) => n + (test(r) ? 1 : 0), 0);
  return {
    reports: all.length,
    total: order.rows.length,
    offset,
    rows: order.rows.slice(offset, offset + (q.limit ?? PAGE_SIZE)),
    summary: {
      complete: count((r) => r.missingSections.length === 0),
      tablesComplete: count((r) => r.tables.every((x) => x.present)),
      noErrors: count((r) => r.errors === 0),
      onTime: count((r) => r.onTime === true),
      late: count((r) => r.onTime === false),
      dateUnknown: count((r) => r.onTime === null),
    },
  };
}
