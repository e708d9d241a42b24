// Tesseract TSV → positioned words: Chinese pieces of one line that touch are joined without a space
// (the npm models split Chinese into single characters with spaces between them), confidences in [0, 1], then the cheap
// post-corrections of correct.ts (a figure's alternatives, ocr/choices.ts, corrected alike).
import type { Word } from '../normalize/positioned-types';
import { correctFigure, correctWord } from './correct';

/** Pieces of a line closer than this share of the line height are one word. */
const JOIN_GAP = 0.45;

interface Piece extends Word {
  /** block, paragraph and line numbers as one number */
  line: number;
}

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const TAB = 9;

/**
 * `figures`: the words are from a table's figure columns (numbers only). Parsed in place, without
 * splitting rows into fields (it runs on the main thread, a page's TSV has thousands of rows):
 * only the words' texts become strings.
 */
export function wordsFromTsv(tsv: string, figures = false, alternatives?: ReadonlyMap<string, string[]>): Word[] {
  const pieces: Piece[] = [];
  const tabs = new Int32Array(11);
  for (let start = 0; start < tsv.length; ) {
    let end = tsv.indexOf('\n', start);
    if (end < 0) end = tsv.length;
    // word rows: level 5, twelve fields
    if (tsv.charCodeAt(start) === 53 /* 5 */ && tsv.charCodeAt(start + 1) === TAB) {
      let n = 0;
      for (let at = start; n < 11; n++) {
        at = tsv.indexOf('\t', at + 1);
        if (at < 0 || at >= end) break;
        tabs[n] = at;
      }
      if (n === 11) {
        const field = (k: number): number => numberAt(tsv, tabs[k - 1]! + 1, tabs[k]!);
        const text = tsv.slice(tabs[10]! + 1, end).trim();
        if (text) {
          const line = field(2) * 1e8 + field(3) * 1e4 + field(4);
          const conf = Number(tsv.slice(tabs[9]! + 1, tabs[10]!));
          const x = field(6);
          const y = field(7);
          const alts = alternatives?.get(`${x},${y}`);
          pieces.push({ text, x, y, w: field(8), h: field(9), conf: Math.max(0, Math.min(1, conf / 100)), line, ...(alts ? { alts } : {}) });
        }
      }
    }
    start = end + 1;
  }
  return joinPieces(pieces).map(figures ? correctWithAlternatives : correctWord);
}

/** A figure and its alternatives corrected alike; those that do not read as another whole number are dropped. */
function correctWithAlternatives(w: Word): Word {
  const { alts, ...word } = w;
  const fixed = correctFigure(word);
  const others = [...new Set((alts ?? []).map((text) => correctFigure({ ...word, text }).text))].filter((t) => /^\d+$/u.test(t) && t !== fixed.text && /^\d+$/u.test(fixed.text));
  return others.length ? { ...fixed, alts: others } : fixed;
}

/** The integer written in s[from, to) (tesseract's levels, numbers and boxes). */
function numberAt(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return v;
}

function joinPieces(pieces: readonly Piece[]): Word[] {
  const out: Word[] = [];
  let cur: Piece | null = null;
  const lineHeight = new Map<number, number>();
  for (const p of pieces) lineHeight.set(p.line, Math.max(lineHeight.get(p.line) ?? 0, p.h));
  for (const p of pieces) {
    const gap = cur ? p.x - (cur.x + cur.w) : Infinity;
    // only Chinese is split where it should not be: numbers in neighbouring cells stay apart
    if (cur && cur.line === p.line && gap <= JOIN_GAP * lineHeight.get(p.line)! && (CJK.test(cur.text.at(-1)!) || CJK.test(p.text[0]!))) {
      const sep = '';
      const x1 = Math.max(cur.x + cur.w, p.x + p.w);
      const y0 = Math.min(cur.y, p.y);
      const y1 = Math.max(cur.y + cur.h, p.y + p.h);
      const { alts: _a, ...first } = cur;
      const joined: Piece = { ...first, text: cur.text + sep + p.text, w: x1 - cur.x, y: y0, h: y1 - y0, conf: Math.min(cur.conf!, p.conf!) };
      cur = joined;
      out[out.length - 1] = strip(cur);
    } else {
      cur = { ...p };
      out.push(strip(cur));
    }
  }
  return out;
}

const strip = ({ text, x, y, w, h, conf, alts }: Word): Word => ({ text, x, y, w, h, conf, ...(alts ? { alts } : {}) });
