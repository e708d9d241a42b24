// One page of a PDF or image file as the picture OCR reads: 300 dpi greyscale, ruling lines
// removed, as Leptonica spix. Runs in a pipeline worker thread (never on the main thread in the app).
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { decodeImagePage } from '../image/decode';
import type { TableRules } from '../normalize/positioned-types';
import { openPdf, type OpenPdf } from '../pdf/document';
import { renderDocPage } from '../pdf/render';
import { toSpix } from './spix';
import { OCR_SETTINGS, type OcrImage } from './settings';
import { prepareForOcr, type Box } from './prepare';
import { probes, turnGrey, type Turn } from './orientation';

export interface PageImageRequest {
  bytes: Uint8Array;
  sha256: string;
  kind: 'pdf' | 'image';
  page: number;
  /** drawn turned this many quarters clockwise (a page scanned sideways) */
  turn?: Turn;
}

export interface PageImage extends OcrImage {
  /** image pixels per page unit (PDF point, or 1 for image files) */
  scale: number;
  /** the figure columns of a ruled table, read apart: a picture of them and its place on the page */
  figures: (OcrImage & { x: number; y: number; cells: Box[] }) | null;
  /** ruling lines (pixels) */
  rules: TableRules;
  /** the page's densest square of text at turns 0–3, read when the page reads badly (orientation.ts) */
  probes: OcrImage[];
}

/** The PDF rendered last stays open: a file's pages are asked for one after another. */
let open: { sha256: string; pdf: OpenPdf } | null = null;

export async function pageImage(req: PageImageRequest): Promise<PageImage> {
  const drawn = req.kind === 'pdf' ? await renderPdf(req) : { ...(await decodeImagePage(req.bytes, req.page)), scale: 1 };
  const { width, height, grey } = turnGrey(drawn.grey, drawn.width, drawn.height, req.turn ?? 0);
  const { text, figures, rules } = prepareForOcr(grey, width, height);
  const crop = figures && { spix: toSpix(figures.grey, figures.width, figures.height), x: figures.x, y: figures.y, width: figures.width, height: figures.height, cells: figures.cells };
  return { spix: toSpix(text, width, height), figures: crop, rules, width, height, scale: drawn.scale, probes: probes(text, width, height) };
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

/** The buffers of a page picture's parts (each spix owns its buffer): moved, not copied, when posted to another thread. */
export function pictureBuffers(r: PageImageResult): ArrayBuffer[] {
  if (!r.ok) return [];
  const { value } = r;
  return [value, ...(value.figures ? [value.figures] : []), ...value.probes].map((part) => part.spix.buffer as ArrayBuffer);
}

/** pageImage as data: errors become a per-file code and message. */
export async function pageImageResult(req: PageImageRequest): Promise<PageImageResult> {
  try {
    return { ok: true, value: await pageImage(req) };
  } catch (err) {
    const e = err as Error & { code?: string };
    return { ok: false, code: typeof e.code === 'string' ? e.code : 'internal', message: e.message || String(err) };
  }
}
