// One page of a report's original for the review screen: its positioned words and, where a
// renderer exists for the file kind, its picture (PNG data URL). Recently drawn pages are cached.
import fs from 'node:fs/promises';
import type { Library } from '../store/library';
import { pageNumbers, pageWords, reportFile } from '../store/pages';
import { blobPath } from '../import/blob-store';
import type { PageView, PageWord } from '../../../shared/review';
import { ReviewError } from './errors';

/** Draws one page of a PDF: pixel size and PNG bytes. */
export type RenderPage = (bytes: Uint8Array, page: number, opts: { dpi: number }) => Promise<{ width: number; height: number; png: Uint8Array }>;

export interface PageViews {
  get(reportId: number, page: number, sha256?: string): Promise<PageView>;
}

/** 1 PDF point = 1/72 inch. */
const POINTS_PER_INCH = 72;
const CACHED_PAGES = 24;

export function pageViews(lib: Library, render?: RenderPage, dpi = 120): PageViews {
  const cache = new Map<string, PageView>();
  const remember = (key: string, view: PageView): PageView => {
    cache.delete(key);
    cache.set(key, view);
    if (cache.size > CACHED_PAGES) cache.delete(cache.keys().next().value!);
    return view;
  };
  return {
    async get(reportId, page, sha256) {
      const file = reportFile(lib.db, reportId, sha256);
      if (!file) throw new ReviewError('not_found', `报告 ${reportId} 没有这份文件`);
      const key = `${file.sha256}:${page}:${dpi}`;
      const hit = cache.get(key);
      if (hit) return remember(key, hit);
      const pages = pageNumbers(lib.db, file.fileId);
      const words = pageWords(lib.db, file.fileId, page);
      if (!words) throw new ReviewError('no_page', `文件没有第 ${page} 页`);
      const base = { sha256: file.sha256, page, pages, words, ...extent(words) };
      if (!render || file.kind !== 'pdf') return remember(key, { ...base, image: null });
      const bytes = await fs.readFile(blobPath(lib.home, file.sha256)).catch(() => null);
      if (!bytes) return remember(key, { ...base, image: null });
      const drawn = await render(bytes, page, { dpi });
      const scale = POINTS_PER_INCH / dpi;
      return remember(key, { ...base, width: drawn.width * scale, height: drawn.height * scale, image: `data:image/png;base64,${Buffer.from(drawn.png).toString('base64')}` });
    },
  };
}

/** Without a picture the page size is not stored: the words' extent with the same margins all round. */
function extent(words: readonly PageWord[]): { width: number; height: number } {
  if (words.length === 0) return { width: 595, height: 842 };
  const left = Math.min(...words.map((w) => w.x));
  const top = Math.min(...words.map((w) => w.y));
  return { width: Math.max(...words.map((w) => w.x + w.w)) + left, height: Math.max(...words.map((w) => w.y + w.h)) + top };
}
