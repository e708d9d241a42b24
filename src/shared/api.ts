// The typed API contract between the UI and the core. The preload (IPC) and the
// browser harness (HTTP) expose exactly these methods and events.
import { z } from 'zod';
import type { FieldHistoryEntry, JobProgress, JobSummary, ReportDetail } from './model';
import { libraryQuery, type BulkVerifyResult, type EmptyTrashResult, type LibraryCounts, type LibraryPage, type SavedView } from './library';
import { API_EVENT_NAMES, API_METHOD_NAMES, type ApiEventName, type ApiMethodName } from './channels';

const id = z.number().int().positive();
const ids = z.array(id).min(1).max(200_000);
const viewName = z.string().trim().min(1).max(80);

/** Argument schemas: the renderer is untrusted, every call is validated. */
export const apiArgs = {
  'library:info': z.object({}).strict(),
  // the library list: one window of the query's ordered result (and where `locate` is in it)
  'library:list': z
    .object({ query: libraryQuery.default({}), offset: z.number().int().min(0).default(0), limit: z.number().int().min(0).max(1000).default(200), locate: id.optional() })
    .strict(),
  'library:ids': z.object({ query: libraryQuery.default({}), offset: z.number().int().min(0).optional(), limit: z.number().int().min(0).optional() }).strict(),
  'library:counts': z.object({}).strict(),
  'library:verify': z.object({ ids }).strict(),
  'trash:move': z.object({ ids }).strict(),
  'trash:restore': z.object({ ids }).strict(),
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
  'library:export': z.object({ format: z.enum(['json', 'csv', 'csv-wide', 'xlsx']) }).strict(),
} as const satisfies Record<ApiMethodName, z.ZodType>;

export interface LibraryInfo {
  home: string;
  dbPath: string;
  reports: number;
  schemaVersion: number;
}

export interface ApiResults {
  'library:info': LibraryInfo;
  'library:list': LibraryPage;
  /** ids of the query's result in its order (a range of it with offset/limit): select all, Shift ranges */
  'library:ids': number[];
  'library:counts': LibraryCounts;
  /** verifies the reports where no rule fails, says which were refused and why */
  'library:verify': BulkVerifyResult;
  /** how many reports moved to / came back from the trash */
  'trash:move': { moved: number };
  'trash:restore': { restored: number };
  /** deletes the trashed reports and the originals no other report uses */
  'trash:empty': EmptyTrashResult;
  'view:list': SavedView[];
  /** a new view, or the view of that name with the new query */
  'view:save': SavedView;
  'view:rename': SavedView;
  'view:delete': { deleted: true };
  'report:get': ReportDetail;
  'report:history': FieldHistoryEntry[];
  /** marks the report verified: refused while a rule fails, unless accepted with a note */
  'report:verify': ReportDetail;
  /** the report after the change, with its checks evaluated again */
  'field:update': ReportDetail;
  'import:start': { jobId: string };
  'import:cancel': { cancelled: boolean };
  /** where the file was written (the library's exports folder) and how many reports */
  'library:export': { path: string; reports: number };
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
