// One table of handlers behind the API contract; IPC and the HTTP harness are two transports over it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import nodePath from 'node:path';
import { EventEmitter } from 'node:events';
import { apiArgs, type ApiEvent, type ApiEvents, type ApiMethod, type ApiResponse, type ApiResults } from '../../../shared/api';
import { API_METHOD_NAMES } from '../../../shared/channels';
import { openLibrary, schemaVersion, type Library } from '../store/library';
import { countReports, getReport } from '../store/reports';
import { libraryCounts, queryIds, queryPage } from '../store/library-query';
import { emptyTrash, moveToTrash, restoreFromTrash } from '../store/trash';
import { deleteView, listViews, renameView, saveView } from '../store/saved-views';
import { verifyInChunks } from '../store/bulk-verify';
import type { LibraryQuery } from '../../../shared/library';
import { failStaleJobs } from '../store/jobs';
import { inlineExecutor, workerExecutor, type Executor } from '../import/executor';
import { runImport } from '../import/job';
import { defaultExportPath, EXPORTERS, type ExportFormat } from '../export';
import { changeField, fieldHistory, verifyReport, type FieldChange } from '../store/corrections';

export interface ApiHost {
  /** Validate raw (untrusted) args, run the handler, return data — never throws. */
  dispatch(method: string, rawArgs: unknown): Promise<ApiResponse<ApiMethod>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  /** Export the library to a file a person chose in a native dialog (main process only, never the renderer). */
  exportTo(format: ExportFormat, file: string): Promise<number>;
  /** Cancel running jobs and close the library. */
  close(): Promise<void>;
  /** Library folder (where originals, the database and uploads live). */
  readonly home: string;
}

export interface ApiHostOptions {
  /** library folder; default NIANBAO_HOME or the per-user app data folder */
  home?: string;
  /** database file; default <home>/library.sqlite */
  dbPath?: string;
  /** built pipeline worker script (out/node/workers/pipeline.js or the electron-vite output); default: run inline */
  workerScript?: string | URL;
}

/** A failure a handler reports on purpose (bad id, unknown job). */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Handlers = { [M in ApiMethod]: (args: never) => ApiResults[M] | Promise<ApiResults[M]> };

export function createApiHost(options: ApiHostOptions = {}): ApiHost {
  const lib: Library = openLibrary(options);
  failStaleJobs(lib.db);
  const executor: Executor = options.workerScript ? workerExecutor(options.workerScript) : inlineExecutor();
  const events = new EventEmitter();
  const jobs = new Map<string, { abort: AbortController; done: Promise<unknown> }>();
  const emit = <E extends ApiEvent>(event: E, payload: ApiEvents[E]): void => void events.emit(event, payload);

  const reportDetail = (id: number) => {
    const report = getReport(lib.db, id);
    if (!report) throw new ApiFailure('not_found', `报告 ${id} 不存在`);
    return report;
  };

  const handlers: Handlers = {
    'library:info': () => ({ home: lib.home, dbPath: lib.dbPath, reports: countReports(lib.db), schemaVersion: schemaVersion(lib.db) }),
    'library:list': ({ query, offset, limit, locate }: { query: LibraryQuery; offset: number; limit: number; locate?: number }) => queryPage(lib.db, query, offset, limit, locate),
    'library:ids': ({ query, offset = 0, limit }: { query: LibraryQuery; offset?: number; limit?: number }) =>
      queryIds(lib.db, query).slice(offset, limit === undefined ? undefined : offset + limit),
    'library:counts': () => libraryCounts(lib.db),
    'library:verify': ({ ids }: { ids: number[] }) => verifyInChunks(lib.db, ids),
    'trash:move': ({ ids }: { ids: number[] }) => ({ moved: moveToTrash(lib.db, ids) }),
    'trash:restore': ({ ids }: { ids: number[] }) => ({ restored: restoreFromTrash(lib.db, ids) }),
    'trash:empty': () => emptyTrash(lib.db, lib.home),
    'view:list': () => listViews(lib.db),
    'view:save': ({ name, query }: { name: string; query: LibraryQuery }) => saveView(lib.db, name, query),
    'view:rename': ({ id, name }: { id: number; name: string }) => renameView(lib.db, id, name),
    'view:delete': ({ id }: { id: number }) => (deleteView(lib.db, id), { deleted: true as const }),
    'report:get': ({ id }: { id: number }) => reportDetail(id),
    'report:history': ({ id }: { id: number }) => fieldHistory(lib.db, id),
    'report:verify': ({ id, note }: { id: number; note?: string }) => {
      verifyReport(lib.db, id, note);
      return reportDetail(id);
    },
    'field:update': (change: FieldChange) => {
      changeField(lib.db, change);
      return reportDetail(change.reportId);
    },
    'library:export': async ({ format }: { format: ExportFormat }) => {
      const file = defaultExportPath(lib.home, format);
      fs.mkdirSync(nodePath.dirname(file), { recursive: true });
      return { path: file, reports: await EXPORTERS[format](lib.db, file) };
    },
    'import:start': ({ paths }: { paths: string[] }) => {
      const jobId = crypto.randomUUID();
      const abort = new AbortController();
      const done = runImport(lib, paths, { executor, jobId, signal: abort.signal, onProgress: (p) => emit('job:progress', p) })
        .then((summary) => emit('job:done', summary))
        .catch((err: Error) =>
          emit('job:done', { jobId, cancelled: false, imported: 0, duplicates: 0, failed: 1, skipped: 0, outcomes: [{ path: '', name: '', status: 'failed', code: 'internal', message: err.message }] }),
        )
        .finally(() => jobs.delete(jobId));
      jobs.set(jobId, { abort, done });
      return { jobId };
    },
    'import:cancel': ({ jobId }: { jobId: string }) => {
      const job = jobs.get(jobId);
      job?.abort.abort();
      return { cancelled: Boolean(job) };
    },
  };

  return {
    home: lib.home,
    async dispatch(method, rawArgs) {
      if (!(API_METHOD_NAMES as readonly string[]).includes(method)) return { ok: false, code: 'unknown_method', message: `unknown method ${method}` };
      const m = method as ApiMethod;
      const parsed = apiArgs[m].safeParse(rawArgs ?? {});
      if (!parsed.success) return { ok: false, code: 'bad_args', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
      try {
        const handler = handlers[m] as (args: unknown) => ApiResults[ApiMethod] | Promise<ApiResults[ApiMethod]>;
        return { ok: true, value: await handler(parsed.data) };
      } catch (err) {
        const e = err as Error & { code?: unknown };
        return { ok: false, code: typeof e.code === 'string' ? e.code : 'internal', message: e.message };
      }
    },
    exportTo: async (format, file) => EXPORTERS[format](lib.db, file),
    on(event, listener) {
      events.on(event, listener);
      return () => void events.off(event, listener);
    },
    async close() {
      for (const job of jobs.values()) job.abort.abort();
      await Promise.all([...jobs.values()].map((j) => j.done));
      await executor.close();
      lib.close();
    },
  };
}
