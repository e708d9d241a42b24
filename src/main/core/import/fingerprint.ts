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
const A = Uint32Array.from(seeds, ([a]) => a);
const B = Uint32Array.from(seeds, ([, b]) => b);

/** Letters, digits and CJK only: chrome, punctuation and spacing do not count. */
function contentChars(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

function fnv1a(s: string, start: number, len: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < start + len; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function minhash(text: string): Uint32Array {
  const s = contentChars(text);
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  const shingles = new Set<number>();
  for (let i = 0; i + SHINGLE <= s.length; i++) shingles.add(fnv1a(s, i, SHINGLE));
  for (const h of shingles) {
    for (let k = 0; k < MINHASH_SIZE; k++) {
      // one hash function per slot: (a·h + b) mod 2^32 with odd a, then mixed
      let v = (Math.imul(A[k]!, h) + B[k]!) | 0;
      v ^= v >>> 15;
      v = Math.imul(v, 0x2c1b3c6d) >>> 0;
      if (v < sig[k]!) sig[k] = v;
    }
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
