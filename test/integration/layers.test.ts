// A scan whose OCR layer reads as plausible text but wrong (issue #4, make-layers.mjs): imported
// through the real pipeline and real OCR, against the fields the same layer gives when trusted.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../support/tmp';
import { testLibrary, type TestLibrary } from '../support/library';
import { readTextLayer } from '../../src/main/core/pdf/text-layer';
import { normalizePositioned } from '../../src/main/core/normalize';
import { extractFields } from '../../src/main/core/extract';

let t: TestLibrary;
afterEach(() => t?.lib.close());

const truth = (await import('../fixtures/scans/truth.json', { with: { type: 'json' } })).default as { documents: { file: string; fields: Record<string, unknown> }[] };

describe('text layer readable but misread', () => {
  it('reads by OCR the pages whose layer misreads common characters, trusting the right one, and gets the figures the layer got wrong', async () => {
    const file = fixture('pdf', 'scan-lookalike-layer.pdf');
    const want = truth.documents.find((d) => d.file === 'scan-2021-broken-balance.pdf')!.fields;
    const keys = Object.keys(want).filter((k) => want[k] !== null && !k.startsWith('meta.'));
    const share = (values: ReadonlyMap<string, unknown>, label: string): number => {
      const right = keys.filter((k) => values.get(k) === want[k]);
      console.log(`${label}: ${right.length}/${keys.length} fields right`, keys.filter((k) => !right.includes(k)).slice(0, 12).map((k) => `${k}=${values.get(k)}≠${want[k]}`).join(' '));
      return right.length / keys.length;
    };

    // before: the layer trusted as it is
    const layer = await readTextLayer(new Uint8Array(fs.readFileSync(file)));
    const trusted = extractFields(normalizePositioned({ pages: layer.pages }, 'pdf'), 'sha');
    const before = share(new Map(trusted.fields.map((f) => [f.key, f.value])), 'layer trusted');

    t = testLibrary();
    const s = await t.import([file]);
    expect(s.outcomes.map((o) => o.status)).toEqual(['imported']);
    expect(s.ocr).toEqual({ recognized: 2, cached: 0 }); // the right page is trusted
    const reasons = t.lib.db.prepare('SELECT page, ocr_reason AS reason FROM pages WHERE page > 0 ORDER BY page').all();
    expect(reasons).toEqual([
      { page: 1, reason: 'doubtful' },
      { page: 2, reason: 'doubtful' },
      { page: 3, reason: null },
    ]);
    const r = t.exported()[0]!;
    const after = share(new Map(Object.entries(r.fields).map(([k, f]) => [k, f?.value])), 'read by OCR');
    expect(after).toBeGreaterThan(0.9);
    expect(after).toBeGreaterThan(before + 0.1);
    expect(r.fields['meta.title']?.value).toBe(want['meta.title']);
  });
});
