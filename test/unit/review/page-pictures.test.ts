// Page pictures for the review screen: image files as OCR read them (upright), scaled for the screen;
// the disk cache they are kept in.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { fixture, tempDir } from '../../support/tmp';
import { pagePictures } from '../../../src/main/core/review/page-pictures';
import { pageCache, pngScale, pngSize, withScale } from '../../../src/main/core/review/page-cache';
import { decodeImagePage } from '../../../src/main/core/image/decode';
import { renderPage } from '../../../src/main/core/pdf/render';
import { turned } from '../../../src/main/core/review/png';

describe('page pictures', () => {
  it('draws an image file in the frame OCR read it (words and boxes fit), scaled to the asked resolution', async () => {
    const file = fixture('images', 'photo-exif-rotated.jpg');
    const ocr = await decodeImagePage(fs.readFileSync(file), 1);
    const pictures = pagePictures();
    const drawn = await pictures.draw('x', file, 'image', 1, 72);
    expect(pngSize(drawn.png)).toEqual({ width: drawn.width, height: drawn.height });
    // page units are the pixels OCR read: the picture over its scale is that frame
    // (to within a screen pixel's rounding)
    expect(Math.abs(drawn.width / drawn.scale - ocr.width)).toBeLessThan(1 / drawn.scale);
    expect(Math.abs(drawn.height / drawn.scale - ocr.height)).toBeLessThan(1 / drawn.scale);
    expect(drawn.width).toBeLessThanOrEqual(596);
    expect(Math.sign(drawn.height - drawn.width)).toBe(Math.sign(ocr.height - ocr.width));
    await expect(pictures.draw('x', file, 'image', 2, 72)).rejects.toThrow(/第 2 页/);
    await pictures.close();
  });
});

describe('page cache', () => {
  it('keeps a picture with its scale, still a PNG any decoder reads, and counts its bytes', async () => {
    const file = fixture('images', 'photo-exif-rotated.jpg');
    const pictures = pagePictures();
    const drawn = await pictures.draw('x', file, 'image', 1, 72);
    await pictures.close();
    const cache = pageCache(tempDir('nianbao-cache-'));
    expect(await cache.usage()).toBe(0);
    expect(await cache.read('ab12', 1, 72)).toBeNull();
    await cache.write('ab12', 1, 72, drawn);
    expect(await cache.has('ab12', 1, 72)).toBe(true);
    const kept = (await cache.read('ab12', 1, 72))!;
    expect(kept).toMatchObject({ width: drawn.width, height: drawn.height, scale: drawn.scale });
    expect(await cache.usage()).toBe(kept.png.length);
    const image = await loadImage(Buffer.from(kept.png));
    expect([image.width, image.height]).toEqual([drawn.width, drawn.height]);
    // a PNG cached before the scale was kept (a PDF page): the scale follows from the resolution
    expect(pngScale(drawn.png)).toBeNull();
    expect(pngScale(withScale(drawn.png, 1.5))).toBe(1.5);
  });
});

describe('PDF pages', () => {
  /** mean absolute grey difference of two pictures over the area both cover */
  const difference = async (a: Uint8Array, b: Uint8Array): Promise<number> => {
    const [x, y] = await Promise.all([loadImage(Buffer.from(a)), loadImage(Buffer.from(b))]);
    const w = Math.min(x.width, y.width);
    const h = Math.min(x.height, y.height);
    const grey = (img: typeof x) => {
      const c = createCanvas(w, h);
      c.getContext('2d').drawImage(img, 0, 0);
      const d = c.getContext('2d').getImageData(0, 0, w, h).data;
      return Array.from({ length: w * h }, (_, i) => (d[i * 4]! + d[i * 4 + 1]! + d[i * 4 + 2]!) / 3);
    };
    const [ga, gb] = [grey(x), grey(y)];
    return ga.reduce((n, v, i) => n + Math.abs(v - gb[i]!), 0) / ga.length;
  };

  it('draws a page where pdfjs (whose coordinates the boxes are in) draws it, as a PNG any decoder reads', async () => {
    const file = fixture('pdf', 'table-2021.pdf');
    const pictures = pagePictures();
    const sharp = await pictures.draw('t', file, 'pdf', 1, 72);
    await pictures.close();
    expect(pngSize(sharp.png)).toEqual({ width: sharp.width, height: sharp.height });
    expect(Math.abs(sharp.width / sharp.scale - 595.92)).toBeLessThan(1);
    const reference = (await renderPage(fs.readFileSync(file), 1, { dpi: 72 })).png!;
    // aligned, the pictures differ in antialiasing only; shifted by 2 px they differ several times more
    const aligned = await difference(sharp.png, reference);
    expect(aligned).toBeLessThan(4);
    const shifted = createCanvas(sharp.width, sharp.height);
    shifted.getContext('2d').fillStyle = '#fff';
    shifted.getContext('2d').fillRect(0, 0, sharp.width, sharp.height);
    shifted.getContext('2d').drawImage(await loadImage(Buffer.from(sharp.png)), 2, 2);
    expect(await difference(new Uint8Array(await shifted.encode('png')), reference)).toBeGreaterThan(aligned * 2);
  });

  it('refuses a page the file does not have, and a damaged file, with the reason', async () => {
    const pictures = pagePictures();
    await expect(pictures.draw('t', fixture('pdf', 'table-2021.pdf'), 'pdf', 2, 72)).rejects.toThrow(/第 2 页/);
    await expect(pictures.draw('u', fixture('pdf', 'truncated.pdf'), 'pdf', 1, 72)).rejects.toThrow();
    await pictures.close();
  });
});

describe('turning pixels', () => {
  it('turns RGBA pixels a quarter, a half and three quarters clockwise', () => {
    // 3 × 2: pixels numbered 1..6 row by row (one byte of each RGBA pixel carries the number)
    const px = (ns: number[]) => new Uint8Array(ns.flatMap((n) => [n, 0, 0, 255]));
    const numbers = (t: { data: Uint8Array }) => [...t.data].filter((_, i) => i % 4 === 0);
    const src = px([1, 2, 3, 4, 5, 6]);
    expect(turned(src, 3, 2, 1)).toMatchObject({ width: 2, height: 3 });
    expect(numbers(turned(src, 3, 2, 1))).toEqual([4, 1, 5, 2, 6, 3]);
    expect(numbers(turned(src, 3, 2, 2))).toEqual([6, 5, 4, 3, 2, 1]);
    expect(numbers(turned(src, 3, 2, 3))).toEqual([3, 6, 2, 5, 1, 4]);
  });
});
