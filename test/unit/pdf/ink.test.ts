// The ink check on real fixtures (make-outlined.mjs, make-layers.mjs): outlined glyphs among a
// page's paths, and the ink in its pictures away from the text layer's words (PDFium lists and draws).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../support/tmp';
import { hasImages, inkProblem, leavesRoom, type InkFinding } from '../../../src/main/core/pdf/ink';
import { inkPage, pdfium } from '../../../src/main/core/pdf/pdfium';
import { readTextLayer } from '../../../src/main/core/pdf/text-layer';

const read = async (name: string) => (await readTextLayer(new Uint8Array(fs.readFileSync(fixture('pdf', name))))).needsOcr;

/** The ink check of every page of a fixture, given the page's text-layer words. */
async function findings(name: string): Promise<InkFinding[]> {
  const bytes = new Uint8Array(fs.readFileSync(fixture('pdf', name)));
  const layer = await readTextLayer(bytes);
  const doc = await (await pdfium()).loadDocument(bytes);
  try {
    const out: InkFinding[] = [];
    for (const p of layer.pages) out.push(await inkProblem(inkPage(doc, p.page - 1), p.words));
    return out;
  } finally {
    doc.destroy();
  }
}

describe('ink check', () => {
  it('sends an outlined report to OCR as without a text layer, its glyphs found as outlines', async () => {
    expect(await read('outlined.pdf')).toEqual([1, 2, 3].map((page) => ({ page, reason: 'absent' })));
    // one path a glyph (Ghostscript): hundreds a page
    for (const f of await findings('outlined.pdf')) {
      expect(f.reason).toBe('incomplete');
      expect(f.outlined).toBeGreaterThan(100);
    }
  });

  it('finds the text page whose table is outlined (no pictures), and only that page', async () => {
    expect(await read('text-outlined-table.pdf')).toEqual([{ page: 1, reason: 'incomplete' }]);
    const [first, ...rest] = await findings('text-outlined-table.pdf');
    expect(first!.outlined).toBeGreaterThanOrEqual(10); // one path a cell (Skia)
    for (const f of rest) expect(f.outlined).toBe(0);
  });

  it('finds no outlines on text PDFs: their paths are ruling lines and cell borders', async () => {
    for (const name of ['table-2021.pdf', 'text-2021-html-official.pdf', 'text-2021-broken-balance.pdf']) {
      for (const f of await findings(name)) expect(f).toEqual({ reason: null, outlined: 0, uncoveredInk: null });
    }
  });

  it('looks only at pages that may hold text beside their layer: files with pictures, pages with room for a table', async () => {
    const room = async (name: string) => (await readTextLayer(new Uint8Array(fs.readFileSync(fixture('pdf', name))))).pages.map((p) => leavesRoom(p.words, p.height));
    // full text pages are not looked at; a last page ending half way down is
    expect(await room('text-2021-html-official.pdf')).toEqual([false, false, true]);
    expect(await room('text-outlined-table.pdf')).toEqual([true, false, true]);
    const images = (name: string) => hasImages(new Uint8Array(fs.readFileSync(fixture('pdf', name))));
    expect(['scan-bad-layer.pdf', 'text-partly-pictured.pdf', 'text-outlined-table.pdf', 'outlined.pdf'].map(images)).toEqual([true, true, false, false]);
  });

  it('keeps right OCR layers and a pasted table far apart on both sides of the ink threshold (1.5 %)', async () => {
    const scan = (await findings('scan-bad-layer.pdf')).map((f) => f.uncoveredInk!);
    const pasted = (await findings('text-partly-pictured.pdf'))[0]!.uncoveredInk!;
    console.log(`uncovered ink: right layers ${scan.map((s) => `${(100 * s).toFixed(2)} %`).join(', ')}; pasted table ${(100 * pasted).toFixed(2)} %`);
    // pages 1 and 3 read right; page 2 is partly garbled (judged by its characters before any ink)
    for (const s of [scan[0]!, scan[2]!]) expect(s).toBeLessThan(0.0075);
    expect(pasted).toBeGreaterThan(0.03);
  });
});
