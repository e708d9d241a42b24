// Which row definition a printed label is: the variant must end the label (numbering, notes in
// brackets and unit words aside), exactly or within a few edits.
import { canon } from '../labels/canon';
import type { RowDef } from './schema';
import { UNIT_WORDS } from '../values/parse';

export interface RowMatch {
  def: RowDef;
  score: number;
  /** every definition matching as well as `def` (def first) */
  ties: readonly RowDef[];
}

const BRACKETS = /[(（〔【[][^)）〕】\]]*[)）〕】\]]/gu;
const TRAILING_UNIT = new RegExp(`(?:${UNIT_WORDS.join('|')}|单位)+$`, 'u');

/**
 * The part of a printed label that identifies the row, canonical; also without a unit word glued
 * to its end (政府网站公开数条), since 件 may as well end a label (规范性文件).
 */
export function labelKeys(label: string): string[] {
  // a note in brackets may be cut off where the label wraps: （区分处理的，只计这一
  const key = canon(label.replace(BRACKETS, '').replace(/[(（][^)）]*$/u, ''));
  const bare = key.replace(TRAILING_UNIT, '');
  return bare === key ? [key] : [key, bare];
}

/** a label holding every heading of a header row (RowDef.headings): below an exact match */
const HEADED = '\u0000headed';
const HEADED_SCORE = 0.9;

const matchCache = new WeakMap<readonly RowDef[], Map<string, RowMatch | null>>();

/** Best row definition for a printed label (memoised: the same labels recur across layouts and files). */
export function matchRow(label: string, defs: readonly RowDef[], group: string | null, minScore = 0.75): RowMatch | null {
  const cache = matchCache.get(defs) ?? new Map<string, RowMatch | null>();
  matchCache.set(defs, cache);
  const id = `${group}\u0000${minScore}\u0000${label}`;
  if (cache.has(id)) return cache.get(id)!;
  if (cache.size > 5000) cache.clear();
  const found = bestRow(label, defs, group, minScore);
  cache.set(id, found);
  return found;
}

function bestRow(label: string, defs: readonly RowDef[], group: string | null, minScore: number): RowMatch | null {
  const whole = canon(label);
  // a label that says what it is only in brackets (行政诉讼（复议后起诉）) is read with them last
  for (const keys of [labelKeys(label), [whole]]) {
    let best: { defs: RowDef[]; score: number; len: number } | null = null;
    for (const def of defs) {
      if (def.group && def.group !== group) continue;
      if (def.blockers?.some((b) => whole.includes(canon(b)))) continue;
      const candidates = def.headings?.every((h) => whole.includes(canon(h))) ? [...def.variants, HEADED] : def.variants;
      for (const variant of candidates) {
        const v = variant === HEADED ? '' : canon(variant);
        const score = variant === HEADED ? HEADED_SCORE : Math.max(...keys.map((k) => suffixScore(v, k)));
        if (score < minScore) continue;
        if (!best || score > best.score || (score === best.score && v.length > best.len)) best = { defs: [def], score, len: v.length };
        else if (score === best.score && v.length === best.len && !best.defs.includes(def)) best.defs.push(def);
      }
    }
    if (best) return { def: best.defs[0]!, score: best.score, ties: best.defs };
  }
  return null;
}

/** 1 when `label` ends with `variant`; 1 − edits/length within a small edit budget; else 0. */
export function suffixScore(variant: string, label: string): number {
  if (label.endsWith(variant)) return 1;
  // short labels must match exactly, but for one misread character when the label is nothing else
  // (行政强抽 for 行政强制: OCR); longer ones tolerate one edit per six characters
  const budget = Math.floor(variant.length / 6);
  if (budget === 0) return variant.length >= 4 && oneMisread(variant, label) ? 1 - 1 / variant.length : 0;
  let best = budget + 1;
  for (let len = variant.length - budget; len <= variant.length + budget; len++) {
    if (len <= 0 || len > label.length) continue;
    best = Math.min(best, editDistance(variant, label.slice(-len), budget));
  }
  return best <= budget ? 1 - best / variant.length : 0;
}

/** Same length, one character different. */
function oneMisread(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length && diff < 2; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

function editDistance(a: string, b: string, cap: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) return cap + 1;
    prev = cur;
  }
  return prev[b.length]!;
}
