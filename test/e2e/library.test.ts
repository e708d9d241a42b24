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
    for (const [seed, agency, year] of [['000_', '维摩彝族乡人民政府', '2018'], ['003_', '平江县民政局', '2017'], ['004_', '桐柏县文化广电新闻出版局', '2018']]) {
      const row = await rows.filter({ hasText: seed }).innerText();
      expect(row).toContain(agency);
      expect(row).toContain(year);
    }
    expect(await rows.filter({ hasText: '003_' }).innerText()).toContain('统计表');
    expect(await s.page.getByTestId('library-info').innerText()).toContain(s.harness.host.home);
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
    const active = detail.locator('[data-key="legacy.active.total"]');
    await active.getByText('128').waitFor();
    expect(await active.innerText()).toContain('主动公开政府信息数');
    expect(await detail.locator('[data-key="meta.agency"]').innerText()).toMatch(/原文：.*平江县民政局[\s\S]*置信度/);
    expect(await detail.locator('[data-key="meta.region"]').getByRole('button').innerText()).toContain('湖南省岳阳市平江县');
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'detail.png') });

    // J / K walk the reports in the order the list shows, ? lists the shortcuts
    // (workers finish in any order, so ids are read from the list)
    await s.page.getByTestId('sort-id').click();
    const listed = await rows.allInnerTexts();
    const at = listed.findIndex((t) => t.includes('平江县民政局'));
    const [away, back] = at + 1 < listed.length ? (['j', 'k'] as const) : (['k', 'j'] as const);
    const showing = (row: string) => detail.getByRole('heading', { name: `报告 #${Number.parseInt(row)}` }).waitFor();
    await s.page.locator('body').press(away);
    await showing(listed[away === 'j' ? at + 1 : at - 1]!);
    await s.page.locator('body').press(back);
    await showing(listed[at]!);
    await s.page.locator('body').press('?');
    await s.page.getByTestId('shortcuts').getByText('下一份报告').waitFor();
    await s.page.keyboard.press('Escape');

    // the same file again is a duplicate (linked to the existing report); problems come with reasons
    await dropFiles(s.page, [...seeds().slice(0, 1), { name: '空白.txt', bytes: Buffer.alloc(0) }, { name: '说明.xyz', bytes: Buffer.from('x') }]);
    const job = s.page.getByTestId('job');
    await job.getByTestId('summary').getByText('已导入 0，重复 1').waitFor();
    await job.getByText(/与 #\d+ 重复/).waitFor();
    for (const name of ['空白.txt', '说明.xyz']) expect((await job.locator('li', { hasText: name }).innerText()).split(/\s+/).length).toBeGreaterThan(2);
    await job.screenshot({ path: path.join(SCREENSHOTS, 'outcomes.png') });
    expect(s.problems).toEqual([]);
  });

  it('cancels a long import', async () => {
    s = await app.open();
    const body = fs.readFileSync(fixture('seeds', fs.readdirSync(fixture('seeds'))[4]!));
    const many = Array.from({ length: 400 }, (_, i) => ({ name: `r${String(i).padStart(3, '0')}.txt`, bytes: Buffer.concat([body, Buffer.from(`\n编号 ${i} ${'甲'.repeat(i % 50)}`)]) }));
    await dropFiles(s.page, many);
    // cancel once the core is working through the files
    await s.page.getByTestId('job').getByText('正在导入').waitFor();
    // running counts, then the speed and the time left once there is enough to tell
    await s.page.getByTestId('job-counts').getByText(/已导入 \d+/).waitFor();
    await s.page.getByTestId('job-eta').getByText(/剩余约 \d+/).waitFor();
    await s.page.getByTestId('job').screenshot({ path: path.join(SCREENSHOTS, 'job.png') });
    await s.page.getByTestId('cancel').click();
    const summary = s.page.getByTestId('summary');
    await summary.waitFor();
    await s.page.getByText('导入已取消').waitFor();
    const counts = /已导入 (\d+)，重复 (\d+)，失败 (\d+)，跳过 (\d+)/.exec(await summary.innerText())!.slice(1).map(Number);
    expect(counts.reduce((a, b) => a + b)).toBeLessThan(400);
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
