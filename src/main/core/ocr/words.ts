// Tesseract TSV → positioned words: Chinese pieces of one line that touch are joined without a space
// (the npm models split Chinese into single characters with spaces between them), confidences in [0, 1], then the cheap
// post-corrections of correct.ts.
import type { Word } from '../normalize/positioned-types';
import { correctFigure, correctWord } from './correct';

/** Pieces of a line closer than this share of the line height are one word. */
const JOIN_GAP = 0.45;

interface Piece extends Word {
  line: string;
}

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** `figures`: the words are from a table's figure columns (numbers only). */
export function wordsFromTsv(tsv: string, figures = false): Word[] {
  const pieces: Piece[] = [];
  for (const row of tsv.split('\n')) {
    const c = row.split('\t');
    if (c[0] !== '5' || c.length < 12) continue;
    const text = c.slice(11).join('\t').trim();
    if (!text) continue;
    const [x, y, w, h, conf] = c.slice(6, 11).map(Number) as [number, number, number, number, number];
    pieces.push({ text, x, y, w, h, conf: Math.max(0, Math.min(1, conf / 100)), line: `${c[1]}.${c[2]}.${c[3]}.${c[4]}` });
  }
  return joinPieces(pieces).map(figures ? correctFigure : correctWord);
}

function joinPieces(pieces: readonly Piece[]): Word[] {
  const out: Word[] = [];
  let cur: Piece | null = null;
  const lineHeight = new Map<string, number>();
  for (const p of pieces) lineHeight.set(p.line, Math.max(lineHeight.get(p.line) ?? 0, p.h));
  for (const p of pieces) {
    const gap = cur ? p.x - (cur.x + cur.w) : Infinity;
    // only Chinese is split where it should not be: numbers in neighbouring cells stay apart
    if (cur && cur.line === p.line && gap <= JOIN_GAP * lineHeight.get(p.line)! && (CJK.test(cur.text.at(-1)!) || CJK.test(p.text[0]!))) {
      const sep = '';
      const x1 = Math.max(cur.x + cur.w, p.x + p.w);
      const y0 = Math.min(cur.y, p.y);
      const y1 = Math.max(cur.y + cur.h, p.y + p.h);
      const joined: Piece = { ...cur, text: cur.text + sep + p.text, w: x1 - cur.x, y: y0, h: y1 - y0, conf: Math.min(cur.conf!, p.conf!) };
      cur = joined;
      out[out.length - 1] = strip(cur);
    } else {
      cur = { ...p };
      out.push(strip(cur));
    }
  }
  return out;
}

const strip = ({ text, x, y, w, h, conf }: Word): Word => ({ text, x, y, w, h, conf });
