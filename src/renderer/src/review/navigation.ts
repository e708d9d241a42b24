// Moving the focus through the form: arrows in two dimensions (a row without a cell in the same
// column takes its nearest cell), Tab and Shift+Tab in reading order, Home/End to the ends.
import type { FormLayout, FormRow } from './layout';

export type Move = 'up' | 'down' | 'left' | 'right' | 'next' | 'prev' | 'first' | 'last';

const cellsOf = (row: FormRow): number[] => row.cells.flatMap((k, i) => (k ? [i] : []));

/** The row's cell nearest to column `col`. */
function nearest(row: FormRow, col: number): string | null {
  const cols = cellsOf(row);
  if (cols.length === 0) return null;
  const best = cols.reduce((a, b) => (Math.abs(b - col) < Math.abs(a - col) ? b : a));
  return row.cells[best]!;
}

/** Every key in reading order. */
export const readingOrder = (layout: FormLayout): string[] => layout.rows.flatMap((r) => r.cells.filter((k): k is string => k !== null));

export function move(layout: FormLayout, key: string | null, m: Move): string | null {
  const order = readingOrder(layout);
  const pos = key ? layout.at.get(key) : undefined;
  if (!pos || m === 'first') return order[0] ?? null;
  if (m === 'last') return order.at(-1) ?? null;
  const [r, c] = pos;
  const row = layout.rows[r]!;
  switch (m) {
    case 'next':
    case 'prev': {
      const i = order.indexOf(key!);
      return order[Math.min(order.length - 1, Math.max(0, i + (m === 'next' ? 1 : -1)))]!;
    }
    case 'left':
    case 'right': {
      const cols = cellsOf(row);
      const i = cols.indexOf(c) + (m === 'right' ? 1 : -1);
      return i >= 0 && i < cols.length ? row.cells[cols[i]!]! : key;
    }
    default: {
      const step = m === 'down' ? 1 : -1;
      for (let i = r + step; i >= 0 && i < layout.rows.length; i += step) {
        const hit = nearest(layout.rows[i]!, c);
        if (hit) return hit;
      }
      return key;
    }
  }
}
