// Positioned words (PDF text layers, OCR, OFD) → lines and table rows: rows by clustering the
// words' vertical centres, cells by horizontal gaps, columns by aligning cells with the widest
// (header) row. Each piece of text keeps its page box for provenance.
import type { HorizontalRule, PositionedPage, TableRules, Word } from '../normalize/positioned-types';
import { CELL_SEPARATOR, type Block, type BlockCell, type BlockMark } from '../normalize/blocks';

/** A cell boundary is a gap wider than this many median line heights. */
const CELL_GAP = 1.5;
/** Words belong to the same row when their centres are within this share of the line height. */
const ROW_TOLERANCE = 0.5;

interface Cell {
  words: Word[];
  x0: number;
  x1: number;
}

interface Row {
  center: number;
  words: Word[];
}

export function blocksFromPages(pages: readonly PositionedPage[]): Block[] {
  const blocks: Block[] = [];
  let table = 0;
  for (const page of pages) {
    const words = page.words.filter((w) => w.text.trim());
    if (words.length === 0) continue;
    const lineHeight = median(words.map((w) => w.h));
    const rows = joinWrappedLabels(
      clusterRows(words, lineHeight).map((r) => ({ center: r.center, cells: cellsOf(r.words, lineHeight) })),
      lineHeight,
      page.rules?.horizontal ?? [],
    );
    // runs of rows with two or more cells are tables; their columns come from the widest row
    let i = 0;
    while (i < rows.length) {
      if (rows[i]!.length < 2) {
        blocks.push(lineBlock(rows[i]![0]!, page.page));
        i++;
        continue;
      }
      let j = i;
      while (j < rows.length && rows[j]!.length >= 2) j++;
      const run = rows.slice(i, j);
      const ruled = page.rules ? ruledRows(run, page.rules, lineHeight) : null;
      if (ruled) ruled.forEach((cells, r) => blocks.push(placedRow(cells, table, r, page.page)));
      else {
        const centers = columnCenters(run);
        run.forEach((cells, r) => blocks.push(tableRow(cells, centers, table, r, page.page)));
      }
      table++;
      i = j;
    }
  }
  return blocks;
}

function clusterRows(words: readonly Word[], lineHeight: number): Row[] {
  const sorted = [...words].sort((a, b) => a.y + a.h / 2 - (b.y + b.h / 2) || a.x - b.x);
  const rows: Row[] = [];
  for (const w of sorted) {
    const center = w.y + w.h / 2;
    const row = rows.at(-1);
    if (row && Math.abs(center - row.center) <= ROW_TOLERANCE * lineHeight) {
      row.words.push(w);
      row.center += (center - row.center) / row.words.length;
    } else rows.push({ center, words: [w] });
  }
  return rows;
}

const FIGURE = /^[-+]?[\d,，.．%]+$|^[-—–/无]$/u;
const isFigure = (c: Cell): boolean => FIGURE.test(joinWords(c.words).text);

interface CellRow {
  center: number;
  cells: Cell[];
}

/**
 * A table row whose label wraps over several lines has its figures on one of them (or between two):
 * the label's other lines are joined to it. Lines without figures left of the figures, nearer to
 * this row than to any other row with figures, belong to it; a row whose figures share a label
 * line takes lines only when it has them both above and below (a label of three lines), so a
 * heading under a row stays a heading. In a ruled table a line between them ends the row.
 */
function joinWrappedLabels(rows: readonly CellRow[], lineHeight: number, horizontal: readonly HorizontalRule[]): Cell[][] {
  const figures = rows.map((r) => r.cells.filter(isFigure).length >= 2);
  const fragment = rows.map((r, i) => !figures[i] && !r.cells.some(isFigure));
  const owner = new Map<number, number>(); // fragment row → row it joins
  const nearestFigureRow = (i: number): number | null => {
    let best: number | null = null;
    rows.forEach((r, k) => {
      if (figures[k] && (best === null || Math.abs(r.center - rows[i]!.center) < Math.abs(rows[best]!.center - rows[i]!.center))) best = k;
    });
    return best;
  };
  rows.forEach((row, i) => {
    if (!figures[i]) return;
    const firstFigure = Math.min(...row.cells.filter(isFigure).map((c) => c.x0));
    const take = (step: -1 | 1): number[] => {
      const out: number[] = [];
      for (let k = i + step; k >= 0 && k < rows.length && fragment[k]; k += step) {
        const r = rows[k]!;
        if (Math.abs(r.center - row.center) > 2.2 * lineHeight || Math.max(...r.cells.map((c) => c.x1)) > firstFigure || nearestFigureRow(k) !== i) break;
        // a table line between them: another row of a ruled table
        const x0 = Math.min(...r.cells.map((c) => c.x0));
        if (horizontal.some((h) => h.y > Math.min(r.center, row.center) && h.y < Math.max(r.center, row.center) && h.x0 <= x0 + lineHeight && h.x1 > x0)) break;
        out.push(k);
      }
      return out;
    };
    const above = take(-1);
    const below = take(1);
    const hasLabel = row.cells.some((c) => !isFigure(c));
    if (hasLabel && (above.length === 0 || below.length === 0)) return;
    for (const k of [...above, ...below]) owner.set(k, i);
  });
  const out: Cell[][] = [];
  rows.forEach((row, i) => {
    if (owner.has(i)) return;
    const joined = [...owner].filter(([, o]) => o === i).map(([k]) => k);
    if (joined.length === 0) return out.push(row.cells);
    // label lines top to bottom, the row's own label line among them, then its figures
    const lines = [...joined.map((k) => ({ center: rows[k]!.center, cells: rows[k]!.cells })), { center: row.center, cells: row.cells.filter((c) => !isFigure(c)) }].sort((a, b) => a.center - b.center);
    const labels: Cell[] = [];
    for (const line of lines) {
      for (const c of line.cells) {
        const into = labels.find((l) => c.x0 < l.x1 && c.x1 > l.x0);
        if (into) {
          into.words.push(...c.words);
          into.x0 = Math.min(into.x0, c.x0);
          into.x1 = Math.max(into.x1, c.x1);
        } else labels.push({ words: [...c.words], x0: c.x0, x1: c.x1 });
      }
    }
    out.push([...labels.sort((a, b) => a.x0 - b.x0), ...row.cells.filter(isFigure)]);
  });
  return out;
}

