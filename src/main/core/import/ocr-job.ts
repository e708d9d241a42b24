// OCR inside an import job: one pool for the whole job (started on the first page that needs it),
// pages looked up in the library's cache first, the rest rendered by the executor's worker threads
// and recognized by the pool, each page cached as soon as it is read. Cancelling terminates the pool.
import type { Db } from '../store/db';
import { cachedOcrPages, putOcrPage } from '../store/ocr-pages';
import { createOcrPool, defaultPoolSize, OcrCancelled, type OcrPool } from '../ocr/engine';
import { OCR_SETTINGS_KEY } from '../ocr/settings';
import type { OcrPage, OcrWords } from '../ocr/merge';
import type { NeedsOcr } from '../pipeline';
import { NormalizeError } from '../normalize/types';
import type { Executor } from './executor';
import type { PageImage } from '../ocr/page-image';
import { cropSpix } from '../ocr/spix';
import { recognizeText } from '../ocr/tall-lines';
import { bestTurn, doubtful, type Turn } from '../ocr/orientation';
import type { TableRules, Word } from '../normalize/positioned-types';

export interface OcrStats {
  /** pages recognized in this job */
  recognized: number;
  /** pages taken from the cache */
  cached: number;
  /** recognition time summed over the pages, ms */
  ms: number;
}

export interface OcrJob {
  readonly stats: OcrStats;
  /** OCR words of the asked pages (cache or recognition), in page units. Throws OcrCancelled. */
  pages(file: { sha256: string; bytes: Uint8Array }, need: NeedsOcr, onPage: (done: number, total: number) => void): Promise<OcrPage[]>;
  close(): Promise<void>;
}

export interface OcrJobOptions {
  db: Db;
  executor: Executor;
  signal?: AbortSignal;
  /** recognition workers (default: one per core) */
  workers?: number;
  /** OCR pool factory (tests count recognitions through it) */
  createPool?: (size: number) => Promise<OcrPool>;
}

export function ocrJob(opts: OcrJobOptions): OcrJob {
  const stats: OcrStats = { recognized: 0, cached: 0, ms: 0 };
  const size = opts.workers ?? defaultPoolSize();
  let pool: Promise<OcrPool> | null = null;
  let closed = false;
  // page pictures in memory at once, over the whole job: enough to keep every worker busy
  const slots = new Semaphore(size + 1);

  const getPool = (): Promise<OcrPool> => {
    if (closed || opts.signal?.aborted) return Promise.reject(new OcrCancelled());
    pool ??= (opts.createPool ?? createOcrPool)(size);
    return pool;
  };
  const close = async (): Promise<void> => {
    closed = true;
    const p = pool;
    pool = null;
    await (await p?.catch(() => null))?.terminate();
  };
  opts.signal?.addEventListener('abort', () => void close(), { once: true });

  const recognize = async (file: { sha256: string; bytes: Uint8Array }, source: NeedsOcr['source'], page: number): Promise<OcrPage> => {
    await slots.acquire();
    try {
      if (closed) throw new OcrCancelled();
      const draw = async (turn: Turn): Promise<PageImage> => {
        const image = await untilAborted(opts.executor.pageImage({ bytes: file.bytes, sha256: file.sha256, kind: source, page, turn }), opts.signal);
        if (!image.ok) throw new NormalizeError(image.code as NormalizeError['code'], image.message);
        return image.value;
      };
      const ocr = await getPool();
      let image = await draw(0);
      let turned: Turn = 0;
      let r = await recognizePage(ocr, image);
      // a page that read badly may be turned: read again at the turn its densest square reads best at
      const turn = doubtful(r.words) ? await bestTurn(ocr, image.probes) : 0;
      if (turn !== 0) {
        const other = await draw(turn);
        const again = await recognizePage(ocr, other);
        if (meanConfidence(again.words) > meanConfidence(r.words)) [image, r, turned] = [other, { ...again, ms: again.ms + r.ms }, turn];
      }
      const { scale, width, height, rules } = image;
      const confidence = meanConfidence(r.words);
      const words = scale === 1 ? r.words : r.words.map((w) => ({ ...w, x: w.x / scale, y: w.y / scale, w: w.w / scale, h: w.h / scale }));
      const json = JSON.stringify({ words, rules: scaleRules(rules, 1 / scale), turn: turned } satisfies OcrWords);
      const result: OcrPage = { page, width: width / scale, height: height / scale, confidence, json };
      putOcrPage(opts.db, file.sha256, OCR_SETTINGS_KEY, result, r.ms);
      stats.recognized++;
      stats.ms += r.ms;
      return result;
    } finally {
      slots.release();
    }
  };

  return {
    stats,
    async pages(file, need, onPage) {
      const cached = cachedOcrPages(opts.db, file.sha256, OCR_SETTINGS_KEY);
      const hits = need.pages.filter((p) => cached.has(p)).map((p) => cached.get(p)!);
      stats.cached += hits.length;
      const missing = need.pages.filter((p) => !cached.has(p));
      // every page is drawn from the file's bytes: shared with the workers, not copied per page
      const shared = missing.length > 0 && !(file.bytes.buffer instanceof SharedArrayBuffer) ? { sha256: file.sha256, bytes: sharedCopy(file.bytes) } : file;
      let done = 0;
      onPage(done, missing.length);
      const read = await Promise.all(
        missing.map(async (p) => {
          const r = await recognize(shared, need.source, p);
          onPage(++done, missing.length);
          return r;
        }),
      );
      return [...hits, ...read];
    },
    close,
  };
}

