// Canonical form of label text for matching: NFKC, 繁→简, only Han letters and digits kept.
import * as OpenCC from 'opencc-js/t2cn';

let toSimplified: ((s: string) => string) | null = null;
/** the last whole text converted: metadata, prose and tables read the same document */
let lastText: { from: string; to: string } | null = null;

export function simplified(s: string): string {
  if (s.length < 1000) return convertLines(s);
  if (lastText?.from !== s) lastText = { from: s, to: convertLines(s) };
  return lastText.to;
}

/**
 * UTF-16 units a conversion can change: of every dictionary entry (normalization and conversion,
 * as `Converter({ from: 't', to: 'cn' })` chains them) that changes its text, the units where it
 * differs (all of them when the lengths differ). A match needs all of its entry's units, so a line
 * with none of them comes out as it went in; no entry holds a line break, so lines convert alone.
 */
let changing: Uint8Array | null = null;

function changingUnits(): Uint8Array {
  const marks = new Uint8Array(0x10000);
  // the package's types leave the normalization chain out
  const config = OpenCC.Locale.configs.t2s as { normalizationChain?: readonly OpenCC.DictGroup[]; conversionChain: readonly OpenCC.DictGroup[] };
  for (const dict of [...(config.normalizationChain ?? []), ...config.conversionChain].flat()) {
    const entries: readonly (readonly string[])[] = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : dict;
    for (const [from = '', to = ''] of entries) {
      if (from === to) continue;
      for (let i = 0; i < from.length; i++) if (from.length !== to.length || from[i] !== to[i]) marks[from.charCodeAt(i)] = 1;
    }
  }
  return marks;
}

/** 繁→简 of the lines that hold a unit a conversion can change; the others as they are (most reports are simplified already). */
function convertLines(s: string): string {
  changing ??= changingUnits();
  toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' });
  let out = '';
  let done = 0; // s[0, done) is in out
  for (let i = 0; i < s.length; i++) {
    if (changing[s.charCodeAt(i)] !== 1) continue;
    const start = s.lastIndexOf('\n', i) + 1;
    let end = s.indexOf('\n', i);
    if (end < 0) end = s.length;
    out += s.slice(done, start) + toSimplified(s.slice(start, end));
    done = end;
    i = end;
  }
  return done === 0 ? s : out + s.slice(done);
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
