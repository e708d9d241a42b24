// PDF text layers → positioned words (pdfjs-dist, legacy build for Node). Pages without a usable
// text layer are reported so they can be sent to OCR: a layer is judged by its characters (garbage,
// partly garbage), by its words over pictures (doubtful: readable characters, misread) and against
// what the page paints (pdf/ink.ts: text as outlines or only as pictures). Words are placed on the
// page as it is shown (its /Rotate turned and its crop box's corner at 0,0), as pictures of it are drawn.
import { Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PositionedPage, Word } from '../normalize/positioned-types';
import { NormalizeError } from '../normalize/types';
import { openPdf } from './document';
import { inkChecker } from './ink';
import { misreadLayer } from './language';
import { implausibleCount } from './plausible';

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
  const { doc, close } = await openPdf(bytes);
  const ink = inkChecker(bytes);
  try {
    const pages: PositionedPage[] = [];
    const needsOcr: PageNeed[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (signal?.aborted) throw new NormalizeError('cancelled', '已取消');
      const page = await doc.getPage(n);
      const { width, height, transform } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const words = (content.items as TextItem[]).filter((it) => 'str' in it && it.str.trim()).map((it) => toWord(it, transform));
      const reason = layerProblem(words, ink.pictures) ?? (await ink.check(n, words, height));
      if (reason) needsOcr.push({ page: n, reason });
      pages.push({ page: n, width, height, words, source: 'text' });
      page.cleanup();
    }
    return { pages, needsOcr };
  } finally {
    await ink.close();
    await close();
  }
}

/**
 * pdfjs gives a baseline-origin transform in user space; we want a top-left box on the page shown
 * (`view`: the viewport's transform at scale 1, y downwards). Text running down, left or up the page
 * shown (a page turned by /Rotate whose text is not turned back, a side note) gets the box it covers
 * there. Radicals fonts map to Kangxi code points: fold them.
 */
function toWord(it: TextItem, view: number[]): Word {
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = Util.transform(view, it.transform);
  // quarter turns clockwise of the text's direction on the page shown
  const turn = ((Math.round(Math.atan2(b, a) / (Math.PI / 2)) % 4) + 4) % 4;
  const size = Math.hypot(a, b) || Math.abs(turn % 2 ? c : d) || it.height;
  const text = foldRadicals(it.str);
  const length = it.width;
  if (turn === 1) return { text, x, y, w: size, h: length };
  if (turn === 2) return { text, x: x - length, y, w: length, h: size };
  if (turn === 3) return { text, x: x - size, y: y - length, w: size, h: length };
  return { text, x, y: y - size, w: length, h: size };
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
