// The review form's layout, navigation and typed values (pure renderer modules).
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../../src/shared/fields';
import { formLayout } from '../../../src/renderer/src/review/layout';
import { move, readingOrder } from '../../../src/renderer/src/review/navigation';
import { parseDraft } from '../../../src/renderer/src/review/cell-state';

const keysOf = (format: '2021' | '2019' | 'legacy') => FIELDS.filter((d) => !d.formats || d.formats.includes(format)).map((d) => d.key);

describe('form layout', () => {
  it.each(['2021', '2019', 'legacy'] as const)('places every field of the %s layout exactly once', (format) => {
    const layout = formLayout(format, keysOf(format));
    const placed = readingOrder(layout);
    expect(new Set(placed).size).toBe(placed.length);
    expect(new Set(placed)).toEqual(new Set(keysOf(format)));
    expect(layout.sections.map((s) => s.id)).not.toContain('other');
  });

  it('lays 表三 out as the official grid: three label columns, merged headers, seven applicant columns', () => {
    const t3 = formLayout('2021', keysOf('2021')).sections.find((s) => s.id === 't3')!.blocks[0]!;
    expect(t3.rows).toHaveLength(25);
    expect(t3.rows.every((r) => r.cells.length === 7)).toBe(true);
    expect(t3.head.map((r) => r.reduce((n, h) => n + (h.colSpan ?? 1), 0))).toEqual([10, 7, 5]);
    // label columns: every row covers three, counting row spans from above
    const covered = new Array<number>(t3.rows.length).fill(0);
    t3.rows.forEach((r, i) => r.head.forEach((h) => {
      for (let j = i; j < i + (h.rowSpan ?? 1); j++) covered[j]! += h.colSpan ?? 1;
    }));
    expect(covered.every((n) => n === 3)).toBe(true);
    expect(t3.rows[4]!.head.map((h) => h.text)).toEqual(['（三）不予公开', '1.属于国家秘密']);
  });

  it('keeps fields the layout has no place for, and a 历年累计 column where the report has one', () => {
    const layout = formLayout('2019', [...keysOf('2019'), 't2.rules.issued']);
    expect(layout.sections.at(-1)).toMatchObject({ id: 'other' });
    expect(readingOrder(layout)).toContain('t2.rules.issued');
    const legacy = formLayout('legacy', ['legacy.apply.received', 'legacy.apply.received#cumulative']);
    expect(legacy.sections.find((s) => s.id === 'legacy')!.blocks[0]!.rows.find((r) => r.cells[0] === 'legacy.apply.received')!.cells).toEqual([
      'legacy.apply.received',
      'legacy.apply.received#cumulative',
    ]);
  });
});

describe('navigation', () => {
  const layout = formLayout('2021', keysOf('2021'));
  it('moves in two dimensions across blocks and in reading order with Tab', () => {
    expect(move(layout, 't3.carried_forward.natural', 'down')).toBe('t4.review.upheld');
    expect(move(layout, 't3.carried_forward.total', 'down')).toBe('t4.review.total');
    expect(move(layout, 't3.new.natural', 'up')).toBe('t2.fees.amount');
    expect(move(layout, 't3.new.total', 'right')).toBe('t3.new.total');
    expect(move(layout, 't3.new.total', 'next')).toBe('t3.carried_over.natural');
    expect(move(layout, 't3.carried_over.natural', 'prev')).toBe('t3.new.total');
    expect(move(layout, null, 'down')).toBe('meta.title');
    expect(move(layout, 'meta.title', 'right')).toBe('meta.agency');
  });
});

describe('typed values', () => {
  it('accepts what the field kind allows, as typed through an input method too', () => {
    expect(parseDraft('count', 'x', '１２')).toEqual({ ok: true, value: 12 });
    expect(parseDraft('count', 'x', '1,234')).toEqual({ ok: true, value: 1234 });
    expect(parseDraft('count', 'x', '')).toEqual({ ok: true, value: null });
    expect(parseDraft('count', 'x', '1.5')).toEqual({ ok: false, reason: 'review.needInteger' });
    expect(parseDraft('count', 'x', '-1')).toMatchObject({ ok: false });
    expect(parseDraft('signed', 'x', '-3')).toEqual({ ok: true, value: -3 });
    expect(parseDraft('money', 'x', '17.71')).toEqual({ ok: true, value: 17.71 });
    expect(parseDraft('money', 'x', '17.7.1')).toMatchObject({ ok: false });
    expect(parseDraft('enum', 'meta.format', '2019')).toEqual({ ok: true, value: '2019' });
    expect(parseDraft('enum', 'meta.format', '1999')).toMatchObject({ ok: false });
    expect(parseDraft('date', 'meta.published_at', '2024-03-31')).toEqual({ ok: true, value: '2024-03-31' });
  });
});
