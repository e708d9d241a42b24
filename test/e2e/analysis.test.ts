// End to end: the analysis views render real data at 1366×768 (screenshots), XLSX from a view.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../support/tmp';
import { derived2023 } from '../support/derived';
import { dropFiles, appPerTest, SCREENSHOTS, type Session } from './support';

const app = appPerTest();
let s: Session | undefined;

describe('analysis views', () => {
  it('says when the library is empty, then shows an agency across years, agencies compared and compliance', async () => {
    s = await app.open();
    // an empty library says so instead of showing empty tables
    await s.page.getByTestId('analysis-open').click();
    await s.page.getByTestId('agency-trend').getByTestId('analysis-empty').getByText('还没有可对比的报告', { exact: false }).waitFor();
    await s.page.getByTestId('tab-groups').click();
    await s.page.getByTestId('groups').getByTestId('analysis-empty').getByText('资料库中还没有报告').waitFor();
    await s.page.getByTestId('analysis-close').click();
    const files = [...['seeds', 'real'].flatMap((dir) => fs.readdirSync(fixture(dir)).filter((n) => n !== 'truth.json').map((name) => ({ name, bytes: fs.readFileSync(fixture(dir, name)) })))];
    files.push({ name: '平潭综合实验区2023年度政府信息公开工作年度报告.txt', bytes: Buffer.from(derived2023()) });
    await dropFiles(s.page, files);
    await s.page.getByTestId('summary').getByText('已导入 10').waitFor();
    const { page } = s;
    await page.getByTestId('job').getByRole('button', { name: '关闭' }).click();

    await page.getByTestId('analysis-open').click();
    await page.getByTestId('agency-select').selectOption('平潭综合实验区管委会');
    const table = page.getByTestId('trend-table');
    await table.getByText('2023').waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual(['数字', '2017', '2019', '2022', '2023']);
    await page.getByTestId('prose-diff').locator('ins').getByText('政务新媒体内容更新不够及时').waitFor();
    expect(await page.getByTestId('chains').textContent()).toContain('上年结转');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'analysis-agency.png') });

    await page.getByTestId('tab-groups').click();
    await page.getByTestId('group-by-level').click();
    await page.getByTestId('groups-table').getByText('乡镇').waitFor();
    // a row traced to its reports: 乡镇 lists its reports with their figures, each opens the report
    const townships = Number(await page.getByTestId('group-township').locator('xpath=../following-sibling::td[1]').textContent());
    await page.getByTestId('group-township').click();
    await page.getByTestId('group-members').getByText(`乡镇：${townships} 份报告`).waitFor();
    expect(await page.getByTestId('group-members').locator('tbody tr').count()).toBe(townships);
    expect(await page.getByTestId('group-members').textContent()).toContain('木场乡人民政府');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'analysis-groups.png') });
    await page.getByTestId('groups-export').click();
    const saved = (await page.getByTestId('groups-export-saved').getAttribute('title'))!;
    expect(fs.existsSync(/：(\S+\.xlsx)$/.exec(saved)![1]!)).toBe(true);

    await page.getByTestId('tab-compliance').click();
    await page.getByTestId('only-problems').uncheck();
    await page.getByTestId('compliance-table').locator('tbody tr').nth(9).waitFor();
    expect(await page.getByTestId('compliance-table').locator('tbody tr').count()).toBe(10);
    expect(await page.getByTestId('compliance-table').textContent()).toContain('逾期 20 天');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'analysis-compliance.png') });

    // English
    await page.getByTestId('locale').click();
    await page.getByTestId('compliance').getByText('Only reports with problems').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'analysis-compliance-en.png') });
    await page.getByTestId('locale').click();

    await page.getByTestId('tab-conflicts').click();
    await page.getByTestId('conflicts').getByText('没有待处理的合并冲突').waitFor();
    await page.getByTestId('bundle-export').click();
    const bundle = /：(\S+\.nianbao)/.exec((await page.getByTestId('bundle-export-saved').getAttribute('title'))!)![1]!;
    expect(fs.statSync(bundle).size).toBeGreaterThan(10_000);
    await page.getByTestId('analysis-close').click();
    await page.getByTestId('library').waitFor();
    expect(s.problems).toEqual([]);
  });
});
