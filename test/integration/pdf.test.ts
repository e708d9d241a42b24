// Text-layer PDFs through the real pipeline: words → grid → fields with page boxes; broken and
// encrypted files fail with their reason (scans: ocr.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../support/tmp';
import { testLibrary, type TestLibrary } from '../support/library';

let t: TestLibrary;
afterEach(() => t?.lib.close());

describe('PDF import', () => {
  it('reads a text-layer PDF table with page provenance', async () => {
    t = testLibrary();
    const s = await t.import([fixture('pdf', 'table-2021.pdf')]);
    expect(s.outcomes[0]).toMatchObject({ status: 'imported' });
    const r = t.exported()[0]!;
    const v = (k: string) => r.fields[k]?.value ?? null;
    expect([v('meta.title'), v('meta.agency'), v('meta.year'), v('meta.format')]).toEqual(['平江县人民政府2021年政府信息公开工作年度报告', '平江县人民政府', 2021, '2021']);
    expect([v('t3.new.natural'), v('t3.new.commercial'), v('t3.new.legal'), v('t3.new.total'), v('t3.partial.total')]).toEqual([12, 2, 1, 15, 4]);
    const source = r.fields['t3.new.total']!.source;
    expect(source.page).toBe(1);
    const [x, y, w, h] = source.box!;
    expect(x).toBeGreaterThan(400); // the 总计 column is on the right of an A4 page (595 pt)
    expect(y).toBeGreaterThan(100);
    expect(w).toBeGreaterThan(0);
    expect(h).toBeGreaterThan(5);
    const pages = t.lib.db.prepare('SELECT page, tokens IS NOT NULL AS words FROM pages ORDER BY page').all();
    expect(pages).toEqual([
      { page: 0, words: 0 },
      { page: 1, words: 1 },
    ]);
  });

  it('fails broken and encrypted files with a reason', async () => {
    t = testLibrary();
    const s = await t.import([fixture('pdf', 'truncated.pdf'), fixture('pdf', 'encrypted.pdf')]);
    const by = Object.fromEntries(s.outcomes.map((o) => [o.name, o]));
    expect(by['truncated.pdf']).toMatchObject({ status: 'failed', code: 'not_text', message: expect.stringContaining('PDF') });
    expect(by['encrypted.pdf']).toMatchObject({ status: 'failed', code: 'encrypted', message: expect.stringContaining('加密') });
  });
});
