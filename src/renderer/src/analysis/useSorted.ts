// Sorting the rows of an analysis table by a column (numbers numerically, text in Chinese order).
import { useMemo, useState } from 'react';

const collator = new Intl.Collator('zh-CN', { numeric: true });

export type Accessor<T> = (row: T) => number | string | null;

export function useSorted<T>(rows: readonly T[], columns: Record<string, Accessor<T>>, initial: string, desc = false) {
  const [sort, setSort] = useState({ key: initial, desc });
  const sorted = useMemo(() => {
    const get = columns[sort.key];
    if (!get) return [...rows];
    const out = [...rows].sort((a, b) => {
      const [x, y] = [get(a), get(b)];
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return sort.desc ? -c : c;
    });
    return out;
  }, [rows, columns, sort]);
  const toggle = (key: string) => setSort((s) => ({ key, desc: s.key === key ? !s.desc : rows.length > 0 && typeof columns[key]?.(rows[0]!) === 'number' }));
  const mark = (key: string) => (sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : '');
  return { sorted, toggle, mark };
}
