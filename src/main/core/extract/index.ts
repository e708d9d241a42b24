// extract: normalized document → fields with provenance and confidence, plus table rows no key matched.
import type { ExtractedField } from '../../../shared/model';
import { fieldDef, type ReportFormat } from '../../../shared/fields';
import type { NormalizedDoc, TextBox } from '../normalize/types';
import { extractMeta } from './meta';
import { extractTables } from './tables';
import { extractProse } from './prose';
import { simplified } from './labels/canon';
import { asciiDigits } from './values/parse';
import type { UnmappedRow } from '../../../shared/model';

export interface Extraction {
  fields: ExtractedField[];
  unmapped: UnmappedRow[];
}

export interface ExtractOptions {
  /** read the tables with this layout (a person chose it) instead of the one that fits best */
  format?: ReportFormat;
}

export function extractFields(doc: NormalizedDoc, sha256: string, opts: ExtractOptions = {}): Extraction {
  // metadata and prose patterns are written in simplified characters; read a 繁體 copy through a
  // simplified twin with the same offsets, keeping text as printed
  // (full-width digits are folded too: ２０２１年 reads as 2021年)
  const simple = asciiDigits(simplified(doc.text));
  const twin = simple.length === doc.text.length ? { ...doc, text: simple } : doc;
  const meta = extractMeta(twin, sha256).map((f) => asPrinted(f, doc.text, simple));
  const year = meta.find((f) => f.key === 'meta.year')?.value;
  const tables = extractTables(doc.text, sha256, typeof year === 'number' ? year : null, opts.format);
  const prose = extractProse(twin.text, sha256, tables.spans).map((f) => asPrinted(f, doc.text, simple));
  const format = asPrinted(formatField(twin.text, tables.format, tables.spans[0], typeof year === 'number' ? year : null, sha256), doc.text, simple);
  const fields = [...meta, format, ...tables.fields, ...prose];
  return { fields: doc.positions ? fields.map((f) => withBox(f, doc.positions!)) : fields, unmapped: tables.unmapped };
}

/** A field read from the simplified twin: its text (and a text value) as the document prints it. */
function asPrinted(field: ExtractedField, printed: string, simple: string): ExtractedField {
  const span = field.source.span;
  if (!span || printed === simple) return field;
  const text = printed.slice(...span);
  // names keep their printed characters; dates and numbers keep their normalized value
  const named = fieldDef(field.key)?.kind === 'text';
  const value = named && typeof field.value === 'string' && field.value === simple.slice(...span) ? text : field.value;
  return { ...field, value, text: field.text === simple.slice(...span) ? text : field.text };
}

/** For positioned sources: the page and box of the words a field was read from. */
function withBox(field: ExtractedField, positions: readonly TextBox[]): ExtractedField {
  const span = field.source.span;
  if (!span) return field;
  const hit = positions.filter((p) => p.start < span[1] && p.end > span[0]);
  if (hit.length === 0) return field;
  const page = hit[0]!.page;
  const boxes = hit.filter((p) => p.page === page).map((p) => p.box);
  const x0 = Math.min(...boxes.map((b) => b[0]));
  const y0 = Math.min(...boxes.map((b) => b[1]));
  const box: [number, number, number, number] = [x0, y0, Math.max(...boxes.map((b) => b[0] + b[2])) - x0, Math.max(...boxes.map((b) => b[1] + b[3])) - y0];
  return { ...field, source: { ...field.source, page, box } };
}

const NEW_FORMAT_HEADINGS = ['收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况'];
/** Column and row labels only one layout prints (they survive where a web copy lost the values). */
const LAYOUT_MARKERS: readonly (readonly [ReportFormat, readonly string[]])[] = [
  ['2021', ['本年制发件数', '现行有效件数', '逾期不补正', '本年收费金额']],
  ['2019', ['本年新制作数量', '对外公开总数量', '上一年项目数量', '采购总金额']],
  ['legacy', ['统计指标', '申请办结数', '按时办结数', '举报投诉数量']],
];

/**
 * The layout the tables were read with. A report whose tables were lost (web copies that kept only
 * headings or header rows) still shows labels only one layout prints, or the 2019/2021 headings, where
 * the year tells which. Otherwise narrative.
 */
function formatField(text: string, tableFormat: string | null, span: [number, number] | undefined, year: number | null, sha256: string): ExtractedField {
  const field = (value: string, confidence: number, at?: [number, number]): ExtractedField => {
    const span: [number, number] | undefined = at && [at[0], Math.min(at[1], at[0] + 40)];
    return { key: 'meta.format', value, text: span ? text.slice(...span) : null, confidence, status: 'auto', source: span ? { sha256, span } : { sha256 } };
  };
  if (tableFormat && span) return field(tableFormat, 0.95, span);
  const marked = LAYOUT_MARKERS.map(([layout, labels]) => ({ layout, at: labels.map((l) => text.indexOf(l)).filter((i) => i >= 0) })).filter((m) => m.at.length >= 2);
  if (marked.length === 1) {
    const at = Math.min(...marked[0]!.at);
    return field(marked[0]!.layout, 0.6, [at, at + 8]);
  }
  const heading = text.indexOf(NEW_FORMAT_HEADINGS[0]!);
  if (heading >= 0 && text.includes(NEW_FORMAT_HEADINGS[1]!) && year !== null && year >= 2019) {
    return field(year >= 2021 ? '2021' : '2019', 0.6, [heading, heading + NEW_FORMAT_HEADINGS[0]!.length]);
  }
  return field('narrative', 0.8);
}
