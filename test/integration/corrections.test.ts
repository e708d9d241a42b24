// Corrections: a changed value re-runs the rules and lands in the field history.
import { afterEach, describe, expect, it } from 'vitest';
import { changeField, CorrectionError, fieldHistory } from '../../src/main/core/store/corrections';
import { fixture } from '../support/tmp';
import { testLibrary, type TestLibrary } from '../support/library';

let t: TestLibrary;
afterEach(() => t?.lib.close());

const legacyReport = (t: TestLibrary) => t.exported().find((r) => r.files[0]!.name.startsWith('003_'))!;

describe('field corrections', () => {
  it('re-evaluates the rules and records who changed what', async () => {
    t = testLibrary();
    await t.import([fixture('seeds')]);
    const id = legacyReport(t).id;
    const channels = () => legacyReport(t).checks.find((c) => c.rule === 'legacy.apply_channels')!;
    expect(channels().ok).toBe(true);

    changeField(t.lib.db, { reportId: id, key: 'legacy.apply.in_person', value: 1, status: 'corrected', note: '原表为 1', by: 'tester' });
    expect(legacyReport(t).fields['legacy.apply.in_person']).toMatchObject({ value: 1, status: 'corrected' });
    expect(channels()).toMatchObject({ ok: false, diff: -1 });

    changeField(t.lib.db, { reportId: id, key: 'legacy.apply.received', value: 1, status: 'corrected', by: 'tester' });
    expect(channels().ok).toBe(true);
    changeField(t.lib.db, { reportId: id, key: 'legacy.apply.received', value: 1, status: 'verified', by: 'tester' });

    expect(fieldHistory(t.lib.db, id).map((h) => [h.key, h.oldValue, h.newValue, h.oldStatus, h.newStatus, h.changedBy, h.reason])).toEqual([
      ['legacy.apply.in_person', 0, 1, 'auto', 'corrected', 'tester', '原表为 1'],
      ['legacy.apply.received', 0, 1, 'auto', 'corrected', 'tester', null],
      ['legacy.apply.received', 1, 1, 'corrected', 'verified', 'tester', null],
    ]);
  });

  it('refuses values of the wrong kind and unknown keys, changing nothing', async () => {
    t = testLibrary();
    await t.import([fixture('seeds')]);
    const id = legacyReport(t).id;
    expect(() => changeField(t.lib.db, { reportId: id, key: 'legacy.apply.received', value: 1.5, status: 'corrected' })).toThrow(CorrectionError);
    expect(() => changeField(t.lib.db, { reportId: id, key: 'no.such.key', value: 1, status: 'corrected' })).toThrow(/未知字段/);
    expect(() => changeField(t.lib.db, { reportId: 999, key: 'legacy.fees', value: 1, status: 'corrected' })).toThrow(/不存在/);
    expect(fieldHistory(t.lib.db, id)).toEqual([]);
  });
});

describe('verifying a report', () => {
  it('is refused while a rule fails, allowed with a note, and recorded', async () => {
    const { verifyReport } = await import('../../src/main/core/store/corrections');
    t = testLibrary();
    await t.import([fixture('seeds')]);
    const id = legacyReport(t).id;
    changeField(t.lib.db, { reportId: id, key: 'legacy.apply.in_person', value: 1, status: 'corrected', by: 'tester' });
    expect(() => verifyReport(t.lib.db, id, undefined, 'tester')).toThrow(/校验未通过/);
    verifyReport(t.lib.db, id, '原表如此，已与发布机关核实', 'tester');
    expect(t.lib.db.prepare('SELECT review_status FROM reports WHERE id = ?').pluck().get(id)).toBe('verified');
    expect(fieldHistory(t.lib.db, id).at(-1)).toMatchObject({ key: '*', newStatus: 'verified', reason: '原表如此，已与发布机关核实' });
  });
});
