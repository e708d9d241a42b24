// Page image preparation for OCR, on greyscale pixels: table ruling lines are whitened (tesseract
// otherwise reads them as "|", "一" or glues them to the digits in the cells), light noise becomes
// paper, and the narrow columns of a ruled table (the figures) are split off into a picture of
// their own: read apart from the labels, a row of figures is one text line even where its label
// wraps over two (read together, tesseract loses the figures between the label's lines).
import type { GreyPage } from '../image/decode';
import type { HorizontalRule, TableRules, VerticalRule as Run } from '../normalize/positioned-types';

/** Pixels darker than this count as a line's ink (lenient: a scanned line's edges are grey). */
const INK = 200;
/** Lighter pixels are paper (scanner noise, show-through): made white, so no speck is read as a character. */
const PAPER = 175;
/** Pixels around a found line that are whitened too. */
const GROW = 2;
/** Table columns narrower than this share of the page width hold figures. */
const NARROW_COLUMN = 0.1;

/** The figure columns' picture and its place on the page. */
export interface FigureCrop extends GreyPage {
  x: number;
  y: number;
  /** cells of the figure columns with ink in them (crop coordinates): a lone "1" tesseract skips in a row is read again alone */
  cells: Box[];
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A cell holds a figure when it has at least this many ink pixels. */
const CELL_INK = 40;

export interface PreparedPage {
  /** the page without ruling lines and without the figure columns */
  text: Uint8Array;
  /** the figure columns alone, cropped to where they are (x, y: the crop's place on the page) */
  figures: FigureCrop | null;
  /** the ruling lines found (pixels) */
  rules: TableRules;
}

/**
 * Find ruling lines (ink runs longer than `minRun` pixels: a character stroke is shorter than the
 * character) and prepare the page as described above. `grey` is reused for `text`.
 */
export function prepareForOcr(input: Uint8Array, width: number, height: number, minRun = Math.round(width / 20)): PreparedPage {
  const grey = deskew(input, width, height, minRun);
  const mask = new Uint8Array(grey.length);
  const horizontal: HorizontalRule[] = [];
  // horizontal runs
  horizontalRuns(grey, width, height, minRun, 1, (y, start, end) => {
    mask.fill(1, y * width + start, y * width + end);
    const line = horizontal.find((l) => y - l.y <= 3 && start < l.x1 && end > l.x0);
    if (line) {
      line.x0 = Math.min(line.x0, start);
      line.x1 = Math.max(line.x1, end);
    } else horizontal.push({ y, x0: start, x1: end });
  });
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
  const rules = { vertical: lines(vertical), horizontal };
  const strips = figureStrips(rules.vertical, width);
  if (strips.length === 0) return { text: grey, figures: null, rules };
  const x = Math.min(...strips.map((s) => s.x0));
  const y = Math.min(...strips.map((s) => s.y0));
  const w = Math.max(...strips.map((s) => s.x1)) - x;
  const h = Math.max(...strips.map((s) => s.y1)) - y;
  const figures = new Uint8Array(w * h).fill(255);
  for (const s of strips) {
    for (let yy = s.y0; yy < s.y1; yy++) {
      const row = yy * width;
      figures.set(grey.subarray(row + s.x0, row + s.x1), (yy - y) * w + (s.x0 - x));
      grey.fill(255, row + s.x0, row + s.x1);
    }
  }
  return { text: grey, figures: { grey: figures, x, y, width: w, height: h, cells: inkCells(figures, w, strips, horizontal, x, y) }, rules };
}

/** The cells (figure column × the horizontal lines across it) with ink, in crop coordinates. */
function inkCells(crop: Uint8Array, cropWidth: number, strips: readonly Strip[], horizontal: readonly HorizontalRule[], x0: number, y0: number): Box[] {
  const cells: Box[] = [];
  for (const s of strips) {
    const ys = [...new Set(horizontal.filter((h) => h.x0 <= s.x0 + 2 && h.x1 >= s.x1 - 2 && h.y >= s.y0 - 3 && h.y <= s.y1 + 3).map((h) => h.y))].sort((a, b) => a - b);
    for (let k = 0; k + 1 < ys.length; k++) {
      const box = { x: s.x0 - x0 + 3, y: ys[k]! - y0 + 4, w: s.x1 - s.x0 - 6, h: ys[k + 1]! - ys[k]! - 8 };
      if (box.w < 8 || box.h < 8) continue;
      let ink = 0;
      for (let yy = box.y; yy < box.y + box.h; yy++) for (let xx = box.x; xx < box.x + box.w; xx++) if (crop[yy * cropWidth + xx]! < 128) ink++;
      if (ink >= CELL_INK) cells.push(box);
    }
  }
  return cells;
}

/** Largest skew corrected, degrees (a page scanned more crooked than this is rare, and costly to search). */
const MAX_SKEW = 2;
const SKEW_STEP = 0.05;

/**
 * Straighten a page scanned askew, by the angle that lines up its long horizontal ink runs (table
 * lines, underlines) best. Returns `grey` itself when there is nothing to measure or to turn.
 */
export function deskew(grey: Uint8Array, width: number, height: number, minRun: number): Uint8Array {
  const angle = skewOf(grey, width, height, Math.round(minRun / 4));
  if (Math.abs(angle) < 0.1) return grey;
  const out = new Uint8Array(grey.length).fill(255);
  const t = Math.tan((angle * Math.PI) / 180);
  const cx = width / 2;
  // shear by the small angle: output row y takes its pixel from y + (x - cx)·tan
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sy = Math.round(y + (x - cx) * t);
      if (sy >= 0 && sy < height) out[y * width + x] = grey[sy * width + x]!;
    }
  }
  return out;
}

