// Pixels of page pictures: turned a quarter at a time, and written as PNG straight from the page
// renderer, deflated fast (a page is mostly white: level 1 costs a fraction of the canvas
// encoder's time for a few percent more bytes).
import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One chunk: length, type, data, CRC of type and data. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  typed.copy(out, 4);
  out.writeUInt32BE(zlib.crc32(typed), 8 + data.length);
  return out;
}

/** An 8-bit RGB PNG of RGBA pixels (alpha dropped: pages are drawn on white). */
export function encodePng(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Uint8Array {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height); // each row: filter 0 (none), then RGB
  for (let y = 0, j = 0; y < height; y++) {
    let o = y * stride + 1;
    for (let x = 0; x < width; x++, j += 4) {
      raw[o++] = rgba[j]!;
      raw[o++] = rgba[j + 1]!;
      raw[o++] = rgba[j + 2]!;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', zlib.deflateSync(raw, { level: 1 })), pngChunk('IEND', new Uint8Array(0))]);
}

/** RGBA pixels turned `turn` quarters clockwise. */
export function turned(rgba: Uint8Array, width: number, height: number, turn: number): { data: Uint8Array; width: number; height: number } {
  if (turn === 0) return { data: rgba, width, height };
  const src = new Uint32Array(rgba.buffer, rgba.byteOffset, width * height);
  const w = turn === 2 ? width : height;
  const h = turn === 2 ? height : width;
  const out = new Uint32Array(w * h);
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      // where pixel (x, y) lands: a quarter turn clockwise takes it to (height-1-y, x)
      const at = turn === 1 ? x * w + (height - 1 - y) : turn === 2 ? (height - 1 - y) * w + (width - 1 - x) : (width - 1 - x) * w + y;
      out[at] = src[i]!;
    }
  }
  return { data: new Uint8Array(out.buffer), width: w, height: h };
}
