// The ink check: text a page paints that its text layer has no words for. Glyphs drawn as filled
// outlines (printed "text as outlines", some design tools, Ghostscript -dNoOutputFonts) are found
// among the page's paths; text in pictures (a pasted table, a region a scan's OCR layer skipped)
// by drawing the page small and measuring the ink in its pictures away from the words. PDFium
// (pdf/pdfium.ts) lists what the page paints and draws it: pages without such pictures are not drawn.
// Only pages that may hold such text are looked at: every page of a file with pictures, and the
// pages whose words leave room for a table.
import type { PDFiumDocument } from '@hyzyla/pdfium';
import type { Word } from '../normalize/positioned-types';
import { inkPage, pdfium, type Box, type InkPage, type PaintedPath } from './pdfium';
import { MAX_PAGE_PIXELS } from './render';
import type { PageNeed } from './text-layer';

/** Ink is measured on the page drawn at this resolution (A4: 330 × 467 pixels). */
const INK_DPI = 40;
/** Pictures must cover this share of the page where the layer has no words before the page is drawn. */
const MIN_PICTURE_SHARE = 0.05;
/** Darker than this is ink (text drawn this small is grey, not black). */
const DARK = 200;
/**
 * Ink (ruling lines left out) in pictures where the layer has no words, as a share of that area:
 * text the layer lacks. Measured (drawn by PDFium): 0.32–0.60 % on scans under a right OCR layer
 * (margins, specks, the few points a skewed scan is off its layer), 5.7 % on a table pasted as a
 * picture.
 */
const MAX_UNCOVERED_INK = 0.015;
/** A run of dark pixels this long (at INK_DPI: 1.8 cm) is a ruling line, not text. */
const LINE_RUN = 28;
/**
 * A filled path of this many segments, no taller than a few lines of text, is an outlined glyph
 * (or a run of them); ruling lines and cell borders are rectangles (5 segments at most).
 */
const GLYPH_SEGMENTS = 8;
const GLYPH_HEIGHT = 48;
/** This many outlined glyph paths, with this many segments in all, away from the words: text the layer lacks. */
const OUTLINED_PATHS = 10;
const OUTLINED_SEGMENTS = 400;

/**
 * A band of the page this tall without words (text lines are 13–22 pt apart on the text fixtures,
 * an outlined or pasted table leaves 310), or more than MAX_MARGIN above the first word or below
 * the last (official documents' margins are 37 and 35 mm: 105 and 99 pt), may hold text the
 * layer lacks.
 */
const MAX_WORD_GAP = 48;
const MAX_MARGIN = 120;

export interface InkChecker {
  /** the file paints pictures (hasImages) */
  readonly pictures: boolean;
  /** why page `page` (1-based) needs OCR for what it paints beside its text layer, if it does */
  check(page: number, words: readonly Word[], pageHeight: number): Promise<PageNeed['reason'] | null>;
  close(): Promise<void>;
}

/** The ink check of one file's pages; PDFium reads the file when a page first needs looking at. */
export function inkChecker(bytes: Uint8Array): InkChecker {
  const pictures = hasImages(bytes);
  let painter: Promise<PDFiumDocument | null> | null = null;
  return {
    pictures,
    async check(page, words, pageHeight) {
      if (!pictures && !leavesRoom(words, pageHeight)) return null;
      // a file PDFium cannot read is judged by its characters alone
      const doc = await (painter ??= pdfium().then((lib) => lib.loadDocument(bytes)).catch(() => null));
      return doc ? (await inkProblem(inkPage(doc, page - 1), words)).reason : null;
    },
    async close() {
      (await painter)?.destroy();
    },
  };
}

/** A `/Subtype /Image` XObject anywhere in the file (not the ProcSet names /ImageB, /ImageC, /ImageI): XObject dictionaries are never compressed. */
export function hasImages(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = buf.indexOf('/Image'); at >= 0; at = buf.indexOf('/Image', at + 6)) {
    const next = buf[at + 6];
    if (next === undefined || !/[A-Za-z0-9]/.test(String.fromCharCode(next))) return true;
  }
  return false;
}

/** The words leave a band without words tall enough for a table, or margins wider than a page's. */
export function leavesRoom(words: readonly Word[], pageHeight: number): boolean {
  const lines = words.map((w) => [w.y, w.y + w.h] as const).sort((a, b) => a[0] - b[0]);
  // from the page's top edge, then from the lowest word end so far
  let bottom = 0;
  let room = MAX_MARGIN;
  for (const [top, end] of lines) {
    if (top - bottom > room) return true;
    bottom = Math.max(bottom, end);
    room = MAX_WORD_GAP;
  }
  return pageHeight - bottom > MAX_MARGIN;
}

/** What the ink check saw on a page (the counts and the share for the tests' figures). */
export interface InkFinding {
  reason: PageNeed['reason'] | null;
  /** outlined glyph paths away from the words */
  outlined: number;
  /** share of uncovered ink in the pictures away from the words; null when the page was not drawn */
  uncoveredInk: number | null;
}

/**
 * `incomplete` when the page paints text its layer has no words for: outlined glyphs, or pictures
 * holding ink of text (the page is drawn only when such pictures cover 5 % of it). Closes the page.
 */
