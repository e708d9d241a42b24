// PDF text layers → positioned words (pdfjs-dist, legacy build for Node). Pages without a usable
// text layer are reported so they can be sent to OCR: a layer is judged by its characters (garbage,
// partly garbage), by its words (doubtful: readable characters, misread) and, on pages that paint
// pictures, against the page's ink (text only as pictures).
import type { PageViewport, PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PositionedPage, Word } from '../normalize/positioned-types';
import { NormalizeError } from '../normalize/types';
import { openPdf } from './document';
import { misreadLayer } from './language';
import { implausibleCount } from './plausible';
import { renderDocPage } from './render';

export interface TextLayer {
  pages: PositionedPage[];
  /** pages whose text layer is absent, garbage or incomplete: they need OCR */
  needsOcr: PageNeed[];
}

/**
 * Why a page needs OCR: `absent` (a scan), `garbage` (most of the layer unreadable: a wrong
 * ToUnicode map or code page, a scanner's bad OCR layer), `partly_garbage` (some of its words so),
 * `incomplete` (numbers as text but the Chinese as pictures, or ink of text in pictures where the
 * layer has no words), `doubtful` (readable characters, but misread ones among them: a scanner's
 * poor OCR layer, 衰 for 表). Absent, garbage and doubtful layers are replaced by OCR (a doubtful
 * layer's figures cannot be told right from wrong: a digit is misread as another); partly garbage
 * ones keep their readable words, incomplete ones all of theirs, and OCR words fill the rest.
 */
export interface PageNeed {
  page: number;
  reason: 'absent' | 'garbage' | 'partly_garbage' | 'incomplete' | 'doubtful';
}

/** Fewer readable characters than this on a page means it is a scan (or a picture of text). */
const MIN_PAGE_CHARS = 20;
/** A text layer with more than this share of unreadable characters is garbage: OCR replaces it. */
const MAX_GARBAGE_SHARE = 0.5;
/** This many unreadable characters, and this share of the layer, make it partly garbage. */
const PARTLY_GARBAGE_CHARS = 8;
const PARTLY_GARBAGE_SHARE = 0.03;

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export async function readTextLayer(bytes: Uint8Array, signal?: AbortSignal): Promise<TextLayer> {
  // pictures are XObjects, whose dictionaries are never compressed: a file without one paints none
  const pictures = hasImages(bytes);
  const { doc, close } = await openPdf(bytes);
  try {
    const pages: PositionedPage[] = [];
    const needsOcr: PageNeed[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (signal?.aborted) throw new NormalizeError('cancelled', '已取消');
      const page = await doc.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const words = (content.items as TextItem[]).filter((it) => 'str' in it && it.str.trim()).map((it) => toWord(it, height));
      const reason = layerProblem(words, pictures) ?? (pictures ? await inkProblem(doc, page, words) : null);
      if (reason) needsOcr.push({ page: n, reason });
      pages.push({ page: n, width, height, words, source: 'text' });
      page.cleanup();
    }
    return { pages, needsOcr };
  } finally {
    await close();
  }
}

/** pdfjs gives a baseline-origin transform; we want a top-left box. Radicals fonts map to Kangxi code points: fold them. */
function toWord(it: TextItem, pageHeight: number): Word {
  const [a = 0, b = 0, , d = 0, e = 0, f = 0] = it.transform;
  const size = Math.hypot(a, b) || Math.abs(d) || it.height;
  return { text: foldRadicals(it.str), x: e, y: pageHeight - f - size, w: it.width, h: size };
}

/** Simplified-form radicals (CJK Radicals Supplement) that fonts use for ordinary characters; NFKC leaves them. */
const SUPPLEMENT: Readonly<Record<string, string>> = {
  '\u2e9f': '母', '\u2ea0': '民', '\u2eae': '竹', '\u2eb6': '羊', '\u2ebb': '聿', '\u2ec1': '虎', '\u2ec4': '西',
  '\u2ec5': '见', '\u2ec6': '角', '\u2ec8': '讠', '\u2ec9': '贝', '\u2ecb': '车', '\u2ed0': '钅', '\u2ed3': '长',
  '\u2ed4': '门', '\u2ed6': '阝', '\u2ed8': '青', '\u2ed9': '韦', '\u2eda': '页', '\u2edb': '风', '\u2edc': '飞',
  '\u2edd': '食', '\u2ee2': '马', '\u2ee3': '骨', '\u2ee4': '鬼', '\u2ee5': '鱼', '\u2ee6': '鸟', '\u2ee7': '卤',
  '\u2ee8': '麦', '\u2ee9': '黄', '\u2eec': '齐', '\u2eee': '齿', '\u2eef': '龙', '\u2ef3': '龟',
};

/** ⾸ (U+2F78 KANGXI RADICAL HEAD) → 首, ⻚ → 页: CJK fonts often map glyphs to radical code points. */
export function foldRadicals(s: string): string {
  return s.replace(/[\u2e80-\u2fdf]/gu, (c) => SUPPLEMENT[c] ?? c.normalize('NFKC'));
}

const count = (words: readonly Word[], re: RegExp): number => words.reduce((n, w) => n + (w.text.match(re)?.length ?? 0), 0);

/**
 * What is wrong with a page's layer, by its characters. Only a layer over pictures is judged
 * doubtful: a scanner's OCR layer lies over the scan, whose picture OCR reads again, while a page
 * that draws its text draws the characters its layer holds (a wrong ToUnicode map gives characters
 * unrelated to the glyphs, mostly rare ones: garbage), so OCR would read the same words there.
 */
export function layerProblem(words: readonly Word[], overPictures = false): PageNeed['reason'] | null {
  const { all, bad } = implausibleCount(words.map((w) => w.text).join(' '));
  const letters = count(words, /[\p{Script=Han}\p{L}]/gu);
  const digits = count(words, /\p{N}/gu);
  if (all > 0 && bad > MAX_GARBAGE_SHARE * all) return 'garbage';
  if (bad >= PARTLY_GARBAGE_CHARS && bad > PARTLY_GARBAGE_SHARE * all) return 'partly_garbage';
  // numbers as text, the words beside them as pictures
  if (digits >= 5 && letters < 0.2 * digits) return 'incomplete';
  if (letters + digits < MIN_PAGE_CHARS) return 'absent';
  if (overPictures && misreadLayer(words)) return 'doubtful';
  return null;
}

/** A `/Subtype /Image` XObject anywhere in the file (not the ProcSet names /ImageB, /ImageC, /ImageI). */
export function hasImages(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = buf.indexOf('/Image'); at >= 0; at = buf.indexOf('/Image', at + 6)) {
    const next = buf[at + 6];
    if (next === undefined || !/[A-Za-z0-9]/.test(String.fromCharCode(next))) return true;
  }
  return false;
}

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
async function inkProblem(doc: PDFDocumentProxy, page: PDFPageProxy, words: readonly Word[]): Promise<PageNeed['reason'] | null> {
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
