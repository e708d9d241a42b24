// Canonical form of label text for matching: NFKC, 繁→简, only Han letters and digits kept.
import * as OpenCC from 'opencc-js/t2cn';

let toSimplified: ((s: string) => string) | null = null;
/** the last whole text converted: metadata, prose and tables read the same document */
let lastText: { from: string; to: string } | null = null;

export function simplified(s: string): string {
  toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' });
  if (s.length < 1000) return toSimplified(s);
  if (lastText?.from !== s) lastText = { from: s, to: toSimplified(s) };
  return lastText.to;
}

const canonCache = new Map<string, string>();

/** Label text → canonical: width/compat folded, simplified, punctuation, spaces and quotes dropped (memoised: labels recur). */
export function canon(s: string): string {
  let c = canonCache.get(s);
  if (c !== undefined) return c;
  c = simplified(s.normalize('NFKC'))
    .replace(/[^\p{Script=Han}\p{L}\p{N}]+/gu, '')
    .toLowerCase();
  if (s.length <= 200) {
    if (canonCache.size > 20000) canonCache.clear();
    canonCache.set(s, c);
  }
  return c;
}

/** Numbering at the start of a label: 一、 （一） (1) 1. 1、 ① 其中： */
export function stripNumbering(label: string): string {
  return label
    .normalize('NFKC')
    .replace(/^\s*(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十]+\)|\(?\d{1,2}\)|\d{1,2}[.、]|[①-⑳]|其中[:：]?)\s*/u, '')
    .trim();
}

const KEEP = /[\p{Script=Han}\p{L}\p{N}]/u;

/** Canonical text of a whole document with, for each canonical char, its offset in the original. */
export function canonWithMap(text: string): { canon: string; map: Int32Array } {
  const simple = simplified(text);
  const source = simple.length === text.length ? simple : text;
  const chars: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code < 0x80) {
      // ASCII fast path: letters and digits only
      if ((code >= 48 && code <= 57) || (code >= 97 && code <= 122)) chars.push(source[i]!);
      else if (code >= 65 && code <= 90) chars.push(String.fromCharCode(code + 32));
      else continue;
      map.push(i);
      continue;
    }
    if (code >= 0x4e00 && code <= 0x9fff) {
      // CJK unified ideographs fold to themselves
      chars.push(source[i]!);
      map.push(i);
      continue;
    }
    for (const ch of source[i]!.normalize('NFKC').toLowerCase()) {
      if (KEEP.test(ch)) {
        chars.push(ch);
        map.push(i);
      }
    }
  }
  return { canon: chars.join(''), map: Int32Array.from(map) };
}
