// Drawing the pages of originals for the review screen: PDF pages (PDFium; pdfjs for files it
// cannot read: page-pdfium.ts) and image files (scans, photos, TIFF frames, upright as OCR read them). The last few PDFs stay open, so paging through a
// report or coming back to it does not parse the file again. Drawing is CPU work: in the app it
// runs on its own worker thread (workerPagePictures), pages the person asked for before prefetched ones.
import fs from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { openPdf } from '../pdf/document';
import { renderDocPage } from '../pdf/render';
import { decodeImagePage, uprightImage } from '../image/decode';
import { openPdfium } from './page-pdfium';
import { encodePng, turned } from './png';

export type PictureKind = 'pdf' | 'image';

export interface DrawnPage {
  width: number;
  height: number;
  png: Uint8Array;
  /** pixels of the picture per page unit (PDF point; pixel of an image file) */
  scale: number;
}

export interface PagePictures {
  /**
   * draw page `page` of the file stored at `file`; `background`: a prefetch, after what the person
   * waits for; `turn`: quarter turns clockwise, as OCR read the page (its words are in that frame)
   */
  draw(sha256: string, file: string, kind: PictureKind, page: number, dpi: number, background?: boolean, turn?: number): Promise<DrawnPage>;
  close(): Promise<void>;
}

const OPEN_DOCUMENTS = 3;

/** The built render-worker.ts, next to the pipeline worker script. */
export const PAGE_WORKER_FILE = 'page-render.js';

/** An image file is shown as wide as an A4 page would be at the asked resolution (never enlarged). */
const A4_WIDTH_POINTS = 595.28;

/** An open PDF: drawn by PDFium, or by pdfjs where PDFium cannot read the file. */
interface OpenFile {
  /** `turn`: quarter turns clockwise */
  draw(page: number, dpi: number, turn: number): Promise<DrawnPage>;
  close(): Promise<void>;
}

async function openFile(file: string): Promise<OpenFile> {
  const bytes = await fs.readFile(file);
  try {
    const pdf = await openPdfium(bytes);
    return { draw: (page, dpi, turn) => pdf.draw(page, dpi, turn), close: async () => pdf.close() };
  } catch {
    const pdf = await openPdf(bytes);
    return {
      async draw(page, dpi, turn) {
        const drawn = await renderDocPage(pdf.doc, page, { dpi, turn });
        return { width: drawn.width, height: drawn.height, scale: drawn.scale, png: drawn.png! };
      },
      close: () => pdf.close(),
    };
  }
}

/** In this thread (tests, the render worker itself). */
export function pagePictures(): PagePictures {
  const open = new Map<string, Promise<OpenFile>>();
  const forget = (sha: string): void => {
    const doc = open.get(sha);
    open.delete(sha);
    void doc?.then((d) => d.close()).catch(() => undefined);
  };
  const drawPdf = async (sha256: string, file: string, page: number, dpi: number, turn: number): Promise<DrawnPage> => {
    let doc = open.get(sha256);
    if (doc) open.delete(sha256);
    else doc = openFile(file);
    open.set(sha256, doc);
    if (open.size > OPEN_DOCUMENTS) forget(open.keys().next().value!);
    try {
      return await (await doc).draw(page, dpi, turn);
    } catch (err) {
      if (!(await doc.then(() => true, () => false))) open.delete(sha256);
      throw err;
    }
  };
  return {
    draw: (sha256, file, kind, page, dpi, _background, turn = 0) => (kind === 'pdf' ? drawPdf(sha256, file, page, dpi, turn) : drawImage(file, page, dpi, turn)),
    async close() {
      await Promise.all([...open.keys()].map(forget));
    },
  };
}

/**
 * An image page in the frame OCR read it (upright, turned as it was read), scaled down for the
 * screen: drawn from the decoded image straight at that size (a TIFF frame from OCR's pixels).
 */
async function drawImage(file: string, page: number, dpi: number, turn: number): Promise<DrawnPage> {
  const bytes = await fs.readFile(file);
  const up = await uprightImage(bytes, page);
  const source = up ?? (await greyCanvas(bytes, page));
  // the size is set in the turned frame (the words' frame): as wide as A4 at `dpi`, never enlarged
  const quarter = (turn & 1) === 1;
  const frameWidth = quarter ? source.height : source.width;
  const scale = Math.min(1, ((dpi / 72) * A4_WIDTH_POINTS) / frameWidth);
  const w = Math.max(1, Math.round(source.width * scale));
  const h = Math.max(1, Math.round(source.height * scale));
  const shown = createCanvas(w, h);
  const ctx = shown.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(source.img, 0, 0, w, h);
  const drawn = turned(new Uint8Array(ctx.getImageData(0, 0, w, h).data.buffer), w, h, turn & 3);
  return { width: drawn.width, height: drawn.height, scale: drawn.width / frameWidth, png: encodePng(drawn.data, drawn.width, drawn.height) };
}

