// Output of the normalize stage: what every extractor reads.

/** One table cell. Spans index into NormalizedDoc.text. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  start: number;
  end: number;
}

/** A table from the source (HTML <table>), with merged cells kept. */
export interface SourceTable {
  rows: number;
  cols: number;
  cells: GridCell[];
  start: number;
  end: number;
}

export type SourceKind = 'html' | 'text' | 'mht' | 'pdf' | 'image' | 'docx' | 'doc' | 'rtf' | 'ofd';

/** A piece of the text and where it is on a page (positioned sources only). */
export interface TextBox {
  start: number;
  end: number;
  page: number;
  box: [number, number, number, number];
}

export interface NormalizedDoc {
  /** Cleaned text: boilerplate, control and zero-width characters removed; one block per line. */
  text: string;
  sourceKind: SourceKind;
  /** encoding the bytes were decoded with, e.g. 'utf-8', 'gb18030', 'utf-16le' */
  encoding: string;
  /** how the encoding was decided */
  encodingBy: 'bom' | 'meta' | 'utf8' | 'gb18030' | 'detector' | 'none';
  tables: SourceTable[];
  /**
   * <title> or <meta> values of a web page (lower-cased names), e.g. title, articletitle, pubdate;
   * site: the footer text cleaning dropped (主办单位：…), for where the page is from
   */
  pageMeta: Record<string, string>;
  /** page boxes of the text, for sources with positions (PDF, scans, OFD) */
  positions?: TextBox[];
  /** what cleaning removed */
  removed: { boilerplateLines: number; repeatedChars: number };
}

/** A per-file failure with a reason a person can act on. */
export class NormalizeError extends Error {
  constructor(
    readonly code: 'empty' | 'encoding' | 'not_text' | 'too_large' | 'unsupported' | 'needs_ocr' | 'encrypted' | 'cancelled' | 'ocr_failed',
    message: string,
  ) {
    super(message);
    this.name = 'NormalizeError';
  }
}
