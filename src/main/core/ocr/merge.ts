// OCR words into the document: a page's OCR replaces an absent or garbage text layer and completes
// an incomplete or partly garbage one (OCR words over the layer's readable words are dropped: the
// text layer is exact). Field
// confidence follows the confidence of the OCR words it was read from.
import type { CheckResult, ExtractedField } from '../../../shared/model';
import type { PositionedPage, TableRules, Word } from '../normalize/positioned-types';
import type { PageNeed } from '../pdf/text-layer';
import { garbled } from '../pdf/plausible';
import type { Turn } from './orientation';

/**
 * OCR of one page, in page units (PDF points; pixels for image files). Its words and ruling lines
 * are one JSON string (OcrWords), as the cache stores it: a file's pages go to the pipeline worker
 * as a few strings, not as thousands of objects cloned on the main thread.
 */
export interface OcrPage {
  page: number;
  width: number;
  height: number;
  /** mean word confidence in [0, 1] */
  confidence: number;
  /** JSON of OcrWords */
  json: string;
}

export interface OcrWords {
  words: Word[];
  /** ruling lines of its tables */
  rules: TableRules;
  /** quarter turns clockwise the page was drawn at to be read (words and rules are in the turned page's units) */
  turn?: Turn;
}

export function mergeOcrPage(text: PositionedPage | undefined, ocr: OcrPage, reason: PageNeed['reason']): PositionedPage {
  const { words, rules, turn = 0 } = JSON.parse(ocr.json) as OcrWords;
  // a replaced layer takes the picture's size (a page read turned is as wide as it is drawn) and its turn
  if (!text || (reason !== 'incomplete' && reason !== 'partly_garbage')) return { page: ocr.page, width: ocr.width, height: ocr.height, words, source: 'ocr', rules, turn, ocrReason: reason };
  // completing a text layer (its unreadable words dropped): the OCR words in the layer's (the file's) frame
  const kept = reason === 'partly_garbage' ? text.words.filter((w) => !garbled(w.text)) : text.words;
  const upright = turn === 0 ? words : words.map((w) => unturnBox(w, turn, ocr.width, ocr.height));
  const extra = upright.filter((w) => !kept.some((t) => overlap(w, t) > 0.3 * w.w * w.h));
  return { page: ocr.page, width: text.width, height: text.height, words: [...kept, ...extra], source: 'ocr', rules: turn === 0 ? rules : undefined, ocrReason: reason };
}

/** A box on a page turned `turn` quarters clockwise (`width` × `height` once turned), in the unturned page. */
export function unturnBox<T extends { x: number; y: number; w: number; h: number }>(b: T, turn: Turn, width: number, height: number): T {
  if (turn === 1) return { ...b, x: b.y, y: width - b.x - b.w, w: b.h, h: b.w };
  if (turn === 2) return { ...b, x: width - b.x - b.w, y: height - b.y - b.h };
  if (turn === 3) return { ...b, x: height - b.y - b.h, y: b.x, w: b.h, h: b.w };
  return b;
}

export function overlap(a: Word, b: Word): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** An OCR page with fewer readable characters than this gave (almost) nothing: blank, or unreadable. */
const MIN_OCR_CHARS = 20;

/** A warning naming the pages OCR read almost nothing from (their figures, if any, are missing). */
export function unreadPages(pages: readonly PositionedPage[]): CheckResult[] {
  const unread = pages.filter((p) => p.source === 'ocr' && p.words.reduce((n, w) => n + (w.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0), 0) < MIN_OCR_CHARS).map((p) => p.page);
  if (unread.length === 0) return [];
  return [{ rule: 'source.pages_without_text', ok: false, severity: 'warning', keys: [], message: `第 ${unread.join('、')} 页经文字识别几乎没有读到文字（空白页，或图片过于模糊、过小），请对照原件核对` }];
}

/** A field read from OCR words is no surer than the least sure of them. */
export function withOcrConfidence(fields: ExtractedField[], pages: readonly PositionedPage[]): ExtractedField[] {
  const ocr = new Map(pages.filter((p) => p.source === 'ocr').map((p) => [p.page, p.words]));
  if (ocr.size === 0) return fields;
  return fields.map((f) => {
    const { page, box } = f.source;
    const words = page === undefined ? undefined : ocr.get(page);
    if (!words || !box) return f;
    const [x, y, w, h] = box;
    const area: Word = { text: '', x, y, w, h };
    const confs = words.filter((word) => word.conf !== undefined && overlap(word, area) > 0.3 * word.w * word.h).map((word) => word.conf!);
    if (confs.length === 0) return f;
    const conf = Math.min(...confs);
    return conf < f.confidence ? { ...f, confidence: Math.round(conf * 100) / 100 } : f;
  });
}
