// Records of the review desk that cross the API: the review queue, page views, re-extraction.
import type { ReportSummary } from './model';

/** Below this an automatically read value counts as low confidence (the store's partial index uses 0.6 too). */
export const LOW_CONFIDENCE = 0.6;

export interface ReviewQueueItem {
  id: number;
  /** error-level rules failing */
  errors: number;
  /** automatically read values below LOW_CONFIDENCE */
  low: number;
  reviewStatus: ReportSummary['reviewStatus'];
}

/** A positioned word of a page (PDF text layer, OCR, OFD, Word). Coordinates in page units (PDF points, image pixels), origin top-left. */
export interface PageWord {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** OCR confidence in [0, 1]; absent for text layers */
  conf?: number;
}

/**
 * Why a page's words came from OCR: its PDF text layer was absent, garbage, partly garbage,
 * incomplete (text as pictures or outlines) or doubtful (misread characters), see PageNeed in
 * pdf/text-layer.ts; or the file is an image.
 */
export type OcrReason = 'absent' | 'garbage' | 'partly_garbage' | 'incomplete' | 'doubtful' | 'image';

/** One page of a report's file: its words and, where it can be drawn, its picture. */
export interface PageView {
  sha256: string;
  page: number;
  /** every page number of the file that has positioned words, ascending */
  pages: number[];
  /** page size in page units (the unit of field boxes and words) */
  width: number;
  height: number;
  words: PageWord[];
  /** why its words were read by OCR; null: the file's own text */
  ocrReason: OcrReason | null;
  /** the rendered page as a data: URL (PNG), or null where no renderer is available */
  image: string | null;
  /** resolution of the picture */
  dpi?: number;
  /** why the page could not be drawn (it is shown by its words) */
  imageError?: string;
}

export interface ReextractFailure {
  id: number;
  code: string;
  message: string;
}

export interface ReextractSummary {
  /** job id of the progress events (job:progress) sent while it runs */
  jobId: string;
  reextracted: number[];
  failed: ReextractFailure[];
  /** fields whose values changed */
  changed: number;
  /** corrected or verified fields kept as the person left them */
  kept: number;
}
