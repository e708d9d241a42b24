// Digit runs with no separators (规范性文件898989 → 89 | 89 | 89) re-segmented into the row's
// column count; candidates are filtered by the row's arithmetic and ranked by plausibility.
import type { Prior } from './schema';

/** All ways to cut `digits` into `parts` numbers without leading zeros (a lone 0 is fine). */
export function cuts(digits: string, parts: number, limit = 5000): string[][] {
  const out: string[][] = [];
  const walk = (at: number, left: number, acc: string[]): void => {
    if (out.length >= limit) return;
    if (left === 1) {
      const rest = digits.slice(at);
      if (validPiece(rest)) out.push([...acc, rest]);
      return;
    }
    for (let end = at + 1; end <= digits.length - (left - 1); end++) {
      const piece = digits.slice(at, end);
      if (!validPiece(piece)) {
        if (piece.startsWith('0') && piece.length > 1 && piece[1] !== '.') break;
        continue;
      }
      walk(end, left - 1, [...acc, piece]);
    }
  };
  walk(0, parts, []);
  return out;
}

const validPiece = (p: string): boolean => /^(?:0|[1-9]\d*)(?:\.\d+)?$/.test(p);

/** Plausibility of a value in a column: small counts, zero changes, prose agreement. */
export function plausibility(values: readonly number[], priors: readonly Prior[] | undefined, evidence: ReadonlySet<number>): number {
  let score = 0;
  values.forEach((v, i) => {
    const prior = priors?.[i] ?? 'count';
    if (prior === 'change') score += v === 0 ? 0 : -1 - Math.log10(1 + Math.abs(v));
    else if (prior === 'money') score -= 0.1 * Math.log10(1 + v);
    else score -= Math.log10(1 + v);
    // a number the prose also states is evidence, the stronger the more digits it has
    if (v >= 10 && evidence.has(v)) score += Math.min(2, 0.6 * Math.log10(v));
  });
  return score;
}
