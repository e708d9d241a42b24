// One page of a report's original for the review screen: its positioned words and, where a
// renderer exists for the file kind, its picture (PNG data URL). Drawn pages are cached in
// memory and on disk (drawn there ahead of time too: page-warmer.ts); the words alone come at once
// (the screen shows them until the picture is in).
import type { Library } from '../store/library';
import { pageNumbers, pageTurn, pageWords, reportFile } from '../store/pages';
import { blobPath } from '../import/blob-store';
import type { FileKind } from '../../../shared/model';
import type { OcrReason, PageView, PageWord } from '../../../shared/review';
import type { PageNeed } from '../pdf/text-layer';
import { ReviewError } from './errors';
import { DrawCancelled, type DrawnPage, type PagePictures, type PictureKind } from './page-pictures';
import { pageCache, type PageCache } from './page-cache';

export interface PageViewOptions {
  sha256?: string;
  dpi?: number;
  /** false: the words only, without drawing (default true) */
  picture?: boolean;
  /** a prefetch: drawn after the pages the person is waiting for */
  prefetch?: boolean;
}

export interface PageViews {
  get(reportId: number, page: number, opts?: PageViewOptions): Promise<PageView>;
  /** Draw a page into the disk cache ahead of time with `pictures` (idle warming); false: it was there already (or `stop()` said so). */
  warm(sha256: string, kind: PictureKind, page: number, pictures: PagePictures, stop: () => boolean, dpi?: number): Promise<boolean>;
  readonly disk: PageCache;
  close(): Promise<void>;
}

export const DEFAULT_DPI = 120;
const CACHED_PAGES = 24;
/** pages are A4 unless their words reach further (the size is known exactly once drawn) */
const A4 = { width: 595.28, height: 841.89 };

/** `pictures` draws PDF pages and image files; without it pages come with their words only. */
export function pageViews(lib: Library, pictures?: PagePictures, disk: PageCache = pageCache(lib.home)): PageViews {
  /** pages being drawn for the screen, and ahead of time: a page is not drawn twice at once */
  const asked = new Set<string>();
  const warming = new Map<string, Promise<DrawnPage>>();
  const cache = new Map<string, PageView>();
  const remember = (key: string, view: PageView): PageView => {
    cache.delete(key);
    cache.set(key, view);
    if (cache.size > CACHED_PAGES) cache.delete(cache.keys().next().value!);
    return view;
  };
  return {
    disk,
    close: async () => pictures?.close(),
    async warm(sha256, kind, page, by, stop, dpi = DEFAULT_DPI) {
      const key = `${sha256}:${page}:${dpi}`;
      const turn = pageTurn(lib.db, sha256, page);
      if (asked.has(key) || warming.has(key) || (await disk.has(sha256, page, dpi, turn)) || stop()) return false;
      const job = by.draw(sha256, blobPath(lib.home, sha256), kind, page, dpi, true, turn).then(async (drawn) => {
        await disk.write(sha256, page, dpi, drawn, turn);
        return drawn;
      });
      warming.set(key, job);
      await job.finally(() => warming.delete(key));
      return true;
    },
    async get(reportId, page, { sha256, dpi = DEFAULT_DPI, picture = true, prefetch = false } = {}) {
      const file = reportFile(lib.db, reportId, sha256);
      if (!file) throw new ReviewError('not_found', `报告 ${reportId} 没有这份文件`);
      const key = `${file.sha256}:${page}:${dpi}`;
      const hit = cache.get(key);
      if (hit) return remember(key, hit);
      const pages = pageNumbers(lib.db, file.fileId);
      const stored = pageWords(lib.db, file.fileId, page);
      if (!stored) throw new ReviewError('no_page', `文件没有第 ${page} 页`);
      const { words } = stored;
      const base = { sha256: file.sha256, page, pages, words, ocrReason: ocrReason(file.kind, stored.ocrReason), ...extent(words), image: null };
      const kind = file.kind === 'pdf' || file.kind === 'image' ? file.kind : null;
      if (!pictures || !kind) return remember(key, base);
      try {
        // the words alone are asked for while the picture is drawn: a picture drawn already comes with them
        // drawn turned as OCR read the page: its words are in that frame
        const turn = pageTurn(lib.db, file.sha256, page);
        const got = picture ? await draw(file.sha256, kind, page, dpi, prefetch, turn) : await kept(file.sha256, page, dpi, turn);
        if (!got) return base;
        const { drawn } = got;
        // words and boxes are in page units (PDF points, image pixels): the page's size is the picture's over its scale
        const image = `data:image/png;base64,${Buffer.from(drawn.png).toString('base64')}`;
        return remember(key, { ...base, width: drawn.width / drawn.scale, height: drawn.height / drawn.scale, image, dpi: got.dpi });
      } catch (err) {
        if (err instanceof DrawCancelled) throw new ReviewError('cancelled', err.message);
        // a page that cannot be drawn is still shown by its words, with the reason
        return { ...base, imageError: (err as Error).message };
      }
    },
  };

  /** The page at `dpi`, or sharper (warming's resolution), from warming's draw under way or the disk cache. */
  async function kept(sha256: string, page: number, dpi: number, turn: number): Promise<{ drawn: DrawnPage; dpi: number } | null> {
    for (const at of dpi < DEFAULT_DPI ? [dpi, DEFAULT_DPI] : [dpi]) {
      const drawn = (await warming.get(`${sha256}:${page}:${at}`)?.catch(() => null)) ?? (await disk.read(sha256, page, at, turn));
      if (drawn) return { drawn, dpi: at };
    }
    return null;
  }

  /** From the disk cache (or the warming draw of the page, if one is running), else drawn and kept there. */
  async function draw(sha256: string, kind: PictureKind, page: number, dpi: number, background: boolean, turn: number): Promise<{ drawn: DrawnPage; dpi: number }> {
    const key = `${sha256}:${page}:${dpi}`;
    const got = await kept(sha256, page, dpi, turn);
    if (got) return got;
    asked.add(key);
    const drawn = await pictures!.draw(sha256, blobPath(lib.home, sha256), kind, page, dpi, background, turn).catch((err: Error) => {
      asked.delete(key);
      throw err;
    });
    // the answer does not wait for the disk; warming leaves the page alone until it is there
    void disk.write(sha256, page, dpi, drawn, turn).finally(() => asked.delete(key));
    return { drawn, dpi };
  }
}

/** An image file's pages are all read by OCR; a PDF page's reason is the PageNeed reason the pipeline stored. */
function ocrReason(kind: FileKind, stored: string | null): OcrReason | null {
  return kind === 'image' ? 'image' : (stored as PageNeed['reason'] | null);
}

/** Without a picture the page size is not stored: A4, or the words' extent with the same margins all round. */
function extent(words: readonly PageWord[]): { width: number; height: number } {
  if (words.length === 0) return A4;
  const left = Math.min(...words.map((w) => w.x));
  const top = Math.min(...words.map((w) => w.y));
  return { width: Math.max(A4.width, Math.max(...words.map((w) => w.x + w.w)) + left), height: Math.max(A4.height, Math.max(...words.map((w) => w.y + w.h)) + top) };
}
