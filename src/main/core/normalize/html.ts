// HTML → blocks and tables: block elements become lines, <table>s keep their grid with
// rowspan/colspan resolved; page chrome (scripts, navigation, footers) is dropped.
import { Parser } from 'htmlparser2';
import { DomHandler, Element, Text, type AnyNode, type Document } from 'domhandler';
import { cleanInline, rowBlock, type Block, type BlockCell } from './blocks';

export interface ParsedHtml {
  blocks: Block[];
  pageMeta: Record<string, string>;
  tableCount: number;
}

const SKIP = new Set(['script', 'style', 'noscript', 'iframe', 'template', 'svg', 'canvas', 'select', 'button', 'object', 'embed', 'nav', 'head', 'input', 'textarea']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'ol', 'p', 'pre', 'section', 'ul', 'caption', 'title',
]);
const CHROME = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|share|bdshare|topbar|sidebar|copyright|weizhi|dqwz)(?:$|[\s_-])/i;

export function parseHtml(html: string): ParsedHtml {
  const dom = parseDom(html);
  const blocks: Block[] = [];
  const pageMeta: Record<string, string> = {};
  let line = '';
  let tableCount = 0;
  const flush = (): void => {
    const text = cleanInline(line);
    if (text) blocks.push({ text });
    line = '';
  };
  const visit = (node: AnyNode): void => {
    if (node instanceof Text) {
      line += node.data;
      return;
    }
    if (!(node instanceof Element)) {
      if ('children' in node) (node.children as AnyNode[]).forEach(visit);
      return;
    }
    const name = node.name;
    if (name === 'head') return readHead(node, pageMeta);
    if (SKIP.has(name)) return;
    if (isChrome(node)) {
      // who runs the site (主办单位：某县人民政府办公室) still tells where the page is from
      if (name === 'footer' || FOOTER.test(`${node.attribs.class ?? ''} ${node.attribs.id ?? ''}`)) addSite(pageMeta, textOf(node));
      return;
    }
    if (name === 'table' && !isLayoutTable(node)) {
      flush();
      readTable(node, tableCount++).forEach((row) => blocks.push(rowBlock(row)));
      return;
    }
    // only a layout table's cells get here: each is a block of the page
    const block = BLOCK.has(name) || LAYOUT_CELL.has(name);
    if (block) flush();
    node.children.forEach(visit);
    if (block) flush();
  };
  dom.children.forEach(visit);
  flush();
  return { blocks, pageMeta, tableCount };
}

/**
 * Rows read of one table. A report's tables have tens of rows; a page holding a table of hundreds
 * of thousands (a 20 MB dump) is read for its first rows only, so its import takes seconds, not
 * minutes, and its tables stay a size the store and the review screen can hold.
 */
export const MAX_TABLE_ROWS = 2000;

/**
 * The document tree without the rows past MAX_TABLE_ROWS of a table (counted as the parser meets
 * them, nested tables apart): a page with a table of a million cells never builds them.
 */
function parseDom(html: string): Document {
  const handler = new DomHandler(undefined, { withStartIndices: false });
  const open: string[] = [];
  /** rows met so far in each open table (innermost last) */
  const rows: number[] = [];
  /** depth of the row being dropped (0: none) */
  let dropping = 0;
  const pruning = {
    onopentag(name: string, attribs: Record<string, string>): void {
      if (dropping > 0) return void dropping++;
      if (name === 'tr' && rows.length > 0 && ++rows[rows.length - 1]! > MAX_TABLE_ROWS) return void (dropping = 1);
      if (name === 'table') rows.push(0);
      open.push(name);
      handler.onopentag(name, attribs);
    },
    onclosetag(): void {
      if (dropping > 0) return void dropping--;
      if (open.pop() === 'table') rows.pop();
      handler.onclosetag();
    },
    ontext: (data: string) => dropping === 0 && handler.ontext(data),
    oncomment: (data: string) => dropping === 0 && handler.oncomment(data),
    oncommentend: () => dropping === 0 && handler.oncommentend(),
    oncdatastart: () => dropping === 0 && handler.oncdatastart(),
    oncdataend: () => dropping === 0 && handler.oncdataend(),
    onprocessinginstruction: (name: string, data: string) => dropping === 0 && handler.onprocessinginstruction(name, data),
    onparserinit: (parser: Parser) => handler.onparserinit(parser),
    onreset: () => handler.onreset(),
    onend: () => handler.onend(),
    onerror: (err: Error) => handler.onerror(err),
  };
  new Parser(pruning, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }).end(html);
  return handler.root;
}

