// End to end: the real UI in Chromium, the real core behind the harness.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../support/tmp';
import { dropFiles, appPerTest, SCREENSHOTS, type Session } from './support';

const app = appPerTest();
let s: Session | undefined;

const seeds = () => fs.readdirSync(fixture('seeds')).map((name) => ({ name, bytes: fs.readFileSync(fixture('seeds', name)) }));

describe('library window', () => {
  it('opens in Chinese, offline, with no errors', async () => {
    s = await app.open();
    await s.page.getByText('年报工作台').first().waitFor();
    await s.page.getByTestId('empty').getByText('拖放').waitFor();
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'empty.png') });
    expect(s.problems).toEqual([]);
  });

  it('imports the seeds dropped on the window and lists them with agency and year', async () => {
    s = await app.open();
    await dropFiles(s.page, seeds());
    await s.page.getByTestId('summary').getByText('已导入 5，重复 0，失败 0，跳过 0').waitFor();
    const rows = s.page.getByTestId('report-row');
    await expect.poll(() => rows.count()).toBe(5);
    const text = await s.page.getByTestId('library').innerText();
    for (const expected of ['维摩彝族乡人民政府', '平江县民政局', '桐柏县文化广电新闻出版局', '2018', '2017', '统计表']) expect(text).toContain(expected);
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'library.png') });

    // sorting by year, newest first
    await s.page.getByTestId('sort-year').click();
    await s.page.getByTestId('sort-year').click();
    expect(await rows.first().innerText()).toContain('2023');

    // full-text search narrows the list
    await s.page.getByTestId('search').fill('七彩云端');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('木场乡人民政府');
    await s.page.getByTestId('search').fill('');
    await expect.poll(() => rows.count()).toBe(5);

    await rows.filter({ hasText: '平江县民政局' }).click();
    const detail = s.page.getByTestId('detail');
    await detail.locator('[data-key="legacy.active.total"]').getByText('128').waitFor();
    await detail.getByText('湖南省岳阳市平江县').waitFor();
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'detail.png') });

    // J / K walk the reports in the order the list shows, ? lists the shortcuts
    await s.page.getByTestId('sort-id').click();
    await s.page.locator('body').press('j');
    await s.page.getByTestId('detail').getByText('桐柏县文化广电新闻出版局').first().waitFor();
    await s.page.locator('body').press('k');
    await s.page.getByTestId('detail').getByText('平江县民政局').first().waitFor();
    await s.page.locator('body').press('?');
    await s.page.getByTestId('shortcuts').getByText('下一份报告').waitFor();
    await s.page.keyboard.press('Escape');

    // the same files again are duplicates; the panel links to the existing report
    await dropFiles(s.page, seeds().slice(0, 1));
    await s.page.getByTestId('summary').getByText('已导入 0，重复 1').waitFor();
    await s.page.getByTestId('job').getByText('与 #').first().waitFor();
    expect(s.problems).toEqual([]);
  });

  it('cancels a long import', async () => {
    s = await app.open();
    const body = fs.readFileSync(fixture('seeds', fs.readdirSync(fixture('seeds'))[4]!));
    const many = Array.from({ length: 400 }, (_, i) => ({ name: `r${String(i).padStart(3, '0')}.txt`, bytes: Buffer.concat([body, Buffer.from(`\n编号 ${i} ${'甲'.repeat(i % 50)}`)]) }));
    await dropFiles(s.page, many);
    await s.page.getByTestId('cancel').click();
    const summary = s.page.getByTestId('summary');
    await summary.waitFor();
    await s.page.getByText('导入已取消').waitFor();
    const imported = Number(/已导入 (\d+)/.exec(await summary.innerText())![1]);
    expect(imported).toBeLessThan(400);
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'cancelled.png') });
  });

  it('switches to English', async () => {
    s = await app.open();
    await dropFiles(s.page, seeds().slice(3, 4));
    await s.page.getByTestId('report-row').first().waitFor();
    await s.page.getByTestId('locale').click();
    await s.page.getByText('Nianbao Workbench').first().waitFor();
    await s.page.getByText('Agency').waitFor();
    await s.page.getByText('Legacy table').first().waitFor();
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'english.png') });
    expect(s.problems).toEqual([]);
  });
});
