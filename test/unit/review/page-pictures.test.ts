// Page pictures for the review screen: image files as OCR read them (upright), scaled for the screen.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { fixture } from '../../support/tmp';
import { pagePictures } from '../../../src/main/core/review/page-pictures';
import { pngSize } from '../../../src/main/core/review/page-cache';
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
