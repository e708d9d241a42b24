// Page views of the reports being reviewed: the words come at once, the picture when drawn;
// both are kept (and prefetched for the queue's neighbours).
import { useMemo } from 'react';
import type { PageView } from '../../../shared/review';
import { api } from '../api';

const KEPT = 16;

/** `sha256`: a file of the report other than its first */
export interface PageViews {
  /** the page with its picture at `dpi`, or null when the report has no such page; `prefetch`: drawn after what is waited for */
  get(reportId: number, page: number, dpi: number, prefetch?: boolean, sha256?: string): Promise<PageView | null>;
  /** the page's words only (no drawing), for showing while the picture is drawn */
  words(reportId: number, page: number, sha256?: string): Promise<PageView | null>;
  /** the page with its picture if it has arrived already */
  ready(reportId: number, page: number, dpi: number, sha256?: string): PageView | undefined;
  /** the page of this report fetched last */
  shown(reportId: number): PageView | undefined;
}

export function usePageViews(): PageViews {
  return useMemo(() => {
    const pending = new Map<string, { prefetch: boolean; view: Promise<PageView | null> }>();
    const done = new Map<string, PageView>();
    const last = new Map<number, PageView>();
    const fetch = (key: string, reportId: number, page: number, args: { dpi?: number; picture?: boolean; prefetch?: boolean; sha256?: string }) => {
      const hit = pending.get(key);
      // a prefetch may be dropped by the core when the person moves on: waiting for one, ask again
      if (hit && !(hit.prefetch && !args.prefetch)) return hit.view;
      const view = api.call('report:page', { id: reportId, page, ...args }).then((r) => {
        if (!r.ok) {
          if (pending.get(key)?.view === view) pending.delete(key);
          return null;
        }
        done.set(key, r.value);
        last.set(reportId, r.value);
        return r.value;
      });
      pending.set(key, { prefetch: Boolean(args.prefetch), view });
      if (pending.size > KEPT) {
        const old = pending.keys().next().value!;
        pending.delete(old);
        done.delete(old);
      }
      return view;
    };
    return {
      get: (reportId, page, dpi, prefetch = false, sha256) => fetch(`${reportId}:${sha256 ?? ''}:${page}:${dpi}`, reportId, page, { dpi, ...(prefetch ? { prefetch } : {}), ...(sha256 ? { sha256 } : {}) }),
      words: (reportId, page, sha256) => fetch(`${reportId}:${sha256 ?? ''}:${page}:words`, reportId, page, { picture: false, ...(sha256 ? { sha256 } : {}) }),
      ready: (reportId, page, dpi, sha256) => done.get(`${reportId}:${sha256 ?? ''}:${page}:${dpi}`),
      shown: (reportId) => last.get(reportId),
    };
  }, []);
}
