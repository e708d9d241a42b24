// Page image preparation for OCR, on greyscale pixels: table ruling lines are whitened (tesseract
// otherwise reads them as "|", "一" or glues them to the digits in the cells), light noise becomes paper.
/** Pixels darker than this count as a line's ink (lenient: a scanned line's edges are grey). */
const INK = 200;
/** Lighter pixels are paper (scanner noise, show-through): made white, so no speck is read as a character. */
const PAPER = 175;
/** Pixels around a found line that are whitened too. */
const GROW = 2;

/**
 * Whiten horizontal and vertical runs of ink longer than `minRun` pixels (a ruling line; a character
 * stroke is shorter than the character). Works in place; returns the pixels.
 */
export function prepareForOcr(grey: Uint8Array, width: number, height: number, minRun = Math.round(width / 20)): Uint8Array {
  const mask = new Uint8Array(grey.length);
  // horizontal runs
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const ink = x < width && grey[row + x]! < INK;
      if (ink && start < 0) start = x;
      else if (!ink && start >= 0) {
        if (x - start >= minRun) mask.fill(1, row + start, row + x);
        start = -1;
      }
    }
  }
  // vertical runs
  const starts = new Int32Array(width).fill(-1);
  for (let y = 0; y <= height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const ink = y < height && grey[row + x]! < INK;
      const s = starts[x]!;
      if (ink && s < 0) starts[x] = y;
      else if (!ink && s >= 0) {
        if (y - s >= minRun) for (let k = s; k < y; k++) mask[k * width + x] = 1;
        starts[x] = -1;
      }
    }
  }
  // grow the mask (blurred edges of the lines)
  for (let g = 2; g < 2 + GROW; g++) {
    for (let y = 1; y < height - 1; y++) {
      for (let x = 1; x < width - 1; x++) {
        const i = y * width + x;
        if (mask[i] === 1 || mask[i] === g - 1) {
          if (mask[i - 1] === 0) mask[i - 1] = g;
          if (mask[i + 1] === 0) mask[i + 1] = g;
          if (mask[i - width] === 0) mask[i - width] = g;
          if (mask[i + width] === 0) mask[i + width] = g;
        }
      }
    }
  }
  for (let i = 0; i < grey.length; i++) if (mask[i] || grey[i]! >= PAPER) grey[i] = 255;
  return grey;
}
