// The analysis queries over real reports: one agency across years, groups, compliance, XLSX.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { agencies, agencyTrend, compliance, groupMembers, groupStats } from '../../src/main/core/analysis';
import { complianceGrid, groupGrid, writeGridXlsx } from '../../src/main/core/analysis/export';
import { compliancePage } from '../../src/main/core/analysis/compliance-page';
import { fixture, tempDir } from '../support/tmp';
import { changeField } from '../../src/main/core/store/corrections';
import { FIGURE_KEYS } from '../../src/main/core/store/migrations';
import { derived2023 } from '../support/derived';
import { testLibrary, writeFiles, type TestLibrary } from '../support/library';

let t: TestLibrary;
afterEach(() => t?.lib.close());

async function library() {
  t = testLibrary();
  await t.import([fixture('seeds'), fixture('real'), writeFiles({ '平潭综合实验区2023年度政府信息公开工作年度报告.txt': derived2023() })]);
}

describe('analysis', () => {
  it('shows one agency across years with changes, the 结转 chain and what the prose changed', async () => {
    await library();
    const pingtan = agencies(t.lib.db).find((a) => a.agency === '平潭综合实验区管委会')!;
    expect(pingtan.years).toEqual([2017, 2019, 2022, 2023]);
    const trend = agencyTrend(t.lib.db, '平潭综合实验区管委会');
    expect(trend.years.map((y) => y.year)).toEqual([2017, 2019, 2022, 2023]);
    const fees = trend.figures.find((f) => f.key === 't2.fees.amount')!;
    expect(fees.values.slice(2)).toEqual([9116.36, 9116.36]);
    expect(fees.changes[3]).toBe(0);
    const newTotal = trend.figures.find((f) => f.key === 't3.new.total')!;
    expect(newTotal.values[2]).toBe(74);
    expect(newTotal.changes[2]).toBe(74 - newTotal.values[1]!);
    // 2023's 上年结转 (1) is not 2022's 结转下年度 (0)
    const chain = trend.chains.filter((c) => c.year === 2023 && c.rule === 'cross.carried_chain');
    expect(chain.some((c) => !c.ok)).toBe(true);
    const problems = trend.prose.find((p) => p.section === 'problems' && p.to === 2023)!;
    expect(problems.changed).toBe(true);
    expect(problems.parts.filter((p) => p.added).map((p) => p.value).join('')).toContain('政务新媒体内容更新不够及时');
    expect(problems.parts.filter((p) => p.removed).map((p) => p.value).join('')).toContain('重大行政决策预公开');
    expect(problems.parts.filter((p) => !p.added && !p.removed).map((p) => p.value).join('')).toContain('部分重点领域信息公开深度不足');
  });

  it('groups by year, province and level', async () => {
    await library();
    const byYear = groupStats(t.lib.db, 'year');
    const y2022 = byYear.find((g) => g.group === '2022')!;
    expect(y2022).toMatchObject({ reports: 1, received: 74, granted: 21, decided: 75 });
    expect(y2022.grantedShare).toBeCloseTo(21 / 75);
    expect(y2022.denied.denied_process).toBe(2);
    expect(y2022.review).toMatchObject({ corrected: 1, other: 1, total: 2 });
    expect(y2022.suit).toMatchObject({ upheld: 1, total: 1 });
    const byProvince = groupStats(t.lib.db, 'province');
    expect(byProvince.find((g) => g.group === '福建省')!.reports).toBe(5);
    const byLevel = groupStats(t.lib.db, 'level');
    expect(byLevel.map((g) => g.group)).toEqual(expect.arrayContaining(['county', 'township']));
    // every figure of a row traced to its reports: the members add up to the row
    for (const g of byLevel) {
      const members = groupMembers(t.lib.db, 'level', g.group);
      expect(members).toHaveLength(g.reports);
      expect(members.reduce((n, m) => n + (m.received ?? 0), 0)).toBe(g.received);
      expect(members.reduce((n, m) => n + m.review.total, 0)).toBe(g.review.total);
      expect(members.reduce((n, m) => n + (m.denied['denied_process'] ?? 0), 0)).toBe(g.denied['denied_process']);
    }
    expect(groupStats(t.lib.db, 'year', [2022, 2023]).map((g) => g.group)).toEqual(['2022', '2023']);

    const file = path.join(tempDir(), 'groups.xlsx');
    await writeGridXlsx(groupGrid(byLevel, 'level'), file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('层级');
    expect(sheet.getColumn(1).values).toEqual(expect.arrayContaining(['县级', '乡镇']));
    expect(typeof sheet.getCell('B2').value).toBe('number');
  });

  it('checks each report for its required sections, tables and the publication deadline', async () => {
    await library();
    const rows = compliance(t.lib.db);
    const byAgencyYear = (agency: string, year: number) => rows.find((r) => r.agency === agency && r.year === year)!;
    const y2022 = byAgencyYear('平潭综合实验区管委会', 2022);
    expect(y2022.missingSections).toEqual([]);
    expect(y2022.tables).toEqual([
      { name: '表二', present: true },
      { name: '表三', present: true },
      { name: '表四', present: true },
    ]);
    expect(y2022).toMatchObject({ publishedAt: '2023-02-20', deadline: '2023-01-31', onTime: false, daysLate: 20 });
    expect(byAgencyYear('平潭综合实验区管委会', 2023)).toMatchObject({ deadline: '2024-01-31', onTime: true, daysLate: 0 });
    // before the 2019 条例: due by 3月31日, and 收费及减免 is a required section
    const y2017 = byAgencyYear('平潭综合实验区管委会', 2017);
    expect(y2017).toMatchObject({ deadline: '2018-03-31', onTime: true });
    expect(y2017.missingSections).toEqual(expect.arrayContaining(['fees', 'other']));
    // the outlines are cached, and made again when the report changes
    expect(t.lib.db.prepare('SELECT count(*) FROM report_outlines').pluck().get()).toBe(rows.length);
    const muchang = byAgencyYear('木场乡人民政府', 2023);
    expect(muchang.tables.find((x) => x.name === '表三')!.present).toBe(false);
    // made once until the library changes
    expect(compliance(t.lib.db)).toBe(rows);
    // a page at a time, filtered and sorted by the core, with the counts over every report
    const late = compliancePage(t.lib.db, { sort: 'late', desc: true, limit: 2 });
    expect(late).toMatchObject({ reports: rows.length, total: rows.length, offset: 0, summary: { late: rows.filter((r) => r.onTime === false).length } });
    expect(late.rows.map((r) => r.daysLate)).toEqual([20, expect.any(Number)]);
    expect(compliancePage(t.lib.db, { sort: 'late', desc: true, offset: 1, limit: 1 }).rows[0]).toEqual(late.rows[1]);
    const problems = compliancePage(t.lib.db, { onlyProblems: true, limit: 1000 });
    expect(problems.total).toBe(rows.filter((r) => r.missingSections.length || r.tables.some((x) => !x.present) || r.errors || r.onTime === false).length);
    expect(problems.total).toBeLessThan(rows.length);
    changeField(t.lib.db, { reportId: muchang.reportId, key: 't3.new.total', value: 0, status: 'corrected', by: 'tester' });
    expect(compliance(t.lib.db).find((r) => r.reportId === muchang.reportId)!.tables.find((x) => x.name === '表三')!.present).toBe(true);
    expect(compliancePage(t.lib.db, { limit: 1000 }).rows.find((r) => r.reportId === muchang.reportId)!.tables.find((x) => x.name === '表三')!.present).toBe(true);
    // the figures and the failing checks are read from their partial indexes
    const plan = (q: string) => (t.lib.db.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((p) => p.detail).join(' | ');
    expect(plan(`SELECT report_id, key, value FROM fields WHERE key IN (${FIGURE_KEYS.map((k) => `'${k}'`).join(', ')})`)).toContain('fields_figures');
    expect(plan('SELECT report_id, sum(severity = \'error\') FROM checks WHERE ok = 0 GROUP BY report_id')).toContain('checks_failing');
    const grid = complianceGrid(rows);
    expect(grid.rows[0]![0]).toBe('报告编号');
    expect(grid.rows).toHaveLength(rows.length + 1);
  });
});
