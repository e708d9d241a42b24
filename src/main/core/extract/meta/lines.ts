// The document's lines with their offsets, and the shape of a found metadata field.
import type { ExtractedField, FieldValue } from '../../../../shared/model';

export interface Line {
  text: string;
  start: number;
}

export function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const text_ of text.split('\n')) {
    out.push({ text: text_, start });
    start += text_.length + 1;
  }
  return out;
}

/** A metadata field read from `text` at offset `start` of the document. */
export function metaField(key: string, value: FieldValue, text: string | null, start: number | null, confidence: number, sha256: string): ExtractedField {
  return {
    key,
    value,
    text,
    confidence,
    status: 'auto',
    source: start === null || text === null ? { sha256 } : { sha256, span: [start, start + text.length] },
  };
}
