// normalize → extract on the seeds, the real reports, the generated corpus, the awkward renderings
// and the hand-written documents (handmade, variety), against truth:
// every key right (null included) unless flagged unsure, nothing invented, spans pointing at the text.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/main/core/normalize';
import { extractFields } from '../../../src/main/core/extract';
import { fixture } from '../../support/tmp';

interface TruthDoc {
  file: string;
  fields: Record<string, number | string | null>;
  unmapped?: string[];
}
const load = (...p: string[]) => (JSON.parse(fs.readFileSync(fixture(...p), 'utf8')) as { documents: TruthDoc[] }).documents;
const cases = [
  ...load('truth', 'seeds.json').map((d) => ['seeds', d] as const),
  ...load('real', 'truth.json').map((d) => ['real', d] as const),
  ...load('awkward', 'truth.json').map((d) => ['awkward', d] as const),
  ...load('handmade', 'truth.json').map((d) => ['handmade', d] as const),
  ...load('variety', 'truth.json').map((d) => ['variety', d] as const),
  ...load('reports', 'truth.json').map((d) => ['reports', d] as const),
];
/** A value may be wrong only where the reader said it was unsure (an ambiguous digit run). */
const UNSURE = 0.6;

describe('extraction against truth', () => {
  it.each(cases.map(([dir, d]) => [d.file, dir, d] as const))('%s', (file, dir, doc) => {
    const normalized = normalize(fs.readFileSync(fixture(dir, file)), file);
    const { fields, unmapped } = extractFields(normalized, 'sha');
    const got = new Map(fields.map((f) => [f.key, f.value]));
    const confidence = new Map(fields.map((f) => [f.key, f.confidence]));
    const problems = [
      ...Object.entries(doc.fields)
        .filter(([k, v]) => (got.get(k) ?? null) !== v && (confidence.get(k) ?? 1) >= UNSURE)
        .map(([k, v]) => `${k}: want ${v} got ${got.get(k) ?? null}`),
      ...[...got].filter(([k, v]) => v !== null && (doc.fields[k] ?? null) === null && !(k in doc.fields && doc.fields[k] === v)).map(([k, v]) => `${k}=${v} invented`),
    ];
    expect(problems).toEqual([]);
    if (doc.unmapped) expect(unmapped.map((u) => u.label)).toEqual(doc.unmapped);
    for (const f of fields) {
      if (f.source.span && f.text) expect(normalized.text.slice(...f.source.span), f.key).toBe(f.text);
      expect(f.confidence).toBeGreaterThan(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
    }
  });
});
