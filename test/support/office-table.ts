// The merged cells of the office fixtures' 表三 (test/fixtures/office/make.mjs), as every reader of
// a word processor's tables must place them on the grid.
import { expect } from 'vitest';
import type { Block } from '../../src/main/core/normalize/blocks';

export function expectForm3Merges(blocks: readonly Block[]): void {
  const cells = blocks.flatMap((b) => b.cells ?? []);
  const cell = (text: string) => cells.find((c) => c.text === text);
  expect(cell('法人或其他组织')).toMatchObject({ col: 4, colSpan: 5, row: 0 });
  expect(cell('自然人')).toMatchObject({ col: 3, rowSpan: 2 });
  expect(cell('三、本年度办理结果')).toMatchObject({ col: 0, rowSpan: 4 });
  expect(cell('（三）不予公开')).toMatchObject({ col: 1, rowSpan: 2 });
  expect(cell('2.其他法律行政法规禁止公开')).toMatchObject({ col: 2 });
}
