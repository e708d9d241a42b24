// Rendering PDF pages to pixels: size by dpi, real ink where the text is, greyscale for OCR,
// PDF bombs refused before drawing.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PDFDocument } from '../../support/pdf-writer';
import { fixture } from '../../support/tmp';
import { createCanvas } from '@napi-rs/canvas';
import { canvasGrey, MAX_PAGE_PIXELS, renderPage, toGrey } from '../../../src/main/core/pdf/render';

const table = fs.readFileSync(fixture('pdf', 'table-2021.pdf'));

describe('renderPage', () => {
  it('renders an A4 page at the asked dpi as PNG and greyscale', async () => {
    const r = await renderPage(table, 1, { dpi: 100, grey: true });
    expect([r.width, r.height]).toEqual([Math.ceil((595.92 * 100) / 72), Math.ceil((842.88 * 100) / 72)]);
    expect([...r.png!.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(r.grey!.length).toBe(r.width * r.height);
    const dark = r.grey!.reduce((n, v) => n + (v < 128 ? 1 : 0), 0) / r.grey!.length;
    expect(dark).toBeGreaterThan(0.005); // text and table rules are drawn…
    expect(dark).toBeLessThan(0.2); // …on a white page
  });

  it('refuses a page too large to render (PDF bomb) with a clear error', async () => {
    const bomb = PDFDocument.single({ width: 14_400, height: 14_400, content: '' });
    expect(14_400 * (300 / 72) * 14_400 * (300 / 72)).toBeGreaterThan(MAX_PAGE_PIXELS);
    await expect(renderPage(bomb, 1)).rejects.toMatchObject({ code: 'too_large', message: expect.stringContaining('尺寸异常') });
  });

  it('refuses a page that does not exist', async () => {
    await expect(renderPage(table, 9)).rejects.toMatchObject({ code: 'empty' });
  });

  it('reads a canvas as greyscale a band of rows at a time, the same as all at once', () => {
    // 1,000 px wide: bands of 1,048 rows, so three bands and a short last one
    const [w, h] = [1000, 2500];
    const canvas = createCanvas(w, h);
    const ctx = canvas.getContext('2d');
    const gradient = ctx.createLinearGradient(0, 0, w, h);
    gradient.addColorStop(0, '#ff0000');
    gradient.addColorStop(0.5, '#00ff80');
    gradient.addColorStop(1, '#102030');
    ctx.fillStyle = gradient;
    ctx.fillRect(0, 0, w, h);
    const whole = toGrey(ctx.getImageData(0, 0, w, h).data);
    const banded = canvasGrey(ctx, w, h);
    expect(banded.length).toBe(w * h);
    expect(new Set(whole).size).toBeGreaterThan(50);
    expect(Buffer.compare(Buffer.from(banded), Buffer.from(whole))).toBe(0);
  });
});
