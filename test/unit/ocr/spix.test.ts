// Page pictures in Leptonica's spix serialization: header, pixel order within a word, padding,
// crops, and a buffer of its own (moved, not copied, when posted to another thread).
import { describe, expect, it } from 'vitest';
import { cropSpix, spixPixel, toSpix } from '../../../src/main/core/ocr/spix';

describe('spix pictures', () => {
  // 6 × 2 pixels: a width that is not a multiple of 4, so each line is padded to 8 bytes
  const grey = Uint8Array.from([0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15]);
  const spix = toSpix(grey, 6, 2);

  it('writes the header Leptonica reads and the raster in its word order', () => {
    expect(new TextDecoder().decode(spix.subarray(0, 4))).toBe('spix');
    const dv = new DataView(spix.buffer);
    expect([4, 8, 12, 16, 20, 24].map((o) => dv.getUint32(o, true))).toEqual([6, 2, 8, 2, 0, 16]);
    expect(spix.length).toBe(28 + 16);
    // the first pixel of a word is its most significant byte: stored last on a little-endian machine
    expect([...spix.subarray(28, 36)]).toEqual([3, 2, 1, 0, 255, 255, 5, 4]);
    expect(spix.buffer).toBeInstanceOf(ArrayBuffer);
    expect(spix.buffer.byteLength).toBe(spix.byteLength);
  });

  it('reads pixels back and crops a box', () => {
    expect(spixPixel(spix, 6, 5, 1)).toBe(15);
    // widened to whole words: pixels 0–7 of the lines (6 and 7 the white padding)
    const crop = cropSpix(spix, 6, { x: 1, y: 1, w: 5, h: 1 });
    expect(crop).toMatchObject({ x: 0, y: 1, width: 8, height: 1 });
    expect(Array.from({ length: 8 }, (_, x) => spixPixel(crop.spix, 8, x, 0))).toEqual([10, 11, 12, 13, 14, 15, 255, 255]);
    expect(new DataView(crop.spix.buffer).getUint32(4, true)).toBe(8);
    expect(cropSpix(spix, 6, { x: 4, y: 0, w: 1, h: 2 })).toMatchObject({ x: 4, width: 4 });
  });
});
