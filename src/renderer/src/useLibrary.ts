// The library list as the renderer holds it: the query (search, filters, sort, trash), windows of
// rows fetched from the core as the list scrolls, the counts, and where a report is in the order.
// Nothing here holds the whole library: at 100,000 reports only the rows on screen cross the API.
import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { LibraryCounts, LibraryFilters, LibraryQuery, LibrarySort } from '../../shared/library';
import type { ReportSummary } from '../../shared/model';
import { api } from './api';

export const PAGE_SIZE = 100;
const PREFETCH_ROWS = PAGE_SIZE / 2;
const SEARCH_DEBOUNCE_MS = 250;
const DEFAULT_SORT: LibrarySort = { key: 'id', desc: false };

interface Page {
  rows: ReportSummary[];
  /** the reload it was fetched in; older pages are shown until their fresh copy arrives */
  epoch: number;
}

interface Cache {
  key: string;
  query: LibraryQuery;
  pages: Map<number, Page>;
  pending: Set<string>;
  epoch: number;
  range: [number, number];
}

export interface LibraryView {
  /** the query the rows answer (search debounced) */
  query: LibraryQuery;
  search: string;
  setSearch(search: string): void;
  filters: LibraryFilters;
  setFilters: Dispatch<SetStateAction<LibraryFilters>>;
  sort: LibrarySort;
  setSort(sort: LibrarySort): void;
  trash: boolean;
  setTrash(trash: boolean): void;
  /** apply a saved view */
  applyQuery(query: LibraryQuery): void;
  /** rows matching, null before the first answer */
  total: number | null;
  rowAt(index: number): ReportSummary | undefined;
  /** the list shows rows start…end: fetch what is missing */
  requestRows(start: number, end: number): void;
  counts: LibraryCounts | null;
  /** the library changed: fetch the rows on screen and the counts again */
  reload(): void;
  /** the report `step` rows away from `id` in the list's order (the first one without id) */
  neighbour(id: number | null, step: number): Promise<number | null>;
  /** where the report is in the order: from the rows at hand, else asked of the core */
  locate(id: number): Promise<number | null>;
  /** ids of rows start…end (inclusive), or of every row */
  ids(range?: [number, number]): Promise<number[]>;
}

