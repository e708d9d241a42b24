// A PDF as a normalized document: text layers through the grid builder; pages without a text
// layer are listed (OCR comes in a later step and will fill them).
import type { NormalizedDoc } from '../normalize/types';
import { NormalizeError } from '../normalize/types';
import { normalizePositioned } from '../normalize';
import type { PositionedPage } from '../normalize/positioned-types';
import { readTextLayer } from './text-layer';

export interface PdfDoc {
  doc: NormalizedDoc;
  pages: PositionedPage[];
  /** pages that are scans: no usable text layer */
  withoutText: number[];
}

export async function normalizePdf(bytes: Uint8Array, signal?: AbortSignal): Promise<PdfDoc> {
  const { pages, needsOcr } = await readTextLayer(bytes, signal);
  if (pages.length === 0) throw new NormalizeError('empty', 'PDF 没有页面');
  if (needsOcr.length === pages.length) {
    throw new NormalizeError('needs_ocr', `扫描件 PDF（${pages.length} 页都没有文字层）：需要文字识别（OCR），本版本尚未提供`);
  }
  return { doc: normalizePositioned({ pages, notes: [] }, 'pdf'), pages, withoutText: needsOcr };
}
