// End to end: the review screen — drop a real report and a scan, open the report for review,
// correct a failing cell with the keyboard and watch its rule turn green, undo and redo, verify,
// find it again, read the history, type while the next report (the scan) opens; the scan and a PDF
// page with the focused box (on its figure in the picture, read back by OCR), merging two copies of
// one document, changing the layout (the tables read again) with a note; a page read by OCR says why.
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

/** a real report (test/fixtures/real) whose text and table disagree on one figure */
const REAL = '平潭综合实验区2022年度政府信息公开工作年度报告.txt';

const drop = (page: Session['page'], ...files: string[][]) => dropFiles(page, files.map((f) => ({ name: f.at(-1)!, bytes: fs.readFileSync(fixture(...f)) })));

describe('review screen', () => {
  it('a real report and a scan dropped together: correct with the keyboard (the rule turns green), undo, redo, verify, find it, its history; keys typed while the next report opens; the scan with its boxes', async () => {
    s = await app.open();
    const { page, harness } = s;
    // a real report whose text and table disagree (收到申请 75 in its text, 74 in 表三), and a scanned page
    const imported = new Promise<void>((resolve) => {
      const off = harness.host.on('job:done', () => (off(), resolve()));
    });
    await drop(page, ['real', REAL], ['images', 'jpeg-named.png']);
    // the text report is in at once; the scan follows when OCR has read it (meanwhile the report is reviewed)
    await page.getByTestId('report-row').filter({ hasText: REAL }).click();
    await page.getByTestId('library').press('Enter');

    const review = page.getByTestId('review');
    const findings = review.getByTestId('findings');
    const received = review.locator('[data-key="n.apply_received"]');
    const finding = findings.getByText(/收到申请数：正文 75 ≠ 表格 74（差 1）/);
    await finding.waitFor();
    expect(await received.innerText()).toContain('75');
    await review.getByTestId('source-text').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-html.png') });
    await findings.screenshot({ path: path.join(SCREENSHOTS, 'review-findings.png') });
    // in English, the finding is worded in English from its figures
    await review.getByTestId('locale').click();
    await findings.getByText(/text 75 ≠ table 74 \(off by 1\)/).waitFor();
    await findings.screenshot({ path: path.join(SCREENSHOTS, 'review-findings-en.png') });
    await review.getByTestId('locale').click();

    // the finding jumps to its first cell (the figure in the text, highlighted there); typing replaces, Enter commits
    await finding.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe('n.apply_received');
    await expect.poll(() => page.evaluate(() => [...((CSS.highlights as unknown as Map<string, Set<Range>>).get('review-focus') ?? [])].map((r) => r.toString()).join(''))).toContain('75');
    await page.keyboard.type('x');
    expect(await review.getByTestId('cell-editor').count()).toBe(0); // letters do not start an edit of a number
    await page.keyboard.type('74x');
    expect(await review.getByTestId('cell-editor').getAttribute('aria-invalid')).toBe('true');
    await review.getByTestId('focus-line').getByText('请输入非负整数').waitFor();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    // the rule turns green
    await finding.waitFor({ state: 'detached' });
    await findings.getByText('全部通过').waitFor();
    await expect.poll(() => received.getAttribute('class')).toContain('corrected');
    expect(await received.innerText()).toContain('✎');

    // undo brings the failing rule back, redo fixes it again
    await page.keyboard.press('Control+z');
    await finding.waitFor();
    await expect.poll(() => received.locator('.v').innerText()).toBe('75');
    await page.keyboard.press('Control+Shift+z');
    await findings.getByText('全部通过').waitFor();
    expect(await received.locator('.v').innerText()).toBe('74');

    // verify the report; its history in the screen, with who and what
    await page.keyboard.press('Shift+V');
    await review.getByTestId('review-status').getByText('已核对').waitFor();
    await page.keyboard.press('h');
    const history = review.getByTestId('history');
    const rows = history.getByTestId('history-row');
    await expect.poll(() => rows.count()).toBe(4); // edit, undo, redo, verify
    expect(await rows.first().innerText()).toContain('核对状态');
    expect(await rows.nth(1).innerText()).toContain('重做');
    expect(await rows.nth(2).innerText()).toContain('撤销'); // the undo is itself a recorded change
    expect(await rows.nth(3).innerText()).toMatch(/收到.*申请.*75 → 74/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-history.png') });
    await page.keyboard.press('h');

    // back in the library, once the scan is in too: the report is found by its text, verified
    await review.getByTestId('review-close').click();
    await imported;
    await expect.poll(() => page.getByTestId('report-row').count()).toBe(2);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-library.png') });
    await page.getByTestId('search').fill('金井湾商务营运中心');
    await expect.poll(() => page.getByTestId('report-row').count()).toBe(1);
    expect(await page.getByTestId('report-row').first().innerText()).toContain('已核对');
    await page.getByTestId('search').fill('');
    await expect.poll(() => page.getByTestId('report-row').count()).toBe(2);

    // keys typed right after J (K: the verified report is last in the queue) are kept until the
    // next report's form is there, then applied to it, in order
    await page.getByTestId('report-row').filter({ hasText: REAL }).dblclick();
    await review.getByTestId('queue-pos').getByText(/\/ 2/).waitFor();
    const real = Number((await review.locator('.review-title').innerText()).match(/#(\d+)/)![1]);
    const scan = real === 1 ? 2 : 1;
    await page.keyboard.press((await review.getByTestId('queue-pos').innerText()).includes('2 / 2') ? 'k' : 'j');
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    await review.getByText(`报告 #${scan}`).first().waitFor();
    // (the form of the report left stays, dimmed, until the new one's is there)
    const corrected = review.locator('.review-form:not(.stale) .cell.corrected');
    await expect.poll(() => corrected.locator('.v').allInnerTexts()).toEqual(['7']);
    const typed = await corrected.getAttribute('data-key');
    const stored = (await harness.host.dispatch('report:get', { id: scan })) as ApiResponse<'report:get'>;
    expect(stored.ok && stored.value.fields.find((f) => f.key === typed)).toMatchObject({ value: 7, status: 'corrected' });
    const after = (await harness.host.dispatch('report:history', { id: real })) as ApiResponse<'report:history'>;
    expect(after.ok && after.value.length).toBe(4); // nothing typed went to the report left
    // Enter moved down from the typed cell, then the arrow right, on the report opened
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-key'));
    expect(focused).not.toBe(typed);
    await page.keyboard.press('Control+z');
    await expect.poll(() => corrected.count()).toBe(0);

    // the scan: its page picture with the focused figure's box, at any zoom; low OCR confidence marked
    await review.locator('.page img').waitFor();
    await review.getByTestId('page-ocr').getByText('本页经文字识别（OCR）读取：原文为图片').waitFor();
    const box = review.getByTestId('page-box');
    await box.waitFor();
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
    // zoomed in, a sharper picture is drawn (the first was as large as the pane shows it)
    await expect.poll(async () => (await review.locator('.page img').evaluate((img: HTMLImageElement) => img.naturalWidth))).toBeGreaterThan(picture.width * 1.4);
    await expect.poll(async () => readFigure(page, (await box.boundingBox())!), { timeout: 20_000 }).toContain(figure);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-scan-zoom.png') });

    // words OCR read with low confidence make their figures low-confidence cells (⚠), unless a person checked them
    const detail = (await harness.host.dispatch('report:get', { id: scan })) as ApiResponse<'report:get'>;
    const words = (await harness.host.dispatch('report:page', { id: scan, page: 1, picture: false })) as ApiResponse<'report:page'>;
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
    // re-extraction of the scan comes from the OCR cache
    await review.getByTestId('reextract').click();
    await page.getByTestId('dialog-reextract').getByTestId('dialog-ok').click();
    await review.getByTestId('review-message').getByText(/已重新提取：0 项数值变化/).waitFor();
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

  it('says above a page read by OCR why it was (a table drawn as a picture), and nothing on a page read from its text layer', async () => {
    s = await app.open();
    const { page } = s;
    await drop(page, ['pdf', 'text-partly-pictured.pdf']);
    await page.getByTestId('summary').getByText('已导入 1').waitFor();
    await page.getByTestId('report-row').first().dblclick();
    const review = page.getByTestId('review');
    // 表二 is a picture on page 1: its figures came from OCR, and the page says why
    const pictured = review.locator('[data-key="t2.license.decisions"]');
    await pictured.click();
    await review.getByTestId('page-number').getByText(/第 1 页/).waitFor();
    await review.locator('.page img').waitFor();
    const notice = review.getByTestId('page-ocr');
    const text = '本页经文字识别（OCR）读取：文字层不完整（部分文字为图片或轮廓曲线）';
    await notice.getByText(text).waitFor();
    expect(await notice.getAttribute('title')).toBe(`${text}。识别出的数字可能有误，请对照页面图像核对。`);
    // one quiet line between the page tools and the page, inside the window: it covers nothing
    const line = (await notice.boundingBox())!;
    const scroller = (await review.locator('.page-scroller').boundingBox())!;
    expect(line.y + line.height).toBeLessThanOrEqual(scroller.y + 0.5);
    expect(line.height).toBeLessThan(30);
    expect(line.x + line.width).toBeLessThanOrEqual(1366);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-ocr-reason.png') });
    // page 2 is read from its text layer as it is: no notice
    await review.getByRole('button', { name: '下一页' }).click();
    await review.getByTestId('page-number').getByText(/第 2 页/).waitFor();
    await expect.poll(() => notice.count()).toBe(0);
    // in English (the screen opens again on its first failing figure): back to 表二
    await review.getByTestId('locale').click();
    await review.getByTestId('page-number').getByText(/^Page \d/).waitFor();
    await pictured.click();
    await review.getByTestId('page-number').getByText(/Page 1 /).waitFor();
    await notice.getByText('Read by OCR: the text layer lacks the text drawn as pictures or outlines').waitFor();
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
    await correct(page, fax, '4');

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
    await correct(page, natural, '99');
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

    // an earlier value restored from the history: a new row says where it came from
    const typed = history.getByTestId('history-row').filter({ has: page.locator('.what', { hasText: /→ 99$/ }) });
    const printed = (await typed.locator('.what').innerText()).match(/: (\d+) → 99/)![1]!;
    await typed.getByRole('button', { name: `恢复为修改前的值 ${printed}` }).click();
    await expect.poll(() => natural.locator('.v').innerText()).toBe(printed);
    await history.getByTestId('history-row').first().getByText(/恢复自 #\d+/).waitFor();
    expect(s.problems).toEqual([]);
  });
});

/** Click a cell, type a figure, Enter: the cell shows it corrected. */
async function correct(page: Session['page'], cell: ReturnType<Session['page']['locator']>, figure: string): Promise<void> {
  await cell.click();
  await page.keyboard.type(figure);
  await page.keyboard.press('Enter');
  await expect.poll(() => cell.getAttribute('class')).toContain('corrected');
}

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
