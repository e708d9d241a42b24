// Page image preparation for OCR, on greyscale pixels: table ruling lines are whitened (tesseract
// otherwise reads them as "|", "一" or glues them to the digits in the cells), light noise becomes
// paper, and the narrow columns of a ruled table (the figures) are split off into a picture of
// their own: read apart from the labels, a row of figures is one text line even where its label
// wraps over two (read together, tesseract loses the figures between the label's lines).

/** Pixels darker than this count as a line's ink (lenient: a scanned line's edges are grey). */
const INK = 200;
/** Lighter pixels are paper (scanner noise, show-through): made white, so no speck is read as a character. */
const PAPER = 175;
/** Pixels around a found line that are whitened too. */
const GROW = 2;
/** Table columns narrower than this share of the page width hold figures. */
const NARROW_COLUMN = 0.1;

interface Run {
  x: number;
  y0: number;
  y1: number;
}

export interface PreparedPage {
  /** the page without ruling lines and without the figure columns */
  text: Uint8Array;
  /** the figure columns alone (same size as the page), when the page has a ruled table */
  figures: Uint8Array | null;
}

/**
 * Find ruling lines (ink runs longer than `minRun` pixels: a character stroke is shorter than the
 * character) and prepare the page as described above. `grey` is reused for `text`.
 */
export function prepareForOcr(grey: Uint8Array, width: number, height: number, minRun = Math.round(width / 20)): PreparedPage {
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
  // vertical runs, remembered: they are the table's column boundaries
  const vertical: Run[] = [];
  const starts = new Int32Array(width).fill(-1);
  for (let y = 0; y <= height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const ink = y < height && grey[row + x]! < INK;
      const s = starts[x]!;
      if (ink && s < 0) starts[x] = y;
      else if (!ink && s >= 0) {
        if (y - s >= minRun) {
          for (let k = s; k < y; k++) mask[k * width + x] = 1;
          vertical.push({ x, y0: s, y1: y });
        }
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
  const strips = figureStrips(lines(vertical), width);
  if (strips.length === 0) return { text: grey, figures: null };
  const figures = new Uint8Array(grey.length).fill(255);
  for (const s of strips) {
    for (let y = s.y0; y < s.y1; y++) {
      const row = y * width;
      figures.set(grey.subarray(row + s.x0, row + s.x1), row + s.x0);
      grey.fill(255, row + s.x0, row + s.x1);
    }
  }
  return { text: grey, figures };
}

/** Vertical runs of neighbouring pixel columns → one line each (x at its middle, the union of its extent). */
function lines(runs: readonly Run[]): Run[] {
  const out: (Run & { n: number; last: number })[] = [];
  for (const r of [...runs].sort((a, b) => a.x - b.x || a.y0 - b.y0)) {
    const line = out.find((l) => r.x - l.last <= 2 && r.y0 < l.y1 && r.y1 > l.y0);
    if (line) {
      line.x += (r.x - line.x) / ++line.n;
      line.last = r.x;
      line.y0 = Math.min(line.y0, r.y0);
      line.y1 = Math.max(line.y1, r.y1);
    } else out.push({ ...r, n: 1, last: r.x });
  }
  return out.map(({ x, y0, y1 }) => ({ x: Math.round(x), y0, y1 }));
}

/** Rectangles between neighbouring vertical lines that are close together (the figure columns). */
function figureStrips(vertical: readonly Run[], width: number): { x0: number; x1: number; y0: number; y1: number }[] {
  const sorted = [...vertical].sort((a, b) => a.x - b.x);
  const strips: { x0: number; x1: number; y0: number; y1: number }[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    // the next line to the right that overlaps this one vertically
    const b = sorted.slice(i + 1).find((l) => l.x - a.x > 8 && l.y0 < a.y1 && l.y1 > a.y0);
    if (!b || b.x - a.x > NARROW_COLUMN * width) continue;
    strips.push({ x0: a.x + 1, x1: b.x, y0: Math.max(a.y0, b.y0), y1: Math.min(a.y1, b.y1) });
  }
  return strips;
}
