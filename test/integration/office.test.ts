// Word, RTF and OFD files through the real import: the same report as .docx, .doc and .rtf is one
// report and its twins; a broken .docx fails with its reason.
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../support/tmp';
import { testLibrary, type TestLibrary } from '../support/library';

let t: TestLibrary;
afterEach(() => t?.lib.close());

describe('office documents', () => {
  it('imports .docx, .doc, .rtf and .ofd', async () => {
    t = testLibrary();
    const s = await t.import([fixture('office')]);
    const by = Object.fromEntries(s.outcomes.map((o) => [o.name, o]));
    expect(by['truncated.docx']).toMatchObject({ status: 'failed', code: 'not_text', message: expect.stringContaining('已损坏') });
    for (const name of ['report.docx', 'report.doc', 'report.rtf', 'report-gbk.rtf', 'report.ofd']) expect(by[name]?.status, name).toBe('imported');
    const root = (n: string) => by[n]!.duplicateOf ?? by[n]!.reportId;
    for (const name of ['report.doc', 'report.rtf', 'report-gbk.rtf']) expect(root(name), name).toBe(root('report.docx'));
    for (const r of t.exported()) {
      expect(r.fields['meta.agency']?.value).toBe('临城县卫生健康局');
      expect(r.fields['t3.new.total']?.value).toBe(10);
    }
  });
});
