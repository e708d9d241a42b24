// RTF (as Word, WPS and LibreOffice save it) → blocks: paragraphs in order, tables on their grid
// (a cell's right edge, \cellx, says which grid columns it spans; \clvmgf / \clvmrg merge cells
// down). Text comes as ASCII, as \'hh bytes in the font's or the document's code page (GBK in a
// Chinese document: \fcharset134, \ansicpg936) and as \uN characters with \ucN fallbacks.
import { cleanInline, gridTable, type Block, type GridCell } from '../normalize/blocks';
import { NormalizeError } from '../normalize/types';

/** Groups whose text is not the document's (tables of fonts and styles, pictures, fields' codes, metadata). */
const SKIPPED = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'themedata', 'colorschememapping', 'datastore', 'latentstyles',
  'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'mmathPr', 'fldinst', 'header', 'headerl', 'headerr',
  'headerf', 'footer', 'footerl', 'footerr', 'footerf', 'footnote', 'pgdsctbl', 'revtbl', 'filetbl',
]);

/** Windows code pages by \fcharset (fonts) */
const CHARSET_PAGE: Readonly<Record<number, number>> = { 128: 932, 129: 949, 134: 936, 136: 950, 161: 1253, 162: 1254, 177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250 };
const PAGE_ENCODING: Readonly<Record<number, string>> = { 932: 'shift_jis', 936: 'gbk', 949: 'euc-kr', 950: 'big5' };

interface Group {
  skip: boolean;
  font: number;
  /** fallback characters after a \u */
  uc: number;
}

interface RowDef {
  /** right edges of the row's cells (twips), and their vertical merges */
  edges: number[];
  merges: GridCell['merge'][];
}

export function readRtf(bytes: Uint8Array): Block[] {
  const src = new TextDecoder('latin1').decode(bytes);
  if (!src.startsWith('{\\rtf')) throw new NormalizeError('not_text', 'RTF 文件已损坏（没有 {\\rtf 开头）');
  const fontPage = new Map<number, number>();
  let docPage = 1252;
  const decoders = new Map<number, TextDecoder>();
  const decoderOf = (page: number): TextDecoder => {
    let d = decoders.get(page);
    if (!d) {
      try {
        d = new TextDecoder(PAGE_ENCODING[page] ?? `windows-${page}`);
      } catch {
        d = new TextDecoder('windows-1252');
      }
      decoders.set(page, d);
    }
    return d;
  };

  const blocks: Block[] = [];
  const stack: Group[] = [];
  let group: Group = { skip: false, font: -1, uc: 1 };
  let fontDef = -1; // the font being defined in the font table
  let pending: number[] = []; // \'hh bytes not yet decoded
  let text = '';
  let skipChars = 0;
  let inTable = false;
  let cell = '';
  let cells: string[] = [];
  let def: RowDef = { edges: [], merges: [] };
  let merge: GridCell['merge'] = null;
  let rows: { def: RowDef; cells: string[] }[] = [];
  let tables = 0;

  const flush = (): void => {
    if (pending.length === 0) return;
    const page = fontPage.get(group.font) ?? docPage;
    text += decoderOf(page).decode(Uint8Array.from(pending));
    pending = [];
  };
  const emit = (s: string): void => {
    if (group.skip) return;
    flush();
    text += s;
  };
  const endTable = (): void => {
    if (rows.length > 0) blocks.push(...gridTable(onGrid(rows), tables++));
    rows = [];
  };
  const endParagraph = (): void => {
    flush();
    if (inTable) {
      cell += `${text} `;
    } else {
      endTable();
      const line = cleanInline(text);
      if (line) blocks.push({ text: line });
    }
    text = '';
  };

  const word = /\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|([^\\{}\r\n]+)|[\r\n]+/gy;
  for (let m = word.exec(src); m; m = word.exec(src)) {
    const [, name, arg, hex, symbol, brace, plain] = m;
    if (brace === '{') {
      flush();
      stack.push(group);
      group = { ...group };
    } else if (brace === '}') {
      flush();
      group = stack.pop() ?? group;
      skipChars = 0;
    } else if (hex !== undefined) {
      if (group.skip) continue;
      if (skipChars > 0) skipChars--;
      else pending.push(parseInt(hex, 16));
    } else if (plain !== undefined) {
      if (group.skip) continue;
      const skipped = Math.min(skipChars, plain.length);
      skipChars -= skipped;
      if (skipped < plain.length) emit(plain.slice(skipped));
    } else if (symbol !== undefined) {
      if (symbol === '*') group.skip = true;
      else if (skipChars > 0) skipChars--;
      else if (symbol === '~') emit('\u00a0');
      else if (symbol === '\\' || symbol === '{' || symbol === '}') emit(symbol);
      else if (symbol === '\n' || symbol === '\r') endParagraph();
    } else if (name !== undefined) {
      const n = arg === undefined ? null : Number(arg);
      if (SKIPPED.has(name)) {
        // the font table is read for its code pages, not shown
        group.skip = true;
        if (name === 'fonttbl') fontDef = -1;
        continue;
      }
      switch (name) {
        case 'ansicpg':
          docPage = n ?? docPage;
          break;
        case 'f':
          if (stack.some((g) => g.skip) || group.skip) fontDef = n ?? -1;
          else {
            flush();
            group.font = n ?? -1;
          }
          break;
        case 'fcharset':
          if (fontDef >= 0 && n !== null && CHARSET_PAGE[n]) fontPage.set(fontDef, CHARSET_PAGE[n]);
          break;
        case 'uc':
          group.uc = n ?? 1;
          break;
        case 'u':
          if (n !== null) emit(String.fromCharCode(n < 0 ? n + 65536 : n));
          if (!group.skip) skipChars = group.uc;
          break;
        case 'bin':
          // raw bytes (a picture's): not text, and they may hold braces
          word.lastIndex += Math.max(0, n ?? 0);
          break;
        case 'par':
        case 'line':
        case 'sect':
        case 'page':
          if (!group.skip) endParagraph();
          break;
        case 'tab':
          emit(' ');
          break;
        case 'trowd':
          def = { edges: [], merges: [] };
          merge = null;
          break;
        case 'clvmgf':
          merge = 'start';
          break;
        case 'clvmrg':
          merge = 'continue';
          break;
        case 'cellx':
          def.edges.push(n ?? 0);
          def.merges.push(merge);
          merge = null;
          break;
        case 'intbl':
          inTable = true;
          break;
        case 'pard':
          inTable = false;
          break;
        case 'cell':
          if (group.skip) break;
          flush();
          cells.push(cleanInline(cell + text));
          cell = '';
          text = '';
          break;
        case 'row':
          if (group.skip) break;
          rows.push({ def, cells });
          cells = [];
          inTable = false;
          break;
        default:
          break;
      }
    }
  }
  endParagraph();
  endTable();
  if (blocks.length === 0) throw new NormalizeError('empty', 'RTF 文件没有文字');
  return blocks;
}

/** The rows' cells on the table's grid: every right edge of any row is a grid line. */
function onGrid(rows: readonly { def: RowDef; cells: string[] }[]): GridCell[][] {
  const lines = [...new Set(rows.flatMap((r) => r.def.edges))].sort((a, b) => a - b);
  return rows.map(({ def, cells }) =>
    cells.map((text, i) => {
      const right = def.edges[i] ?? lines.at(-1)!;
      const left = i > 0 ? (def.edges[i - 1] ?? -Infinity) : -Infinity;
      const span = Math.max(1, lines.filter((x) => x > left && x <= right).length);
      return { span, merge: def.merges[i] ?? null, text };
    }),
  );
}