export async function inkProblem(page: InkPage, words: readonly Word[]): Promise<InkFinding> {
  try {
    const k = INK_DPI / 72;
    const [width, height] = [Math.ceil(page.width * k), Math.ceil(page.height * k)];
    // a page too large to draw (a PDF bomb) is judged by its layer alone
    if (width * height > MAX_PAGE_PIXELS) return { reason: null, outlined: 0, uncoveredInk: null };
    const { pictures, paths } = page.painted();
    const covered = wordMask(words, width, height, k);
    const outlined = outlinedGlyphs(paths, covered);
    if (outlined.length >= OUTLINED_PATHS && outlined.reduce((n, p) => n + p.segments, 0) >= OUTLINED_SEGMENTS) {
      return { reason: 'incomplete', outlined: outlined.length, uncoveredInk: null };
    }
    if (openArea(pictures, covered) < MIN_PICTURE_SHARE * width * height) return { reason: null, outlined: outlined.length, uncoveredInk: null };
    const drawn = await page.draw(INK_DPI);
    const share = uncoveredInk(drawn.grey, pictures, wordMask(words, drawn.width, drawn.height, drawn.width / page.width));
    return { reason: share > MAX_UNCOVERED_INK ? 'incomplete' : null, outlined: outlined.length, uncoveredInk: share };
  } finally {
    page.close();
  }
}

/** Pixels (at `k` pixels a point) under the layer's words, each box widened: a scan is skewed a little under its layer. */
interface Mask {
  width: number;
  height: number;
  k: number;
  on: Uint8Array;
}

function wordMask(words: readonly Word[], width: number, height: number, k: number): Mask {
  const mask: Mask = { width, height, k, on: new Uint8Array(width * height) };
  for (const w of words) {
    const m = Math.max(2, 0.4 * w.h);
    each(mask, { x0: w.x - m, y0: w.y - m, x1: w.x + w.w + m, y1: w.y + w.h + m }, (i) => (mask.on[i] = 1));
  }
  return mask;
}

/** Calls `at` with the index of every pixel of `mask` inside `box` (points). */
function each(mask: Mask, box: Box, at: (i: number) => void): void {
  const { width, height, k } = mask;
  for (let y = Math.max(0, Math.floor(box.y0 * k)); y < Math.min(height, Math.ceil(box.y1 * k)); y++) {
    for (let x = Math.max(0, Math.floor(box.x0 * k)); x < Math.min(width, Math.ceil(box.x1 * k)); x++) at(y * width + x);
  }
}

/** Filled paths shaped like glyphs whose middle is away from the words. */
function outlinedGlyphs(paths: readonly PaintedPath[], covered: Mask): PaintedPath[] {
  const { k } = covered;
  return paths.filter((p) => {
    if (!p.filled || p.segments < GLYPH_SEGMENTS || p.box.y1 - p.box.y0 > GLYPH_HEIGHT) return false;
    const x = Math.floor(((p.box.x0 + p.box.x1) / 2) * k);
    const y = Math.floor(((p.box.y0 + p.box.y1) / 2) * k);
    return x < 0 || y < 0 || x >= covered.width || y >= covered.height || !covered.on[y * covered.width + x];
  });
}

/** Pixels inside the pictures and away from the words, marked 1 in a mask of `covered`'s size. */
function pictureOpen(pictures: readonly Box[], covered: Mask): Uint8Array {
  const open = new Uint8Array(covered.on.length);
  for (const b of pictures) each(covered, b, (i) => (open[i] = covered.on[i] ? 0 : 1));
  return open;
}

function openArea(pictures: readonly Box[], covered: Mask): number {
  return pictureOpen(pictures, covered).reduce((n, v) => n + v, 0);
}

/** Dark pixels (ruling lines left out) in the pictures away from the words, as a share of that area. */
function uncoveredInk(grey: Uint8Array, pictures: readonly Box[], covered: Mask): number {
  const open = pictureOpen(pictures, covered);
  const dark = new Uint8Array(grey.length);
  for (let i = 0; i < grey.length; i++) dark[i] = grey[i]! < DARK ? 1 : 0;
  dropLines(dark, covered.width, covered.height);
  let area = 0;
  let ink = 0;
  for (let i = 0; i < open.length; i++) {
    area += open[i]!;
    ink += open[i]! & dark[i]!;
  }
  return area ? ink / area : 0;
}

/** Clear horizontal and vertical runs of dark pixels long enough to be ruling lines. */
function dropLines(dark: Uint8Array, width: number, height: number): void {
  const lines: number[] = [];
  const scan = (count: number, length: number, at: (i: number, j: number) => number): void => {
    for (let i = 0; i < count; i++) {
      let start = 0;
      for (let j = 0; j <= length; j++) {
        if (j < length && dark[at(i, j)]) continue;
        if (j - start >= LINE_RUN) for (let t = start; t < j; t++) lines.push(at(i, t));
        start = j + 1;
      }
    }
  };
  scan(height, width, (y, x) => y * width + x);
  scan(width, height, (x, y) => y * width + x);
  for (const i of lines) dark[i] = 0;
}
