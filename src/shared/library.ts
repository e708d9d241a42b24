// The library list's query (filters, sort, search, trash) and what the list, saved views and
// bulk actions return. The core runs the query in SQL; the list fetches only the rows it shows.
import { z } from 'zod';
import type { ReportFormat } from './fields';
import type { FileKind, ReportSummary } from './model';

export const REVIEW_STATUSES = ['unreviewed', 'in_review', 'verified'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REPORT_FORMATS = ['2021', '2019', 'legacy', 'narrative'] as const satisfies readonly ReportFormat[];
export const FILE_KINDS = ['html', 'text', 'mht', 'pdf', 'image', 'docx', 'doc', 'rtf', 'ofd'] as const satisfies readonly FileKind[];
export const SORT_KEYS = [
  'id',
  'agency',
  'region',
  'year',
  'format',
  'fileKind',
  'reviewStatus',
  'failedChecks',
  'minConfidence',
  'importedAt',
  'fileName',
  'deletedAt',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const contains = z.string().trim().min(1).max(100);
const year = z.number().int().min(1900).max(2200);
const count = z.number().int().min(0).max(10_000);
const instant = z.iso.datetime();

export const libraryFilters = z
  .object({
    /** text contains (case-insensitive for Latin letters) */
    agency: contains,
    region: contains,
    title: contains,
    fileName: contains,
    yearFrom: year,
    yearTo: year,
    /** null: no layout recognised */
    formats: z.array(z.enum(REPORT_FORMATS).nullable()).max(REPORT_FORMATS.length + 1),
    statuses: z.array(z.enum(REVIEW_STATUSES)).max(REVIEW_STATUSES.length),
    fileKinds: z.array(z.enum(FILE_KINDS)).max(FILE_KINDS.length),
    /** reports where any of these rules fails */
    failedRules: z.array(z.string().min(1).max(80)).max(50),
    failedMin: count,
    failedMax: count,
    /** lowest field confidence below this */
    confidenceBelow: z.number().min(0).max(1),
    /** imported at or after / before these instants (ISO, UTC: the list turns local dates into them) */
    importedFrom: instant,
    importedBefore: instant,
  })
  .partial()
  .strict();
export type LibraryFilters = z.infer<typeof libraryFilters>;

export const librarySort = z.object({ key: z.enum(SORT_KEYS), desc: z.boolean() }).strict();
export type LibrarySort = z.infer<typeof librarySort>;

export const libraryQuery = z
  .object({
    /** full-text search over report text, agency and title */
    search: z.string().max(200).optional(),
    filters: libraryFilters.optional(),
    sort: librarySort.optional(),
    /** the trash instead of the library */
    trash: z.boolean().optional(),
  })
  .strict();
export type LibraryQuery = z.infer<typeof libraryQuery>;

/** A window of the ordered result. */
export interface LibraryPage {
  /** reports matching the query */
  total: number;
  offset: number;
  rows: ReportSummary[];
  /** index of the report asked for with `locate` in the whole result, null when it is not in it */
  position?: number | null;
}

/** Counts for the filters and the trash, over the library (not the trash). */
export interface LibraryCounts {
  reports: number;
  trash: number;
  statuses: Record<ReviewStatus, number>;
  formats: { value: ReportFormat | null; count: number }[];
  fileKinds: { value: FileKind; count: number }[];
  /** rules failing somewhere, with the number of reports */
  rules: { rule: string; count: number }[];
  years: { min: number; max: number } | null;
}

export interface SavedView {
  id: number;
  name: string;
  query: LibraryQuery;
  createdAt: string;
  updatedAt: string;
}

export type VerifyRefusal = 'checks_failing' | 'in_trash' | 'not_found';

/** Bulk verify, as report:verify one by one: failing error-level rules refuse a report unless a note accepts it; warnings never do. */
export interface BulkVerifyResult {
  /** reports now verified */
  verified: number;
  /** of those, how many had failing warnings (they do not block) */
  withWarnings: number;
  /** of those, how many were accepted with the note although error-level rules fail */
  withNote: number;
  alreadyVerified: number;
  refusedIds: number[];
  /** of the refused, those refused for failing error-level rules only (a note would accept them) */
  errorIds: number[];
  /** why, by error-level rule for failing checks; a report with two failing rules counts under both */
  reasons: { code: VerifyRefusal; rule?: string; count: number }[];
  /** the job was cancelled: the figures are those of the reports done before */
  cancelled?: boolean;
}

export interface EmptyTrashResult {
  reports: number;
  /** originals deleted because no other report uses them */
  blobs: number;
}
