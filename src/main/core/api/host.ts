// One table of handlers behind the API contract; IPC and the HTTP harness are two transports over it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import nodePath from 'node:path';
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { apiArgs, type ApiEvent, type ApiEvents, type ApiMethod, type ApiResponse, type ApiResults } from '../../../shared/api';
import { API_METHOD_NAMES } from '../../../shared/channels';
import { openLibrary, schemaVersion, type Library } from '../store/library';
import { countReports, getReport } from '../store/reports';
import { libraryCounts, queryIds, queryPage } from '../store/library-query';
import { emptyTrash, trashInChunks } from '../store/trash';
import { deleteView, listViews, renameView, saveView } from '../store/saved-views';
import { verifyInChunks } from '../store/bulk-verify';
import type { ChunkOptions } from '../store/in-chunks';
import type { LibraryQuery } from '../../../shared/library';
import { failStaleJobs } from '../store/jobs';
import { inlineExecutor, workerExecutor, type Executor } from '../import/executor';
import { runImport } from '../import/job';
import { defaultExportPath, exportWorkerPath, runExport, type ExportFormat, type ExportOptions } from '../export';
import { changeField, fieldHistory, restoreField, verifyReport, type FieldChange, type Restore } from '../store/corrections';
import { reviewQueue } from '../store/review-queue';
import { withCheckParams } from '../store/check-params';
import { fileText, reportFile } from '../store/pages';
import { mergeReports } from '../store/merge';
import { osUser } from '../store/history';
import { pageViews, type PageViewOptions } from '../review/page-view';
import { PAGE_WORKER_FILE, pagePictures, workerPagePictures } from '../review/page-pictures';
import { pageWarmer } from '../review/page-warmer';
import { reextractReports } from '../review/reextract';
import { editMetadata, type MetaChanges } from '../review/metadata';
import { reportFacets } from '../store/selection';
import { exportBundle, importBundle, type BundleImport } from '../bundle';
import { getConflict, listConflicts, markConflictResolved } from '../store/bundle';
import { agencies, agencyTrend, compliance, groupMembers, groupStats } from '../analysis';
import { complianceGrid, groupGrid, writeGridXlsx } from '../analysis/export';
import { compliancePage } from '../analysis/compliance-page';
import { analysisWarmer, type WarmStats } from '../analysis/warm';
import { defaultAgency, type ComplianceQuery, type GroupBy } from '../../../shared/analysis';

