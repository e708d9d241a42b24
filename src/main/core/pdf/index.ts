// A PDF as a normalized document: text layers through the grid builder; pages whose text layer is
// absent, garbage or incomplete are listed for OCR and, once their OCR words are given, merged in.
import type { NormalizedDoc } from '../normalize/types';
import { NormalizeError } from '../normalize/types';
import { normalizePositioned } from '../normalize';
import type { PositionedPage } from '../normalize/positioned-types';
import { mergeOcrPage, type OcrPage } from '../ocr/merge';
import { readTextLayer, type PageNeed } from './text-layer';

export type PdfDoc =
  | { doc: NormalizedDoc; pages: PositionedPage[]; needsOcr?: undefined }
  /** pages still to OCR: read again with their OCR words */
  | { needsOcr: PageNeed[] };

export async function normalizePdf(bytes: Uint8Array, ocr: readonly OcrPage[] = []): Promise<PdfDoc> {
  const layer = await readTextLayer(bytes);
  if (layer.pages.length === 0) throw new NormalizeError('empty', 'PDF 没有页面');
  const byPage = new Map(ocr.map((p) => [p.page, p]));
  const missing = layer.needsOcr.filter((n) => !byPage.has(n.page));
  if (missing.length > 0) return { needsOcr: missing };
  const pages = layer.pages.map((p) => {
    const need = layer.needsOcr.find((n) => n.page === p.page);
    return need ? mergeOcrPage(p, byPage.get(p.page)!, need.reason) : p;
  });
  return { doc: normalizePositioned({ pages }, 'pdf'), pages };
}

export { openPdf } from './document';
export { misreadLayer, misreadPlaces } from './language';
export { readTextLayer } from './text-layer';
