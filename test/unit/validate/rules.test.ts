import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/main/core/validate';
import type { ExtractedField } from '../../../src/shared/model';

const field = (key: string, value: number | string): ExtractedField => ({ key, value, text: String(value), confidence: 1, status: 'auto', source: { sha256: 'x' } });
const today = new Date('2026-11-23');

describe('metadata sanity rules', () => {
  it('accepts a plausible year and publication date', () => {
    const checks = validate([field('meta.year', 2020), field('meta.published_at', '2021-01-20')], today);
    expect(checks.map((c) => [c.rule, c.ok])).toEqual([
      ['meta.year_range', true],
      ['meta.published_after_year', true],
    ]);
  });

  it('flags a year out of range and a publication before the covered year', () => {
    const checks = validate([field('meta.year', 2030), field('meta.published_at', '2029-05-01')], today);
    expect(checks.find((c) => c.rule === 'meta.year_range')).toMatchObject({ ok: false, keys: ['meta.year'], message: expect.stringContaining('2030') });
    expect(checks.find((c) => c.rule === 'meta.published_after_year')).toMatchObject({ ok: false, severity: 'warning' });
  });

  it('does not run rules whose fields are missing', () => {
    expect(validate([], today)).toEqual([]);
  });
});
