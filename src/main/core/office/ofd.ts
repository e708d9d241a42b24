// OFD (GB/T 33190): a ZIP of XML pages whose TextObjects carry positioned text. Followed from
// OFD.xml → DocRoot (Document.xml) → each page's Content.xml; positions in millimetres.
import { parseDocument } from 'htmlparser2';
import { Element, type AnyNode } from 'domhandler';
import type { PositionedDoc, PositionedPage, Word } from '../normalize/positioned-types';
import { NormalizeError } from '../normalize/types';
import { readZipEntries } from './zip';

export function readOfd(bytes: Uint8Array): PositionedDoc {
  const entries = readZipEntries(bytes, (n) => n.endsWith('.xml'), 'OFD');
  const xml = (name: string): Element[] => {
    const data = entries.get(name.replace(/^\//, ''));
    if (!data) throw new NormalizeError('not_text', `OFD 文件缺少 ${name}`);
    return all(parseDocument(new TextDecoder('utf-8').decode(data), { xmlMode: true }).children);
  };
  const docRoot = text(xml('OFD.xml').find((e) => local(e) === 'DocRoot'));
  if (!docRoot) throw new NormalizeError('not_text', 'OFD 文件没有 DocRoot');
  const base = docRoot.includes('/') ? docRoot.slice(0, docRoot.lastIndexOf('/') + 1) : '';
  const document = xml(docRoot);
  const [, , width = 210, height = 297] = numbers(text(document.find((e) => local(e) === 'PhysicalBox')) ?? '');
  const pages: PositionedPage[] = document
    .filter((e) => local(e) === 'Page')
    .map((page, i) => ({ page: i + 1, width, height, words: wordsOf(xml(`${base}${page.attribs.BaseLoc}`)), source: 'ofd' as const }));
  if (pages.length === 0) throw new NormalizeError('empty', 'OFD 文件没有页面');
  return { pages };
}

/** Each TextCode of a TextObject: its X/Y are relative to the object's Boundary; Y is the baseline. */
function wordsOf(content: Element[]): Word[] {
  const words: Word[] = [];
  for (const obj of content.filter((e) => local(e) === 'TextObject')) {
    const [bx = 0, by = 0] = numbers(obj.attribs.Boundary ?? '');
    const size = Number(obj.attribs.Size) || 3.5;
    for (const code of all(obj.children).filter((e) => local(e) === 'TextCode')) {
      const str = text(code) ?? '';
      if (!str.trim()) continue;
      const deltas = deltasOf(code.attribs.DeltaX ?? '');
      const advance = deltas.length ? deltas.reduce((a, b) => a + b, 0) + size : str.length * size;
      words.push({ text: str, x: bx + Number(code.attribs.X ?? 0), y: by + Number(code.attribs.Y ?? 0) - size, w: advance, h: size });
    }
  }
  return words;
}

/** DeltaX lists advances; "g 3 2.5" stands for 2.5 three times. */
function deltasOf(s: string): number[] {
  const tokens = s.trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g') {
      out.push(...Array.from({ length: Number(tokens[i + 1]) || 0 }, () => Number(tokens[i + 2]) || 0));
      i += 2;
    } else out.push(Number(tokens[i]) || 0);
  }
  return out;
}

const local = (e: Element): string => e.name.replace(/^.*:/, '');
const numbers = (s: string): number[] => s.trim().split(/\s+/).filter(Boolean).map(Number).filter(Number.isFinite);
const text = (e: Element | undefined): string | undefined => (e ? e.children.map((c) => ('data' in c ? String(c.data) : '')).join('') : undefined);

function all(nodes: readonly AnyNode[]): Element[] {
  const out: Element[] = [];
  const walk = (n: AnyNode): void => {
    if (!(n instanceof Element)) return;
    out.push(n);
    n.children.forEach(walk);
  };
  nodes.forEach(walk);
  return out;
}
