// Data records that cross the API boundary (core ⇄ UI, core → exports).
import type { DocKind, ReportFormat } from './fields';

export type FieldStatus = 'auto' | 'corrected' | 'verified' | 'missing';
export type FieldValue = number | string | null;

/** Where a value came from: a character span of the extracted text, or a page box. */
export interface FieldSource {
  sha256: string;
  /** [start, end) offsets into the document's extracted text */
  span?: [number, number];
  page?: number;
  /** x, y, width, height in page units */
  box?: [number, number, number, number];
}

export interface ExtractedField {
  key: string;
  value: FieldValue;
  /** original text the value was read from */
  text: string | null;
  unit?: string;
  approx?: boolean;
  confidence: number;
  status: FieldStatus;
  source: FieldSource;
  note?: string;
}

export type CheckSeverity = 'error' | 'warning';

/** One consistency-rule evaluation: data, never an exception. */
export interface CheckResult {
  rule: string;
  ok: boolean;
  severity: CheckSeverity;
  message: string;
  keys: string[];
  /** signed difference where the rule is arithmetic */
  diff?: number;
  /** what the message states, as data (the message is its zh-CN wording, kept for exports) */
  params?: CheckParams;
}

/** The figures of a finding, for wording it in another language. Which are set depends on the rule. */
export interface CheckParams {
  /** the 表三 column, 表三 row, 表四 group or 表二 row the finding is about (ids of T3_COLUMNS, T3_ROWS, T4_GROUPS) */
  place?: string;
  /** the two sides compared (equal when the rule holds): a total and its parts, text and table, now and then */
  left?: number;
  right?: number;
  /** blank cells counted as 0 */
  blanks?: number;
  /** the other year (cross-year rules) */
  year?: number;
  /** last year's figure a chain starts from (cross.valid_chain) */
  base?: number;
  /** the date checked (meta.published_after_year) */
  date?: string;
}

/** A statistics-table row whose label matched no field key. */
export interface UnmappedRow {
  label: string;
  values: (number | null)[];
  /** [start, end) of the row in the document text */
  span: [number, number];
}

export type FileKind = 'html' | 'text' | 'mht' | 'pdf' | 'image' | 'docx' | 'doc' | 'rtf' | 'ofd';

export interface ReportSummary {
  id: number;
  title: string | null;
  agency: string | null;
  region: string | null;
  year: number | null;
  format: ReportFormat | null;
  docKind: DocKind | null;
  fileKind: FileKind;
  fileName: string;
  reviewStatus: 'unreviewed' | 'in_review' | 'verified';
  failedChecks: number;
  /** lowest confidence of the report's fields, null without fields */
  minConfidence: number | null;
  duplicateOf: number | null;
  importedAt: string;
  /** in the trash since, null in the library */
  deletedAt: string | null;
}

export interface ReportFile {
  name: string;
  path: string;
  sha256: string;
  size: number;
  kind: FileKind;
  importedAt: string;
}

export interface ReportDetail extends ReportSummary {
  files: ReportFile[];
  fields: ExtractedField[];
  checks: CheckResult[];
  unmapped: UnmappedRow[];
  text: string;
}

/** What kind of change a history row is: a person's edit (null), an undo, redo or restore of an earlier row, a re-extraction, a merge, a review-status change. */
export type HistoryAction = 'undo' | 'redo' | 'restore' | 'reextract' | 'merge' | 'verify';

/**
 * One change of a field: old and new value and status, when, by whom, why. Key '*' is the report
 * itself (verification, re-extraction, merge): its statuses are review statuses.
 */
export interface FieldHistoryEntry {
  id: number;
  key: string;
  oldValue: FieldValue;
  newValue: FieldValue;
  oldStatus: FieldStatus | ReportSummary['reviewStatus'] | null;
  newStatus: FieldStatus | ReportSummary['reviewStatus'];
  changedAt: string;
  changedBy: string;
  reason: string | null;
  action: HistoryAction | null;
  /** the history row this change restored (undo, redo, restore) */
  restoredFrom: number | null;
}

export type OutcomeStatus = 'imported' | 'duplicate' | 'failed' | 'skipped';

export interface FileOutcome {
  path: string;
  name: string;
  status: OutcomeStatus;
  reportId?: number;
  /** for duplicates: the report the file already belongs to (exact) or is twin of (near) */
  duplicateOf?: number;
  /** machine-readable reason for failed/skipped, e.g. 'empty', 'encoding', 'not_text'; 'restored': imported by bringing its report back from the trash */
  code?: string;
  message?: string;
}

export interface JobProgress {
  jobId: string;
  done: number;
  total: number;
  /** file currently being processed */
  current?: string;
  outcome?: FileOutcome;
  /** OCR of the current file: pages read so far of those it needs (cached pages are not counted) */
  ocrPagesDone?: number;
  ocrPagesTotal?: number;
}

export interface JobSummary {
  jobId: string;
  cancelled: boolean;
  imported: number;
  duplicates: number;
  failed: number;
  skipped: number;
  outcomes: FileOutcome[];
  /** pages read by OCR in this job and pages found in the OCR cache */
  ocr?: { recognized: number; cached: number };
}