function cellsOf(words: readonly Word[], lineHeight: number): Cell[] {
  const cells: Cell[] = [];
  for (const w of [...words].sort((a, b) => a.x - b.x)) {
    const cell = cells.at(-1);
    if (cell && w.x - cell.x1 <= CELL_GAP * lineHeight) {
      cell.words.push(w);
      cell.x1 = Math.max(cell.x1, w.x + w.w);
    } else cells.push({ words: [w], x0: w.x, x1: w.x + w.w });
  }
  return cells;
}

interface Placed {
  cell: Cell | null;
  col: number;
  colSpan: number;
}

const yRange = (cells: readonly Cell[]): [number, number] => {
  const words = cells.flatMap((c) => c.words);
  return [Math.min(...words.map((w) => w.y)), Math.max(...words.map((w) => w.y + w.h))];
};

/**
 * Rows of a ruled table (OCR finds the lines): the text lines between two horizontal lines are one
 * row (a header or label written over two lines reads as one cell), and its words are cut into
 * cells by the vertical lines, so a cell's column is exact whatever the other rows hold and a blank
 * cell is an empty cell (in the text too: "12 |  | 3"), as in an HTML table. Null without at least
 * three vertical lines across the run.
 */
function ruledRows(run: readonly Cell[][], rules: TableRules, lineHeight: number): Placed[][] | null {
  const [top, bottom] = yRange(run.flat());
  const crossing = rules.vertical.filter((r) => r.y0 < bottom && r.y1 > top).sort((a, b) => a.x - b.x);
  const xs: number[] = [];
  for (const r of crossing) if (xs.length === 0 || r.x - xs.at(-1)! > lineHeight / 2) xs.push(r.x);
  if (xs.length < 3) return null;
  const column = (x: number): number => xs.reduce((best, v, k) => (Math.abs(v - x) < Math.abs(xs[best]! - x) ? k : best), 0);
  return bands(run, rules.horizontal).map((words) => {
    const [y0, y1] = [Math.min(...words.map((w) => w.y)), Math.max(...words.map((w) => w.y + w.h))];
    const mid = (y0 + y1) / 2;
    // the lines this row crosses: merged cells have none between them
    const bounds = [...new Set(crossing.filter((r) => r.y0 <= mid && r.y1 >= mid).map((r) => column(r.x)))].sort((a, b) => a - b);
    const placed: Placed[] = [];
    for (const w of words) {
      const center = w.x + w.w / 2;
      const k = bounds.findIndex((b, n) => n + 1 < bounds.length && xs[b]! <= center && center < xs[bounds[n + 1]!]!);
      const col = k >= 0 ? bounds[k]! : Math.max(0, column(center) - (center < xs[column(center)]! ? 1 : 0));
      const colSpan = k >= 0 ? bounds[k + 1]! - bounds[k]! : 1;
      const same = placed.find((p) => p.col === col);
      if (same) {
        same.cell!.words.push(w);
        same.cell!.x0 = Math.min(same.cell!.x0, w.x);
        same.cell!.x1 = Math.max(same.cell!.x1, w.x + w.w);
      } else placed.push({ cell: { words: [w], x0: w.x, x1: w.x + w.w }, col, colSpan });
    }
    // blank cells after the first written one (before it, a label merged down from a row above)
    const first = Math.min(...placed.map((p) => p.col));
    for (let n = 0; n + 1 < bounds.length; n++) {
      const col = bounds[n]!;
      if (col > first && !placed.some((p) => p.col === col)) placed.push({ cell: null, col, colSpan: bounds[n + 1]! - col });
    }
    return placed.sort((a, b) => a.col - b.col);
  });
}

