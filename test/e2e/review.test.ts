// End to end: the review screen — drop a report, open it for review, correct a failing cell with
// the keyboard and watch its rule turn green, undo and redo, verify, find it again, read the history.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../support/tmp';
import { appPerTest, dropFiles, SCREENSHOTS, type Session } from './support';

const app = appPerTest();
let s: Session | undefined;

const drop = (page: Session['page'], ...files: string[][]) => dropFiles(page, files.map((f) => ({ name: f.at(-1)!, bytes: fs.readFileSync(fixture(...f)) })));

describe('review screen', () => {
  it('corrects, undoes, redoes and verifies with the keyboard', async () => {
    s = await app.open();
    const { page } = s;
    await drop(page, ['reports', '2021-broken-balance.html']);
    await page.getByTestId('summary').getByText('已导入 1').waitFor();
    // a click shows the report and puts the keyboard in the list; Enter opens it for review
    await page.getByTestId('report-row').first().click();
    await page.getByTestId('library').press('Enter');

    const review = page.getByTestId('review');
    const findings = review.getByTestId('findings');
    const natural = review.locator('[data-key="t3.carried_forward.natural"]');
    const total = review.locator('[data-key="t3.carried_forward.total"]');
    // the screen opens on the first failing cell, marked (not by colour alone) and described
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toMatch(/^t3\./);
    await findings.getByText(/表三 自然人列 一\+二 与 总计\+四：\d+ ≠ \d+（差 1）/).waitFor();
    await findings.getByText(/表三 总计列/).waitFor();
    expect(await natural.innerText()).toContain('✗');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-html.png') });
    await findings.screenshot({ path: path.join(SCREENSHOTS, 'review-findings.png') });

    // a finding jumps to its cells; type to replace, Enter commits and moves down
    await findings.getByText(/表三 自然人列/).click();
    const before = Number(await natural.locator('.v').innerText());
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe('t3.new.natural');
    await natural.click();
    await page.keyboard.type('x');
    expect(await review.getByTestId('cell-editor').count()).toBe(0); // letters do not start an edit of a number
    await page.keyboard.type(String(before - 1).slice(0, 1));
    const editor = review.getByTestId('cell-editor');
    await editor.fill(`${before - 1}x`);
    expect(await editor.getAttribute('aria-invalid')).toBe('true');
    await review.getByTestId('focus-line').getByText('请输入非负整数').waitFor();
    await editor.fill(String(before - 1));
    await editor.press('Enter');
    await findings.getByText(/表三 自然人列/).waitFor({ state: 'detached' });
    await expect.poll(() => natural.getAttribute('class')).toContain('corrected');
    expect(await natural.innerText()).toContain('✎');
    // focus moved down the column
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe('t4.review.upheld');

    // undo brings the failing rule back, redo fixes it again
    await page.keyboard.press('Control+z');
    await findings.getByText(/表三 自然人列/).waitFor();
    expect(await natural.locator('.v').innerText()).toBe(String(before));
    await page.keyboard.press('Control+Shift+z');
    await findings.getByText(/表三 自然人列/).waitFor({ state: 'detached' });

    // the whole report cannot be verified while a rule fails, unless accepted with a note
    await page.keyboard.press('Shift+V');
    const dialog = page.getByTestId('dialog-verify');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await total.click();
    const printed = Number(await total.locator('.v').innerText());
    await page.keyboard.press('Enter');
    await editor.fill(String(printed - 1));
    await editor.press('Enter');
    await findings.getByText('全部通过').waitFor();
    await page.keyboard.press('Shift+V');
    await review.getByTestId('review-status').getByText('已核对').waitFor();

    // history in the screen, with who and what; any earlier value restorable
    await page.keyboard.press('h');
    const history = review.getByTestId('history');
    await history.getByText(/结转下年度继续办理.*自然人/).first().waitFor();
    const rows = history.getByTestId('history-row');
    expect(await rows.count()).toBe(5); // edit, undo, redo, edit, verify
    expect(await rows.first().innerText()).toContain('核对状态');
    expect(await rows.nth(2).innerText()).toContain('重做');
    expect(await rows.nth(3).innerText()).toContain('撤销'); // the undo is itself a recorded change
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-history.png') });
    await page.keyboard.press('h');

    // back in the library: the report is found by its text, verified
    await review.getByTestId('review-close').click();
    await page.getByTestId('search').fill('龙游县住房和城乡建设局');
    await expect.poll(() => page.getByTestId('report-row').count()).toBe(1);
    expect(await page.getByTestId('report-row').first().innerText()).toContain('已核对');
    expect(s.problems).toEqual([]);
  });

  it('shows a PDF page with the focused box, pages and zoom; English on request', async () => {
    s = await app.open();
    const { page } = s;
    await drop(page, ['pdf', 'table-2021.pdf'], ['seeds', fs.readdirSync(fixture('seeds')).find((f) => f.startsWith('003_'))!]);
    await page.getByTestId('summary').getByText('已导入 2').waitFor();
    await page.getByTestId('report-row').filter({ hasText: 'table-2021.pdf' }).dblclick();
    const review = page.getByTestId('review');
    const box = review.getByTestId('page-box');
    await box.waitFor();
    await review.getByTestId('page-number').getByText(/第 1 页/).waitFor();
    const cell = await page.evaluate(() => document.activeElement?.getAttribute('data-key'));
    const at = await box.boundingBox();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-key'))).not.toBe(cell);
    await expect.poll(async () => (await box.boundingBox())?.x).not.toBe(at?.x);
    // the page picture (drawn on the page worker) replaces the words it was shown with meanwhile
    await review.locator('.page img').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-pdf.png') });
    const width = (await review.locator('.page').boundingBox())!.width;
    await review.getByRole('button', { name: '放大' }).click();
    await expect.poll(async () => (await review.locator('.page').boundingBox())!.width).toBeGreaterThan(width);
    await review.getByTestId('mode-text').click();
    await review.getByTestId('source-text').waitFor();

    // J walks the queue to the other report (a text source); English labels throughout
    await page.keyboard.press('j');
    await review.getByText(/平江县民政局/).first().waitFor();
    // re-extraction from the stored original, keeping manual work
    await review.getByTestId('reextract').click();
    await page.getByTestId('dialog-reextract').getByTestId('dialog-ok').click();
    await review.getByTestId('review-message').getByText(/已重新提取：0 项数值变化/).waitFor();
    await review.getByTestId('locale').click();
    await review.getByText('Back to list').waitFor();
    await review.getByTestId('findings').getByText(/passed/).waitFor();
    await page.keyboard.press('?');
    await page.getByTestId('shortcuts').getByText('Next / previous report in the review queue').waitFor();
    await page.keyboard.press('Escape');
    await review.getByTestId('locale').click();
    expect(s.problems).toEqual([]);
  });

  it('shows a scanned page (OCR) with the focused box, and re-extracts it from the OCR cache', async () => {
    s = await app.open();
    const { page } = s;
    // one scanned page as a picture file (the scanned PDFs, three pages each, take the same path, slower)
    await drop(page, ['images', 'jpeg-named.png']);
    await page.getByTestId('summary').getByText('已导入 1').waitFor({ timeout: 90_000 });
    await page.getByTestId('report-row').first().dblclick();
    const review = page.getByTestId('review');
    await review.locator('.page img').waitFor();
    await review.getByTestId('page-box').waitFor();
    // the focused figure was read by OCR: its page, and a confidence below certainty
    expect(await review.getByTestId('focus-line').innerText()).toMatch(/置信度 0\.\d+.*第 1 页/);
    const picture = (await review.locator('.page img').boundingBox())!;
    expect(picture.height).toBeGreaterThan(picture.width); // a portrait page
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-scan.png') });
    await review.getByTestId('reextract').click();
    await page.getByTestId('dialog-reextract').getByTestId('dialog-ok').click();
    await review.getByTestId('review-message').getByText(/已重新提取：0 项数值变化/).waitFor();
    expect(s.problems).toEqual([]);
  });
});
