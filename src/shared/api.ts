// The typed API contract between the UI and the core. The preload (IPC) and the
// browser harness (HTTP) expose exactly these methods and events.
import { z } from 'zod';
import type { FieldHistoryEntry, FieldStatus, FieldValue, JobProgress, JobSummary, ReportDetail } from './model';
import { libraryQuery, type BulkVerifyResult, type EmptyTrashResult, type LibraryCounts, type LibraryPage, type SavedView } from './library';
import type { AgencyEntry, AgencyTrend, CompliancePage, GroupMember, GroupStats } from './analysis';
import { COMPLIANCE_SORTS } from './analysis';
import { API_EVENT_NAMES, API_METHOD_NAMES, type ApiEventName, type ApiMethodName } from './channels';
import type { PageView, ReextractSummary, ReviewQueueItem } from './review';

const id = z.number().int().positive();
const ids = z.array(id).min(1).max(200_000);
const viewName = z.string().trim().min(1).max(80);

/** Which reports and figures an export covers (every option may be left out: everything). */
export const exportOptionsSchema = z
  .object({
    ids: z.array(id).min(1).max(1_000_000).optional(),
    verifiedOnly: z.boolean().optional(),
    layouts: z.array(z.enum(['2021', '2019', 'legacy', 'narrative'])).min(1).max(4).optional(),
    years: z.array(z.number().int().min(1990).max(2100)).min(1).max(200).optional(),
    regions: z.array(z.string().min(1).max(200)).min(1).max(5000).optional(),
    includeOriginals: z.boolean().optional(),
  })
  .strict();
export type ExportOptionsArgs = z.input<typeof exportOptionsSchema>;
export const EXPORT_FORMAT_NAMES = ['json', 'csv', 'csv-wide', 'xlsx'] as const;

