// Lines of large text (a report's title) read again on their own. In one block with body text
// (page segmentation 6 assumes one text size), tesseract cuts a line twice the body's height into
// slices: the title comes out with junk lines above and below it (坦 次 : > 言 妃 公 / 全) and a
// character of a wrapped second line split in two (告 → 生 / 三). Alone in a picture, read as
// sparse text (page segmentation 11: in one block, the lone 告 is still read as a slice, 信), the
// title reads cleanly.
import type { Word } from '../normalize/positioned-types';
import type { OcrPool } from './engine';
import type { Box } from './prepare';
import type { OcrImage } from './settings';
import { cropSpix } from './spix';

/** Page segmentation of a band: sparse text. */
const BAND_PSM = '11';

/** Large text: characters this many times the body text's (wide and tall). */
const TALL = 1.5;
/** Large text shorter than this (characters) is no line of a title (a stray tall box). */
const MIN_CHARS = 4;
/** The band read again reaches this share of the large text's height above and below it. */
const MARGIN = 0.35;
/** Below a title, a text line shorter than this or less sure is slices of it (a wrapped line's lone character). */
const SLICE = { chars: 4, conf: 0.5 };

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/** Width of a word's text in character widths (a CJK character one, others about half). */
const ems = (text: string): number => [...text.replace(/\s/gu, '')].reduce((n, c) => n + (CJK.test(c) ? 1 : 0.55), 0);

/**
 * Bands (pixels of the page picture `width` × `height`) holding large-text lines, neighbouring
 * lines in one band, with the slices of it tesseract made below. Large means tall and wide per
 * character, against the body's character pitch.
 */
export function tallBands(words: readonly Word[], width: number, height: number): Box[] {
  // the body's character pitch: box heights are no measure (one odd glyph box makes a word tall)
  const pitches = words.filter((w) => ems(w.text) >= MIN_CHARS).map((w) => w.w / ems(w.text)).sort((a, b) => a - b);
  if (pitches.length < 10) return [];
  const body = pitches[Math.floor(pitches.length / 2)]!;
  const isTall = (w: Word): boolean => ems(w.text) >= MIN_CHARS && w.h >= TALL * body && w.w / ems(w.text) >= TALL * body;
  const bands: (Box & { line: number })[] = [];
  for (const w of words.filter(isTall).sort((a, b) => a.y - b.y)) {
    const last = bands.at(-1);
    if (last && w.y - (last.y + last.h) < last.line) {
      const x1 = Math.max(last.x + last.w, w.x + w.w);
      last.x = Math.min(last.x, w.x);
      last.w = x1 - last.x;
      last.h = Math.max(last.y + last.h, w.y + w.h) - last.y;
    } else bands.push({ x: w.x, y: w.y, w: w.w, h: w.h, line: w.h });
  }
  for (const band of bands) {
    // slices below, line by line, down to the first real line
    const below = words.filter((v) => !isTall(v) && v.y >= band.y + band.h - band.line / 2 && v.y < band.y + band.h + band.line);
    for (const w of [...below].sort((a, b) => a.y - b.y)) {
      if (w.y + w.h <= band.y + band.h) continue;
      const line = below.filter((v) => v.y + v.h / 2 >= w.y && v.y + v.h / 2 < w.y + w.h);
      if (line.reduce((n, v) => n + ems(v.text), 0) >= SLICE.chars && line.some((v) => (v.conf ?? 1) >= SLICE.conf)) break;
      band.h = Math.max(band.h, ...line.map((v) => v.y + v.h - band.y));
    }
  }
  return bands.map(({ x, y, w, h, line }) => {
    const m = Math.round(MARGIN * line);
    const x0 = Math.max(0, Math.round(x - line));
    const y0 = Math.max(0, Math.round(y - m));
    return { x: x0, y: y0, w: Math.min(width, Math.round(x + w + line)) - x0, h: Math.min(height, Math.round(y + h + m)) - y0 };
  });
}

/** The page's words with those inside `band` replaced by `again` (read from the band alone, band coordinates). */
export function replaceInBand(words: readonly Word[], band: Box, again: readonly Word[]): Word[] {
  const inside = (w: Word): boolean => {
    const cx = w.x + w.w / 2;
    const cy = w.y + w.h / 2;
    return cx >= band.x && cx < band.x + band.w && cy >= band.y && cy < band.y + band.h;
  };
  return [...words.filter((w) => !inside(w)), ...again.map((w) => ({ ...w, x: w.x + band.x, y: w.y + band.y }))];
}

/** The picture's text, then its lines of large text again, each band alone. Picture pixels. */
export async function recognizeText(ocr: OcrPool, image: OcrImage): Promise<{ words: Word[]; ms: number }> {
  let { words, ms } = await ocr.recognize(image);
  for (const band of tallBands(words, image.width, image.height)) {
    const crop = cropSpix(image.spix, image.width, band);
    const again = await ocr.recognize(crop, false, BAND_PSM);
    words = replaceInBand(words, { x: crop.x, y: crop.y, w: crop.width, h: crop.height }, again.words);
    ms += again.ms;
  }
  return { words, ms };
}
