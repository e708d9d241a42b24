// OCR alternatives settled by the consistency rules, through the real pipeline and real OCR: a scan
// whose 表三 page was copied badly (fixtures/pdf/make-hard-scan.mjs) reads a 0 as 9; tesseract offers
// 0 for it and the rules take it, marked for review. The same report scanned well changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../support/tmp';
import { testLibrary, type TestLibrary } from '../support/library';
import { CHOSEN_CONFIDENCE } from '../../src/main/core/validate/ocr-choices';
import type { Word } from '../../src/main/core/normalize/positioned-types';

let t: TestLibrary;
afterEach(() => t?.lib.close());

const truth = (await import('../fixtures/scans/truth.json', { with: { type: 'json' } })).default as { documents: { file: string; fields: Record<string, unknown> }[] };
const want = truth.documents.find((d) => d.file === 'scan-2021-html-official.pdf')!.fields;

describe('OCR alternatives chosen by the consistency rules', () => {
  it('takes the alternative 0 for a 0 read as 9 on a bad scan, and changes nothing on a good one', async () => {
    t = testLibrary();
    const s = await t.import([fixture('pdf', 'scan-hard-digits.pdf'), fixture('scans', 'scan-2021-html-official.pdf')]);
    expect(s.outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    const reports = t.exported();
    const named = (name: string) => reports.find((r) => r.files.some((f) => f.name === name))!;
    const [hard, good] = [named('scan-hard-digits.pdf'), named('scan-2021-html-official.pdf')];
    const notes = t.lib.db.prepare("SELECT report_id AS id, key, value, original_text AS text, confidence, note FROM fields WHERE note LIKE '%备选读法%'").all() as { id: number; key: string; note: string }[];
    console.log(notes.map((n) => `${n.key}: ${n.note}`).join('\n'));
    // the bad scan: plain OCR read 9 (the page's word keeps it, with its alternatives), the rules took 0
    expect(notes).toEqual([{ id: hard.id, key: 't3.other_other.natural', value: 0, text: '0', confidence: CHOSEN_CONFIDENCE, note: expect.stringContaining('读作 9') }]);
    expect(want['t3.other_other.natural']).toBe(0);
    const tokens = t.lib.db.prepare('SELECT p.tokens FROM pages p JOIN files f ON f.id = p.file_id WHERE f.sha256 = ? AND p.page = 2').get(hard.files[0]!.sha256) as { tokens: string };
    const words = JSON.parse(tokens.tokens) as Word[];
    expect(words.some((w) => w.text === '9' && w.alts?.[0] === '0')).toBe(true);

    const keys = Object.keys(want).filter((k) => k.startsWith('t3.') && want[k] !== null);
    const right = (r: typeof hard): number => keys.filter((k) => r.fields[k]?.value === want[k]).length;
    console.log(`表三 right: bad scan ${right(hard)}/${keys.length} (${right(hard) - 1} before the choice), good scan ${right(good)}/${keys.length}`);
    expect(right(good)).toBe(keys.length);
  });
});
