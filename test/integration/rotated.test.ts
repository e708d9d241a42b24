// Pages turned by /Rotate or with their boxes away from 0,0 (issue #4, make-rotated.mjs): each
// variant shows its source file's pages as they are, so imported through the real pipeline (real
// OCR where a layer is incomplete) it gives the same figures, its field boxes where the source's are
// on the page shown.
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../support/tmp';
import { testLibrary, type TestLibrary } from '../support/library';
import type { ExportedReport } from '../../src/main/core/export/json';

let t: TestLibrary;
afterEach(() => t?.lib.close());

const values = (r: ExportedReport): Record<string, unknown> => Object.fromEntries(Object.entries(r.fields).map(([k, f]) => [k, f.value]));

/** The boxes of `turned`'s fields, moved by `shift` (its crop's margin), against `upright`'s, to 0.01 pt. */
function boxesOff(upright: ExportedReport, turned: ExportedReport, shift = 0): string[] {
  return Object.entries(upright.fields).flatMap(([k, f]) => {
    const a = f.source.box;
    const b = turned.fields[k]?.source.box;
    if (!a) return [];
    return b && b.every((v, i) => Math.abs(v + (i < 2 ? shift : 0) - a[i]!) < 0.01) ? [] : [`${k}: ${b} for ${a}`];
  });
}

describe('rotated pages and offset boxes', () => {
  it('gives every variant of a text page the upright file’s figures, with the boxes where the upright page has them', async () => {
    /** the variants, and how far their page shown is moved from the upright one's */
    const variants: Record<string, number> = {
      'table-2021-rotate-90.pdf': 0,
      'table-2021-rotate-180.pdf': 0,
      'table-2021-rotate-270.pdf': 0,
      'table-2021-offset-box.pdf': 10,
      'table-2021-rotate-90-offset.pdf': 10,
    };
    t = testLibrary();
    const names = ['table-2021.pdf', ...Object.keys(variants)];
    const s = await t.import(names.map((n) => fixture('pdf', n)));
    expect(s.outcomes.map((o) => o.status)).toEqual(names.map(() => 'imported'));
    // read from their text layers (none sent to OCR)
    expect(t.lib.db.prepare('SELECT count(*) AS n FROM pages WHERE ocr_reason IS NOT NULL').get()).toEqual({ n: 0 });
    const byName = new Map(t.exported().map((r) => [r.files[0]!.name, r]));
    const upright = byName.get('table-2021.pdf')!;
    expect(upright.fields['t3.new.total']?.value).toBe(15);
    expect(Object.keys(upright.fields).filter((k) => /^t\d\./.test(k)).length).toBeGreaterThan(20);
    for (const [name, shift] of Object.entries(variants)) {
      expect(values(byName.get(name)!), name).toEqual(values(upright));
      expect(boxesOff(upright, byName.get(name)!, shift), name).toEqual([]);
    }
  });

  it('completes turned pages’ layers by OCR as the upright ones’: a table pasted as a picture, a scan’s partly garbled OCR layer; the right layers trusted', async () => {
    t = testLibrary();
    const pairs = [
      ['text-partly-pictured.pdf', 'text-partly-pictured-rotate-90.pdf', 'incomplete'],
      ['scan-bad-layer.pdf', 'scan-bad-layer-rotate-270.pdf', 'partly_garbage'],
    ] as const;
    const s = await t.import(pairs.flatMap(([a, b]) => [fixture('pdf', a), fixture('pdf', b)]));
    expect(s.outcomes.map((o) => o.status)).toEqual(pairs.flatMap(() => ['imported', 'imported']));
    const reasons = t.lib.db.prepare('SELECT s.name, p.page, p.ocr_reason AS reason FROM pages p JOIN file_sources s ON s.file_id = p.file_id WHERE p.page > 0').all() as { name: string; page: number; reason: string | null }[];
    const reports = t.exported();
    const byName = (n: string) => reports.find((r) => r.files[0]!.name === n)!;
    for (const [upright, turned, reason] of pairs) {
      const of = (n: string) => reasons.filter((r) => r.name === n).sort((a, b) => a.page - b.page).map((r) => r.reason);
      expect(of(upright)).toEqual(upright.startsWith('scan') ? [null, reason, null] : [reason, null, null]);
      expect(of(turned), turned).toEqual(of(upright));
      expect(byName(upright).fields['t2.license.decisions']?.value).toBe(3372); // read by OCR (the pasted table; the scan's garbled figures)
      expect(values(byName(turned)), turned).toEqual(values(byName(upright)));
      expect(boxesOff(byName(upright), byName(turned)), turned).toEqual([]);
    }
  });
});
