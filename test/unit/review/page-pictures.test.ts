// Page pictures for the review screen: image files as OCR read them (upright), scaled for the screen;
// the disk cache they are kept in.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { loadImage } from '@napi-rs/canvas';
import { fixture, tempDir } from '../../support/tmp';
import { pagePictures } from '../../../src/main/core/review/page-pictures';
import { pageCache, pngScale, pngSize, withScale } from '../../../src/main/core/review/page-cache';
import { decodeImagePage } from '../../../src/main/core/image/decode';

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
