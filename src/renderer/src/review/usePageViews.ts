// Page views of the reports being reviewed, fetched once (prefetched for the queue's neighbours).
import { useMemo } from 'react';
import type { PageView } from '../../../shared/review';
import { api } from '../api';

const KEPT = 16;

export interface PageViews {
  /** the page, or null when the report has no such page */
  get(reportId: number, page: number): Promise<PageView | null>;
  /** the page of this report fetched last */
  shown(reportId: number): PageView | undefined;
}

export function usePageViews(): PageViews {
  return useMemo(() => {
    const cache = new Map<string, Promise<PageView | null>>();
    const last = new Map<number, PageView>();
    return {
      get(reportId, page) {
        const key = `${reportId}:${page}`;
        let hit = cache.get(key);
        if (!hit) {
          hit = api.call('report:page', { id: reportId, page }).then((r) => (r.ok ? r.value : null));
          cache.set(key, hit);
          if (cache.size > KEPT) cache.delete(cache.keys().next().value!);
        }
        return hit.then((v) => {
          if (v) last.set(reportId, v);
          return v;
        });
      },
      shown: (reportId) => last.get(reportId),
    };
  }, []);
}
