// Turning page pictures, and the square read at the four turns: the densest ink of the page.
import { describe, expect, it } from 'vitest';
import { probes, turnGrey, type Turn } from '../../../src/main/core/ocr/orientation';
import { spixPixel } from '../../../src/main/core/ocr/spix';
import type { GreyPage } from '../../../src/main/core/image/decode';

describe('page orientation', () => {
  const grey = Uint8Array.from([1, 2, 3, 4, 5, 6]); // 3 × 2

  it('turns pictures by quarters clockwise', () => {
    expect(turnGrey(grey, 3, 2, 1)).toEqual({ grey: Uint8Array.from([4, 1, 5, 2, 6, 3]), width: 2, height: 3 });
    expect(turnGrey(grey, 3, 2, 2).grey).toEqual(Uint8Array.from([6, 5, 4, 3, 2, 1]));
    expect(turnGrey(grey, 3, 2, 3)).toEqual({ grey: Uint8Array.from([3, 6, 2, 5, 1, 4]), width: 2, height: 3 });
    let t: GreyPage = { grey, width: 3, height: 2 };
    for (let i = 0; i < 4; i++) t = turnGrey(t.grey, t.width, t.height, 1 as Turn);
    expect(t).toEqual({ grey, width: 3, height: 2 });
  });

  it('probes the densest square of ink, at the four turns', () => {
    // a 2000 × 1000 white page, ink in a 100 × 50 block at (1500, 800)
    const page = new Uint8Array(2000 * 1000).fill(255);
    for (let y = 800; y < 850; y++) page.fill(0, y * 2000 + 1500, y * 2000 + 1600);
    const squares = probes(page, 2000, 1000);
    expect(squares.map((s) => [s.width, s.height])).toEqual([[700, 700], [700, 700], [700, 700], [700, 700]]);
    const inkOf = (s: (typeof squares)[number]): number => {
      let n = 0;
      for (let y = 0; y < s.height; y++) for (let x = 0; x < s.width; x++) if (spixPixel(s.spix, s.width, x, y) < 128) n++;
      return n;
    };
    expect(squares.map(inkOf)).toEqual([5000, 5000, 5000, 5000]);
  });
});
