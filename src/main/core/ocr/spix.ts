// Page pictures for tesseract.js in Leptonica's own serialization ("spix": a header and the raster
// as Leptonica holds it in memory), which pixRead copies in one go. A PGM is read pixel by pixel
// through the WebAssembly stdio (200–300 ms for a 300 dpi A4 page, against 30–60 ms for spix).
// The bytes live in a plain ArrayBuffer, moved (transferred) from the render worker to the main
// thread: V8 counts it and frees it when it is dropped. A SharedArrayBuffer is not counted, so a
// thread that allocates little else never collects it (measured: +50 MB of RSS for every page,
// 2.9 GB after 54 pages).
import type { Box } from './prepare';
import type { OcrImage } from './settings';

const HEADER = 28;

/** 8-bit greyscale pixels (row-major) as spix: words of 4 pixels, the first pixel in the word's high byte. */
export function toSpix(grey: Uint8Array, width: number, height: number): Uint8Array {
  const wpl = Math.ceil(width / 4);
  const out = spixOf(width, height);
  for (let y = 0; y < height; y++) {
    const src = y * width;
    const dst = HEADER + y * wpl * 4;
    for (let x = 0; x < width; x++) out[dst + (x ^ 3)] = grey[src + x]!;
    for (let x = width; x < wpl * 4; x++) out[dst + (x ^ 3)] = 255;
  }
  return out;
}

/** An empty spix picture (header written). */
function spixOf(width: number, height: number): Uint8Array {
  const wpl = Math.ceil(width / 4);
  const out = new Uint8Array(HEADER + wpl * 4 * height);
  out.set([0x73, 0x70, 0x69, 0x78]); // "spix"
  const dv = new DataView(out.buffer);
  // width, height, depth, words per line, colours, raster bytes (little-endian, as wasm reads them)
  [width, height, 8, wpl, 0, wpl * 4 * height].forEach((v, i) => dv.setUint32(4 + 4 * i, v, true));
  return out;
}

/** Pixel (x, y) of a spix picture `width` wide. */
export function spixPixel(spix: Uint8Array, width: number, x: number, y: number): number {
  return spix[HEADER + y * Math.ceil(width / 4) * 4 + (x ^ 3)]!;
}

/**
 * A box of a spix picture as a spix picture of its own and its place (x, y) in the picture: the box
 * widened to whole 4-pixel words (the padding of a line is white), so lines are copied as they are.
 */
export function cropSpix(spix: Uint8Array, width: number, box: Box): OcrImage & { x: number; y: number } {
  const wpl = Math.ceil(width / 4);
  const w0 = Math.floor(box.x / 4);
  const w1 = Math.min(wpl, Math.ceil((box.x + box.w) / 4));
  const out = spixOf(4 * (w1 - w0), box.h);
  for (let y = 0; y < box.h; y++) {
    const src = HEADER + ((box.y + y) * wpl + w0) * 4;
    out.set(spix.subarray(src, src + (w1 - w0) * 4), HEADER + y * (w1 - w0) * 4);
  }
  return { spix: out, width: 4 * (w1 - w0), height: box.h, x: 4 * w0, y: box.y };
}