/** Skew in degrees (positive: lines fall to the right), from horizontal ink runs of at least `minRun` pixels. */
export function skewOf(grey: Uint8Array, width: number, height: number, minRun: number): number {
  const segments: { x: number; y: number; n: number }[] = [];
  horizontalRuns(grey, width, height, minRun, 2, (y, start, end) => {
    // long runs in pieces: binned by its middle alone, a straight line (a page drawn from vectors)
    // scores the same at every angle, and text strokes tip the page by up to 2°
    for (let x = start; x < end; x += minRun) segments.push({ x: (x + Math.min(end, x + minRun)) / 2, y, n: Math.min(end, x + minRun) - x });
  });
  if (segments.length < 20) return 0;
  let best = { angle: 0, score: -1 };
  const bins = new Float64Array(height + 2 * width);
  for (let a = -MAX_SKEW; a <= MAX_SKEW + 1e-9; a += SKEW_STEP) {
    const t = Math.tan((a * Math.PI) / 180);
    bins.fill(0);
    for (const s of segments) bins[Math.round(s.y - (s.x - width / 2) * t) + width]! += s.n;
    let score = 0;
    for (const v of bins) score += v * v;
    if (score > best.score) best = { angle: a, score };
  }
  return Math.round(best.angle * 100) / 100;
}

/** Calls `found(y, x0, x1)` for every horizontal ink run of at least `minRun` pixels, every `step` rows. */
function horizontalRuns(grey: Uint8Array, width: number, height: number, minRun: number, step: number, found: (y: number, x0: number, x1: number) => void): void {
  for (let y = 0; y < height; y += step) {
    const row = y * width;
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const ink = x < width && grey[row + x]! < INK;
      if (ink && start < 0) start = x;
      else if (!ink && start >= 0) {
        if (x - start >= minRun) found(y, start, x);
        start = -1;
      }
    }
  }
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
interface Strip {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

function figureStrips(vertical: readonly Run[], width: number): Strip[] {
  const sorted = [...vertical].sort((a, b) => a.x - b.x);
  const strips: Strip[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    // the next line to the right that overlaps this one vertically
    const b = sorted.slice(i + 1).find((l) => l.x - a.x > 8 && l.y0 < a.y1 && l.y1 > a.y0);
    if (!b || b.x - a.x > NARROW_COLUMN * width) continue;
    strips.push({ x0: a.x + 1, x1: b.x, y0: Math.max(a.y0, b.y0), y1: Math.min(a.y1, b.y1) });
  }
  return strips;
}
