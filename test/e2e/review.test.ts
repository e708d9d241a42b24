// End to end: the review screen — drop a report, open it for review, correct a failing cell with
// the keyboard and watch its rule turn green, undo and redo, verify, find it again, read the history;
// a PDF page and a scan with the focused box (on its figure in the picture, read back by OCR), merging
// two copies of one document, changing the layout (the tables read again) with a note.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { createOcrPool, type OcrPool } from '../../src/main/core/ocr/engine';
import { toGrey } from '../../src/main/core/pdf/render';
import { toSpix } from '../../src/main/core/ocr/spix';
import { LOW_CONFIDENCE } from '../../src/shared/review';
import type { ApiResponse } from '../../src/shared/api';
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
    // in English, the findings are worded in English from their figures
    await review.getByTestId('locale').click();
    await findings.getByText(/Table 3, column “natural persons”: new \+ carried over \d+ ≠ total \+ carried forward \d+ \(off by 1\)/).waitFor();
    await findings.screenshot({ path: path.join(SCREENSHOTS, 'review-findings-en.png') });
    await review.getByTestId('locale').click();
    await findings.getByText(/表三 自然人列/).first().waitFor();

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
    // the form comes after the page: its first cell takes the keyboard
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBeTruthy();
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

  it('merges two reports that are the same document: the kept one has both files and the corrections of both', async () => {
    s = await app.open();
    const { page, harness } = s;
    const seed = fs.readFileSync(fixture('seeds', fs.readdirSync(fixture('seeds')).find((f) => f.startsWith('003_'))!));
    await dropFiles(page, [{ name: 'a.txt', bytes: seed }]);
    await page.getByTestId('summary').getByText('已导入 1').waitFor();
    await dropFiles(page, [{ name: 'b.txt', bytes: Buffer.concat([seed, Buffer.from('\n（网站转载）')]) }]);
    await expect.poll(() => page.getByTestId('report-row').count()).toBe(2);
    const list = (await harness.host.dispatch('library:list', {})) as ApiResponse<'library:list'>;
    const [a] = (list.ok ? list.value.rows : []).map((r) => r.id);
    // a correction on the first, made elsewhere; one on the second, typed in its review screen
    await harness.host.dispatch('field:update', { reportId: a, key: 'legacy.apply.letter', value: 6, status: 'verified' });
    await page.getByTestId('report-row').filter({ hasText: 'b.txt' }).dblclick();
    const review = page.getByTestId('review');
    const fax = review.locator('[data-key="legacy.apply.fax"]');
    await fax.click();
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await expect.poll(() => fax.getAttribute('class')).toContain('corrected');

    await review.getByTestId('merge').click();
    const dialog = page.getByTestId('dialog-merge');
    expect(await dialog.getByTestId('merge-other').inputValue()).toBe(String(a)); // the twin found at import
    await dialog.screenshot({ path: path.join(SCREENSHOTS, 'review-merge.png') });
    await dialog.getByTestId('dialog-ok').click();
    await review.getByTestId('review-message').getByText(`已合并，保留报告 #${a}`).waitFor();
    await review.getByText(`报告 #${a}`).first().waitFor();
    expect(await fax.locator('.v').innerText()).toBe('4');
    expect(await fax.getAttribute('class')).toContain('corrected');
    const letter = review.locator('[data-key="legacy.apply.letter"]');
    expect(await letter.locator('.v').innerText()).toBe('6');
    expect(await letter.getAttribute('class')).toContain('verified');
    // the kept report holds both files; the other is gone from the library
    const files = review.getByTestId('source-file');
    expect(await files.locator('option').allInnerTexts()).toEqual(['a.txt', 'b.txt']);
    await review.getByTestId('review-close').click();
    await expect.poll(() => page.getByTestId('report-row').count()).toBe(1);
    expect(s.problems).toEqual([]);
  });

  it('edits the layout: the tables are read again with it, corrections kept, a note in the history', async () => {
    s = await app.open();
    const { page } = s;
    await drop(page, ['reports', '2019-html-official.html']);
    await page.getByTestId('summary').getByText('已导入 1').waitFor();
    await page.getByTestId('report-row').first().dblclick();
    const review = page.getByTestId('review');
    const natural = review.locator('[data-key="t3.new.natural"]');
    await natural.click();
    await page.keyboard.type('99');
    await page.keyboard.press('Enter');
    await expect.poll(() => natural.getAttribute('class')).toContain('corrected');
    expect(await review.locator('[data-block="t2v19.1"]').count()).toBe(1);

    // 统计表格式 → 2021: re-read with the 2021 tables
    await review.locator('[data-key="meta.format"]').click();
    await page.keyboard.press('Enter');
    await review.getByTestId('cell-editor').selectOption('2021');
    await page.keyboard.press('Enter');
    await review.getByTestId('review-message').getByText('统计表格式已更改').waitFor();
    await review.locator('[data-block="t2.1"]').waitFor();
    expect(await review.locator('[data-block="t2v19.1"]').count()).toBe(0);
    expect(await review.locator('.review-title').innerText()).toContain('2021 版');
    expect(await natural.locator('.v').innerText()).toBe('99');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-layout.png') });

    // and back, with a note (M on the cell): the note is kept in the history
    await review.locator('[data-key="meta.format"]').click();
    await page.keyboard.press('m');
    const note = review.getByTestId('note-editor');
    await note.getByTestId('note-value').selectOption('2019');
    await note.getByTestId('note-text').fill('原件第二页为 2019 版表格');
    await page.keyboard.press('Enter');
    await note.waitFor({ state: 'detached' });
    await review.locator('[data-block="t2v19.1"]').waitFor();
    expect(await natural.locator('.v').innerText()).toBe('99');
    await page.keyboard.press('h');
    const history = review.getByTestId('history');
    await history.getByText('原件第二页为 2019 版表格').waitFor();
    expect(await history.getByTestId('history-row').filter({ hasText: '统计表格式' }).count()).toBe(2);
    expect(s.problems).toEqual([]);
  });

  it('shows a scanned page (OCR): the box of a figure on its cell in the picture, at any zoom; low OCR confidence marked; re-extracts from the OCR cache', async () => {
    s = await app.open();
    const { page, harness } = s;
    // one scanned page as a picture file (the scanned PDFs, three pages each, take the same path, slower)
    await drop(page, ['images', 'jpeg-named.png']);
    await page.getByTestId('summary').getByText('已导入 1').waitFor({ timeout: 90_000 });
    await page.getByTestId('report-row').first().dblclick();
    const review = page.getByTestId('review');
    await review.locator('.page img').waitFor();
    const box = review.getByTestId('page-box');
    await box.waitFor();
    // the focused figure was read by OCR: its page, and a confidence below certainty
    expect(await review.getByTestId('focus-line').innerText()).toMatch(/置信度 0\.\d+.*第 1 页/);
    const picture = (await review.locator('.page img').boundingBox())!;
    expect(picture.height).toBeGreaterThan(picture.width); // a portrait page

    // a figure of 表二: the picture under its box reads as the figure (OCR of the screen, apart from the app's)
    const cell = review.locator('[data-key="t2.license.decisions"]');
    await cell.click();
    const figure = await cell.locator('.v').innerText();
    expect(figure).toMatch(/^\d+$/);
    await expect.poll(async () => readFigure(page, (await box.boundingBox())!), { timeout: 20_000 }).toContain(figure);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-scan.png') });
    const zoomIn = review.getByRole('button', { name: '放大' });
    await zoomIn.click();
    await zoomIn.click();
    await expect.poll(async () => (await review.locator('.page').boundingBox())!.width).toBeGreaterThan(picture.width * 1.4);
    await expect.poll(async () => readFigure(page, (await box.boundingBox())!), { timeout: 20_000 }).toContain(figure);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-scan-zoom.png') });

    // words OCR read with low confidence make their figures low-confidence cells (⚠), unless a person checked them
    const id = Number((await review.locator('.review-title').innerText()).match(/#(\d+)/)![1]);
    const detail = (await harness.host.dispatch('report:get', { id })) as ApiResponse<'report:get'>;
    const words = (await harness.host.dispatch('report:page', { id, page: 1, picture: false })) as ApiResponse<'report:page'>;
    if (!detail.ok || !words.ok) throw new Error('report not read');
    const unsure = detail.value.fields.filter((f) => {
      const b = f.source.box;
      const under = b ? words.value.words.filter((w) => w.x < b[0] + b[2] && w.x + w.w > b[0] && w.y < b[1] + b[3] && w.y + w.h > b[1]) : [];
      return f.status === 'auto' && under.some((w) => (w.conf ?? 1) < LOW_CONFIDENCE);
    });
    expect(unsure.length).toBeGreaterThan(0);
    for (const f of unsure) {
      const shown = review.locator(`[data-key="${f.key}"]`);
      expect(await shown.getAttribute('class'), f.key).toContain('low');
      expect(await shown.innerText()).toContain('⚠');
    }

    await review.getByTestId('reextract').click();
    await page.getByTestId('dialog-reextract').getByTestId('dialog-ok').click();
    await review.getByTestId('review-message').getByText(/已重新提取：0 项数值变化/).waitFor();
    expect(s.problems).toEqual([]);
  });
});

let ocr: Promise<OcrPool> | undefined;
afterAll(async () => (await ocr)?.terminate());

/** The digits the screen shows inside a page box (its frame and padding left out), read by OCR. */
async function readFigure(page: Session['page'], at: { x: number; y: number; width: number; height: number }): Promise<string> {
  const inset = 2; // the frame
  const clip = { x: at.x + inset, y: at.y + inset, width: at.width - 2 * inset, height: at.height - 2 * inset };
  const shot = await loadImage(await page.screenshot({ clip }));
  // enlarged: the engine wants glyphs some 30 pixels high
  const k = Math.max(1, Math.ceil(40 / clip.height));
  const canvas = createCanvas(shot.width * k + 40, shot.height * k + 40);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(shot, 20, 20, shot.width * k, shot.height * k);
  const rgba = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  ocr ??= createOcrPool(1);
  const read = await (await ocr).recognize({ spix: toSpix(toGrey(rgba), canvas.width, canvas.height), width: canvas.width, height: canvas.height }, true);
  return read.words.map((w) => w.text).join('').replace(/\D/g, '');
}
