import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/main/core/validate';
import { T3_COLUMNS, T3_ROWS } from '../../../src/shared/fields';
import type { ExtractedField } from '../../../src/shared/model';

const f = (key: string, value: number | null): ExtractedField => ({ key, value, text: String(value ?? ''), confidence: 1, status: 'auto', source: { sha256: 'x' } });
const failing = (fields: ExtractedField[]) => validate(fields, new Date('2026-01-01')).filter((c) => !c.ok);

/** A balanced 2021 表三: one natural person granted, one carried over, one pending. */
function table3(): ExtractedField[] {
  const v: Record<string, number> = { new: 2, carried_over: 1, granted: 1, partial: 1, total: 2, carried_forward: 1 };
  return T3_ROWS.filter(([, , fm]) => fm.includes('2021')).flatMap(([row]) =>
    T3_COLUMNS.map(([c]) => f(`t3.${row}.${c}`, c === 'natural' || c === 'total' ? (v[row] ?? 0) : 0)),
  );
}

describe('table rules', () => {
  it('pass on a balanced 表三', () => {
    expect(failing(table3())).toEqual([]);
    expect(validate(table3()).filter((c) => c.rule.startsWith('t3.')).length).toBeGreaterThan(30);
  });

  it('name the column, the keys and the difference', () => {
    const fields = table3().map((x) => (x.key === 't3.new.natural' ? { ...x, value: 3 } : x));
    const bad = failing(fields);
    const balance = bad.find((c) => c.rule === 't3.column_balance')!;
    expect(balance).toMatchObject({ diff: 1, keys: ['t3.new.natural', 't3.carried_over.natural', 't3.total.natural', 't3.carried_forward.natural'] });
    expect(balance.message).toContain('自然人列');
    expect(balance.message).toContain('4 ≠ 3（差 1）');
    expect(bad.map((c) => c.rule).sort()).toEqual(['t3.column_balance', 't3.row_total']);
  });

  it('count blank cells as zero and say so', () => {
    const fields = table3().map((x) => (x.key === 't3.partial.research' ? { ...x, value: null } : x));
    const check = validate(fields).find((c) => c.rule === 't3.column_total' && c.keys.includes('t3.partial.research'))!;
    expect(check.ok).toBe(true);
    expect(check.message).toContain('1 个空白按 0 计');
  });

  it('checks 表四 groups, legacy sums and prose against tables', () => {
    const bad = failing([
      f('t4.review.upheld', 1),
      f('t4.review.corrected', 1),
      f('t4.review.other', 0),
      f('t4.review.pending', 0),
      f('t4.review.total', 3),
      f('legacy.apply.received', 5),
      f('legacy.apply.in_person', 2),
      f('legacy.apply.online', 2),
      f('legacy.apply.fax', null),
      f('legacy.apply.letter', 0),
      f('n.apply_received', 75),
      f('t3.new.total', 74),
    ]);
    expect(bad.map((c) => [c.rule, c.diff])).toEqual(
      expect.arrayContaining([
        ['t4.group_total', 1],
        ['legacy.apply_channels', 1],
        ['prose.table_agree', 1],
      ]),
    );
  });

  it('compares prose lawsuits with both 表四 lawsuit groups, and prose fees in 元 with the legacy 万元', () => {
    const prose = (fields: ExtractedField[]) => failing(fields).filter((c) => c.rule === 'prose.table_agree');
    expect(prose([f('n.suit_count', 3), f('t4.suit_direct.total', 1), f('t4.suit_after.total', 2)])).toEqual([]);
    expect(prose([f('n.suit_count', 2), f('t4.suit_direct.total', 1), f('t4.suit_after.total', 2)]).map((c) => c.diff)).toEqual([-1]);
    expect(failing([f('n.fees', 380), f('legacy.fees', 0.038)])).toEqual([]);
    expect(failing([f('n.fees', 0), f('legacy.fees', 0.5)]).map((c) => c.rule)).toEqual(['prose.table_agree']);
  });

  it('does not check row totals of a table that prints no 总计 column or no kinds of organisation', () => {
    const rows = T3_ROWS.filter(([, , fm]) => fm.includes('2021'));
    expect(failing(rows.flatMap(([row]) => [f(`t3.${row}.natural`, 1), f(`t3.${row}.commercial`, 1), f(`t3.${row}.total`, null)])).filter((c) => c.rule === 't3.row_total')).toEqual([]);
    expect(failing(rows.flatMap(([row]) => [f(`t3.${row}.natural`, 1), f(`t3.${row}.total`, 3)])).filter((c) => c.rule === 't3.row_total')).toEqual([]);
  });

  it('leaves legacy rules alone when the table does not print every part', () => {
    expect(validate([f('legacy.apply.received', 5)]).filter((c) => c.rule === 'legacy.apply_channels')).toEqual([]);
    // a provincial table with 信函、传真 merged into one row
    const merged = [f('legacy.apply.received', 6), f('legacy.apply.in_person', 2), f('legacy.apply.online', 3)];
    expect(validate(merged).filter((c) => c.rule === 'legacy.apply_channels')).toEqual([]);
  });
});