const FOOTER = /(?:^|[\s_-])(?:footer|foot|copyright|bottom)(?:$|[\s_-])/i;

/** Site footer text kept aside (pageMeta.site), a few hundred characters at most. */
export function addSite(meta: Record<string, string>, text: string): void {
  const line = cleanInline(text);
  if (line) meta.site = `${meta.site ? `${meta.site} ` : ''}${line}`.slice(0, 400);
}

function isChrome(el: Element): boolean {
  if (el.name === 'footer' || el.name === 'header') return true;
  const style = el.attribs.style ?? '';
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return CHROME.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`);
}

function readHead(head: Element, meta: Record<string, string>): void {
  const walk = (n: AnyNode): void => {
    if (!(n instanceof Element)) return;
    if (n.name === 'title') meta.title = cleanInline(textOf(n));
    if (n.name === 'meta' && n.attribs.name && n.attribs.content) meta[n.attribs.name.toLowerCase()] = cleanInline(n.attribs.content);
    n.children.forEach(walk);
  };
  head.children.forEach(walk);
}

export function textOf(node: AnyNode): string {
  if (node instanceof Text) return node.data;
  if (node instanceof Element) {
    if (SKIP.has(node.name)) return '';
    const inner = node.children.map(textOf).join('');
    return BLOCK.has(node.name) || node.name === 'td' || node.name === 'th' || node.name === 'tr' ? ` ${inner} ` : inner;
  }
  return '';
}


/** The rows of a table, not of the tables nested in it. */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  const collect = (el: Element): void => {
    for (const child of el.children) {
      if (!(child instanceof Element)) continue;
      if (child.name === 'tr') rows.push(child);
      else if (child.name !== 'table') collect(child);
    }
  };
  collect(table);
  return rows;
}

const LAYOUT_CELL = new Set(['table', 'tr', 'td', 'th']);
/** a passage no statistics cell holds */
const PASSAGE = 300;

/**
 * A table that lays out the page (old county sites): a cell holds another table or a passage of
 * text. Its cells are read as blocks, the tables inside them as tables.
 */
function isLayoutTable(table: Element): boolean {
  const hasTable = (el: Element): boolean => el.children.some((c) => c instanceof Element && (c.name === 'table' || hasTable(c)));
  return ownRows(table).some((tr) =>
    tr.children.some((td) => td instanceof Element && (td.name === 'td' || td.name === 'th') && (hasTable(td) || cleanInline(textOf(td)).length > PASSAGE)),
  );
}

/** Rows of a table (not of nested tables), cells placed on a grid honouring rowspan/colspan. */
function readTable(table: Element, index: number): BlockCell[][] {
  const rows = ownRows(table);
  const taken: boolean[][] = [];
  const out: BlockCell[][] = [];
  rows.forEach((tr, r) => {
    const cells: BlockCell[] = [];
    let col = 0;
    for (const td of tr.children) {
      if (!(td instanceof Element) || (td.name !== 'td' && td.name !== 'th')) continue;
      while (taken[r]?.[col]) col++;
      const rowSpan = span(td.attribs.rowspan, rows.length - r);
      const colSpan = span(td.attribs.colspan, 100);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) ((taken[r + dr] ??= [])[col + dc] = true);
      cells.push({ table: index, row: r, col, rowSpan, colSpan, text: cleanInline(textOf(td)) });
      col += colSpan;
    }
    if (cells.some((c) => c.text)) out.push(cells);
  });
  return out;
}

const span = (raw: string | undefined, max: number): number => Math.max(1, Math.min(max, Number.parseInt(raw ?? '1', 10) || 1));
