// The analysis views made ahead in idle time: outlines of every report and the first answers,
// only while nothing runs, made again after a change.
import { afterEach, describe, expect, it } from 'vitest';
import { compliance } from '../../src/main/core/analysis';
import { analysisWarmer, type AnalysisWarmer } from '../../src/main/core/analysis/warm';
import { pendingOutlines } from '../../src/main/core/store/analysis';
import { changeField } from '../../src/main/core/store/corrections';
import { fixture } from '../support/tmp';
import { testLibrary, type TestLibrary } from '../support/library';

let t: TestLibrary;
let warmer: AnalysisWarmer | undefined;
afterEach(async () => {
  await warmer?.close();
  t?.lib.close();
});

const outlined = (): number => t.lib.db.prepare('SELECT count(*) FROM report_outlines').pluck().get() as number;

describe('analysis made ahead in idle time', () => {
  it('outlines every report a slice at a time once nothing runs, and again after a change', async () => {
    t = testLibrary();
    await t.import([fixture('seeds'), fixture('real')]);
    const reports = t.lib.db.prepare('SELECT count(*) FROM reports').pluck().get() as number;
    expect(reports).toBeGreaterThan(3);
    let busy = true;
    warmer = analysisWarmer(t.lib.db, { busy: () => busy, quietMs: 20, slice: 2 });
    warmer.poke();
    await new Promise((r) => setTimeout(r, 150));
    expect(outlined()).toBe(0); // a job runs: nothing made
    busy = false;
    await warmer.settled();
    expect(outlined()).toBe(reports);
    expect(pendingOutlines(t.lib.db, 10)).toEqual([]);
    // the compliance table was made by the warming: asking for it makes nothing new
    const rows = compliance(t.lib.db);
    expect(compliance(t.lib.db)).toBe(rows);

    const id = t.lib.db.prepare("SELECT report_id FROM fields WHERE key = 't3.new.total' LIMIT 1").pluck().get() as number;
    changeField(t.lib.db, { reportId: id, key: 't3.new.total', value: 12345, status: 'corrected', by: 'test' });
    expect(pendingOutlines(t.lib.db, 10).map((p) => p.id)).toEqual([id]);
    warmer.poke();
    await warmer.settled();
    expect(pendingOutlines(t.lib.db, 10)).toEqual([]);
    const again = compliance(t.lib.db);
    expect(again).not.toBe(rows); // made again after the change, before it was asked for
    expect(compliance(t.lib.db)).toBe(again);
  });
});