const withoutEmpty = (f: LibraryFilters): LibraryFilters | undefined => {
  const kept = Object.entries(f).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
  return kept.length ? (Object.fromEntries(kept) as LibraryFilters) : undefined;
};

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function useLibrary(): LibraryView {
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<LibraryFilters>({});
  const [sort, setSort] = useState<LibrarySort>(DEFAULT_SORT);
  const [trash, setTrash] = useState(false);
  const settledSearch = useDebounced(search, SEARCH_DEBOUNCE_MS).trim();
  const query = useMemo<LibraryQuery>(() => {
    const q: LibraryQuery = { sort };
    if (settledSearch) q.search = settledSearch;
    // the trash lists everything in it: the library's filters wait until it is left
    const f = trash ? undefined : withoutEmpty(filters);
    if (f) q.filters = f;
    if (trash) q.trash = true;
    return q;
  }, [settledSearch, filters, sort, trash]);
  const key = JSON.stringify(query);

  const [total, setTotal] = useState<number | null>(null);
  const totalRef = useRef(total);
  totalRef.current = total;
  const [counts, setCounts] = useState<LibraryCounts | null>(null);
  const [, setRevision] = useState(0);
  const bump = useCallback(() => setRevision((r) => r + 1), []);
  const cache = useRef<Cache>({ key: '', query, pages: new Map(), pending: new Set(), epoch: 0, range: [0, PAGE_SIZE - 1] });
  if (cache.current.key !== key) {
    cache.current = { key, query, pages: new Map(), pending: new Set(), epoch: 0, range: [0, PAGE_SIZE - 1] };
  }

  const fetchPage = useCallback(
    (c: Cache, page: number): Promise<Page | undefined> => {
      const tag = `${page}@${c.epoch}`;
      if (c.pending.has(tag)) return Promise.resolve(undefined);
      c.pending.add(tag);
      const epoch = c.epoch;
      return api.call('library:list', { query: c.query, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then((r) => {
        c.pending.delete(tag);
        if (!r.ok || cache.current !== c) return undefined;
        const fresh: Page = { rows: r.value.rows, epoch };
        if ((c.pages.get(page)?.epoch ?? -1) <= epoch) c.pages.set(page, fresh);
        setTotal(r.value.total);
        bump();
        return fresh;
      });
    },
    [bump],
  );

  const requestRows = useCallback(
    (start: number, end: number) => {
      const c = cache.current;
      c.range = [start, end];
      // and the pages half a page either side: scrolling finds them fetched
      const last = Math.max(start, end) + PREFETCH_ROWS;
      for (let p = Math.floor(Math.max(0, start - PREFETCH_ROWS) / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) {
        if (p > 0 && p * PAGE_SIZE >= (totalRef.current ?? PAGE_SIZE)) break;
        if ((c.pages.get(p)?.epoch ?? -1) < c.epoch) void fetchPage(c, p);
      }
    },
    [fetchPage],
  );

  const loadCounts = useCallback(() => void api.call('library:counts', {}).then((r) => r.ok && setCounts(r.value)), []);

  // a new query: its first rows (the list then asks for what it shows)
  useEffect(() => {
    setTotal((totalRef.current = null));
    requestRows(0, PAGE_SIZE - 1);
  }, [key, requestRows]);
  useEffect(loadCounts, [loadCounts]);

  const reload = useCallback(() => {
    const c = cache.current;
    c.epoch++;
    const [start, end] = c.range;
    // pages off screen are dropped (fetched again when scrolled to); those on screen stay until replaced
    for (const p of [...c.pages.keys()]) if (p < Math.floor(start / PAGE_SIZE) || p > Math.floor(end / PAGE_SIZE)) c.pages.delete(p);
    requestRows(start, end);
    loadCounts();
  }, [requestRows, loadCounts]);

  const rowAt = useCallback((index: number) => cache.current.pages.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE], []);

  const locate = useCallback(async (id: number) => {
    const c = cache.current;
    for (const [p, page] of c.pages) {
      const at = page.rows.findIndex((r) => r.id === id);
      if (at >= 0) return p * PAGE_SIZE + at;
    }
    const r = await api.call('library:list', { query: c.query, offset: 0, limit: 0, locate: id });
    return r.ok ? (r.value.position ?? null) : null;
  }, []);

  const rowLoaded = useCallback(
    async (index: number) => {
      const c = cache.current;
      return rowAt(index) ?? (await fetchPage(c, Math.floor(index / PAGE_SIZE)))?.rows[index % PAGE_SIZE];
    },
    [rowAt, fetchPage],
  );

  const neighbour = useCallback(
    async (id: number | null, step: number) => {
      const count = total ?? 0;
      if (count === 0) return null;
      const at = id === null ? null : await locate(id);
      const target = at === null ? 0 : Math.min(count - 1, Math.max(0, at + step));
      return (await rowLoaded(target))?.id ?? null;
    },
    [total, locate, rowLoaded],
  );

  const ids = useCallback(async (range?: [number, number]) => {
    const c = cache.current;
    if (range) {
      const [a, b] = [Math.min(...range), Math.max(...range)];
      const known = Array.from({ length: b - a + 1 }, (_, i) => c.pages.get(Math.floor((a + i) / PAGE_SIZE))?.rows[(a + i) % PAGE_SIZE]?.id);
      if (known.every((x) => x !== undefined)) return known as number[];
      const r = await api.call('library:ids', { query: c.query, offset: a, limit: b - a + 1 });
      return r.ok ? r.value : [];
    }
    const r = await api.call('library:ids', { query: c.query });
    return r.ok ? r.value : [];
  }, []);

  const applyQuery = useCallback((q: LibraryQuery) => {
    setSearch(q.search ?? '');
    setFilters(q.filters ?? {});
    setSort(q.sort ?? DEFAULT_SORT);
    setTrash(q.trash === true);
  }, []);

  return { query, search, setSearch, filters, setFilters, sort, setSort, trash, setTrash, applyQuery, total, rowAt, requestRows, counts, reload, neighbour, locate, ids };
}
