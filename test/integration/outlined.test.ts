// Text drawn as outlines through the real pipeline and real OCR (fixtures: make-outlined.mjs): a
// report whose every glyph is a filled path (no text layer) and one whose first table is (the
// rest of the page is text, no pictures) become reports with the figures of the report.
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../support/tmp';
import { testLibrary, type TestLibrary } from '../support/library';

let t: TestLibrary;
afterEach(() => t?.lib.close());

const truth = (await import('../fixtures/scans/truth.json', { with: { type: 'json' } })).default as { documents: { file: string; fields: Record<string, unknown> }[] };
// the same report as the scans were made from
const want = truth.documents.find((d) => d.file === 'scan-2021-html-official.pdf')!.fields;

describe('text drawn as outlines', () => {
  it('reads by OCR the pages of an outlined report and the outlined table of a text page, keeping the text', async () => {
    t = testLibrary();
    const s = await t.import([fixture('pdf', 'outlined.pdf'), fixture('pdf', 'text-outlined-table.pdf')]);
    expect(s.outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    expect(s.ocr).toEqual({ recognized: 4, cached: 0 });
    const reasons = t.lib.db.prepare('SELECT s.name, p.page, p.ocr_reason AS reason FROM pages p JOIN files f ON f.id = p.file_id JOIN file_sources s ON s.file_id = f.id WHERE p.page > 0 ORDER BY s.name, p.page').all();
    expect(reasons).toEqual([
      { name: 'outlined.pdf', page: 1, reason: 'absent' },
      { name: 'outlined.pdf', page: 2, reason: 'absent' },
      { name: 'outlined.pdf', page: 3, reason: 'absent' },
      { name: 'text-outlined-table.pdf', page: 1, reason: 'incomplete' },
      { name: 'text-outlined-table.pdf', page: 2, reason: null },
      { name: 'text-outlined-table.pdf', page: 3, reason: null },
    ]);
    const reports = t.exported();
    const [outlined, table] = ['outlined.pdf', 'text-outlined-table.pdf'].map((n) => reports.find((r) => r.files.some((f) => f.name === n))!);
    const share = (r: (typeof reports)[number], prefix: string): number => {
      const keys = Object.keys(want).filter((k) => k.startsWith(prefix) && want[k] !== null);
      const right = keys.filter((k) => r.fields[k]?.value === want[k]);
      console.log(`${r.files[0]?.name} ${prefix}: ${right.length}/${keys.length}`, keys.filter((k) => !right.includes(k)).map((k) => `${k}=${r.fields[k]?.value}≠${want[k]}`).join(' '));
      return right.length / keys.length;
    };
    // every table of the outlined report, and the outlined table, read by OCR
    for (const table of ['t2.', 't3.', 't4.']) expect(share(outlined!, table)).toBeGreaterThan(0.9);
    expect(share(table!, 't2.')).toBeGreaterThan(0.9);
    // the text page's own words stay: the title and the text tables as the file holds them
    expect(table!.fields['meta.title']?.value).toBe(want['meta.title']);
    expect(share(table!, 't3.')).toBeGreaterThan(0.9);
    expect(table!.fields['t3.new.total']).toMatchObject({ value: 37, confidence: 1 });
  });
});
