// The intermediate form of a document between parsing and the final text: one block per line;
// table rows keep their cells so spans can be computed after cleaning.

export interface BlockCell {
  table: number;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

/** Where a piece of a block's text lies on a page: [start, end) offsets into the block's text. */
export interface BlockMark {
  start: number;
  end: number;
  page: number;
  box: [number, number, number, number];
}

export interface Block {
  text: string;
  /** set for a table row: its cells, joined into `text` with CELL_SEPARATOR */
  cells?: BlockCell[];
  /** set for positioned sources (PDF, OCR, OFD): page boxes of the text */
  marks?: BlockMark[];
}

export const CELL_SEPARATOR = ' | ';

const INVISIBLE = /[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** One line of text: NFC, no invisible or control characters, whitespace collapsed. */
export function cleanInline(s: string): string {
  return s.normalize('NFC').replace(INVISIBLE, '').replace(CONTROL, '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

export function rowBlock(cells: BlockCell[]): Block {
  return { text: cells.map((c) => c.text).join(CELL_SEPARATOR), cells };
}

/** A word processor's table cell: grid columns it spans, and whether it starts or continues a vertical merge. */
export interface GridCell {
  span: number;
  merge: 'start' | 'continue' | null;
  text: string;
}

/** Rows of a word processor's table on its grid; a cell continuing a vertical merge extends the cell above instead of adding one. */
export function gridTable(rows: readonly GridCell[][], table: number): Block[] {
  const out: BlockCell[][] = [];
  const openByCol = new Map<number, BlockCell>();
  rows.forEach((row, r) => {
    const cells: BlockCell[] = [];
    let col = 0;
    for (const { span, merge, text } of row) {
      if (merge === 'continue') {
        const above = openByCol.get(col);
        if (above) above.rowSpan++;
      } else {
        const cell: BlockCell = { table, row: r, col, rowSpan: 1, colSpan: span, text };
        cells.push(cell);
        if (merge) openByCol.set(col, cell);
        else openByCol.delete(col);
      }
      col += span;
    }
    if (cells.some((c) => c.text)) out.push(cells);
  });
  return out.map(rowBlock);
}
