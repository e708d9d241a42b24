// An import job: walk the given paths, run each file through the pipeline, store each
// document in its own transaction. Per-file failures are outcomes, never exceptions.
import crypto from 'node:crypto';
import path from 'node:path';
import type { FileOutcome, JobProgress, JobSummary } from '../../../shared/model';
import type { Library } from '../store/library';
import { addFileSource, findFileBySha, findNearDuplicate, insertReport, indexPendingText } from '../store/reports';
import { rankPending } from '../store/zh-order';
import { addOutcome, createJob, finishJob, setJobTotal } from '../store/jobs';
import { fileKindOf, MAX_FILE_BYTES } from './file-types';
import type { ProcessedFile } from '../pipeline';
import { isInformative } from './fingerprint';
import { refreshCrossYear } from '../store/cross-year';
import { restoreFromTrash } from '../store/trash';
import { putBlob } from './blob-store';
import { readShared, sha256Of } from './read-file';
import { walk, type FoundFile } from './walk';
import type { Executor } from './executor';
import { ocrJob, type OcrJobOptions } from './ocr-job';
import { OcrCancelled } from '../ocr/engine';

/** Files read and queued per pipeline worker, so neither the disk nor the workers wait. */
const IN_FLIGHT_PER_WORKER = 6;
/** Outcomes stored per transaction, and the longest an outcome waits for its batch. */
const BATCH_FILES = 64;
const BATCH_MS = 100;

export interface ImportOptions {
  executor: Executor;
  jobId?: string;
  signal?: AbortSignal;
  onProgress?: (p: JobProgress) => void;
  /** OCR pool size and factory (default: one recognition worker per core) */
  ocr?: Pick<OcrJobOptions, 'workers' | 'createPool'>;
}

