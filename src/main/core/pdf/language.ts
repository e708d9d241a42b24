// Is a readable text layer report language? A scanner's bad OCR layer (or a wrong ToUnicode map)
// can give common characters, only the wrong ones (衰 for 表, 忌 for 息, 中 for 申): every character
// is readable, the words are not. Such a character (of GB2312) fits neither of its neighbours, is
// rare in reports, and sits where report language has another character between the same two
// (report-language.ts, generated from the field labels, the fixtures' known texts and the names of
// the administrative divisions).
import type { Word } from '../normalize/positioned-types';
import { inGb2312 } from './plausible';
import { COMMON, PAIRS, SPANS } from './report-language';

/** runs of hanzi (the BMP's, one UTF-16 unit each) */
const HANZI = /[\u3400-\u4dbf\u4e00-\u9fff]+/g;

interface Model {
  pairs: Set<string>;
  spans: Set<string>;
  common: Set<string>;
}

let model: Model | null = null;

function split2(s: string): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + 1 < s.length; i += 2) set.add(s.slice(i, i + 2));
  return set;
}

function reportLanguage(): Model {
  model ??= { pairs: split2(PAIRS), spans: split2(SPANS), common: new Set(COMMON) };
  return model;
}

/**
 * The texts of a layer's lines: words that follow each other on a line, touching, joined (a layer
 * may hold a word per character, as some scanners write it).
 */
function lineTexts(words: readonly Word[]): string[] {
  const lines: string[] = [];
  let last: Word | undefined;
  for (const w of words) {
    const touching = last && Math.abs(w.y - last.y) < 0.5 * last.h && Math.abs(w.x - (last.x + last.w)) < 0.3 * last.h;
    if (touching) lines[lines.length - 1] += w.text;
    else lines.push(w.text);
    last = w;
  }
  return lines;
}

/**
 * The hanzi of a layer's words, and how many distinct places (a character with its two
 * neighbours) hold a character that looks misread: a GB2312 one (a traditional report's own
 * characters are not misreadings) that forms no bigram of report language with either neighbour,
 * is rare in reports, and report language joins the two neighbours through some other character.
 * A misreading repeated (the same wrong character between the same neighbours) counts once: a
 * name the model does not know recurs, a misreading seldom does.
 */
export function misreadPlaces(words: readonly Word[]): { hanzi: number; doubtful: number } {
  const { pairs, spans, common } = reportLanguage();
  const places = new Set<string>();
  let hanzi = 0;
  for (const text of lineTexts(words)) {
    for (const run of text.match(HANZI) ?? []) {
      hanzi += run.length;
      for (let i = 1; i + 1 < run.length; i++) {
        const x = run[i]!;
        if (common.has(x) || pairs.has(run.slice(i - 1, i + 1)) || pairs.has(run.slice(i, i + 2))) continue;
        if (spans.has(run[i - 1]! + run[i + 1]!) && inGb2312(x)) places.add(run.slice(i - 1, i + 2));
      }
    }
  }
  return { hanzi, doubtful: places.size };
}
