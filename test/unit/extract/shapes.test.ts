// The pipe-text fixtures re-rendered the way other copies separate cells (tabs, runs of spaces,
// full-width or box-drawing bars, CRLF) or as a 繁體 mirror must give the same table and prose
// values as their truth.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/main/core/normalize';
import { extractFields } from '../../../src/main/core/extract';
import * as OpenCC from 'opencc-js';
import { fixture } from '../../support/tmp';

interface TruthDoc {
  file: string;
  fields: Record<string, number | string | null>;
}
const SEPARATORS: Record<string, (t: string) => string> = {
  'one cell per line': (t) => t.replace(/ \| /g, '\n'),
  tabs: (t) => t.replace(/ \| /g, '\t'),
  spaces: (t) => t.replace(/ \| /g, '  '),
  'full-width bars': (t) => t.replace(/ \| /g, ' ｜ '),
  'box-drawing bars': (t) => t.replace(/ \| /g, '│'),
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  // a 繁體 mirror: 萬元, 條, 項 … in cells and headers
  traditional: (t) => toTraditional(t),
};
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const cases = ['reports', 'handmade', 'awkward'].flatMap((dir) =>
  (JSON.parse(fs.readFileSync(fixture(dir, 'truth.json'), 'utf8')) as { documents: TruthDoc[] }).documents
    .filter((d) => d.file.endsWith('.txt'))
    .map((d) => ({ dir, doc: d, raw: fs.readFileSync(fixture(dir, d.file), 'utf8') }))
    .filter((c) => c.raw.includes(' | ')),
);

describe('cell separators of other copies', () => {
  it.each(Object.keys(SEPARATORS))('%s', (name) => {
    const wrong = cases.flatMap(({ doc, raw }) => {
      const got = new Map(extractFields(normalize(Buffer.from(SEPARATORS[name]!(raw)), doc.file), 'sha').fields.map((f) => [f.key, f.value]));
      return Object.entries(doc.fields)
        .filter(([k, v]) => !k.startsWith('meta.') && (got.get(k) ?? null) !== v)
        .map(([k, v]) => `${doc.file} ${k}: want ${v} got ${got.get(k) ?? null}`);
    });
    expect(cases.length).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  });
});
