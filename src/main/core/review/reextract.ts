// Re-extraction: read each report's stored original from the blob store, run it through the
// import pipeline again (on the workers; pages that need OCR through the import's OCR step, whose
// cache usually has them) and store the result, keeping what people corrected. One report failing
// (original missing, unreadable) is reported and the others go on.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import type { Library } from '../store/library';
import type { Executor } from '../import/executor';
import { blobPath } from '../import/blob-store';
import { reportFile } from '../store/pages';
import { listFields } from '../store/reports';
import type { ReportFormat } from '../../../shared/fields';
import { storeReextraction } from '../store/reextract';
import { osUser } from '../store/history';
import { ocrJob } from '../import/ocr-job';
import type { JobProgress } from '../../../shared/model';
import type { ReextractFailure, ReextractSummary } from '../../../shared/review';

export interface ReextractRun {
  keepManual?: boolean;
  by?: string;
  jobId?: string;
  signal?: AbortSignal;
  onProgress?: (p: JobProgress) => void;
}

/** A layout a person set (and that is kept) is the one the tables are read with. */
function chosenLayout(lib: Library, id: number, keepManual: boolean): { format?: ReportFormat } {
  const f = keepManual ? listFields(lib.db, id).find((x) => x.key === 'meta.format') : undefined;
  return f && (f.status === 'corrected' || f.status === 'verified') && isFormat(f.value) ? { format: f.value } : {};
}

const isFormat = (v: unknown): v is ReportFormat => v === '2021' || v === '2019' || v === 'legacy' || v === 'narrative';

export async function reextractReports(lib: Library, executor: Executor, ids: readonly number[], run: ReextractRun = {}): Promise<ReextractSummary> {
  const jobId = run.jobId ?? crypto.randomUUID();
  const summary: ReextractSummary = { jobId, reextracted: [], failed: [], changed: 0, kept: 0 };
  const queue = [...new Set(ids)];
  const total = queue.length;
  let done = 0;
  const ocr = ocrJob({ db: lib.db, executor, signal: run.signal });
  const one = async (id: number): Promise<ReextractFailure | null> => {
    const file = reportFile(lib.db, id);
    if (!file) return { id, code: 'not_found', message: `报告 ${id} 不存在` };
    const bytes = await fs.readFile(blobPath(lib.home, file.sha256)).catch(() => null);
    if (!bytes) return { id, code: 'blob_missing', message: `报告 ${id} 的原始文件 ${file.name} 不在资料库中，无法重新提取` };
    const input = { bytes, name: file.name, sha256: file.sha256, ...chosenLayout(lib, id, run.keepManual ?? true) };
    let result = await executor.run(input);
    if (!result.ok && 'pages' in result) {
      const pages = await ocr.pages({ sha256: file.sha256, bytes }, result, () => {});
      result = await executor.run({ ...input, ocr: pages });
    }
    if (!result.ok) return { id, code: result.code, message: result.message };
    // the report may have been merged away while the pipeline ran
    if (!reportFile(lib.db, id, file.sha256)) return { id, code: 'not_found', message: `报告 ${id} 不存在` };
    const { changed, kept } = storeReextraction(lib.db, id, file.fileId, result.value, { keepManual: run.keepManual ?? true, by: run.by ?? osUser() });
    summary.changed += changed;
    summary.kept += kept;
    return null;
  };
  const lane = async (): Promise<void> => {
    for (let id = queue.shift(); id !== undefined && !run.signal?.aborted; id = queue.shift()) {
      const failure = await one(id).catch((err: Error & { code?: unknown }): ReextractFailure => ({ id, code: typeof err.code === 'string' ? err.code : 'internal', message: err.message }));
      if (failure) summary.failed.push(failure);
      else summary.reextracted.push(id);
      done++;
      run.onProgress?.({ jobId, done, total, current: `#${id}` });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, executor.size * 2) }, lane));
  } finally {
    await ocr.close();
  }
  summary.reextracted.sort((a, b) => a - b);
  return summary;
}
