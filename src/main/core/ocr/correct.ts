// Cheap OCR post-corrections, each for a confusion seen on the scanned fixtures:
// - 文号 brackets: 〔2018〕 read as 【2018], [2018], (2018) → 〔2018〕
// - a number cell with letter-shaped digits: O/o/D → 0, l/I/| → 1 (only when the word is otherwise
//   digits, so words like "Office" or "ISO" are untouched)
import type { Word } from '../normalize/positioned-types';

const DOC_NUMBER_YEAR = /[[【〔(（{［]\s*((?:19|20)\d{2})\s*[\]】〕)）}］](?=\s*第?\s*\d+\s*号)/gu;
const NUMERIC_LOOKALIKE = /^[0-9OoDIl|]+$/u;

export function correctText(text: string): string {
  let t = text.replace(DOC_NUMBER_YEAR, '〔$1〕');
  if (NUMERIC_LOOKALIKE.test(t) && (/\d/u.test(t) || /^[Oo]$/u.test(t))) t = t.replace(/[OoD]/gu, '0').replace(/[Il|]/gu, '1');
  return t;
}

export function correctWord(w: Word): Word {
  const text = correctText(w.text);
  return text === w.text ? w : { ...w, text };
}