/** A page picture's text and its figure columns, in page pixels. */
async function recognizePage(ocr: OcrPool, image: PageImage): Promise<{ words: Word[]; ms: number }> {
  const parts = await Promise.all([recognizeText(ocr, image), ...(image.figures ? [recognizeFigures(ocr, image.figures)] : [])]);
  return { words: parts.flatMap((p) => p.words), ms: parts.reduce((n, p) => n + p.ms, 0) };
}

const meanConfidence = (words: readonly Word[]): number => (words.length ? words.reduce((n, w) => n + (w.conf ?? 0), 0) / words.length : 0);

/**
 * The figure columns, then again, one by one, the cells with ink where no word was read (tesseract
 * skips a lone "1" in a sparse row; alone in its picture, as one word, it reads it). Page pixels.
 */
async function recognizeFigures(ocr: OcrPool, figures: NonNullable<PageImage['figures']>): Promise<{ words: Word[]; ms: number }> {
  const all = await ocr.recognize(figures, true);
  const missed = figures.cells.filter((c) => !all.words.some((w) => w.x < c.x + c.w && w.x + w.w > c.x && w.y < c.y + c.h && w.y + w.h > c.y)).slice(0, MAX_CELLS_AGAIN);
  const again = await Promise.all(
    missed.map(async (c) => {
      const crop = cropSpix(figures.spix, figures.width, c);
      const r = await ocr.recognize(crop, true, '8');
      return { ...r, words: r.words.map((w) => ({ ...w, x: w.x + crop.x, y: w.y + crop.y })) };
    }),
  );
  const words = [...all.words, ...again.flatMap((r) => r.words)].map((w) => ({ ...w, x: w.x + figures.x, y: w.y + figures.y }));
  return { words, ms: all.ms + again.reduce((n, r) => n + r.ms, 0) };
}

function sharedCopy(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  out.set(bytes);
  return out;
}

/** Cells of one page read again at most (a table of blank cells with specks is not read cell by cell). */
const MAX_CELLS_AGAIN = 40;

/** A promise that rejects with OcrCancelled as soon as the job is cancelled (a render in flight is not waited for). */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(new OcrCancelled());
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(new OcrCancelled());
    signal.addEventListener('abort', abort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

const scaleRules = (r: TableRules, k: number): TableRules => ({
  vertical: r.vertical.map((l) => ({ x: l.x * k, y0: l.y0 * k, y1: l.y1 * k })),
  horizontal: r.horizontal.map((l) => ({ y: l.y * k, x0: l.x0 * k, x1: l.x1 * k })),
});

class Semaphore {
  private waiting: (() => void)[] = [];
  constructor(private free: number) {}
  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}
