// Positioned text: what PDF text layers, OCR, OFD and Word readers produce for the grid builder.

/** One word or text item on a page. Coordinates in page units (PDF points, image pixels), origin top-left. */
export interface Word {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** OCR confidence in [0, 1]; absent for text layers */
  conf?: number;
}

export interface PositionedPage {
  /** 1-based page number */
  page: number;
  width: number;
  height: number;
  words: Word[];
  /** how the words were obtained */
  source: 'text' | 'ocr' | 'docx' | 'doc' | 'ofd';
}

/** Ruling lines and merged cells, where a reader knows them (DOCX tables, PDF operator lists). */
export interface PositionedDoc {
  pages: PositionedPage[];
  /** per-file notes for the reviewer, e.g. "第 3 页为扫描件，已识别" */
  notes: string[];
}
