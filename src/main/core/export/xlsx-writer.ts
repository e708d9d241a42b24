// A streaming XLSX writer for plain sheets: inline strings, numbers, a few fixed styles, merged
// ranges, frozen panes, column widths. Each sheet's XML goes to a temporary file as rows come (so
// several sheets can be filled side by side), and the workbook is zipped from those files at the
// end with the native zlib: memory stays flat and a row costs a string, not a cell object.
import fs from 'node:fs';
import { DeflatedEntry, writeZip, type ZipSource } from './zip-writer';
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

export interface SheetOptions {
  /** column widths in characters, from column A */
  widths?: number[];
  /** frozen columns and rows */
  frozen?: { columns: number; rows: number };
  /** default style per column (1-based index into the array from column A) */
  columnStyles?: readonly (number | undefined)[];
}

export class XlsxSheet {
  private rows = 0;
  private readonly merges: string[] = [];
  readonly entry: DeflatedEntry;
  private readonly out: FileBuffer;
  constructor(
    readonly name: string,
    readonly tmp: string,
    private readonly options: SheetOptions,
  ) {
    this.entry = new DeflatedEntry(tmp);
    this.out = new FileBuffer((chunk) => this.entry.write(chunk));
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
      const attr = s ? ` s="${s}"` : '';
      const ref = `${columnName(i + 1)}${r}`;
      if (typeof v === 'number') {
        if (Number.isFinite(v)) xml += `<c r="${ref}"${attr}><v>${v}</v></c>`;
      } else if (v !== null && v !== undefined && v !== '') xml += `<c r="${ref}"${attr} t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
      else if (s && typeof styles !== 'undefined') xml += `<c r="${ref}"${attr}/>`;
    }
    this.out.write(`${xml}</row>`);
  }

  /** Merge a range, 1-based and inclusive. */
  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push(`${columnName(left)}${top}:${columnName(right)}${bottom}`);
  }

  /** Write the rest of the sheet and close its file. */
  finish(): void {
    this.out.write(this.tail());
    this.out.flush();
    this.entry.finish();
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

export class XlsxWorkbook {
  private readonly sheets: XlsxSheet[] = [];
  constructor(private readonly file: string) {}

  addSheet(name: string, options: SheetOptions = {}): XlsxSheet {
    const sheet = new XlsxSheet(name, `${this.file}.sheet${this.sheets.length + 1}.tmp`, options);
    this.sheets.push(sheet);
    return sheet;
  }

  /** Zip the sheets into <file>.tmp, then rename it into place. */
  commit(): void {
    try {
      const n = this.sheets.length;
      const range = Array.from({ length: n }, (_, i) => i + 1);
      // each sheet's head and tail around its rows, in the sheet's file
      for (const s of this.sheets) s.finish();
      const parts: ZipSource[] = [
        {
          name: '[Content_Types].xml',
          text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${range.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
        },
        {
          name: '_rels/.rels',
          text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        },
        {
          name: 'xl/workbook.xml',
          text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS}><sheets>${this.sheets.map((s, i) => `<sheet name="${sheetName(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
        },
        {
          name: 'xl/_rels/workbook.xml.rels',
          text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${range.map((i) => `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')}<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
        },
        { name: 'xl/styles.xml', text: STYLES },
        ...this.sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, entry: s.entry })),
      ];
      writeZip(`${this.file}.tmp`, parts);
      fs.renameSync(`${this.file}.tmp`, this.file);
    } catch (err) {
      fs.rmSync(`${this.file}.tmp`, { force: true });
      throw err;
    } finally {
      for (const s of this.sheets) fs.rmSync(s.tmp, { force: true });
    }
  }

  /** Give up: remove the temporary files. */
  abort(): void {
    for (const s of this.sheets) {
      s.entry.close();
      fs.rmSync(s.tmp, { force: true });
    }
  }
}
