// Pages turned a quarter or upside down with nothing saying so (fed sideways into a scanner, a photo
// without its EXIF orientation). tesseract reads such a page as junk of low confidence (measured on
// a scanned report page: mean word confidence 0.74 upright, 0.14–0.17 turned). Such a page's densest
// square of text is read at the four turns (0.2–0.5 s in all, against 7 s for the page); the page is
// drawn again at the turn that reads best and read again. Upright pages cost nothing: the square is
// read only when the page read badly (no osd.traineddata is shipped for tesseract's own detection).
import type { Word } from '../normalize/positioned-types';
import type { GreyPage } from '../image/decode';
import type { OcrPool } from './engine';
import type { OcrImage } from './settings';
import { toSpix } from './spix';

/** Quarter turns clockwise. */
export type Turn = 0 | 1 | 2 | 3;

/** A page read with a mean word confidence below this, with some text on it, may be turned. */
const DOUBTFUL = 0.45;
const MIN_CHARS = 20;
/** Side of the square read at the four turns (pixels at 300 dpi: about eight lines of body text). */
const PROBE = 700;
/** Another turn is taken when its square reads this much better (confidence × characters). */
const BETTER = 2;

/** `grey` turned `turn` quarters clockwise. */
export function turnGrey(grey: Uint8Array, width: number, height: number, turn: Turn): GreyPage {
  if (turn === 0) return { grey, width, height };
  const w = turn === 2 ? width : height;
  const h = turn === 2 ? height : width;
  const out = new Uint8Array(grey.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const v = grey[row + x]!;
      if (turn === 1) out[x * w + (height - 1 - y)] = v;
      else if (turn === 2) out[(height - 1 - y) * w + (width - 1 - x)] = v;
      else out[(width - 1 - x) * w + y] = v;
    }
  }
  return { grey: out, width: w, height: h };
}

/** The densest square of ink of a prepared page, at turns 0–3 (index = turn). */
export function probes(grey: Uint8Array, width: number, height: number): OcrImage[] {
  const side = Math.min(PROBE, width, height);
  const step = Math.max(1, Math.floor(side / 2));
  // dark pixels per cell of a grid half the square wide; the best 2 × 2 window of cells
  const cols = Math.ceil(width / step);
  const rows = Math.ceil(height / step);
  const ink = new Uint32Array(cols * rows);
  for (let y = 0; y < height; y += 2) for (let x = 0; x < width; x += 2) if (grey[y * width + x]! < 128) ink[Math.floor(y / step) * cols + Math.floor(x / step)]!++;
  let best = { x: 0, y: 0, n: -1 };
  for (let r = 0; r + 1 < Math.max(2, rows); r++) {
    for (let c = 0; c + 1 < Math.max(2, cols); c++) {
      const n = (ink[r * cols + c] ?? 0) + (ink[r * cols + c + 1] ?? 0) + (ink[(r + 1) * cols + c] ?? 0) + (ink[(r + 1) * cols + c + 1] ?? 0);
      if (n > best.n) best = { x: Math.min(c * step, width - side), y: Math.min(r * step, height - side), n };
    }
  }
  const square = new Uint8Array(side * side);
  for (let y = 0; y < side; y++) square.set(grey.subarray((best.y + y) * width + best.x, (best.y + y) * width + best.x + side), y * side);
  return ([0, 1, 2, 3] as const).map((turn) => {
    const t = turnGrey(square, side, side, turn);
    return { spix: toSpix(t.grey, t.width, t.height), width: t.width, height: t.height };
  });
}

const chars = (words: readonly Word[]): number => words.reduce((n, w) => n + [...w.text.replace(/\s/gu, '')].length, 0);
const score = (words: readonly Word[]): number => words.reduce((n, w) => n + (w.conf ?? 0) * [...w.text.replace(/\s/gu, '')].length, 0);

/** The page read badly: it may be turned. */
export function doubtful(words: readonly Word[]): boolean {
  const n = chars(words);
  return n >= MIN_CHARS && score(words) / n < DOUBTFUL;
}

/** The turn (relative to the probed picture) whose square reads clearly best; 0 when none does. */
export async function bestTurn(ocr: OcrPool, squares: readonly OcrImage[]): Promise<Turn> {
  const scores = await Promise.all(squares.map(async (s) => score((await ocr.recognize(s)).words)));
  const best = scores.indexOf(Math.max(...scores)) as Turn;
  return best !== 0 && scores[best]! >= BETTER * Math.max(1, scores[0]!) ? best : 0;
}
