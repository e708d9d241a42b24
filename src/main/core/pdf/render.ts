// One PDF page as pixels (pdfjs + @napi-rs/canvas through the document's own canvas factory):
// PNG for showing, greyscale for OCR. Huge pages (PDF bombs) are refused before any pixel is drawn.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { NormalizeError } from '../normalize/types';
import { openPdf } from './document';

/** 300 dpi A3 is 17.4 Mpx; anything far above that is a bomb, not a report page. */
export const MAX_PAGE_PIXELS = 40_000_000;

export interface RenderOptions {
  /** dots per inch (PDF user space is 72 per inch); default 300 */
  dpi?: number;
  /** also return 8-bit greyscale pixels (one byte per pixel, row-major), for OCR */
  grey?: boolean;
  /** skip the PNG encoding (OCR needs only the grey pixels) */
  png?: boolean;
  /** quarter turns clockwise on top of the page's own rotation (a page scanned sideways, drawn as it was read) */
  turn?: number;
  signal?: AbortSignal;
}

export interface RenderedPage {
  width: number;
  height: number;
  /** PNG bytes (absent when `png: false`) */
  png?: Uint8Array;
  /** greyscale pixels when `grey: true` */
  grey?: Uint8Array;
  /** pixels per PDF point */
  scale: number;
}

/** Render page `page` (1-based) of a PDF given as bytes. */
export async function renderPage(bytes: Uint8Array, page: number, opts: RenderOptions = {}): Promise<RenderedPage> {
  const pdf = await openPdf(bytes);
  try {
    return await renderDocPage(pdf.doc, page, opts);
  } finally {
    await pdf.close();
  }
}

/** Render from an open document (several pages of one file without reparsing it). */
export async function renderDocPage(doc: PDFDocumentProxy, page: number, { dpi = 300, grey = false, png = true, turn = 0, signal }: RenderOptions = {}): Promise<RenderedPage> {
  if (!Number.isInteger(page) || page < 1 || page > doc.numPages) throw new NormalizeError('empty', `PDF 没有第 ${page} 页（共 ${doc.numPages} 页）`);
  const p = await doc.getPage(page);
  try {
    const scale = dpi / 72;
    const viewport = p.getViewport({ scale, rotation: (p.rotate + 90 * turn) % 360 });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    if (!(width > 0 && height > 0) || width * height > MAX_PAGE_PIXELS) {
      const pt = p.getViewport({ scale: 1 });
      throw new NormalizeError('too_large', `PDF 第 ${page} 页尺寸异常（${Math.round(pt.width)}×${Math.round(pt.height)} 点），拒绝渲染`);
    }
    signal?.throwIfAborted();
    const factory = doc.canvasFactory as CanvasFactory;
    const { canvas, context } = factory.create(width, height);
    try {
      const task = p.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context, viewport, background: '#ffffff', annotationMode: 0 });
      const abort = (): void => task.cancel();
      signal?.addEventListener('abort', abort, { once: true });
      try {
        await task.promise;
      } finally {
        signal?.removeEventListener('abort', abort);
      }
      signal?.throwIfAborted();
      const out: RenderedPage = { width, height, scale };
      if (grey) out.grey = canvasGrey(context, width, height);
      if (png) out.png = new Uint8Array(await canvas.encode('png'));
      return out;
    } finally {
      factory.destroy({ canvas, context });
    }
  } finally {
    p.cleanup();
  }
}

/** The document's canvas factory: @napi-rs/canvas under Node. */
interface CanvasFactory {
  create(width: number, height: number): { canvas: NapiCanvas; context: CanvasRenderingContext2D };
  destroy(entry: { canvas: NapiCanvas; context: CanvasRenderingContext2D }): void;
}

interface NapiCanvas {
  encode(format: 'png'): Promise<Buffer>;
}

/** RGBA → luma (BT.601 integer weights), one byte per pixel, into `out` from pixel `at`. */
export function toGrey(rgba: Uint8ClampedArray | Uint8Array, out = new Uint8Array(rgba.length >> 2), at = 0): Uint8Array {
  const n = rgba.length >> 2;
  for (let i = 0, j = 0; i < n; i++, j += 4) out[at + i] = (rgba[j]! * 77 + rgba[j + 1]! * 150 + rgba[j + 2]! * 29) >> 8;
  return out;
}

/** Pixels read off a canvas at once: a band of rows (a 300 dpi page's RGBA whole is 35 MB more memory). */
const GREY_BAND_BYTES = 4 << 20;

/** A canvas as luma, read a band of rows at a time. */
export function canvasGrey(context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } }, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  const rows = Math.max(1, Math.floor(GREY_BAND_BYTES / (4 * width)));
  for (let y = 0; y < height; y += rows) toGrey(context.getImageData(0, y, width, Math.min(rows, height - y)).data, out, y * width);
  return out;
}
