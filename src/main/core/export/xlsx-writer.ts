// A streaming XLSX writer for plain sheets: inline or shared strings, numbers, a few fixed styles,
// merged ranges, frozen panes, column widths. Each sheet's XML is deflated as rows come, on zlib's
// thread pool, into a temporary file (so several sheets can be filled side by side and the main
// thread goes on making rows), and the workbook is zipped from those files at the end: memory
// stays flat and a row costs a string, not a cell object.
import fs from 'node:fs';
import { DeflatedEntry, ZipWriter } from './zip-writer';
import { FileBuffer } from './buffered-file';

export type XCell = string | number | null | undefined;

/** Cell styles (indexes into cellXfs below). */
export const STYLE = { none: 0, money: 1, boxed: 2, boxedHead: 3, boxedNumber: 4, boxedMoney: 5, head: 6 } as const;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf><xf numFmtId="2" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const letters: string[] = [];
function columnName(n: number): string {
  let s = letters[n];
  if (s) return s;
  s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return (letters[n] = s);
}

/** Text as XML: & < > escaped, characters XML 1.0 cannot carry dropped. */
function xmlText(s: string): string {
  let clean = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 38 || c === 60 || c === 62 || (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff) {
      clean = false;
      break;
    }
  }
  if (clean) return s;
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff ? '' : ch;
  }
  return out;
}

/** an inline or shared string item: whitespace at either end is kept only when asked */
const stringItem = (s: string): string => (/^\s|\s$/u.test(s) ? `<t xml:space="preserve">${xmlText(s)}</t>` : `<t>${xmlText(s)}</t>`);

/** Strings written once for the whole workbook and referred to by number (xl/sharedStrings.xml). */
class SharedStrings {
  private readonly index = new Map<string, number>();
  get(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) this.index.set(s, (i = this.index.size));
    return i;
  }
  get size(): number {
    return this.index.size;
  }
  xml(): string {
    let out = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="${this.index.size}">`;
    for (const s of this.index.keys()) out += `<si>${stringItem(s)}</si>`;
    return `${out}</sst>`;
  }
}

export interface SheetOptions {
  /** column widths in characters, from column A */
  widths?: number[];
  /** frozen columns and rows */
  frozen?: { columns: number; rows: number };
  /** default style per column (1-based index into the array from column A) */
  columnStyles?: readonly (number | undefined)[];
  /** columns whose strings repeat (keys, statuses): written once, as shared strings */
  sharedColumns?: readonly number[];
}

export class XlsxSheet {
  private rows = 0;
  private readonly merges: string[] = [];
  readonly entry: DeflatedEntry;
  private readonly out: FileBuffer;
  private readonly shared: boolean[] = [];
  constructor(
    readonly name: string,
    readonly tmp: string,
    private readonly options: SheetOptions,
    private readonly strings: SharedStrings,
  ) {
    this.entry = new DeflatedEntry(tmp);
    this.out = new FileBuffer((chunk) => this.entry.write(chunk));
    for (const c of options.sharedColumns ?? []) this.shared[c] = true;
    this.out.write(this.head());
  }

  /** Append a row; empty cells (null, undefined, '') are left out. `styles` per cell or one for all. */
  row(cells: readonly XCell[], styles?: readonly (number | undefined)[] | number): void {
    const r = ++this.rows;
    let xml = `<row r="${r}">`;
    const defaults = this.options.columnStyles;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      const s = typeof styles === 'number' ? styles : (styles?.[i] ?? defaults?.[i]);
      const open = s ? `<c r="${columnName(i + 1)}${r}" s="${s}"` : `<c r="${columnName(i + 1)}${r}"`;
      if (typeof v === 'number') {
        if (Number.isFinite(v)) xml += `${open}><v>${v}</v></c>`;
      } else if (v !== null && v !== undefined && v !== '') {
        xml += this.shared[i] ? `${open} t="s"><v>${this.strings.get(v)}</v></c>` : `${open} t="inlineStr"><is>${stringItem(v)}</is></c>`;
      } else if (s && typeof styles !== 'undefined') xml += `${open}/>`;
    }
    this.out.write(`${xml}</row>`);
  }

  /** Merge a range, 1-based and inclusive. */
  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push(`${columnName(left)}${top}:${columnName(right)}${bottom}`);
  }

  /** Write the rest of the sheet; resolves when its file is complete. */
  finish(): Promise<void> {
    this.out.write(this.tail());
    this.out.flush();
    return this.entry.finish();
  }

  private head(): string {
    const { frozen, widths } = this.options;
    const pane = frozen
      ? `<pane xSplit="${frozen.columns}" ySplit="${frozen.rows}" topLeftCell="${columnName(frozen.columns + 1)}${frozen.rows + 1}" activePane="bottomRight" state="frozen"/>`
      : '';
    const cols = widths?.length ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`;
  }

  private tail(): string {
    return `</sheetData>${this.merges.length ? `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : ''}</worksheet>`;
  }
}

const sheetName = (name: string): string => xmlText(name.replace(/[\\/?*[\]:]/g, '_').slice(0, 31));

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export class XlsxWorkbook {
  private readonly sheets: XlsxSheet[] = [];
  private readonly strings = new SharedStrings();
  constructor(private readonly file: string) {}

  addSheet(name: string, options: SheetOptions = {}): XlsxSheet {
    const sheet = new XlsxSheet(name, `${this.file}.sheet${this.sheets.length + 1}.tmp`, options, this.strings);
    this.sheets.push(sheet);
    return sheet;
  }

  /** Wait while more XML is queued than the deflaters keep up with (null: no need). */
  backlog(): Promise<unknown> | null {
    return this.sheets.some((s) => s.entry.congested) ? Promise.all(this.sheets.map((s) => s.entry.drained())) : null;
  }

  /** Finish the sheets, zip them into <file>.tmp, then rename it into place. */
  async commit(): Promise<void> {
    try {
      await Promise.all(this.sheets.map((s) => s.finish()));
      const n = this.sheets.length;
      const range = Array.from({ length: n }, (_, i) => i + 1);
      const shared = this.strings.size > 0;
      const zip = new ZipWriter(`${this.file}.tmp`);
      try {
        zip.addText(
          '[Content_Types].xml',
          `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/>${shared ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${TYPE}.sharedStrings+xml"/>` : ''}${range.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${TYPE}.worksheet+xml"/>`).join('')}</Types>`,
        );
        zip.addText('_rels/.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
        zip.addText('xl/workbook.xml', `${XML_HEAD}<workbook ${NS}><sheets>${this.sheets.map((s, i) => `<sheet name="${sheetName(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`);
        zip.addText(
          'xl/_rels/workbook.xml.rels',
          `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${range.map((i) => `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')}<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>${shared ? `<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
        );
        zip.addText('xl/styles.xml', STYLES);
        if (shared) zip.addText('xl/sharedStrings.xml', this.strings.xml());
        this.sheets.forEach((s, i) => zip.addDeflated(`xl/worksheets/sheet${i + 1}.xml`, s.entry));
        zip.close();
      } catch (err) {
        zip.abort();
        throw err;
      }
      fs.renameSync(`${this.file}.tmp`, this.file);
    } catch (err) {
      fs.rmSync(`${this.file}.tmp`, { force: true });
      throw err;
    } finally {
      for (const s of this.sheets) fs.rmSync(s.tmp, { force: true });
    }
  }

  /** Give up: remove the temporary files. */
  async abort(): Promise<void> {
    await Promise.all(this.sheets.map((s) => s.entry.abort()));
    for (const s of this.sheets) fs.rmSync(s.tmp, { force: true });
  }
}
