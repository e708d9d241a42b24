// Multi-select in the library list: click, Ctrl/Cmd+click to toggle, Shift+click (or Shift+arrows)
// for ranges, select all within the filter. Ranges and "all" may cover rows never fetched: their
// ids come from the core. A new query starts with nothing selected.
import { useCallback, useEffect, useState } from 'react';
import type { LibraryView } from './useLibrary';

export interface Selection {
  ids: ReadonlySet<number>;
  /** row index of the keyboard focus */
  focus: number | null;
  setFocus(index: number | null): void;
  /** click or arrow key on a row: replace, toggle (Ctrl/Cmd) or extend to a range (Shift) */
  pick(index: number, id: number, how: { range: boolean; toggle: boolean }): Promise<void>;
  selectAll(): Promise<void>;
  set(ids: readonly number[]): void;
  clear(): void;
}

export function useSelection(library: LibraryView): Selection {
  const [ids, setIds] = useState<ReadonlySet<number>>(new Set());
  /** row index the next Shift range starts from */
  const [anchor, setAnchor] = useState<number | null>(null);
  const [focus, setFocus] = useState<number | null>(null);
  const key = JSON.stringify(library.query);
  useEffect(() => {
    setIds(new Set());
    setAnchor(null);
    setFocus(null);
  }, [key]);

  const pick = useCallback(
    async (index: number, id: number, how: { range: boolean; toggle: boolean }) => {
      setFocus(index);
      if (how.range && anchor !== null) {
        const range = await library.ids([anchor, index]);
        setIds((prev) => new Set(how.toggle ? [...prev, ...range] : range));
        return;
      }
      setAnchor(index);
      if (how.toggle) {
        setIds((prev) => {
          const next = new Set(prev);
          if (!next.delete(id)) next.add(id);
          return next;
        });
      } else setIds(new Set([id]));
    },
    [anchor, library],
  );

  const selectAll = useCallback(async () => setIds(new Set(await library.ids())), [library]);
  const set = useCallback((list: readonly number[]) => setIds(new Set(list)), []);
  const clear = useCallback(() => {
    setIds(new Set());
    setAnchor(null);
  }, []);
  return { ids, focus, setFocus, pick, selectAll, set, clear };
}
