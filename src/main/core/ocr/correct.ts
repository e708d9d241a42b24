// Cheap OCR post-corrections, each for a confusion seen on the scanned fixtures:
// - 文号 brackets: 〔2018〕 read as 【2018], [2018], (2018) → 〔2018〕
// - a number with letter-shaped digits: O/o/D → 0, l/I/| → 1 (only when the word is otherwise
//   digits, so words like "Office" or "ISO" are untouched)
// - a bracket read as 〈 or as an unmatched 《 before ")" (and 〉, 》 after "(") → （ ）
// - in the figure columns of a table (read apart, see prepare.ts) every word is a number: shapes
//   like 了 → 7, stray dots and quotes around it dropped, and one glyph read twice ("00" in the
//   width of one digit) read once
import type { Word } from '../normalize/positioned-types';

const DOC_NUMBER_YEAR = /[[【〔(（{［]\s*((?:19|20)\d{2})\s*[\]】〕)）}］](?=\s*第?\s*\d+\s*号)/gu;
const NUMERIC_LOOKALIKE = /^[0-9OoDIl|]+$/u;
const FIGURE_SHAPES: Readonly<Record<string, string>> = { O: '0', o: '0', D: '0', Q: '0', '〇': '0', l: '1', I: '1', '|': '1', '丨': '1', '了': '7', '工': '1', Z: '2', z: '2', S: '5', s: '5', B: '8', g: '9' };
const LONE_ONE = /^[)）\]】j]$/u;
/** A digit is about this share of the line height wide. */
const DIGIT_WIDTH = 0.62;

export function correctText(text: string): string {
  let t = text
    .replace(DOC_NUMBER_YEAR, '〔$1〕')
    .replace(/〈|《(?=[^》]*[)）])/gu, '（')
    .replace(/〉|(?<=[(（][^《]*)》/gu, '）');
  if (NUMERIC_LOOKALIKE.test(t) && (/\d/u.test(t) || /^[Oo]$/u.test(t))) t = t.replace(/[OoD]/gu, '0').replace(/[Il|]/gu, '1');
  return t;
}

export function correctWord(w: Word): Word {
  const text = correctText(w.text);
  return text === w.text ? w : { ...w, text };
}

/** A word from a table's figure columns. Words that do not look like a number at all are kept as read. */
export function correctFigure(w: Word): Word {
  // a lone bracket or stroke in a figure cell is a 1 whose serifs were lost
  let t = LONE_ONE.test(w.text) ? '1' : [...w.text].map((c) => FIGURE_SHAPES[c] ?? c).join('');
  t = t.replace(/^[^\d]+|[^\d%]+$/gu, '');
  if (!/^\d[\d,.]*%?$/u.test(t)) return correctWord(w);
  // a glyph read twice: more digits than the box has room for, one of them doubled
  if (/^\d+$/u.test(t) && w.w < DIGIT_WIDTH * w.h * (t.length - 0.5)) t = t.replace(/(\d)\1/u, '$1');
  return t === w.text ? w : { ...w, text: t };
}
