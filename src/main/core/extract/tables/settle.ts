// Digit runs a row alone cannot split for sure (6511110280 → 65|11|1|1|0|2|80 or 65|1|11|…) settled by
// the table's arithmetic across rows: 表三 column balances and column totals, row totals, 表四 group
// totals. Each constraint keeps a running residual, so trying a split costs only the constraints its
// row takes part in; single-row moves first, then pairs of rows (two runs printed alike, such as the
// 本年新收 and 总计 rows, must change together).
import { T3_COLUMNS, T4_COLUMNS, T4_GROUPS } from '../../../../shared/fields';
import { LEGAL_ENTITIES, type RowReading } from './read';

export interface Settlement {
  /** index of the chosen candidate per row */
  chosen: Map<RowReading, number>;
  /** rows whose split the arithmetic fixed: every other split breaks a rule that this one keeps */
  settled: Set<RowReading>;
  /** rows the arithmetic could not decide between two or more splits */
  unsure: Set<RowReading>;
}

const MAX_CANDIDATES = 24;
/** pairs of rows try their most plausible splits only */
const PAIR_CANDIDATES = 12;
const BALANCE_ROWS = new Set(['new', 'carried_over', 'total', 'carried_forward']);

interface Touch {
  constraint: number;
  /** [cell index, sign] of the row's terms in the constraint */
  terms: [number, number][];
}

/** Linear constraints Σ sign·value = 0 over the keys read, as lists of [key, sign]. */
function constraintsOf(keys: ReadonlySet<string>): [string, number][][] {
  const out: [string, number][][] = [];
  const rows = new Set([...keys].filter((k) => k.startsWith('t3.')).map((k) => k.split('.')[1]!));
  const outcomes = [...rows].filter((r) => !BALANCE_ROWS.has(r));
  for (const [c] of [...T3_COLUMNS, [LEGAL_ENTITIES]]) {
    out.push([[`t3.new.${c}`, 1], [`t3.carried_over.${c}`, 1], [`t3.total.${c}`, -1], [`t3.carried_forward.${c}`, -1]]);
    out.push([[`t3.total.${c}`, 1], ...outcomes.map((r): [string, number] => [`t3.${r}.${c}`, -1])]);
  }
  for (const r of rows) out.push([[`t3.${r}.total`, 1], ...[...T3_COLUMNS.slice(0, 6).map(([c]) => c), LEGAL_ENTITIES].map((c): [string, number] => [`t3.${r}.${c}`, -1])]);
  for (const [g] of T4_GROUPS) out.push([[`t4.${g}.total`, 1], ...T4_COLUMNS.slice(0, 4).map(([c]): [string, number] => [`t4.${g}.${c}`, -1])]);
  return out.filter((terms) => terms.some(([k]) => keys.has(k)));
}

