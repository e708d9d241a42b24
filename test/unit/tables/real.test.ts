// The table reader on the real published reports, against their hand-checked truth.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTables } from '../../../src/main/core/extract/tables';
import { fixture } from '../../support/tmp';

interface TruthDoc {
  file: string;
  layout: string;
  fields: Record<string, number | string | null>;
}
const truth = JSON.parse(fs.readFileSync(fixture('real', 'truth.json'), 'utf8')) as { documents: TruthDoc[] };
const tableKey = (k: string): boolean => /^(t2|t2v19|t3|t4|legacy)\./.test(k);

describe('tables of the real reports', () => {
  it.each(truth.documents.map((d) => [d.file, d] as const))('%s', (_, doc) => {
    const text = fs.readFileSync(fixture('real', doc.file), 'utf8');
    const result = extractTables(text, 'sha', doc.fields['meta.year'] as number);
    expect(result.format ?? 'narrative').toBe(doc.layout);
    const got = new Map(result.fields.map((f) => [f.key, f.value]));
    const wrong = Object.entries(doc.fields)
      .filter(([k]) => tableKey(k))
      .filter(([k, v]) => (got.get(k) ?? null) !== v)
      .map(([k, v]) => `${k}: want ${v} got ${got.get(k) ?? null}`);
    const invented = [...got].filter(([k, v]) => v !== null && !(k in doc.fields)).map(([k, v]) => `${k}=${v} not in truth`);
    expect([...wrong, ...invented]).toEqual([]);
    for (const f of result.fields) if (f.value !== null) expect(text.slice(...f.source.span!)).toBe(f.text);
  });
});
