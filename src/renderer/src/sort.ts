// Sorting the library list (what J/K walk through is what the list shows).
import type { ReportSummary } from '../../shared/model';
import type { MessageKey } from './i18n/zh-CN';

export type SortKey = 'id' | 'agency' | 'year' | 'format' | 'fileKind' | 'reviewStatus' | 'failedChecks' | 'fileName';
export const COLUMNS: [SortKey, MessageKey | null][] = [
  ['id', null],
  ['agency', 'col.agency'],
  ['year', 'col.year'],
  ['format', 'col.format'],
  ['fileKind', 'col.fileKind'],
  ['reviewStatus', 'col.status'],
  ['failedChecks', 'col.failed'],
  ['fileName', 'col.fileName'],
];
const collator = new Intl.Collator('zh-CN', { numeric: true });

function compare(a: ReportSummary, b: ReportSummary, key: SortKey): number {
  const x = a[key];
  const y = b[key];
  if (x === y) return a.id - b.id;
  if (x === null) return 1;
  if (y === null) return -1;
  return typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
}

export interface Sort {
  key: SortKey;
  desc: boolean;
}

export function sortReports(reports: readonly ReportSummary[], sort: Sort): ReportSummary[] {
  const out = [...reports].sort((a, b) => compare(a, b, sort.key));
  return sort.desc ? out.reverse() : out;
}
