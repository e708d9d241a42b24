// OCR inside an import job: one pool for the whole job (started on the first page that needs it),
// pages looked up in the library's cache first, the rest rendered by the executor's worker threads
// and recognized by the pool, each page cached as soon as it is read. Cancelling terminates the pool.
import type { Db } from '../store/db';
import { cachedOcrPages, putOcrPage } from '../store/ocr-pages';
import { createOcrPool, defaultPoolSize, OcrCancelled, type OcrPool } from '../ocr/engine';
import { OCR_SETTINGS_KEY } from '../ocr/settings';
import type { OcrPage } from '../ocr/merge';
import type { NeedsOcr } from '../pipeline';
import { NormalizeError } from '../normalize/types';
import type { Executor } from './executor';

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
      const image = await opts.executor.pageImage({ bytes: file.bytes, sha256: file.sha256, kind: source, page });
      if (!image.ok) throw new NormalizeError(image.code as NormalizeError['code'], image.message);
      const { scale, width, height, figures } = image.value;
      const ocr = await getPool();
      const parts = await Promise.all([ocr.recognize(image.value), ...(figures ? [ocr.recognize({ pgm: figures, width, height }, true)] : [])]);
      const r = { words: parts.flatMap((p) => p.words), ms: parts.reduce((n, p) => n + p.ms, 0) };
      const confidence = r.words.length ? r.words.reduce((n, w) => n + (w.conf ?? 0), 0) / r.words.length : 0;
      const words = scale === 1 ? r.words : r.words.map((w) => ({ ...w, x: w.x / scale, y: w.y / scale, w: w.w / scale, h: w.h / scale }));
      const result: OcrPage = { page, width: width / scale, height: height / scale, words, confidence };
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
      let done = 0;
      onPage(done, missing.length);
      const read = await Promise.all(
        missing.map(async (p) => {
          const r = await recognize(file, need.source, p);
          onPage(++done, missing.length);
          return r;
        }),
      );
      return [...hits, ...read];
    },
    close,
  };
}

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
