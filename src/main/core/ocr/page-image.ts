// One page of a PDF or image file as the picture OCR reads: 300 dpi greyscale, ruling lines
// removed, as PGM. Runs in a pipeline worker thread (never on the main thread in the app).
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { decodeImagePage } from '../image/decode';
import { openPdf, type OpenPdf } from '../pdf/document';
import { renderDocPage, toPgm } from '../pdf/render';
import { OCR_SETTINGS, type OcrImage } from './settings';
import { prepareForOcr } from './prepare';

export interface PageImageRequest {
  bytes: Uint8Array;
  sha256: string;
  kind: 'pdf' | 'image';
  page: number;
}

export interface PageImage extends OcrImage {
  /** image pixels per page unit (PDF point, or 1 for image files) */
  scale: number;
  /** the figure columns of a ruled table, read apart (same size as the page) */
  figures: Uint8Array | null;
}

/** The PDF rendered last stays open: a file's pages are asked for one after another. */
let open: { sha256: string; pdf: OpenPdf } | null = null;

export async function pageImage(req: PageImageRequest): Promise<PageImage> {
  const { width, height, grey, scale } = req.kind === 'pdf' ? await renderPdf(req) : { ...(await decodeImagePage(req.bytes, req.page)), scale: 1 };
  const { text, figures } = prepareForOcr(grey, width, height);
  return { pgm: toPgm(text, width, height), figures: figures && toPgm(figures, width, height), width, height, scale };
}

async function renderPdf(req: PageImageRequest): Promise<{ width: number; height: number; grey: Uint8Array; scale: number }> {
  const doc = await documentOf(req);
  const r = await renderDocPage(doc, req.page, { dpi: OCR_SETTINGS.dpi, grey: true, png: false });
  return { width: r.width, height: r.height, grey: r.grey!, scale: r.scale };
}

async function documentOf(req: PageImageRequest): Promise<PDFDocumentProxy> {
  if (open?.sha256 === req.sha256) return open.pdf.doc;
  await closePageImages();
  const pdf = await openPdf(req.bytes);
  open = { sha256: req.sha256, pdf };
  return pdf.doc;
}

export async function closePageImages(): Promise<void> {
  const last = open;
  open = null;
  await last?.pdf.close();
}

export type PageImageResult = { ok: true; value: PageImage } | { ok: false; code: string; message: string };

/** pageImage as data: errors become a per-file code and message. */
export async function pageImageResult(req: PageImageRequest): Promise<PageImageResult> {
  try {
    return { ok: true, value: await pageImage(req) };
  } catch (err) {
    const e = err as Error & { code?: string };
    return { ok: false, code: typeof e.code === 'string' ? e.code : 'internal', message: e.message || String(err) };
  }
}
