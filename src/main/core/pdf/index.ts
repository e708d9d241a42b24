// A PDF as a normalized document: text layers through the grid builder; pages whose text layer is
// absent, garbage or incomplete are listed for OCR and, once their OCR words are given, merged in.
import type { NormalizedDoc } from '../normalize/types';
import { NormalizeError } from '../normalize/types';
import { normalizePositioned } from '../normalize';
import type { PositionedPage } from '../normalize/positioned-types';
import { mergeOcrPage, type OcrPage } from '../ocr/merge';
import { readTextLayer, type PageNeed } from './text-layer';

export type PdfDoc =
  | { doc: NormalizedDoc; pages: PositionedPage[]; ocrPages: number[]; needsOcr?: undefined }
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
  const notes = (Object.keys(WHY) as PageNeed['reason'][]).flatMap((reason) => {
    const pages = layer.needsOcr.filter((n) => n.reason === reason).map((n) => n.page);
    return pages.length ? [`第 ${pages.join('、')} 页${WHY[reason]}，经文字识别（OCR）读取`] : [];
  });
  return { doc: normalizePositioned({ pages, notes }, 'pdf'), pages, ocrPages: layer.needsOcr.map((n) => n.page) };
}

/** Why pages were read by OCR, as the file's notes say it. */
const WHY: Record<PageNeed['reason'], string> = {
  absent: '没有文字层',
  garbage: '文字层为乱码',
  partly_garbage: '文字层部分乱码',
  incomplete: '文字层不完整（部分文字为图片或轮廓曲线）',
  doubtful: '文字层疑有错字（形近字误识）',
};

export { openPdf } from './document';
export { misreadLayer, misreadPlaces } from './language';
export { readTextLayer } from './text-layer';
