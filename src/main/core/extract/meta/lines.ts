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

/** a page copied as one run of text: the signature is what follows its last sentence */
const RUN = 200;

/**
 * The last lines of the document, where a signature stands; a long last line (a page copied as one
 * run) gives the text after its last full stop as a line of its own.
 */
export function closingLines(lines: readonly Line[], n = 12): Line[] {
  const tail = lines.slice(-n);
  const last = tail.findLastIndex((l) => l.text.trim());
  const run = tail[last];
  if (!run || run.text.length <= RUN) return tail;
  const stop = Math.max(run.text.lastIndexOf('。'), run.text.lastIndexOf('！'), run.text.lastIndexOf('；'));
  if (stop < 0) return tail;
  return [...tail.slice(0, last + 1), { text: run.text.slice(stop + 1), start: run.start + stop + 1 }, ...tail.slice(last + 1)];
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
