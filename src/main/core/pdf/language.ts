// Is a readable text layer report language? A scanner's poor OCR layer can give common characters,
// only the wrong ones (衰 for 表, 忌 for 息, 中 for 申): every character is readable, the words are
// not. Such a character (of GB2312) fits neither of its neighbours, is
// rare in reports, and sits where report language has another character between the same two
// (report-language.ts, generated from the field labels, the fixtures' known texts and the names of
// the administrative divisions).
import type { Word } from '../normalize/positioned-types';
import { inGb2312 } from './plausible';
import { COMMON, PAIRS, SPANS } from './report-language';

/** This many places with a character that looks misread, and this share of the hanzi, make a layer doubtful. */
const DOUBTFUL_PLACES = 3;
const DOUBTFUL_SHARE = 0.005;

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
 * A place counts once however often the page repeats it, and not at all when either of its
 * bigrams is also in other company on the page: a word the model does not know (a place name, a
 * tax office's 办税) recurs in other places; a misreading stands alone.
 */
export function misreadPlaces(words: readonly Word[]): { hanzi: number; doubtful: number } {
  const { pairs, spans, common } = reportLanguage();
  /** the page's bigrams that report language lacks, with how often they occur */
  const unknown = new Map<string, number>();
  /** places that look misread, with how often they occur */
  const places = new Map<string, number>();
  const add = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);
  let hanzi = 0;
  for (const text of lineTexts(words)) {
    for (const run of text.match(HANZI) ?? []) {
      hanzi += run.length;
      for (let i = 0; i + 1 < run.length; i++) if (!pairs.has(run.slice(i, i + 2))) add(unknown, run.slice(i, i + 2));
      for (let i = 1; i + 1 < run.length; i++) {
        const x = run[i]!;
        if (common.has(x) || pairs.has(run.slice(i - 1, i + 1)) || pairs.has(run.slice(i, i + 2))) continue;
        if (spans.has(run[i - 1]! + run[i + 1]!) && inGb2312(x)) add(places, run.slice(i - 1, i + 2));
      }
    }
  }
  let doubtful = 0;
  for (const [place, n] of places) if (unknown.get(place.slice(0, 2)) === n && unknown.get(place.slice(1)) === n) doubtful++;
  return { hanzi, doubtful };
}

/** A layer with enough places that look misread (misreadPlaces) to be read by OCR instead. */
export function misreadLayer(words: readonly Word[]): boolean {
  const { hanzi, doubtful } = misreadPlaces(words);
  return doubtful >= DOUBTFUL_PLACES && doubtful >= DOUBTFUL_SHARE * hanzi;
}
