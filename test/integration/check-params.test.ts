// Findings worded in English from their figures: the stored checks of real imports get the figures
// their rule states (never parsed from the Chinese message), and the English text carries them.
import { afterEach, describe, expect, it } from 'vitest';
import { getReport, reportSummaries } from '../../src/main/core/store/reports';
import { queryIds } from '../../src/main/core/store/library-query';
import { withCheckParams } from '../../src/main/core/store/check-params';
import { changeField } from '../../src/main/core/store/corrections';
import { checkText } from '../../src/renderer/src/review/check-text';
import type { RuleId } from '../../src/shared/rules';
import { translator } from '../../src/renderer/src/i18n';
import { T3_ROWS } from '../../src/shared/fields';
import { fixture } from '../support/tmp';
import { testLibrary, writeFiles, type TestLibrary } from '../support/library';

let t: TestLibrary;
afterEach(() => t?.lib.close());

const allReports = (db: TestLibrary['lib']['db']) => reportSummaries(db, queryIds(db, {}));
const en = translator('en');
const zh = translator('zh-CN');
/** Han characters outside the form labels quoted in “…” */
const unquotedHan = (s: string) => /\p{Script=Han}/u.test(s.replace(/“[^”]*”/g, ''));

const BROKEN = ['2021-broken-balance.html', '2021-broken-row-total.txt', '2021-broken-prose.txt', '2019-broken-t4.txt', '2019-broken-column-total.txt', 'legacy-broken-channels.txt', 'legacy-broken-denied.html'];

describe('finding parameters', () => {
  it('gives every failing finding of real reports its figures, worded in English without Chinese', async () => {
    t = testLibrary();
    await t.import(BROKEN.map((f) => fixture('reports', f)));
    const rules = new Set<string>();
    for (const { id } of allReports(t.lib.db)) {
      const report = withCheckParams(t.lib.db, getReport(t.lib.db, id)!);
      for (const c of report.checks.filter((x) => !x.ok)) {
        rules.add(c.rule);
        expect(c.params, `${c.rule}: ${c.message}`).toBeDefined();
        const text = checkText(c, en, 'en');
        expect(unquotedHan(text), text).toBe(false);
        expect(text).toContain(`${c.params!.left}`);
        expect(text).toContain(`${c.params!.right}`);
        if (c.diff !== undefined) {
          expect(Math.abs(c.params!.left! - c.params!.right!)).toBeCloseTo(Math.abs(c.diff), 6);
          expect(text).toContain(`off by ${Math.abs(c.diff)}`);
        }
        expect(unquotedHan(en(`rule.${c.rule as RuleId}`))).toBe(false);
        // Chinese: the core's message itself, as exports and the CLI give it
        expect(checkText(c, zh, 'zh-CN')).toBe(c.message);
      }
    }
    expect([...rules].sort()).toEqual(expect.arrayContaining(['legacy.apply_channels', 'legacy.reply_denied', 'prose.table_agree', 't3.column_balance', 't3.column_total', 't3.row_total', 't4.group_total']));
  });

  it('words the place of a finding and its blank cells; a stored message the rules no longer give keeps its text', async () => {
    t = testLibrary();
    await t.import([fixture('reports', '2021-broken-balance.html')]);
    const id = allReports(t.lib.db)[0]!.id;
    changeField(t.lib.db, { reportId: id, key: 't3.carried_over.research', value: null, status: 'corrected' });
    changeField(t.lib.db, { reportId: id, key: 't3.new.research', value: 7, status: 'corrected' });
    const report = withCheckParams(t.lib.db, getReport(t.lib.db, id)!);
    const c = report.checks.find((x) => x.rule === 't3.column_balance' && x.keys[0] === 't3.new.research')!;
    expect(c.params).toMatchObject({ place: 'research', blanks: expect.any(Number) });
    expect(checkText(c, en, 'en')).toMatch(/^Table 3, column “research institutions”: new \+ carried over 7 ≠ total \+ carried forward \d+ \(off by \d+\) \(\d+ blank cells counted as 0\)$/);

    const row = report.checks.find((x) => x.rule === 't3.row_total' && x.params?.place === 'new')!;
    expect(checkText(row, en, 'en')).toContain(`row “${T3_ROWS[0]![1]}”`);

    t.lib.db.prepare("UPDATE checks SET message = '旧版规则的说明' WHERE report_id = ? AND rule = 't3.column_balance'").run(id);
    const stale = withCheckParams(t.lib.db, getReport(t.lib.db, id)!).checks.find((x) => x.rule === 't3.column_balance')!;
    expect(stale.params).toBeUndefined();
    expect(checkText(stale, en, 'en')).toBe('旧版规则的说明');
  });

  it('words the cross-year chain with the other year', async () => {
    t = testLibrary();
    const table = (year: number, carriedOver: number, carriedForward: number) =>
      [`平江县民政局${year}年政府信息公开工作年度报告`, '三、收到和处理政府信息公开申请情况', '申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计',
        `一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1`, `二、上年结转政府信息公开申请数量 | ${carriedOver} | 0 | 0 | 0 | 0 | 0 | ${carriedOver}`,
        `（七）总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1`, `四、结转下年度继续办理 | ${carriedForward} | 0 | 0 | 0 | 0 | 0 | ${carriedForward}`].join('\n');
    await t.import([writeFiles({ 'a.txt': table(2021, 0, 2), 'b.txt': table(2022, 3, 0) })]);
    const later = allReports(t.lib.db).find((r) => r.year === 2022)!;
    const chain = withCheckParams(t.lib.db, getReport(t.lib.db, later.id)!).checks.find((c) => c.rule === 'cross.carried_chain' && !c.ok)!;
    expect(chain.params).toMatchObject({ place: 'natural', left: 3, right: 2, year: 2021 });
    expect(checkText(chain, en, 'en')).toBe('Table 3, column “natural persons”: carried over 3 ≠ carried forward in the 2021 report 2 (off by 1)');
  });
});
