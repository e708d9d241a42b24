// OCR words into the document: a page's OCR replaces an absent or garbage text layer and completes
// an incomplete one (OCR words over text-layer words are dropped: the text layer is exact). Field
// confidence follows the confidence of the OCR words it was read from.
import type { ExtractedField } from '../../../shared/model';
import type { PositionedPage, TableRules, Word } from '../normalize/positioned-types';
import type { PageNeed } from '../pdf/text-layer';

/** OCR words of one page, in page units (PDF points; pixels for image files). */
export interface OcrPage {
  page: number;
  width: number;
  height: number;
  words: Word[];
  /** mean word confidence in [0, 1] */
  confidence: number;
  /** ruling lines of its tables */
  rules: TableRules;
}

export function mergeOcrPage(text: PositionedPage | undefined, ocr: OcrPage, reason: PageNeed['reason']): PositionedPage {
  const base: PositionedPage = { page: ocr.page, width: text?.width ?? ocr.width, height: text?.height ?? ocr.height, words: ocr.words, source: 'ocr', rules: ocr.rules };
  if (!text || reason !== 'incomplete') return base;
  const extra = ocr.words.filter((w) => !text.words.some((t) => overlap(w, t) > 0.3 * w.w * w.h));
  return { ...base, words: [...text.words, ...extra] };
}

function overlap(a: Word, b: Word): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
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
