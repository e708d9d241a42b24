import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOfd } from '../../../src/main/core/office/ofd';
import { normalizePositioned } from '../../../src/main/core/normalize';
import { extractFields } from '../../../src/main/core/extract';
import { fixture } from '../../support/tmp';

const ofd = () => readOfd(fs.readFileSync(fixture('office', 'report.ofd')));

describe('OFD', () => {
  it('reads positioned text objects in millimetres', () => {
    const { pages } = ofd();
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ page: 1, width: 210, height: 297, source: 'ofd' });
    const title = pages[0]!.words.find((w) => w.text.startsWith('临城县'))!;
    expect(title).toMatchObject({ x: 30, y: 26.5, h: 3.5 });
    expect(title.w).toBeCloseTo(24 * 3.5 + 3.5); // 24 advances of 3.5 mm, then the last glyph
  });

  it('feeds the grid builder and the extractor, with page boxes', () => {
    const doc = normalizePositioned(ofd(), 'ofd');
    const fields = new Map(extractFields(doc, 'x').fields.map((f) => [f.key, f]));
    expect(fields.get('meta.agency')?.value).toBe('临城县卫生健康局');
    expect(['t3.new.natural', 't3.new.total', 't3.total.total', 't3.carried_forward.total'].map((k) => fields.get(k)?.value)).toEqual([9, 10, 8, 2]);
    expect(fields.get('t3.new.total')?.source).toMatchObject({ page: 1, box: [182, 71.5, 7, 3.5] }); // "10": two glyphs
  });
});
