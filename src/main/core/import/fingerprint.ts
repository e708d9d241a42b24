// MinHash fingerprint of a report's text, for near-duplicate detection across file types
// and page chrome. Banded (LSH) so candidates are found through an index.
export const MINHASH_SIZE = 64;
export const BAND_ROWS = 4;
const SHINGLE = 5;

const seeds = Array.from({ length: MINHASH_SIZE }, (_, i) => {
  // deterministic pseudo-random coefficients (xorshift)
  let x = (i + 1) * 0x9e3779b1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) + 1;
  };
  return [next() | 1, next()] as const;
});
const A = Int32Array.from(seeds, ([a]) => a);
const B = Int32Array.from(seeds, ([, b]) => b);

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const kept = new Map<number, boolean>();
/** \p{L} or \p{N}, by code point (memoised: a document uses a few hundred characters). */
function isContent(cp: number): boolean {
  if (cp < 0x80) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  let k = kept.get(cp);
  if (k === undefined) kept.set(cp, (k = LETTER_OR_DIGIT.test(String.fromCodePoint(cp))));
  return k;
}

/** Letters, digits and CJK only (as UTF-16 units): chrome, punctuation and spacing do not count. */
function contentChars(text: string): Uint16Array {
  const out = new Uint16Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (isContent(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000)) {
          out[n++] = c;
          out[n++] = d;
        }
        i++;
        continue;
      }
    }
    if (isContent(c)) out[n++] = c;
  }
  return out.subarray(0, n);
}

function fnv1a(s: Uint16Array, start: number, len: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < start + len; i++) {
    h ^= s[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

export function minhash(text: string): Uint32Array {
  const s = contentChars(text);
  const n = Math.max(0, s.length - SHINGLE + 1);
  // Int32: the bits of the unsigned hashes, in values the JIT keeps as small integers
  const shingles = new Int32Array(n);
  for (let i = 0; i < n; i++) shingles[i] = fnv1a(s, i, SHINGLE);
  // each distinct shingle once (sorted in native code: a Set of numbers costs more than the hashing)
  shingles.sort();
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || shingles[i] !== shingles[i - 1]) shingles[distinct++] = shingles[i]!;
  // one slot at a time over all shingles: its coefficients and running minimum stay in registers.
  // The minimum is kept as a signed int (x ^ 2^31 orders like the unsigned x) so it never leaves int32.
  const sig = new Uint32Array(MINHASH_SIZE);
  for (let k = 0; k < MINHASH_SIZE; k++) {
    const a = A[k]!;
    const b = B[k]!;
    let min = 0x7fffffff;
    for (let i = 0; i < distinct; i++) {
      // one hash function per slot: (a·h + b) mod 2^32 with odd a, then mixed
      let v = (Math.imul(a, shingles[i]!) + b) | 0;
      v ^= v >>> 15;
      v = Math.imul(v, 0x2c1b3c6d) ^ -0x80000000;
      if (v < min) min = v;
    }
    sig[k] = min ^ -0x80000000;
  }
  return sig;
}

/** Band hashes for the LSH index: MINHASH_SIZE / BAND_ROWS integers. */
export function bands(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let b = 0; b < MINHASH_SIZE / BAND_ROWS; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < BAND_ROWS; r++) {
      h ^= sig[b * BAND_ROWS + r]!;
      h = Math.imul(h, 0x01000193);
    }
    out.push(h | 0);
  }
  return out;
}

/** Estimated Jaccard similarity of two signatures. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_SIZE;
}

/** Signatures of empty or tiny texts carry no information. */
export function isInformative(sig: Uint32Array): boolean {
  return sig[0] !== 0xffffffff;
}