export async function runImport(lib: Library, paths: readonly string[], opts: ImportOptions): Promise<JobSummary> {
  const jobId = opts.jobId ?? crypto.randomUUID();
  const { db } = lib;
  createJob(db, jobId, 'import');
  const summary: JobSummary = { jobId, cancelled: false, imported: 0, duplicates: 0, failed: 0, skipped: 0, outcomes: [] };
  const found = await walk(paths, opts.signal);
  const total = found.files.length + found.problems.length;
  setJobTotal(db, jobId, total);
  opts.onProgress?.({ jobId, done: 0, total });

  // Outcomes are stored a batch at a time, one transaction per batch (each file in a savepoint of its
  // own, so one that fails to store fails alone); progress is told once the batch is committed.
  const pending: { outcome: FileOutcome; store?: () => void }[] = [];
  /** sha256 of the new files in `pending`: a file with the same bytes waits for them to be stored */
  const pendingSha = new Set<string>();
  let flushTimer: NodeJS.Timeout | null = null;
  const flush = (): void => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    const batch = pending.splice(0);
    pendingSha.clear();
    if (batch.length === 0) return;
    db.transaction(() => {
      for (const item of batch) {
        const seq = summary.outcomes.length;
        try {
          db.transaction(() => {
            item.store?.();
            addOutcome(db, jobId, seq, item.outcome);
          })();
        } catch (err) {
          const { path: file, name } = item.outcome;
          item.outcome = { path: file, name, status: 'failed', code: 'internal', message: `内部错误: ${(err as Error).message}` };
          addOutcome(db, jobId, seq, item.outcome);
        }
        summary.outcomes.push(item.outcome);
      }
    })();
    for (const { outcome } of batch) {
      const counter = ({ imported: 'imported', duplicate: 'duplicates', failed: 'failed', skipped: 'skipped' } as const)[outcome.status];
      summary[counter]++;
      opts.onProgress?.({ jobId, done: summary.outcomes.length, total, current: outcome.name, outcome });
    }
  };
  const record = (outcome: FileOutcome, store?: () => void, sha256?: string): void => {
    pending.push({ outcome, store });
    if (sha256) pendingSha.add(sha256);
    if (pending.length >= BATCH_FILES) flush();
    else flushTimer ??= setTimeout(flush, BATCH_MS);
  };
  found.problems.forEach((o) => record(o));
  const ocr = ocrJob({ db, executor: opts.executor, signal: opts.signal, ...opts.ocr });

  const importOne = async (file: FoundFile): Promise<void> => {
    const base = { path: file.path, name: file.name };
    if (!fileKindOf(file.name)) {
      const ext = path.extname(file.name).toLowerCase() || '(无扩展名)';
      return record({ ...base, status: 'skipped', code: 'unsupported', message: `不支持的文件类型 ${ext}` });
    }
    if (file.size > MAX_FILE_BYTES) {
      return record({ ...base, status: 'failed', code: 'too_large', message: `文件过大 (${Math.round(file.size / 2 ** 20)} MB)` });
    }
    let bytes: Uint8Array;
    try {
      bytes = await readShared(file.path);
    } catch (err) {
      return record({ ...base, status: 'failed', code: 'unreadable', message: `无法读取: ${(err as NodeJS.ErrnoException).code ?? err}` });
    }
    const sha256 = await sha256Of(bytes);
    if (recordExactDuplicate(file, sha256)) return;
    let result = await opts.executor.run({ bytes, name: file.name, sha256 });
    if (!result.ok && 'pages' in result) {
      const onPage = (ocrPagesDone: number, ocrPagesTotal: number): void =>
        opts.onProgress?.({ jobId, done: summary.outcomes.length, total, current: file.name, ocrPagesDone, ocrPagesTotal });
      let pages;
      try {
        pages = await ocr.pages({ sha256, bytes }, result, onPage);
      } catch (err) {
        if (err instanceof OcrCancelled) return; // the job is cancelled: this file is left for the next run
        const e = err as Error & { code?: string };
        return record({ ...base, status: 'failed', code: e.code ?? 'ocr_failed', message: e.message });
      }
      result = await opts.executor.run({ bytes, name: file.name, sha256, ocr: pages });
    }
    if (!result.ok) return record({ ...base, status: 'failed', code: result.code, message: result.message });
    if (recordExactDuplicate(file, sha256)) return;
    await putBlob(lib.home, sha256, bytes);
    // another file with the same bytes may have been stored while the blob was written
    if (recordExactDuplicate(file, sha256)) return;
    storeNew(file, sha256, bytes.byteLength, result.value);
  };

  /** Same bytes already in the library: only remember this name and path (and bring its report back from the trash). */
  const recordExactDuplicate = (file: FoundFile, sha256: string): boolean => {
    if (pendingSha.has(sha256)) flush();
    const existing = findFileBySha(db, sha256);
    if (!existing) return false;
    const outcome: FileOutcome = { path: file.path, name: file.name, status: 'duplicate', reportId: existing.reportId, duplicateOf: existing.reportId };
    record(outcome, () => {
      addFileSource(db, existing.fileId, file.name, file.path, jobId);
      if (restoreFromTrash(db, [existing.reportId])) {
        delete outcome.duplicateOf;
        Object.assign(outcome, { status: 'imported', code: 'restored', message: `报告 #${existing.reportId} 原在回收站中，已恢复` });
      }
    });
    return true;
  };

  const storeNew = (file: FoundFile, sha256: string, size: number, doc: ProcessedFile): void => {
    const outcome: FileOutcome = { path: file.path, name: file.name, status: 'imported' };
    record(outcome, () => {
      const value = (key: string) => doc.fields.find((f) => f.key === key)?.value ?? null;
      const year = value('meta.year');
      const agency = value('meta.agency');
      const identity = { year: typeof year === 'number' ? year : null, agency: typeof agency === 'string' ? agency : null };
      const twin = isInformative(doc.minhash) ? findNearDuplicate(db, doc.minhash, identity) : null;
      const { reportId } = insertReport(db, {
        file: { sha256, size, kind: doc.kind, encoding: doc.encoding, name: file.name, path: file.path },
        jobId,
        pages: doc.pages,
        fields: doc.fields,
        checks: doc.checks,
        unmapped: doc.unmapped,
        minhash: doc.minhash,
        duplicateOf: twin,
      });
      outcome.reportId = reportId;
      if (twin !== null) outcome.duplicateOf = twin;
      else refreshCrossYear(db, reportId, identity.agency, identity.year);
    }, sha256);
  };

  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < found.files.length && !opts.signal?.aborted) {
      const file = found.files[next++]!;
      try {
        await importOne(file);
      } catch (err) {
        record({ path: file.path, name: file.name, status: 'failed', code: 'internal', message: `内部错误: ${(err as Error).message}` });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: IN_FLIGHT_PER_WORKER * opts.executor.size }, lane));
  } finally {
    flush();
    await ocr.close();
    indexPendingText(db);
    rankPending(db);
  }
  if (ocr.stats.recognized + ocr.stats.cached > 0) summary.ocr = { recognized: ocr.stats.recognized, cached: ocr.stats.cached };

  summary.cancelled = opts.signal?.aborted === true && summary.outcomes.length < total;
  finishJob(db, jobId, summary.cancelled ? 'cancelled' : 'done');
  return summary;
}