/** Text rows → table rows: a horizontal line across them between two text rows starts a new one. Words in reading order. */
function bands(run: readonly Cell[][], horizontal: readonly HorizontalRule[]): Word[][] {
  const out: { words: Word[]; center: number }[] = [];
  for (const cells of run) {
    const words = cells.flatMap((c) => c.words);
    const [y0, y1] = yRange(cells);
    const center = (y0 + y1) / 2;
    const x0 = Math.min(...words.map((w) => w.x));
    const x1 = Math.max(...words.map((w) => w.x + w.w));
    const last = out.at(-1);
    const ruled = last && horizontal.some((h) => h.y > last.center && h.y < center && h.x0 < x1 && h.x1 > x0);
    if (last && !ruled) {
      last.words.push(...words);
      last.center = center;
    } else out.push({ words, center });
  }
  // within a cell: line by line, left to right (the grid row order already is top to bottom)
  return out.map((b) => b.words);
}

function placedRow(cells: readonly Placed[], table: number, row: number, page: number): Block {
  const out: BlockCell[] = [];
  const marks: BlockMark[] = [];
  let at = 0;
  for (const { cell, col, colSpan } of cells) {
    const text = cell ? pairBrackets(joinWords(cell.words).text) : '';
    if (out.length) at += CELL_SEPARATOR.length;
    out.push({ table, row, col, rowSpan: 1, colSpan, text });
    if (cell) marks.push({ start: at, end: at + text.length, page, box: boxOf(cell.words) });
    at += text.length;
  }
  return { text: out.map((c) => c.text).join(CELL_SEPARATOR), cells: out, marks };
}

/** Column centres: those of the row with the most cells (the header row of a form). */
function columnCenters(rows: readonly Cell[][]): number[] {
  const widest = rows.reduce((a, b) => (b.length > a.length ? b : a));
  return widest.map((c) => (c.x0 + c.x1) / 2);
}

/**
 * A bracket closed by the other kind is that kind: 《区分处理的…情形) → （区分处理的…情形) (OCR reads
 * （ as 《 or 〈; the two halves of a wrapped label are only together in its cell).
 */
export function pairBrackets(text: string): string {
  return text.replace(/《([^《》()（）]*[)）])/gu, '（$1').replace(/([(（][^《》()（）]*)》/gu, '$1）');
}

/** Join a cell's words: CJK runs touch, Latin words and numbers keep a space. */
function joinWords(words: readonly Word[]): { text: string; offsets: [number, number][] } {
  let text = '';
  const offsets: [number, number][] = [];
  for (const w of words) {
    const t = w.text.trim();
    if (text && /[A-Za-z0-9.,%]$/.test(text) && /^[A-Za-z0-9]/.test(t)) text += ' ';
    offsets.push([text.length, text.length + t.length]);
    text += t;
  }
  return { text, offsets };
}

const boxOf = (words: readonly Word[]): [number, number, number, number] => {
  const x0 = Math.min(...words.map((w) => w.x));
  const y0 = Math.min(...words.map((w) => w.y));
  return [x0, y0, Math.max(...words.map((w) => w.x + w.w)) - x0, Math.max(...words.map((w) => w.y + w.h)) - y0];
};

function lineBlock(cell: Cell, page: number): Block {
  const { text, offsets } = joinWords(cell.words);
  const marks: BlockMark[] = cell.words.map((w, k) => ({ start: offsets[k]![0], end: offsets[k]![1], page, box: [w.x, w.y, w.w, w.h] }));
  return { text, marks };
}

function tableRow(cells: readonly Cell[], centers: readonly number[], table: number, row: number, page: number): Block {
  const out: BlockCell[] = [];
  const marks: BlockMark[] = [];
  let at = 0;
  for (const cell of cells) {
    // a cell spans the columns whose centres it covers; otherwise it sits in the nearest column
    const covered = centers.map((c, k) => [k, c] as const).filter(([, c]) => c >= cell.x0 && c <= cell.x1);
    const mid = (cell.x0 + cell.x1) / 2;
    const nearest = centers.reduce((best, c, k) => (Math.abs(c - mid) < Math.abs(centers[best]! - mid) ? k : best), 0);
    const { text } = joinWords(cell.words);
    if (out.length) at += CELL_SEPARATOR.length;
    out.push({ table, row, col: covered[0]?.[0] ?? nearest, rowSpan: 1, colSpan: Math.max(1, covered.length), text });
    marks.push({ start: at, end: at + text.length, page, box: boxOf(cell.words) });
    at += text.length;
  }
  return { text: out.map((c) => c.text).join(CELL_SEPARATOR), cells: out, marks };
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 1;
}
