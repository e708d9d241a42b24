// normalize: bytes of a web page or text file → NormalizedDoc (clean text, tables, page metadata).
import path from 'node:path';
import { decode, type Decoded } from './decode';
import { addSite, parseHtml } from './html';
import { htmlPartOfMht } from './mht';
import { clean } from './clean';
import { mergeBoxRows } from './box-table';
import { cleanInline, CELL_SEPARATOR, type Block } from './blocks';
import { NormalizeError, type GridCell, type NormalizedDoc, type SourceKind, type SourceTable, type TextBox } from './types';
import type { PositionedDoc } from './positioned-types';
import { blocksFromPages } from '../positioned/grid';
import { fileKindOf, MAX_FILE_BYTES } from '../import/file-types';

export function normalize(bytes: Uint8Array, name: string): NormalizedDoc {
  const kind = fileKindOf(name);
  if (kind !== 'html' && kind !== 'text' && kind !== 'mht') throw new NormalizeError('unsupported', `不支持的文件类型 ${path.extname(name) || name}`);
  if (bytes.byteLength === 0) throw new NormalizeError('empty', '文件为空（0 字节）');
  if (bytes.byteLength > MAX_FILE_BYTES) throw new NormalizeError('too_large', `文件过大（${Math.round(bytes.byteLength / 2 ** 20)} MB）`);
  const source = kind === 'mht' ? htmlPartOfMht(bytes) : { bytes, charset: null };
  const decoded = decode(source.bytes, (head) => source.charset ?? (kind === 'text' ? null : declaredCharset(head)));
  const hasMarkup = kind !== 'text' && /<[a-z!][^>]*>/i.test(decoded.text.slice(0, 65536));
  if (hasMarkup) {
    const parsed = parseHtml(decoded.text);
    return assemble(parsed.blocks, parsed.pageMeta, kind, decoded);
  }
  return assemble(textBlocks(decoded.text), {}, kind, decoded);
}

/** Sources read straight into blocks (Word documents). */
export function normalizeBlocks(blocks: Block[], kind: SourceKind): NormalizedDoc {
  return assemble(blocks, {}, kind, { encoding: 'none', by: 'none' });
}

/** Positioned sources (PDF text layers, OCR, OFD): lines and table rows rebuilt from word positions. */
export function normalizePositioned(doc: PositionedDoc, kind: SourceKind): NormalizedDoc {
  return assemble(blocksFromPages(doc.pages), {}, kind, { encoding: 'none', by: 'none' });
}

function declaredCharset(head: string): string | null {
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1] ?? null;
}

function textBlocks(text: string): Block[] {
  return mergeBoxRows(text.split(/\r\n|\r|\n/))
    .map(cleanInline)
    .filter(Boolean)
    .map((line) => ({ text: line }));
}

function assemble(blocks: Block[], pageMeta: Record<string, string>, sourceKind: SourceKind, decoded: Pick<Decoded, 'encoding' | 'by'>): NormalizedDoc {
  const cleaned = clean(blocks);
  for (const line of cleaned.site) addSite(pageMeta, line);
  let text = '';
  const tables = new Map<number, SourceTable>();
  const positions: TextBox[] = [];
  for (const block of cleaned.blocks) {
    if (text) text += '\n';
    for (const m of block.marks ?? []) positions.push({ start: text.length + m.start, end: text.length + m.end, page: m.page, box: m.box });
    if (block.cells) {
      let at = text.length;
      for (const [i, c] of block.cells.entries()) {
        if (i > 0) at += CELL_SEPARATOR.length;
        const cell: GridCell = { row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.text, start: at, end: at + c.text.length };
        const table = tables.get(c.table) ?? { rows: 0, cols: 0, cells: [], start: cell.start, end: cell.end };
        table.cells.push(cell);
        table.rows = Math.max(table.rows, c.row + c.rowSpan);
        table.cols = Math.max(table.cols, c.col + c.colSpan);
        table.end = cell.end;
        tables.set(c.table, table);
        at = cell.end;
      }
    }
    text += block.text;
  }
  if (!/[\p{L}\p{N}]/u.test(text)) throw new NormalizeError('empty', '文件为空（没有可读的文字）');
  return {
    text,
    sourceKind,
    encoding: decoded.encoding,
    encodingBy: decoded.by,
    tables: [...tables.values()],
    pageMeta,
    ...(positions.length ? { positions } : {}),
    removed: { boilerplateLines: cleaned.boilerplateLines, repeatedChars: cleaned.repeatedChars },
  };
}
