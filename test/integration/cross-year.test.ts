// Cross-year rules run when the library holds the same agency's neighbouring year, in either order.
import { afterEach, describe, expect, it } from 'vitest';
import { T3_ROWS } from '../../src/shared/fields';
import { testLibrary, writeFiles, type TestLibrary } from '../support/library';
import { moveToTrash, restoreFromTrash } from '../../src/main/core/store/trash';

/** A 2021-format report as pipe text: every 表三 row natural = total = v(row), other columns 0. */
function report(year: number, t3: Record<string, number>, valid: number, issued: number, repealed: number): string {
  const rows = T3_ROWS.filter(([, , f]) => f.includes('2021')).map(([row, label]) => {
    const v = t3[row] ?? 0;
    return `${label.replace('·', ' ')} | ${v} | 0 | 0 | 0 | 0 | 0 | ${v}`;
  });
  return [
    `平江县民政局${year}年政府信息公开工作年度报告`,
    '二、主动公开政府信息情况',
    '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数',
    '规章 | 0 | 0 | 0',
    `行政规范性文件 | ${issued} | ${repealed} | ${valid}`,
    '三、收到和处理政府信息公开申请情况',
    '申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计',
    ...rows,
    '四、政府信息公开行政复议、行政诉讼情况',
  ].join('\n');
}

let t: TestLibrary;
afterEach(() => t?.lib.close());

describe('cross-year rules', () => {
  it('chain 上年结转 and 现行有效 across years, whichever is imported first', async () => {
    t = testLibrary();
    const later = report(2022, { new: 5, carried_over: 3, granted: 6, total: 6, carried_forward: 2 }, 40, 6, 1);
    const earlier = report(2021, { new: 4, carried_over: 1, granted: 3, total: 3, carried_forward: 2 }, 35, 3, 0);
    await t.import([writeFiles({ 'b-2022.txt': later })]);
    await t.import([writeFiles({ 'a-2021.txt': earlier })]);
    const r2022 = t.exported().find((r) => r.files[0]!.name === 'b-2022.txt')!;
    expect(r2022.fields['t3.carried_over.total']?.value).toBe(3);
    const carried = r2022.checks.filter((c) => c.rule === 'cross.carried_chain');
    expect(carried.find((c) => c.keys[0] === 't3.carried_over.natural')).toMatchObject({ ok: false, message: expect.stringContaining('≠ 2021 年报告结转下年度 2（差 1）') });
    expect(carried.find((c) => c.keys[0] === 't3.carried_over.commercial')?.ok).toBe(true);
    expect(r2022.checks.find((c) => c.rule === 'cross.valid_chain')).toMatchObject({ ok: true, severity: 'warning' });
    // the earlier year has no previous year: no cross checks
    expect(t.exported().find((r) => r.files[0]!.name === 'a-2021.txt')!.checks.some((c) => c.rule.startsWith('cross.'))).toBe(false);
  });

  it('leave a report in the trash out of the chain, and take it back in when restored', async () => {
    t = testLibrary();
    await t.import([writeFiles({ 'a-2021.txt': report(2021, { carried_forward: 2 }, 35, 3, 0), 'b-2022.txt': report(2022, { carried_over: 3, total: 3 }, 40, 6, 1) })]);
    const ids = Object.fromEntries(t.exported().map((r) => [r.files[0]!.name, r.id]));
    const cross = () => t.exported().find((r) => r.id === ids['b-2022.txt'])!.checks.filter((c) => c.rule.startsWith('cross.'));
    expect(cross().some((c) => !c.ok)).toBe(true);
    expect(moveToTrash(t.lib.db, [ids['a-2021.txt']!])).toBe(1);
    expect(cross()).toEqual([]);
    expect(restoreFromTrash(t.lib.db, [ids['a-2021.txt']!])).toBe(1);
    expect(cross().some((c) => !c.ok)).toBe(true);
  });
});
