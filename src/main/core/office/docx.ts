// DOCX (OOXML) → blocks: paragraphs in order, tables with merged cells kept (gridSpan → colSpan,
// vMerge → rowSpan on the first cell of the run).
import { parseDocument } from 'htmlparser2';
import { Element, type AnyNode } from 'domhandler';
import { cleanInline, gridTable, type Block, type GridCell } from '../normalize/blocks';
import { NormalizeError } from '../normalize/types';
import { readZipEntries } from './zip';

export function readDocx(bytes: Uint8Array): Block[] {
  const entries = readZipEntries(bytes, (n) => n === 'word/document.xml', 'Word (DOCX)');
  const xml = entries.get('word/document.xml');
  if (!xml) throw new NormalizeError('not_text', 'Word 文件已损坏或不是 DOCX（没有 word/document.xml）');
  const dom = parseDocument(new TextDecoder('utf-8').decode(xml), { xmlMode: true });
  const body = find(dom.children, 'w:body');
  if (!body) throw new NormalizeError('not_text', 'Word 文件已损坏（没有正文）');
  const blocks: Block[] = [];
  let tables = 0;
  for (const child of elements(body.children)) {
    if (child.name === 'w:p') {
      const text = cleanInline(paragraphText(child));
      if (text) blocks.push({ text });
    } else if (child.name === 'w:tbl') blocks.push(...tableBlocks(child, tables++));
  }
  return blocks;
}

const elements = (nodes: readonly AnyNode[]): Element[] => nodes.filter((n): n is Element => n instanceof Element);
const find = (nodes: readonly AnyNode[], name: string): Element | undefined => {
  for (const n of elements(nodes)) {
    if (n.name === name) return n;
    const deeper = find(n.children, name);
    if (deeper) return deeper;
  }
  return undefined;
};
const attr = (el: Element | undefined, name: string): string | undefined => el?.attribs[name];

function paragraphText(el: Element): string {
  let out = '';
  const walk = (n: AnyNode): void => {
    if (!(n instanceof Element)) return;
    if (n.name === 'w:t') out += n.children.map((c) => ('data' in c ? String(c.data) : '')).join('');
    else if (n.name === 'w:tab') out += ' ';
    else if (n.name === 'w:br' || n.name === 'w:cr') out += ' ';
    else if (n.name !== 'w:tbl') n.children.forEach(walk);
  };
  walk(el);
  return out;
}

function cellText(tc: Element): string {
  const parts: string[] = [];
  const walk = (n: AnyNode): void => {
    if (!(n instanceof Element)) return;
    if (n.name === 'w:p') parts.push(paragraphText(n));
    else n.children.forEach(walk);
  };
  walk(tc);
  return cleanInline(parts.join(' '));
}

/** A table's rows as grid cells (gridSpan, vMerge). */
function tableBlocks(tbl: Element, table: number): Block[] {
  const rows = elements(tbl.children)
    .filter((tr) => tr.name === 'w:tr')
    .map((tr) =>
      elements(tr.children)
        .filter((c) => c.name === 'w:tc')
        .map((tc): GridCell => {
          const props = find(tc.children, 'w:tcPr');
          const vMerge = props && find(props.children, 'w:vMerge');
          const span = Number(attr(props && find(props.children, 'w:gridSpan'), 'w:val') ?? 1) || 1;
          return { span, merge: vMerge ? (attr(vMerge, 'w:val') === 'restart' ? 'start' : 'continue') : null, text: cellText(tc) };
        }),
    );
  return gridTable(rows, table);
}
