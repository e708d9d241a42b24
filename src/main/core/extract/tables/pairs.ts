// Table text → (label, value cells) pairs: the shape-independent rows every reader works on.
import type { Token } from './tokens';

export type Item =
  | { type: 'num'; token: Token; hardBefore: boolean }
  | { type: 'zero'; token: Token; hardBefore: boolean }
  | { type: 'blank'; at: number };

export interface Pair {
  /** label text as printed (all label cells before the values, joined) */
  label: string;
  labelStart: number;
  labelEnd: number;
  items: Item[];
  /** unit cells seen between label and values (条, 件, 万元…) */
  units: string[];
  end: number;
}

/** Group tokens into rows: consecutive text is a label, the values after it are its cells. */
export function pairs(tokens: readonly Token[], text: string): Pair[] {
  const out: Pair[] = [];
  let cur: Pair | null = null;
  let sepsSinceContent = 0;
  let sawValue = false;
  const close = (): void => {
    if (cur && cur.items.length > 0) out.push(cur);
    cur = null;
  };
  for (const t of tokens) {
    if (t.type === 'text') {
      // a row whose cells were all blank ends at the next label
      if (!cur || sawValue || cur.units.length > 0 || sepsSinceContent >= 2) {
        close();
        cur = { label: '', labelStart: t.start, labelEnd: t.end, items: [], units: [], end: t.end };
        sawValue = false;
      }
      cur.labelEnd = t.end;
      cur.end = t.end;
      sepsSinceContent = 0;
      continue;
    }
    if (!cur) continue;
    if (t.type === 'sep') {
      sepsSinceContent++;
      if (sawValue && sepsSinceContent >= 2) cur.items.push({ type: 'blank', at: t.start });
      continue;
    }
    if (t.type === 'unit') {
      cur.units.push(t.text);
      sepsSinceContent = 0;
      continue;
    }
    if (!sawValue) for (let b = 1; b < sepsSinceContent; b++) cur.items.push({ type: 'blank', at: t.start });
    cur.items.push({ type: t.type, token: t, hardBefore: sepsSinceContent > 0 || cur.items.length === 0 });
    cur.end = t.end;
    sawValue = true;
    sepsSinceContent = 0;
  }
  close();
  for (const p of out) p.label = text.slice(p.labelStart, p.labelEnd);
  return out;
}
