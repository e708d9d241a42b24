// Figures OCR read with a doubtful digit (ocr/choices.ts: tesseract offered another digit for one
// symbol) are settled by the consistency rules: a field takes an alternative reading only when
// that makes failing rule places pass and none that passed fail, and no other alternative does as
// much. The field then says so in its note and its confidence drops below the review threshold,
// so the reviewer checks it against the page.
import type { ExtractedField } from '../../../shared/model';
import type { PositionedPage, Word } from '../normalize/positioned-types';
import { overlap } from '../ocr/merge';
import { validate } from './index';

/** Confidence of a figure chosen by the rules (the review screen highlights below 0.6). */
export const CHOSEN_CONFIDENCE = 0.5;
/** Each round takes one alternative; a table with more doubtful misreadings is left to the reviewer. */
const MAX_ROUNDS = 4;

interface Option {
  field: number;
  text: string;
  value: number;
}

export function chooseOcrAlternatives(fields: ExtractedField[], pages: readonly PositionedPage[]): ExtractedField[] {
  const ocr = new Map(pages.filter((p) => p.source === 'ocr').map((p) => [p.page, p.words]));
  const options = fields.flatMap((f, i) => optionsOf(f, i, ocr));
  if (options.length === 0) return fields;
  let out = fields;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = failingPlaces(out);
    if (before.size === 0) break;
    let best: { option: Option; mended: number }[] = [];
    for (const option of options) {
      if (out[option.field]!.value === option.value) continue;
      const after = failingPlaces(out.with(option.field, { ...out[option.field]!, value: option.value }));
      if ([...after].some((p) => !before.has(p))) continue;
      const mended = before.size - after.size;
      if (mended > 0 && mended >= (best[0]?.mended ?? 0)) best = mended > (best[0]?.mended ?? 0) ? [{ option, mended }] : [...best, { option, mended }];
    }
    // two readings that mend as much: the rules cannot tell which is right
    if (best.length !== 1) break;
    const { field, text, value } = best[0]!.option;
    out = out.with(field, chosen(out[field]!, text, value));
  }
  return out;
}

/** Table figures read from one OCR word that has alternatives. */
function optionsOf(f: ExtractedField, i: number, ocr: ReadonlyMap<number, Word[]>): Option[] {
  const { page, box } = f.source;
  if (!/^t[34]\./u.test(f.key) || typeof f.value !== 'number' || f.status !== 'auto' || page === undefined || !box) return [];
  const [x, y, w, h] = box;
  const area: Word = { text: '', x, y, w, h };
  const under = (ocr.get(page) ?? []).filter((word) => overlap(word, area) > 0.3 * word.w * word.h);
  if (under.length !== 1 || !under[0]!.alts) return [];
  return under[0]!.alts.map((text) => ({ field: i, text, value: Number(text) }));
}

function chosen(f: ExtractedField, text: string, value: number): ExtractedField {
  const note = `文字识别读作 ${f.text ?? f.value}，按表内合计关系改用其备选读法 ${text}，请对照原件核对`;
  return { ...f, value, text, confidence: Math.min(f.confidence, CHOSEN_CONFIDENCE), note: f.note ? `${f.note}；${note}` : note };
}

const failingPlaces = (fields: readonly ExtractedField[]): Set<string> => new Set(validate(fields).filter((c) => !c.ok).map((c) => `${c.rule}|${c.keys.join(',')}`));
