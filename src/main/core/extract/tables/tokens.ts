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
// a thousands separator is followed by exactly three digits: in a glued row (1,032118…) the digits
// after those three start the next cell
const NUMBER = /^[+\-＋－]?(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*)(?:[.．][0-9０-９]+)?(?:余|多|餘)?(?:万元|萬元|元|条|條|件|次|个|個|人次|人|篇|项|項)?/u;
// a letter O standing alone in a cell is a zero misread (scans, retyped tables)
const ZERO_CELL = /^(?:——|—|-|－|–|\/|／|无|無|〇|O|Ｏ)(?=\s|[|｜│]|$)/u;
/**
 * zero marks run together where a copy lost the cell borders (规章无无无, 3—————3, 0—0): glued to a
 * label or a figure and ending where the row does or a figure starts; one token, split into cells later
 */
const MARK_RUN = /^(?:[无無〇]+|[—─–－-]+)(?=[^\S\n]|[|｜│\n]|$|[0-9０-９])/u;
/** the same standing alone in a cell (———): a figure right after it may be a 本年增/减 sign's */
const MARK_CELL = /^(?:[无無〇]+|[—─–－-]+)(?=[^\S\n]|[|｜│\n]|$)/u;
const PAGE_NUMBER = /^[—－-] \d{1,3} [—－-](?=\S)/u;
/** what a run of zero marks may be glued to: a label's last character, or a figure */
const LABEL_END = /[\p{Script=Han}）)”"》]$/u;
const NUMERAL_CELL = /^[一二两三四五六七八九十百千万]+(?:余|多)?(?=[^\S\n]*(?:[|｜│]|\n|$))/u;
/** unit cells as printed, 繁體 mirrors included (條, 個, 項, 萬元) */
const UNIT_CELL = new RegExp(`^(?:${[...UNIT_WORDS, '萬元', '條', '個', '項'].join('|')})(?=\\s*(?:[|｜│]|\\n|$|[0-9０-９]|[一二两三四五六七八九十]+\\s*(?:[|｜│]|\\n|$)))`, 'u');
/** cell separators: a pipe (also full-width, box-drawing) or a line break */
const SEPARATOR = new Set(['|', '｜', '│', '\n']);
const NUMBERING_AFTER = /^[.．、](?=\s*\p{Script=Han})/u;
const OPEN = '(（〔【[';
const CLOSE = ')）〕】]';

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  let spaced = false;
  /** the last label numbering read (1. 2. …): the next one is usually one more */
  let lastNumbering: number | null = null;
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
    if (SEPARATOR.has(c)) {
      push('sep', i, i + 1);
      i++;
      while (i < to && /[^\S\n]|\n/.test(text[i]!) && !(c === '\n' && SEPARATOR.has(text[i]!))) i++;
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
        // "00000002.其他…", "次32.政府网站…": the last digits number the next label, the rest is a value
        const numbering = numberingLength(asciiRun(m[0]), atCellStart || !DIGIT.test(text[i - 1] ?? ''), lastNumbering);
        const numberingStart = end - numbering;
        lastNumbering = Number(asciiRun(m[0]).slice(-numbering));
        if (numberingStart > i) push('num', i, numberingStart);
        push('text', numberingStart, end + 1);
        i = end + 1;
        continue;
      }
      // 4.无正当理由… then 5要求行政机关…: the next label's number at a line's start, its dot lost (OCR)
      const lineStart = out.length === 0 || out.at(-1)!.text === '\n';
      if (lineStart && lastNumbering !== null && asciiRun(m[0]) === String(lastNumbering + 1) && HAN.test(text[end] ?? '')) {
        lastNumbering++;
        push('text', i, end);
        i = end;
        continue;
      }
      push('num', i, end);
      i = end;
      continue;
    }
    // a page number a flattened copy kept between two rows (0000000— 3 —三、…, glued to both) is no cell
    const page = !spaced && out.at(-1)?.type === 'num' ? PAGE_NUMBER.exec(rest) : null;
    if (page) {
      spaced = true;
      i += page[0].length;
      continue;
    }
    if (atCellStart) {
      // a Chinese numeral filling a cell after its label or unit (次 | 三) is a value
      const numeral = NUMERAL_CELL.exec(rest);
      const last = out.at(-1);
      const before = last?.type === 'sep' ? out.findLast((t) => t.type !== 'sep') : undefined;
      if (numeral && (before?.type === 'unit' || before?.type === 'text' || (spaced && last?.type === 'unit'))) {
        push('num', i, i + numeral[0].length);
        i += numeral[0].length;
        continue;
      }
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
    const last = out.at(-1);
    const glued = last && !spaced && (last.type === 'num' || (last.type === 'text' && LABEL_END.test(last.text)));
    const marks = glued ? MARK_RUN.exec(rest) : atCellStart ? MARK_CELL.exec(rest) : null;
    if (marks) {
      push('zero', i, i + marks[0].length);
      i += marks[0].length;
      continue;
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

const asciiRun = (s: string): string => s.replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * How many trailing digits of a run before "." number the next label. The numbering goes on from
 * the last one (…次3|2.政府网站, after 1.) or starts again at 1 (…件35|1.按时办结); a run of one or
 * two digits standing alone is all numbering.
 */
export function numberingLength(run: string, alone: boolean, last: number | null): number {
  const expected = last === null ? null : last + 1;
  const whole = run.length <= 2 && !(run.length === 2 && run[0] === '0');
  if (whole && (Number(run) === expected || (alone && (expected === null || Number(run) === 1)))) return run.length;
  if (run.length > 1 && expected !== null && run.endsWith(String(expected)) && String(expected).length < run.length) return String(expected).length;
  if (run.length > 1 && run.endsWith('1')) return 1;
  return whole && alone ? run.length : 1;
}

function findClose(text: string, open: number, limit: number): number {
  for (let j = open + 1; j < limit; j++) {
    if (CLOSE.includes(text[j]!)) return j;
    if (SEPARATOR.has(text[j]!)) return -1;
  }
  return -1;
}
