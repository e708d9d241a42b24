// Positioned text: what PDF text layers, OCR, OFD and Word readers produce for the grid builder.
import type { PageWord } from '../../../shared/review';

/** One word or text item on a page (the review screen's page words are these). */
export interface Word extends PageWord {
  /** a figure OCR read with one digit doubtful: the readings tesseract also offered (ocr/choices.ts) */
  alts?: string[];
}

export interface PositionedPage {
  /** 1-based page number */
  page: number;
  width: number;
  height: number;
  words: Word[];
  /** how the words were obtained */
  source: 'text' | 'ocr' | 'docx' | 'doc' | 'ofd';
  /** ruling lines of tables, where known (OCR finds them) */
  rules?: TableRules;
  /** quarter turns clockwise the page was drawn at for OCR (it lay sideways): its words are in the turned page's units */
  turn?: 0 | 1 | 2 | 3;
  /** why the page was read by OCR (pdf/text-layer.ts PageNeed reason) */
  ocrReason?: string;
}

/** A vertical table line at x from y0 to y1 (page units). */
export interface VerticalRule {
  x: number;
  y0: number;
  y1: number;
}

/** A horizontal table line at y from x0 to x1 (page units). */
export interface HorizontalRule {
  y: number;
  x0: number;
  x1: number;
}

/** Vertical lines bound a table's columns, horizontal ones its rows. */
export interface TableRules {
  vertical: VerticalRule[];
  horizontal: HorizontalRule[];
}

/** A positioned source: its pages' words. */
export interface PositionedDoc {
  pages: PositionedPage[];
}
