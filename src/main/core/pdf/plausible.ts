// Characters a Chinese report's text layer plausibly holds: ASCII, the characters of GB2312 (its
// 6,763 hanzi and its punctuation, numerals and symbols rows) and Big5's common hanzi (a report in
// traditional characters), CJK and general punctuation, fullwidth forms, circled and Roman numerals.
// A layer read through a wrong ToUnicode map or code page, or a scanner's bad OCR layer, is full of
// other characters: rare hanzi (a glyph id taken as a code point lands anywhere in the 20,902 of
// the CJK block, two thirds of them outside these sets), Latin-1 letters (GBK bytes read as
// Latin-1), private-use and control characters.

let gb2312: Set<number> | null = null;
let common: Set<number> | null = null;

/** Code points two-byte `encoding` decodes for leads × trails. */
function decodeAll(set: Set<number>, encoding: string, leads: [number, number][], trails: [number, number][]): void {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    return; // a runtime without the legacy encodings: those characters are judged by range only
  }
  const bytes: number[] = [];
  for (const [l0, l1] of leads) for (let l = l0; l <= l1; l++) for (const [t0, t1] of trails) for (let t = t0; t <= t1; t++) bytes.push(l, t);
  for (const c of decoder.decode(Uint8Array.from(bytes))) if (c !== '\ufffd') set.add(c.codePointAt(0)!);
}

/** GB2312: rows 1–3 (punctuation, numerals, fullwidth ASCII) and the hanzi rows 16–87. */
function gb2312Set(): Set<number> {
  if (gb2312) return gb2312;
  gb2312 = new Set<number>();
  decodeAll(gb2312, 'gb18030', [[0xa1, 0xa3], [0xb0, 0xf7]], [[0xa1, 0xfe]]);
  return gb2312;
}

function commonSet(): Set<number> {
  if (common) return common;
  const set = new Set(gb2312Set());
  // Big5: the common hanzi (A440–C67E)
  decodeAll(set, 'big5', [[0xa4, 0xc6]], [[0x40, 0x7e], [0xa1, 0xfe]]);
  common = set;
  return set;
}

/** A character of GB2312 (a simplified report's characters are; a traditional one's partly). */
export function inGb2312(c: string): boolean {
  return gb2312Set().has(c.codePointAt(0)!);
}

const RANGES: readonly [number, number][] = [
  [0x20, 0x7e], // ASCII
  [0xa0, 0xa0], // no-break space
  [0x2000, 0x206f], // general punctuation
  [0x2100, 0x218f], // letterlike, Roman numerals
  [0x2460, 0x24ff], // circled and bracketed numerals
  [0x25a0, 0x25ff], // geometric shapes (■ ● ○)
  [0x3000, 0x303f], // CJK punctuation
  [0xff00, 0xffef], // fullwidth forms
];

export function plausibleChar(c: string): boolean {
  const u = c.codePointAt(0)!;
  return RANGES.some(([a, b]) => u >= a && u <= b) || commonSet().has(u);
}

/** Non-space characters of `s`, and how many of them are implausible. */
export function implausibleCount(s: string): { all: number; bad: number } {
  let all = 0;
  let bad = 0;
  for (const c of s) {
    if (/\s/u.test(c)) continue;
    all++;
    if (!plausibleChar(c)) bad++;
  }
  return { all, bad };
}

/** A word of a text layer with an unreadable character (a layer's word is often a whole line: its figures may be the part garbled). */
export function garbled(text: string): boolean {
  return implausibleCount(text).bad > 0;
}