export interface ApiHost {
  /** Validate raw (untrusted) args, run the handler, return data — never throws. */
  dispatch(method: string, rawArgs: unknown): Promise<ApiResponse<ApiMethod>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  /** Merge a library bundle a person chose in a native dialog (main process only). */
  importBundle(file: string): Promise<BundleImport>;
  /** Write the library as one bundle file a person chose in a native dialog (main process only). */
  exportBundle(file: string): Promise<void>;
  /** Cancel running jobs and close the library. */
  close(): Promise<void>;
  /** The analysis views' answers made ahead in idle time, once made (tests, benchmarks): what it took. */
  analysisWarmed(): Promise<WarmStats | undefined>;
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
  /** draw review pages ahead of time in idle time (default: when there are workers) */
  warmPages?: boolean;
  /** make the analysis views' first answers in idle time (default: yes) */
  warmAnalysis?: boolean;
  /**
   * Where to write a file an export method makes (the desktop shell asks in a native save dialog,
   * starting from `suggested`; null: the person cancelled). Without it, files go to the library's
   * exports folder. The renderer never names a path.
   */
  chooseSavePath?: (suggested: string) => Promise<string | null>;
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

const asUrl = (file: string | URL): URL => (file instanceof URL ? file : pathToFileURL(file));

type Handlers = { [M in ApiMethod]: (args: never) => ApiResults[M] | Promise<ApiResults[M]> };

export function createApiHost(options: ApiHostOptions = {}): ApiHost {
  const lib: Library = openLibrary(options);
  failStaleJobs(lib.db);
  const executor: Executor = options.workerScript ? workerExecutor(options.workerScript) : inlineExecutor();
  const events = new EventEmitter();
  const jobs = new Map<string, { abort: AbortController; done: Promise<unknown> }>();
  const emit = <E extends ApiEvent>(event: E, payload: ApiEvents[E]): void => void events.emit(event, payload);
  /** the file an export writes: asked for where the shell can ask, else the suggested one */
  const saveTarget = async (suggested: string): Promise<string> => {
    const file = options.chooseSavePath ? await options.chooseSavePath(suggested) : suggested;
    if (file === null) throw new ApiFailure('cancelled', '已取消保存');
    return file;
  };

  const reportDetail = (id: number) => {
    const report = getReport(lib.db, id);
    if (!report) throw new ApiFailure('not_found', `报告 ${id} 不存在`);
    return withCheckParams(lib.db, report);
  };

  // PDF pages are drawn on a worker next to the pipeline's (inline when there are no workers), and
  // ahead of time on another one while the app is idle
  const pageWorker = options.workerScript && new URL(PAGE_WORKER_FILE, asUrl(options.workerScript));
  const pages = pageViews(lib, pageWorker ? workerPagePictures(pageWorker) : pagePictures());
  const warmer = pageWorker && options.warmPages !== false ? pageWarmer(lib, pages, workerPagePictures(pageWorker), { busy: () => jobs.size > 0 }) : null;
  warmer?.poke();
  const analysisWarm = options.warmAnalysis === false ? null : analysisWarmer(lib.db, { busy: () => jobs.size > 0 });
  analysisWarm?.poke();
  /** a background task the caller can cancel with import:cancel (its job id comes with its progress events) */
  const track = <T>(jobId: string, abort: AbortController, work: Promise<T>): Promise<T> => {
    warmer?.interrupt();
    const done = work.finally(() => {
      jobs.delete(jobId);
      warmer?.poke();
      analysisWarm?.poke();
    });
    jobs.set(jobId, { abort, done: done.catch(() => undefined) });
    return done;
  };

  /** a bulk action in chunks; with a job id, followed by job:progress events and cancelled by import:cancel */
  const bulkJob = <T>(jobId: string | undefined, work: (chunks: ChunkOptions) => Promise<T>): Promise<T> => {
    if (jobId === undefined) return work({});
    if (jobs.has(jobId)) throw new ApiFailure('job_exists', `任务 ${jobId} 已在运行`);
    const abort = new AbortController();
    return track(jobId, abort, work({ signal: abort.signal, onProgress: (done, total) => emit('job:progress', { jobId, done, total }) }));
  };

  const handlers: Handlers = {
    'library:info': () => ({ home: lib.home, dbPath: lib.dbPath, reports: countReports(lib.db), schemaVersion: schemaVersion(lib.db), asksSavePath: Boolean(options.chooseSavePath) }),
    'library:list': ({ query, offset, limit, locate }: { query: LibraryQuery; offset: number; limit: number; locate?: number }) => queryPage(lib.db, query, offset, limit, locate),
    'library:ids': ({ query, offset = 0, limit }: { query: LibraryQuery; offset?: number; limit?: number }) =>
      queryIds(lib.db, query).slice(offset, limit === undefined ? undefined : offset + limit),
    'library:counts': () => libraryCounts(lib.db),
    'library:verify': ({ ids, note, jobId }: { ids: number[]; note?: string; jobId?: string }) => bulkJob(jobId, (chunks) => verifyInChunks(lib.db, ids, { note, ...chunks })),
    'trash:move': ({ ids, jobId }: { ids: number[]; jobId?: string }) =>
      bulkJob(jobId, (chunks) => trashInChunks(lib.db, ids, true, chunks)).then(({ count, cancelled }) => ({ moved: count, ...(cancelled ? { cancelled } : {}) })),
    'trash:restore': ({ ids, jobId }: { ids: number[]; jobId?: string }) =>
      bulkJob(jobId, (chunks) => trashInChunks(lib.db, ids, false, chunks)).then(({ count, cancelled }) => ({ restored: count, ...(cancelled ? { cancelled } : {}) })),
    'trash:empty': () => emptyTrash(lib.db, lib.home),
    'view:list': () => listViews(lib.db),
    'view:save': ({ name, query }: { name: string; query: LibraryQuery }) => saveView(lib.db, name, query),
    'view:rename': ({ id, name }: { id: number; name: string }) => renameView(lib.db, id, name),
    'view:delete': ({ id }: { id: number }) => (deleteView(lib.db, id), { deleted: true as const }),
    'report:get': ({ id }: { id: number }) => reportDetail(id),
    'report:history': ({ id }: { id: number }) => fieldHistory(lib.db, id),
    'report:verify': ({ id, note }: { id: number; note?: string }) => {
      const change = verifyReport(lib.db, id, note);
      return { ...reportDetail(id), change };
    },
    'field:update': (change: FieldChange) => {
      const id = changeField(lib.db, change);
      return { ...reportDetail(change.reportId), change: id };
    },
    'field:restore': (restore: Restore) => {
      const change = restoreField(lib.db, restore);
      return { ...reportDetail(restore.reportId), change };
    },
    'review:queue': ({ ids }: { ids?: number[] }) => reviewQueue(lib.db, ids),
    'report:page': ({ id, page, ...opts }: { id: number; page: number } & PageViewOptions) => {
      warmer?.interrupt();
      return pages.get(id, page, opts);
    },
    'report:meta': async ({ id, note, ...changes }: MetaChanges & { id: number; note?: string }) => {
      reportDetail(id);
      const edited = await editMetadata(lib, executor, id, changes, note);
      return { ...reportDetail(id), ...edited }; // read after the edit
    },
    'report:reextract': ({ ids, keepManual, jobId = crypto.randomUUID() }: { ids: number[]; keepManual?: boolean; jobId?: string }) => {
      if (jobs.has(jobId)) throw new ApiFailure('job_exists', `任务 ${jobId} 已在运行`);
      const abort = new AbortController();
      return track(jobId, abort, reextractReports(lib, executor, ids, { keepManual, jobId, signal: abort.signal, onProgress: (p) => emit('job:progress', p) }));
    },
    'report:merge': ({ ids }: { ids: [number, number] }) => reportDetail(mergeReports(lib.db, ids[0], ids[1], osUser())),
    'report:text': ({ id, sha256 }: { id: number; sha256: string }) => {
      const file = reportFile(lib.db, id, sha256);
      if (!file) throw new ApiFailure('not_found', `报告 ${id} 没有这份文件`);
      return { sha256: file.sha256, text: fileText(lib.db, file.fileId) };
    },
    // a job like an import: job:progress events (reports written), import:cancel stops it
    'library:export': async ({ format, jobId = crypto.randomUUID(), ...chosen }: ExportOptions & { format: ExportFormat; jobId?: string }) => {
      if (jobs.has(jobId)) throw new ApiFailure('job_exists', `任务 ${jobId} 已在运行`);
      const file = await saveTarget(defaultExportPath(lib.home, format));
      const abort = new AbortController();
      const onProgress = (done: number, total: number) => emit('job:progress', { jobId, done, total, current: nodePath.basename(file) });
      return track(jobId, abort, runExport(lib, format, file, chosen, options.workerScript && exportWorkerPath(options.workerScript), { signal: abort.signal, onProgress }));
    },
    'library:facets': () => reportFacets(lib.db),
    'bundle:export': async () => {
      const file = await saveTarget(defaultExportPath(lib.home, 'json').replace(/\.json$/, '.nianbao'));
      const m = await exportBundle(lib, file);
      return { path: file, reports: m.reports, files: m.files - m.missing.length };
    },
    'analysis:agencies': () => agencies(lib.db),
    'analysis:agency': ({ agency }: { agency?: string }) => agencyTrend(lib.db, agency ?? defaultAgency(agencies(lib.db))?.agency ?? ''),
    'analysis:groups': ({ by, years }: { by: GroupBy; years?: number[] }) => groupStats(lib.db, by, years),
    'analysis:members': ({ by, group, years }: { by: GroupBy; group: string; years?: number[] }) => groupMembers(lib.db, by, group, years),
    'analysis:compliance': (q: ComplianceQuery) => compliancePage(lib.db, q),
    'analysis:export': async ({ view, by = 'year', years }: { view: 'groups' | 'compliance'; by?: GroupBy; years?: number[] }) => {
      const grid = view === 'groups' ? groupGrid(groupStats(lib.db, by, years), by) : complianceGrid(compliance(lib.db));
      const file = await saveTarget(defaultExportPath(lib.home, 'xlsx').replace(/\.xlsx$/, `-${view}.xlsx`));
      fs.mkdirSync(nodePath.dirname(file), { recursive: true });
      await writeGridXlsx(grid, file);
      return { path: file, rows: grid.rows.length - 1 };
    },
    'bundle:conflicts': ({ reportId }: { reportId?: number }) => listConflicts(lib.db, reportId),
    'bundle:resolve': ({ id, take }: { id: number; take: 'local' | 'incoming' }) => {
      const c = getConflict(lib.db, id);
      if (!c) throw new ApiFailure('not_found', `冲突 ${id} 不存在或已处理`);
      lib.db.transaction(() => {
        if (take === 'incoming') {
          const status = c.incomingStatus === 'verified' ? 'verified' : 'corrected';
          changeField(lib.db, { reportId: c.reportId, key: c.key, value: c.incomingValue, status, note: `合并冲突：采用资料库包 ${c.bundle} 中${c.incomingBy ? ` ${c.incomingBy} ` : ''}的值` });
        }
        markConflictResolved(lib.db, id, take);
      })();
      return { resolved: id };
    },
    'import:start': ({ paths }: { paths: string[] }) => {
      const jobId = crypto.randomUUID();
      const abort = new AbortController();
      const done = runImport(lib, paths, { executor, jobId, signal: abort.signal, onProgress: (p) => emit('job:progress', p) })
        .then((summary) => emit('job:done', summary))
        .catch((err: Error) =>
          emit('job:done', { jobId, cancelled: false, imported: 0, duplicates: 0, failed: 1, skipped: 0, outcomes: [{ path: '', name: '', status: 'failed', code: 'internal', message: err.message }] }),
        );
      void track(jobId, abort, done);
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
      } finally {
        // after what may have changed the library; waits until nothing is asked for a while
        analysisWarm?.poke();
      }
    },
    importBundle: (file) => importBundle(lib, file).finally(() => analysisWarm?.poke()),
    analysisWarmed: async () => analysisWarm?.settled(),
    exportBundle: async (file) => void (await exportBundle(lib, file)),
    on(event, listener) {
      events.on(event, listener);
      return () => void events.off(event, listener);
    },
    async close() {
      for (const job of jobs.values()) job.abort.abort();
      await Promise.all([...jobs.values()].map((j) => j.done));
      await warmer?.close();
      await analysisWarm?.close();
      await executor.close();
      await pages.close();
      lib.close();
    },
  };
}
