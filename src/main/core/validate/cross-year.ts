// Rules across years of the same agency: this year's 上年结转 is last year's 结转下年度继续办理;
// 现行有效件数 follows from last year's plus this year's 制发 minus 废止 (a warning: publishers
// recount). Checked when the library holds the agency's previous year.
import type { CheckResult } from '../../../shared/model';
import { T3_COLUMNS } from '../../../shared/fields';
import type { FieldMap } from './rules';

const num = (f: FieldMap, key: string): number | null => {
  const v = f.get(key)?.value;
  return typeof v === 'number' ? v : null;
};

export function crossYearChecks(prev: FieldMap, cur: FieldMap, prevYear: number): CheckResult[] {
  const out: CheckResult[] = [];
  for (const [c, label] of T3_COLUMNS) {
    const before = num(prev, `t3.carried_forward.${c}`);
    const now = num(cur, `t3.carried_over.${c}`);
    if (before === null || now === null) continue;
    const ok = before === now;
    out.push({
      rule: 'cross.carried_chain',
      ok,
      severity: 'error',
      keys: [`t3.carried_over.${c}`],
      message: ok
        ? `表三 ${label}列 上年结转 ${now} 与 ${prevYear} 年报告结转下年度 ${before} 一致`
        : `表三 ${label}列 上年结转 ${now} ≠ ${prevYear} 年报告结转下年度 ${before}（差 ${Math.abs(now - before)}）`,
      ...(ok ? {} : { diff: now - before }),
      params: { place: c, left: now, right: before, year: prevYear },
    });
  }
  for (const [row, label] of [
    ['rules', '规章'],
    ['normative', '行政规范性文件'],
  ] as const) {
    const before = num(prev, `t2.${row}.valid`);
    const now = num(cur, `t2.${row}.valid`);
    if (before === null || now === null) continue;
    const expected = before + (num(cur, `t2.${row}.issued`) ?? 0) - (num(cur, `t2.${row}.repealed`) ?? 0);
    const ok = expected === now;
    out.push({
      rule: 'cross.valid_chain',
      ok,
      severity: 'warning',
      keys: [`t2.${row}.valid`, `t2.${row}.issued`, `t2.${row}.repealed`],
      message: ok
        ? `表二 ${label} 现行有效 ${now} = ${prevYear} 年 ${before} + 制发 − 废止`
        : `表二 ${label} 现行有效 ${now} ≠ ${prevYear} 年 ${before} + 制发 − 废止 = ${expected}（差 ${Math.abs(now - expected)}）`,
      ...(ok ? {} : { diff: now - expected }),
      params: { place: row, left: now, right: expected, base: before, year: prevYear },
    });
  }
  return out;
}