/** Argument schemas: the renderer is untrusted, every call is validated. */
export const apiArgs = {
  'library:info': z.object({}).strict(),
  // the library list: one window of the query's ordered result (and where `locate` is in it)
  'library:list': z
    .object({ query: libraryQuery.default({}), offset: z.number().int().min(0).default(0), limit: z.number().int().min(0).max(1000).default(200), locate: id.optional() })
    .strict(),
  'library:ids': z.object({ query: libraryQuery.default({}), offset: z.number().int().min(0).optional(), limit: z.number().int().min(0).optional() }).strict(),
  'library:counts': z.object({}).strict(),
  // a note accepts reports whose error-level rules fail, as report:verify does
  // jobId (optional): run as a job that sends job:progress events and stops on import:cancel
  'library:verify': z.object({ ids, note: z.string().min(1).max(2000).optional(), jobId: z.string().uuid().optional() }).strict(),
  'trash:move': z.object({ ids, jobId: z.string().uuid().optional() }).strict(),
  'trash:restore': z.object({ ids, jobId: z.string().uuid().optional() }).strict(),
  'trash:empty': z.object({}).strict(),
  'view:list': z.object({}).strict(),
  'view:save': z.object({ name: viewName, query: libraryQuery }).strict(),
  'view:rename': z.object({ id, name: viewName }).strict(),
  'view:delete': z.object({ id }).strict(),
  'report:get': z.object({ id }).strict(),
  'report:history': z.object({ id }).strict(),
  'report:verify': z.object({ id, note: z.string().min(1).max(2000).optional() }).strict(),
  'field:update': z
    .object({
      reportId: id,
      key: z.string().min(1).max(80),
      value: z.union([z.number().finite(), z.string().max(500), z.null()]),
      status: z.enum(['corrected', 'verified']),
      note: z.string().max(2000).optional(),
    })
    .strict(),
  'import:start': z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(100_000) }).strict(),
  'import:cancel': z.object({ jobId: z.string().min(1).max(64) }).strict(),
  // no path from the renderer (it is untrusted): files go to the library's exports folder
  'review:queue': z.object({ ids: z.array(id).max(1_000_000).optional() }).strict(),
  'report:page': z
    .object({ id, page: z.number().int().positive(), sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(), dpi: z.number().int().min(48).max(300).optional(), picture: z.boolean().optional(), prefetch: z.boolean().optional() })
    .strict(),
  'field:restore': z
    .object({ reportId: id, historyId: id, side: z.enum(['old', 'new']), action: z.enum(['undo', 'redo', 'restore']).optional(), note: z.string().max(2000).optional() })
    .strict(),
  'report:meta': z
    .object({
      id,
      agency: z.string().min(1).max(200).nullable().optional(),
      year: z.number().int().min(1949).max(2200).nullable().optional(),
      region: z.string().min(1).max(200).nullable().optional(),
      format: z.enum(['2021', '2019', 'legacy', 'narrative']).optional(),
      note: z.string().max(2000).optional(),
    })
    .strict(),
  // jobId: the caller may name the job, to follow its job:progress events and cancel it (import:cancel) while it runs
  'report:reextract': z.object({ ids: z.array(id).min(1).max(100_000), keepManual: z.boolean().optional(), jobId: z.string().uuid().optional() }).strict(),
  'report:merge': z.object({ ids: z.tuple([id, id]) }).strict(),
  'report:text': z.object({ id, sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
  // jobId: as for report:reextract (job:progress counts reports written; import:cancel stops it, no file left)
  'library:export': exportOptionsSchema.extend({ format: z.enum(EXPORT_FORMAT_NAMES), jobId: z.string().uuid().optional() }).strict(),
  'library:facets': z.object({}).strict(),
  // the whole library as one file in the exports folder (bundles are imported from the File menu or the CLI)
  'bundle:export': z.object({}).strict(),
  'bundle:conflicts': z.object({ reportId: id.optional() }).strict(),
  'bundle:resolve': z.object({ id, take: z.enum(['local', 'incoming']) }).strict(),
  'analysis:agencies': z.object({}).strict(),
  // without an agency: the one the view opens on (defaultAgency), asked for beside the list
  'analysis:agency': z.object({ agency: z.string().min(1).max(200).optional() }).strict(),
  'analysis:groups': z.object({ by: z.enum(['year', 'province', 'level']), years: z.array(z.number().int().min(1990).max(2100)).max(200).optional() }).strict(),
  'analysis:members': z
    .object({ by: z.enum(['year', 'province', 'level']), group: z.string().min(1).max(100), years: z.array(z.number().int().min(1990).max(2100)).max(200).optional() })
    .strict(),
  'analysis:compliance': z
    .object({
      onlyProblems: z.boolean().optional(),
      sort: z.enum(COMPLIANCE_SORTS).optional(),
      desc: z.boolean().optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    })
    .strict(),
  // the table of a view as XLSX in the exports folder
  'analysis:export': z
    .object({ view: z.enum(['groups', 'compliance']), by: z.enum(['year', 'province', 'level']).optional(), years: z.array(z.number().int().min(1990).max(2100)).max(200).optional() })
    .strict(),
} as const satisfies Record<ApiMethodName, z.ZodType>;

export interface LibraryInfo {
  home: string;
  dbPath: string;
  reports: number;
  schemaVersion: number;
  /** exports are saved where the person chooses in a native dialog (desktop), not in the exports folder */
  asksSavePath?: boolean;
}

export interface MergeConflict {
  id: number;
  reportId: number;
  key: string;
  localValue: FieldValue;
  localStatus: FieldStatus;
  incomingValue: FieldValue;
  incomingStatus: FieldStatus;
  incomingBy: string | null;
  incomingAt: string;
  bundle: string;
  createdAt: string;
}

export interface LibraryFacets {
  years: { value: number; count: number }[];
  layouts: { value: '2021' | '2019' | 'legacy' | 'narrative'; count: number }[];
  regions: { value: string; count: number }[];
}

export interface ApiResults {
  'library:info': LibraryInfo;
  'library:list': LibraryPage;
  /** ids of the query's result in its order (a range of it with offset/limit): select all, Shift ranges */
  'library:ids': number[];
  'library:counts': LibraryCounts;
  /** verifies the reports where no error-level rule fails (all of them with a note), says which were refused and why */
  'library:verify': BulkVerifyResult;
  /** how many reports moved to / came back from the trash */
  'trash:move': { moved: number; cancelled?: boolean };
  'trash:restore': { restored: number; cancelled?: boolean };
  /** deletes the trashed reports and the originals no other report uses */
  'trash:empty': EmptyTrashResult;
  'view:list': SavedView[];
  /** a new view, or the view of that name with the new query */
  'view:save': SavedView;
  'view:rename': SavedView;
  'view:delete': { deleted: true };
  'report:get': ReportDetail;
  'report:history': FieldHistoryEntry[];
  /** marks the report verified: refused while a rule fails, unless accepted with a note; `change` is its history row */
  'report:verify': ReportDetail & { change: number };
  /** the report after the change, with its checks evaluated again; `change` is the history row (for undo) */
  'field:update': ReportDetail & { change: number };
  'import:start': { jobId: string };
  'import:cancel': { cancelled: boolean };
  /** where the file was written (the library's exports folder) and how many reports */
  /** report ids in review order: failing rules first, then low confidence; verified last */
  'review:queue': ReviewQueueItem[];
  /** one page of the report's file (its first file unless sha256 is given): words and picture */
  'report:page': PageView;
  /** restore the old (undo) or new (redo, restore) side of a history row, as a new change */
  'field:restore': ReportDetail & { change: number };
  /** metadata corrections; a changed layout re-extracts the report keeping manual corrections */
  'report:meta': ReportDetail & { reextracted: boolean; changes: number[] };
  /** re-read the stored originals through the import pipeline; corrected/verified fields kept unless keepManual is false */
  'report:reextract': ReextractSummary;
  /** the two reports are one document: one is left (returned) with the files, history and manual values of both */
  'report:merge': ReportDetail;
  /** the extracted text of one of the report's files (report:get gives its first file's) */
  'report:text': { sha256: string; text: string };
  'library:export': { path: string; reports: number; originals?: { path: string; files: number } };
  /** years, layouts and regions present in the library, with report counts (for export and analysis filters) */
  'library:facets': LibraryFacets;
  'bundle:export': { path: string; reports: number; files: number };
  /** figures corrected differently here and in a merged bundle, not yet resolved */
  'bundle:conflicts': MergeConflict[];
  /** keep the local value or take the incoming one (recorded in the field's history) */
  'bundle:resolve': { resolved: number };
  'analysis:agencies': AgencyEntry[];
  /** one agency across years: figures with year-over-year change, cross-year chains, prose compared */
  'analysis:agency': AgencyTrend;
  /** totals and distributions by year, province or level */
  'analysis:groups': GroupStats[];
  /** the reports of one group, each with its part of the group's figures */
  'analysis:members': GroupMember[];
  /** required sections and tables present, failing rules, published by the deadline */
  'analysis:compliance': CompliancePage;
  'analysis:export': { path: string; rows: number };
}

export type ApiMethod = ApiMethodName;
export type ApiArgs<M extends ApiMethod> = z.input<(typeof apiArgs)[M]>;
export type ApiResult<M extends ApiMethod> = ApiResults[M];

/** Errors cross the boundary as data. */
export type ApiError = { ok: false; code: string; message: string };
export type ApiResponse<M extends ApiMethod> = { ok: true; value: ApiResult<M> } | ApiError;

export interface ApiEvents {
  'job:progress': JobProgress;
  'job:done': JobSummary;
  /** the desktop menu's File › 导出…: open the export dialog */
  'menu:export': Record<string, never>;
}
export type ApiEvent = ApiEventName;
export const API_EVENTS: readonly ApiEvent[] = API_EVENT_NAMES;
export const API_METHODS: readonly ApiMethod[] = API_METHOD_NAMES;

/** What the renderer sees as `window.api` (preload) or the HTTP client (harness). */
export interface WorkbenchApi {
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResponse<M>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  /** Turn dropped File objects into paths the core can read. */
  pathsForFiles(files: File[]): Promise<string[]>;
}
