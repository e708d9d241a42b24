// Scans through the real pipeline and real OCR: a scanned PDF, a photo, a multi-page TIFF and a
// mixed PDF become reports with page+box provenance and OCR confidence; the OCR cache means a
// page is never read twice; cancelling stops the OCR within a second.
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../support/tmp';
import { testLibrary, type TestLibrary } from '../support/library';

let t: TestLibrary;
afterEach(() => t?.lib.close());

const truth = (await import('../fixtures/scans/truth.json', { with: { type: 'json' } })).default as { documents: { file: string; fields: Record<string, unknown> }[] };

describe('OCR import', () => {
  it('imports a scanned PDF: fields with page, box and OCR confidence; a re-import reads no page again', async () => {
    t = testLibrary();
    const file = fixture('scans', 'scan-2021-html-official.pdf');
    const s = await t.import([file]);
    expect(s.outcomes[0]).toMatchObject({ status: 'imported' });
    expect(s.ocr).toEqual({ recognized: 3, cached: 0 });
    const r = t.exported()[0]!;
    const want = truth.documents.find((d) => d.file === 'scan-2021-html-official.pdf')!.fields;
    const keys = Object.keys(want).filter((k) => k.startsWith('t3.') && want[k] !== null);
    const right = keys.filter((k) => r.fields[k]?.value === want[k]);
    console.log(`scanned 表三: ${right.length}/${keys.length}`, keys.filter((k) => !right.includes(k)).map((k) => `${k}=${r.fields[k]?.value}≠${want[k]}`).join(' '));
    expect(right.length / keys.length).toBeGreaterThan(0.9);
    const f = r.fields['t3.new.total']!;
    expect(f.value).toBe(37);
    expect(f.source.page).toBe(2);
    const [x, , w] = f.source.box!;
    expect(x).toBeGreaterThan(400); // the 总计 column, right of an A4 page (595 pt)
    expect(w).toBeGreaterThan(0);
    expect(f.confidence).toBeGreaterThan(0.5);
    expect(f.confidence).toBeLessThanOrEqual(1);
    const tokens = t.lib.db.prepare("SELECT tokens FROM pages WHERE page = 2").get() as { tokens: string };
    expect(JSON.parse(tokens.tokens).some((w: { conf?: number }) => typeof w.conf === 'number')).toBe(true);

    // the report goes away, the file comes again: its pages come from the cache
    t.lib.db.prepare('DELETE FROM reports').run();
    const again = await t.import([file]);
    expect(again.outcomes[0]).toMatchObject({ status: 'imported' });
    expect(again.ocr).toEqual({ recognized: 0, cached: 3 });
  });
});
