// extractFields with a layout a person chose: the tables are read with that layout's schemas only.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/main/core/normalize';
import { extractFields } from '../../../src/main/core/extract';
import { fixture } from '../../support/tmp';

const doc = (name: string) => normalize(fs.readFileSync(fixture('reports', name)), name);
const groups = (fields: { key: string }[]) => new Set(fields.map((f) => f.key.split('.')[0]));
const value = (fields: { key: string; value: unknown }[], key: string) => fields.find((f) => f.key === key)?.value;

describe('a forced layout', () => {
  const d2019 = doc('2019-html-official.html');
  const best = extractFields(d2019, 'x').fields;

  it('reads what the best fit reads when it is the same layout (and no option is the old call)', () => {
    expect(value(best, 'meta.format')).toBe('2019');
    expect(extractFields(d2019, 'x', { format: '2019' }).fields).toEqual(best);
    expect(extractFields(d2019, 'x', {}).fields).toEqual(best);
  });

  it('reads a 2019 report with the 2021 tables', () => {
    const forced = extractFields(d2019, 'x', { format: '2021' }).fields;
    expect(value(forced, 'meta.format')).toBe('2021');
    expect(groups(forced)).not.toContain('t2v19'); // the 2021 表二 has other rows and columns
    // 表三 and 表四 read again under the 2021 schema: the rows both print keep their figures
    expect(value(forced, 't3.new.natural')).toBe(value(best, 't3.new.natural'));
    expect(value(forced, 't4.review.total')).toBe(value(best, 't4.review.total'));
    expect(forced.filter((f) => f.key.startsWith('t3.')).length).toBeLessThan(best.filter((f) => f.key.startsWith('t3.')).length);
  });

  it('reads no table for a narrative report, and keeps metadata and prose', () => {
    const forced = extractFields(d2019, 'x', { format: 'narrative' }).fields;
    expect([...groups(forced)].sort()).toEqual(['meta', 'n']);
    expect(value(forced, 'meta.agency')).toBe(value(best, 'meta.agency'));
  });

  it('reads a 2021 report with the 2019 tables', () => {
    const forced = extractFields(doc('2021-html-official.html'), 'x', { format: '2019' }).fields;
    expect(value(forced, 'meta.format')).toBe('2019');
    expect(groups(forced)).not.toContain('t2');
    expect(forced.some((f) => f.key.startsWith('t3.other_overdue_fix.'))).toBe(false); // a 2021-only row
  });
});
