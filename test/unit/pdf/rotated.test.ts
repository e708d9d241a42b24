// Text-layer words on pages turned by /Rotate or with offset boxes (make-rotated.mjs) are placed on
// the page as it is shown: a word's box, cut from the page drawn by PDFium (the review screen) and by
// pdfjs (OCR), holds the ink of its glyphs; the ink check measures such a page as the upright one.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { fixture } from '../../support/tmp';
import type { Word } from '../../../src/main/core/normalize/positioned-types';
import { inkProblem } from '../../../src/main/core/pdf/ink';
import { inkPage, pdfium } from '../../../src/main/core/pdf/pdfium';
import { renderPage, toGrey } from '../../../src/main/core/pdf/render';
import { readTextLayer } from '../../../src/main/core/pdf/text-layer';
import { pagePictures } from '../../../src/main/core/review/page-pictures';

const TURNED = ['table-2021-rotate-90.pdf', 'table-2021-rotate-180.pdf', 'table-2021-rotate-270.pdf', 'table-2021-offset-box.pdf', 'table-2021-rotate-90-offset.pdf'];
const bytes = (name: string) => new Uint8Array(fs.readFileSync(fixture('pdf', name)));

interface Grey {
  grey: Uint8Array;
  width: number;
  height: number;
}

async function pngGrey(png: Uint8Array): Promise<Grey> {
  const img = await loadImage(Buffer.from(png));
  const canvas = createCanvas(img.width, img.height);
  canvas.getContext('2d').drawImage(img, 0, 0);
  return { grey: toGrey(canvas.getContext('2d').getImageData(0, 0, img.width, img.height).data), width: img.width, height: img.height };
}

/** Share of dark pixels inside a word's box on a picture drawn at `k` pixels a point. */
function inkIn(page: Grey, w: Word, k: number): number {
  let dark = 0;
  let all = 0;
  for (let y = Math.max(0, Math.floor(w.y * k)); y < Math.min(page.height, Math.ceil((w.y + w.h) * k)); y++) {
    for (let x = Math.max(0, Math.floor(w.x * k)); x < Math.min(page.width, Math.ceil((w.x + w.w) * k)); x++) {
      all++;
      if (page.grey[y * page.width + x]! < 160) dark++;
    }
  }
  return all ? dark / all : 0;
}

/** The words whose boxes hold less than 4 % dark pixels: figures, and words of two letters or more (一 alone is one stroke). */
const blank = (page: Grey, words: readonly Word[], k: number): string[] => words.filter((w) => /\p{N}|[\p{L}\p{N}]{2}/u.test(w.text) && inkIn(page, w, k) < 0.04).map((w) => w.text);

describe('words on turned pages and offset boxes', () => {
  it('places each word over its glyphs on the page drawn by PDFium and by pdfjs', async () => {
    const pictures = pagePictures();
    try {
      for (const name of ['table-2021.pdf', ...TURNED]) {
        const [page] = (await readTextLayer(bytes(name))).pages;
        expect(page!.words.length, name).toBeGreaterThan(100);
        const shown = await pictures.draw(name, fixture('pdf', name), 'pdf', 1, 144);
        expect(shown.width / shown.scale).toBeCloseTo(page!.width, 0);
        expect(blank(await pngGrey(shown.png), page!.words, shown.scale), `${name} (PDFium)`).toEqual([]);
        const drawn = await renderPage(bytes(name), 1, { dpi: 100, grey: true, png: false });
        expect(blank({ grey: drawn.grey!, width: drawn.width, height: drawn.height }, page!.words, drawn.scale), `${name} (pdfjs)`).toEqual([]);
      }
    } finally {
      await pictures.close();
    }
  });

  it('gives text running down the page shown a box as tall as the text, where it is drawn', async () => {
    const [page] = (await readTextLayer(bytes('table-2021-rotate-90-offset.pdf'))).pages;
    const note = page!.words.find((w) => w.text.startsWith('Printed page 1'))!;
    // upright in user space, 40 pt from the MediaBox's corner: down the left margin of the page shown
    expect(note.x).toBeCloseTo(4, 1);
    expect(note.y).toBeCloseTo(30, 1);
    expect(note.w).toBeCloseTo(9, 1);
    expect(note.h).toBeGreaterThan(100);
  });

  it('measures a turned page’s paths and pictures as the upright page’s: a pasted table, an outlined one, scans under a right OCR layer', async () => {
    const lib = await pdfium();
    const check = async (name: string) => {
      const file = bytes(name);
      const layer = await readTextLayer(file);
      const doc = await lib.loadDocument(file);
      try {
        const found = [];
        for (const p of layer.pages) {
          const page = inkPage(doc, p.page - 1);
          const { pictures } = page.painted();
          found.push({ ...(await inkProblem(page, p.words)), pictures: pictures.map((b) => [b.x0, b.y0, b.x1, b.y1].map((v) => Math.round(v))) });
        }
        return found;
      } finally {
        doc.destroy();
      }
    };
    for (const [upright, turned] of [
      ['text-partly-pictured.pdf', 'text-partly-pictured-rotate-90.pdf'],
      ['text-outlined-table.pdf', 'text-outlined-table-rotate-270.pdf'],
      ['scan-bad-layer.pdf', 'scan-bad-layer-rotate-270.pdf'],
    ] as const) {
      const want = await check(upright);
      expect(want.map((f) => f.reason)).toEqual(upright.startsWith('scan') ? [null, null, null] : ['incomplete', null, null]);
      expect(await check(turned), turned).toEqual(want);
    }
  });
});
