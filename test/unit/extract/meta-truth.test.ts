// Every meta.* key of the seeds and the real reports, read from the raw text, against the hand-written truth.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { META_KEYS } from '../../../src/shared/fields';
import { extractFields } from '../../../src/main/core/extract';
import { fixture } from '../../support/tmp';
import { fixtureDoc } from './doc';

interface TruthDoc {
  file: string;
  fields: Record<string, number | string | null>;
}
const load = (dir: string, file: string): [string, TruthDoc][] =>
  (JSON.parse(fs.readFileSync(fixture(dir, file), 'utf8')) as { documents: TruthDoc[] }).documents.map((d) => [dir, d]);
const cases = [...load('truth', 'seeds.json'), ...load('real', 'truth.json')];

describe('metadata against truth', () => {
  it.each(cases.map(([dir, d]) => [d.file, dir === 'truth' ? 'seeds' : dir, d] as const))('%s', (_file, dir, truth) => {
    const doc = fixtureDoc(dir, truth.file);
    const fields = extractFields(doc, 'sha').fields.filter((f) => f.key.startsWith('meta.'));
    const got = Object.fromEntries(META_KEYS.map((k) => [k, fields.find((f) => f.key === k)?.value ?? null]));
    const want = Object.fromEntries(META_KEYS.map((k) => [k, truth.fields[k] ?? null]));
    expect(got).toEqual(want);
    for (const f of fields) {
      if (f.source.span) expect(doc.text.slice(...f.source.span), f.key).toContain(f.text);
      expect(f.status).toBe('auto');
      expect(f.source.sha256).toBe('sha');
    }
  });
});
