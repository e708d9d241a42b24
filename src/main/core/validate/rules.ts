// Consistency rules: each turns the fields of a report into findings (data, never exceptions).
import type { CheckResult, ExtractedField } from '../../../shared/model';

export type FieldMap = ReadonlyMap<string, ExtractedField>;

export interface Rule {
  id: string;
  /** null when the rule does not apply to this report */
  check(fields: FieldMap, today: Date): CheckResult | null;
}

const num = (f: FieldMap, key: string): number | null => {
  const v = f.get(key)?.value;
  return typeof v === 'number' ? v : null;
};

export const yearInRange: Rule = {
  id: 'meta.year_range',
  check(f, today) {
    const year = num(f, 'meta.year');
    if (year === null) return null;
    const max = today.getFullYear();
    const ok = year >= 2007 && year <= max;
    return {
      rule: this.id,
      ok,
      severity: 'error',
      keys: ['meta.year'],
      message: ok ? `报告年度 ${year} 在 2007–${max} 之间` : `报告年度 ${year} 不在 2007–${max} 之间`,
    };
  },
};

export const publishedAfterYearStart: Rule = {
  id: 'meta.published_after_year',
  check(f) {
    const year = num(f, 'meta.year');
    const date = f.get('meta.published_at')?.value;
    if (year === null || typeof date !== 'string') return null;
    const ok = date >= `${year}-01-01`;
    return {
      rule: this.id,
      ok,
      severity: 'warning',
      keys: ['meta.year', 'meta.published_at'],
      message: ok ? `发布日期 ${date} 晚于 ${year} 年初` : `发布日期 ${date} 早于所报告年度 ${year} 的开始`,
    };
  },
};

export const RULES: readonly Rule[] = [yearInRange, publishedAfterYearStart];
