// The ink check: a page that paints pictures is drawn small and the ink in its pictures away from
// the text layer's words measured (text only as a picture: a pasted table, a region an OCR layer skipped).
import type { PageViewport, PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Word } from '../normalize/positioned-types';
import { renderDocPage } from './render';
import type { PageNeed } from './text-layer';

/** Ink is measured on the page drawn at this resolution (A4: 331 × 468 pixels). */
const INK_DPI = 40;
/** Pictures must cover this share of the page where the layer has no words before the page is drawn. */
const MIN_PICTURE_SHARE = 0.05;
/** Darker than this is ink (text drawn this small is grey, not black). */
const DARK = 200;
/**
 * Ink (ruling lines left out) in pictures where the layer has no words, as a share of that area:
 * text the layer lacks. Measured: 0.15–0.30 % on scans under a right OCR layer (margins, specks,
 * the few points a skewed scan is off its layer), 5 % on a table pasted as a picture.
 */
const MAX_UNCOVERED_INK = 0.015;
/** A run of dark pixels this long (at INK_DPI: 1.8 cm) is a ruling line, not text. */
const LINE_RUN = 28;

/**
 * `incomplete` when the page's pictures hold ink of text the layer has no words for (a table pasted
 * as a picture, a scan whose OCR layer skipped a region); pages without such pictures are not drawn.
 */
export async function inkProblem(doc: PDFDocumentProxy, page: PDFPageProxy, words: readonly Word[]): Promise<PageNeed['reason'] | null> {
  const viewport = page.getViewport({ scale: INK_DPI / 72 });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const k = INK_DPI / 72;
  // pixels inside a picture (1) and, of those, under the layer's words (2)
  const mask = new Uint8Array(width * height);
  const fill = (x0: number, y0: number, x1: number, y1: number, v: number, only: number): void => {
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(height, Math.ceil(y1)); y++) {
      for (let x = Math.max(0, Math.floor(x0)); x < Math.min(width, Math.ceil(x1)); x++) if (mask[y * width + x] === only) mask[y * width + x] = v;
    }
  };
  for (const b of await pictureBoxes(page, viewport)) fill(b.x0, b.y0, b.x1, b.y1, 1, 0);
  // the words' boxes widened: a scan is skewed a little under its layer
  for (const w of words) {
    const m = Math.max(2, 0.4 * w.h);
    fill((w.x - m) * k, (w.y - m) * k, (w.x + w.w + m) * k, (w.y + w.h + m) * k, 2, 1);
  }
  let open = 0;
  for (const v of mask) if (v === 1) open++;
  if (open < MIN_PICTURE_SHARE * width * height) return null;
  const { grey } = await renderDocPage(doc, page.pageNumber, { dpi: INK_DPI, grey: true, png: false });
  const g = grey!;
  const dark = new Uint8Array(g.length);
  for (let i = 0; i < g.length; i++) dark[i] = g[i]! < DARK ? 1 : 0;
  dropLines(dark, width, height);
  let ink = 0;
  for (let i = 0; i < dark.length; i++) if (dark[i] && mask[i] === 1) ink++;
  return ink > MAX_UNCOVERED_INK * open ? 'incomplete' : null;
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

type Matrix = [number, number, number, number, number, number];
/** m applied first, then n (PDF's `cm`: the new matrix times the current one). */
const times = (m: readonly number[], n: Matrix): Matrix => [
  m[0]! * n[0] + m[1]! * n[2],
  m[0]! * n[1] + m[1]! * n[3],
  m[2]! * n[0] + m[3]! * n[2],
  m[2]! * n[1] + m[3]! * n[3],
  m[4]! * n[0] + m[5]! * n[2] + n[4],
  m[4]! * n[1] + m[5]! * n[3] + n[5],
];

/** Where the page paints pictures (the unit square through the current matrix), in pixels of `viewport`. */
async function pictureBoxes(page: PDFPageProxy, viewport: PageViewport): Promise<{ x0: number; y0: number; x1: number; y1: number }[]> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const boxes: { x0: number; y0: number; x1: number; y1: number }[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = times(args as number[], ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args?.[0])) ctm = times(args[0] as number[], ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
      const corners = [[0, 0], [1, 0], [0, 1], [1, 1]].map(([x, y]) => viewport.convertToViewportPoint(ctm[0] * x! + ctm[2] * y! + ctm[4], ctm[1] * x! + ctm[3] * y! + ctm[5]));
      const xs = corners.map((c) => c[0]!);
      const ys = corners.map((c) => c[1]!);
      boxes.push({ x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) });
    }
  }
  return boxes;
}