/** A TIFF frame as OCR's greyscale pixels on a canvas. */
async function greyCanvas(bytes: Uint8Array, page: number): Promise<{ img: Canvas; width: number; height: number }> {
  const { width, height, grey } = await decodeImagePage(bytes, page);
  const img = createCanvas(width, height);
  const pixels = img.getContext('2d').createImageData(width, height);
  for (let i = 0, j = 0; i < grey.length; i++, j += 4) {
    pixels.data[j] = pixels.data[j + 1] = pixels.data[j + 2] = grey[i]!;
    pixels.data[j + 3] = 255;
  }
  img.getContext('2d').putImageData(pixels, 0, 0);
  return { img, width, height };
}

export interface DrawRequest {
  id: number;
  sha256: string;
  file: string;
  kind: PictureKind;
  page: number;
  dpi: number;
  turn?: number;
}
export type DrawReply = { id: number; ok: true; value: DrawnPage } | { id: number; ok: false; message: string };

/** Prefetches waiting beyond this are dropped (the person has moved on). */
const MAX_BACKGROUND = 4;

/** A prefetch dropped from the queue. */
export class DrawCancelled extends Error {
  readonly code = 'cancelled';
}

/**
 * On one worker thread running `script` (the built render-worker.ts), started on first use.
 * The same page asked for twice is drawn once; asking for a queued prefetch makes it urgent.
 */
export function workerPagePictures(script: string | URL): PagePictures {
  interface Job {
    req: DrawRequest;
    key: string;
    waiters: { resolve: (d: DrawnPage) => void; reject: (e: Error) => void }[];
  }
  let worker: Worker | null = null;
  let busy: Job | null = null;
  const urgent: Job[] = [];
  const background: Job[] = [];
  let next = 1;
  const settle = (job: Job, reply: { ok: true; value: DrawnPage } | { ok: false; error: Error }): void =>
    job.waiters.forEach((w) => (reply.ok ? w.resolve(reply.value) : w.reject(reply.error)));

  const start = (): Worker => {
    const w = new Worker(script);
    w.on('message', (reply: DrawReply) => {
      if (w !== worker) return; // a closed worker's last word
      const job = busy;
      busy = null;
      if (job && job.req.id === reply.id) settle(job, reply.ok ? reply : { ok: false, error: new Error(reply.message) });
      pump();
    });
    w.on('error', (error) => {
      if (w !== worker) return;
      if (busy) settle(busy, { ok: false, error });
      busy = null;
      worker = null;
      pump();
    });
    return w;
  };
  const pump = (): void => {
    if (busy) return;
    const job = urgent.shift() ?? background.shift();
    if (!job) return void worker?.unref();
    worker ??= start();
    worker.ref(); // keep the process alive while a page is being drawn
    busy = job;
    worker.postMessage(job.req);
  };
  return {
    draw(sha256, file, kind, page, dpi, isBackground = false, turn = 0) {
      return new Promise<DrawnPage>((resolve, reject) => {
        const key = `${sha256}:${page}:${dpi}:${turn}`;
        const waiter = { resolve, reject };
        const queued = [busy, ...urgent, ...background].find((j) => j?.key === key);
        if (queued) {
          queued.waiters.push(waiter);
          const at = background.indexOf(queued);
          if (!isBackground && at >= 0) urgent.push(...background.splice(at, 1));
          return;
        }
        (isBackground ? background : urgent).push({ req: { id: next++, sha256, file, kind, page, dpi, turn }, key, waiters: [waiter] });
        while (background.length > MAX_BACKGROUND) settle(background.shift()!, { ok: false, error: new DrawCancelled('预取已取消') });
        pump();
      });
    },
    /** Stops the page being drawn too; drawing again starts a new thread. */
    async close() {
      const pending = [...(busy ? [busy] : []), ...urgent.splice(0), ...background.splice(0)];
      busy = null;
      const w = worker;
      worker = null;
      for (const job of pending) settle(job, { ok: false, error: new DrawCancelled('已关闭') });
      await w?.terminate();
    },
  };
}