export function settleSplits(rows: readonly RowReading[]): Settlement {
  const chosen = new Map<RowReading, number>(rows.map((r) => [r, 0]));
  const settled = new Set<RowReading>();
  const unsure = new Set<RowReading>();
  const ambiguous = rows.map((r, i) => [r, i] as const).filter(([r]) => r.candidates.length > 1 && /^t[34]\./.test(r.keys[0]!));
  if (ambiguous.length === 0) return { chosen, settled, unsure };

  const values = rows.map((r) => r.candidates.slice(0, MAX_CANDIDATES).map((cells) => cells.map((c) => c.value ?? 0)));
  const where = new Map<string, [number, number]>();
  rows.forEach((r, i) => r.keys.forEach((k, j) => where.set(k, [i, j])));
  const constraints = constraintsOf(new Set(where.keys()));
  const touches: Touch[][] = rows.map(() => []);
  constraints.forEach((terms, k) => {
    const byRow = new Map<number, [number, number][]>();
    for (const [key, sign] of terms) {
      const at = where.get(key);
      if (at) byRow.set(at[0], [...(byRow.get(at[0]) ?? []), [at[1], sign]]);
    }
    for (const [row, t] of byRow) touches[row]!.push({ constraint: k, terms: t });
  });
  const choice = rows.map(() => 0);
  const residual = constraints.map(() => 0);
  rows.forEach((_, i) => touches[i]!.forEach((t) => (residual[t.constraint]! += t.terms.reduce((s, [cell, sign]) => s + sign * values[i]![0]![cell]!, 0))));
  const failing = (x: number): number => (Math.abs(x) > 1e-9 ? 1 : 0);

  /** Change in the number of failing constraints if row `i` took candidate `j`. */
  const delta = (i: number, j: number): number => {
    let d = 0;
    for (const t of touches[i]!) {
      const before = residual[t.constraint]!;
      const after = before + t.terms.reduce((s, [cell, sign]) => s + sign * (values[i]![j]![cell]! - values[i]![choice[i]!]![cell]!), 0);
      d += failing(after) - failing(before);
    }
    return d;
  };
  const apply = (i: number, j: number): void => {
    for (const t of touches[i]!) residual[t.constraint]! += t.terms.reduce((s, [cell, sign]) => s + sign * (values[i]![j]![cell]! - values[i]![choice[i]!]![cell]!), 0);
    choice[i] = j;
  };

  for (let pass = 0; pass < 3; pass++) {
    let improved = false;
    for (const [, i] of ambiguous) {
      let best = { j: choice[i]!, d: 0 };
      for (let j = 0; j < values[i]!.length; j++) {
        const d = delta(i, j);
        // equal arithmetic: the more plausible split (lower index) wins
        if (d < best.d || (d === best.d && j < best.j)) best = { j, d };
      }
      if (best.j !== choice[i]) {
        apply(i, best.j);
        if (best.d < 0) improved = true;
      }
    }
    if (!improved) break;
  }
  if (residual.some(failing)) {
    // only rows taking part in a failing constraint can mend it
    const rowsOf = ambiguous.map(([, i]) => i);
    const involved = rowsOf.filter((i) => touches[i]!.some((t) => failing(residual[t.constraint]!)));
    pairMoves(involved, rowsOf, values, delta, apply, choice);
  }

  for (const [row, i] of ambiguous) {
    chosen.set(row, choice[i]!);
    const kept = touches[i]!.length > 0 && touches[i]!.every((t) => !failing(residual[t.constraint]!));
    const rivals = values[i]!.some((_, j) => j !== choice[i] && delta(i, j) <= 0);
    if (kept && !rivals) settled.add(row);
    else if (rivals) unsure.add(row);
  }
  return { chosen, settled, unsure };
}

/**
 * Try the plausible candidates of a row in a failing constraint together with those of any other
 * ambiguous row; take the best improvement, twice.
 */
function pairMoves(
  involved: readonly number[],
  ambiguous: readonly number[],
  values: readonly number[][][],
  delta: (i: number, j: number) => number,
  apply: (i: number, j: number) => void,
  choice: number[],
): void {
  for (let round = 0; round < 2; round++) {
    let best: { a: number; ja: number; b: number; jb: number; d: number } | null = null;
    for (const a of involved) {
      const keepA = choice[a]!;
      for (let ja = 0; ja < Math.min(values[a]!.length, PAIR_CANDIDATES); ja++) {
        if (ja === keepA) continue;
        const da = delta(a, ja);
        apply(a, ja);
        for (const b of ambiguous) {
          if (b === a) continue;
          for (let jb = 0; jb < Math.min(values[b]!.length, PAIR_CANDIDATES); jb++) {
            if (jb === choice[b]) continue;
            const d = da + delta(b, jb);
            if (d < 0 && (!best || d < best.d)) best = { a, ja, b, jb, d };
          }
        }
        apply(a, keepA);
      }
    }
    if (!best) return;
    apply(best.a, best.ja);
    apply(best.b, best.jb);
  }
}
