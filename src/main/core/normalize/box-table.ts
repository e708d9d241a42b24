// Tables drawn with box-drawing characters in text copies (w3m/links dumps, some converters): a row
// whose cells wrap over several lines is read as one line, each cell's pieces joined, the ruling
// lines between rows dropped.

/** a ruling between rows (├───┼───┤); beside a cell that spans rows it may share a line with text */
const RULE = /[─━═]{3,}/u;
const BOX = /[─━═┌┬┐├┼┤└┴┘╔╦╗╠╬╣╚╩╝╟╫╢╤╧╪╞╡│┃║]+/gu;
const BAR = /[│┃║]/u;
/** a content line of a box table: text between vertical bars */
const isBoxRow = (line: string): boolean => BAR.test(line) && /^\s*[│┃║├┤]/u.test(line);

/** Lines of a text copy with each box-table row (the lines between two rulings) merged into one. */
export function mergeBoxRows(lines: readonly string[]): string[] {
  const out: string[] = [];
  let block: string[] = [];
  const flush = (): void => {
    if (block.length > 0) out.push(...mergeBlock(block));
    block = [];
  };
  for (const line of lines) {
    if (RULE.test(line)) {
      flush();
      // the text of a cell spanning rows (（六）其他处理 printed beside the ruling) stays
      const text = line.replace(BOX, ' ').trim();
      if (text) out.push(text);
      continue;
    }
    if (isBoxRow(line)) block.push(line);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out;
}

/**
 * One row from its lines when they have the same cells, else each line a row; the outer borders
 * dropped (a bar then starts a blank first cell, as in pipe text).
 */
function mergeBlock(block: readonly string[]): string[] {
  const split = block.map((l) => l.trim().replace(/^[│┃║├┤]|[│┃║├┤]$/gu, '').split(/[│┃║]/u));
  const rows = split.some((cells) => cells.length !== split[0]!.length) ? split.map((cells) => [cells]) : [split];
  return rows.map((lines) => lines[0]!.map((_, i) => lines.map((c) => c[i]!.trim()).join('')).join(' │ '));
}
