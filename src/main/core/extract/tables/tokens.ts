// Tokens of table text in any source shape: HTML tables rendered as "a | b" lines, pipe text,
// one cell per line, or rows flattened into label + digit runs.
import { UNIT_WORDS } from '../values/parse';

export type TokenType = 'num' | 'zero' | 'unit' | 'sep' | 'text';

export interface Token {
  type: TokenType;
  start: number;
  end: number;
  text: string;
  /** whitespace (not a separator) directly before this token */
  spaced: boolean;
}

const DIGIT = /[0-9０-９]/u;
const HAN = /\p{Script=Han}/u;
const NUMBER = /^[+\-＋－]?[0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?(?:余|多)?(?:万元|元|条|件|次|个|人次|人|篇|项)?/u;
const ZERO_CELL = /^(?:——|—|-|－|–|\/|／|无|無)(?=\s|\||$)/u;
const UNIT_CELL = new RegExp(`^(?:${UNIT_WORDS.join('|')})(?=\\s*(?:\\||\\n|$|[0-9０-９]))`, 'u');
const NUMBERING_AFTER = /^[.．、](?=\s*\p{Script=Han})/u;
const OPEN = '(（〔【[';
const CLOSE = ')）〕】]';

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  let spaced = false;
  const push = (type: TokenType, start: number, end: number): void => {
    const last = out.at(-1);
    if (type === 'text' && last?.type === 'text' && last.end === start) {
      last.end = end;
      last.text = text.slice(last.start, end);
    } else out.push({ type, start, end, text: text.slice(start, end), spaced });
    spaced = false;
  };
  while (i < to) {
    const c = text[i]!;
    if (c === '|' || c === '\n') {
      push('sep', i, i + 1);
      i++;
      while (i < to && /[^\S\n]|\n/.test(text[i]!) && !(c === '\n' && text[i] === '|')) i++;
      continue;
    }
    if (/\s/.test(c)) {
      spaced = true;
      i++;
      continue;
    }
    const rest = text.slice(i, Math.min(to, i + 64));
    const atCellStart = out.length === 0 || out.at(-1)!.type === 'sep' || spaced || out.at(-1)!.type === 'num';
    if (DIGIT.test(c) || (/[+\-＋－]/.test(c) && DIGIT.test(text[i + 1] ?? ''))) {
      const m = NUMBER.exec(rest)!;
      const end = i + m[0].length;
      if (/^[年月日号%％]/u.test(text[end] ?? '')) {
        // years, dates, document numbers and percentages belong to the text
        push('text', i, end + 1);
        i = end + 1;
        continue;
      }
      if (NUMBERING_AFTER.test(text.slice(end, end + 3)) && /^[0-9０-９]+$/u.test(m[0])) {
        // "00000002.其他…": the last digit numbers the next label, it is not a value
        const numberingStart = m[0].length <= 2 && (atCellStart || !DIGIT.test(text[i - 1] ?? '')) ? i : end - 1;
        if (numberingStart > i) push('num', i, numberingStart);
        push('text', numberingStart, end + 1);
        i = end + 1;
        continue;
      }
      push('num', i, end);
      i = end;
      continue;
    }
    if (atCellStart) {
      const zero = ZERO_CELL.exec(rest);
      if (zero) {
        push('zero', i, i + zero[0].length);
        i += zero[0].length;
        continue;
      }
      const unit = UNIT_CELL.exec(rest);
      if (unit && !HAN.test(text[i - 1] ?? '')) {
        push('unit', i, i + unit[0].length);
        i += unit[0].length;
        continue;
      }
    }
    if (OPEN.includes(c)) {
      const close = findClose(text, i, Math.min(to, i + 120));
      if (close > 0) {
        push('text', i, close + 1);
        i = close + 1;
        continue;
      }
    }
    push('text', i, i + 1);
    i++;
  }
  return out;
}

function findClose(text: string, open: number, limit: number): number {
  for (let j = open + 1; j < limit; j++) {
    if (CLOSE.includes(text[j]!)) return j;
    if (text[j] === '\n' || text[j] === '|') return -1;
  }
  return -1;
}
