// Exports made by worker threads a batch of reports at a time, written in order: each worker reads
// its batches from its own read-only connection and hands back the bytes, so reading and making
// lines run on every core while the calling thread only writes (and an app's main thread stays
// free). At most WINDOW batches are out ahead of the one written next: memory stays flat.
// One worker per core: the calling thread's writes take little of a core (it is idle 83 % of a
// CSV export with one worker), so on 2 cores two workers share the batches.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { ExportCancelled } from './control';

/** What a worker is asked: the bytes of one batch. */
export interface BatchRequest {
  seq: number;
  ids: number[];
}
export type BatchReply = { seq: number; ok: true; chunks: Uint8Array[]; reports: number } | { seq: number; ok: false; message: string };

/** reports per batch */
export const BATCH_REPORTS = 100;
const WINDOW_PER_WORKER = 3;

const workerError = (message: string): Error => new Error(`导出线程出错 (export worker): ${message}`);

/** at most three: each worker holds its batches (JSON: about 65 MB more peak RSS each, 500 MB the target) */
export const poolSize = (): number => Math.max(1, Math.min(3, os.availableParallelism()));

export interface OrderedOptions {
  size?: number;
  batchReports?: number;
  /** stops the workers; rejects with ExportCancelled */
  signal?: AbortSignal;
  /** reports written so far, after each batch */
  onWritten?: (reports: number) => void;
}

/**
 * Run `script` (its workerData: `data`) over the ids in batches; `write` gets each batch's bytes in
 * order. Resolves with the number of reports written.
 */
export function runOrdered(
  script: string | URL,
  data: unknown,
  ids: readonly number[],
  write: (bytes: Uint8Array) => void,
  { size = poolSize(), batchReports = BATCH_REPORTS, signal, onWritten }: OrderedOptions = {},
): Promise<number> {
  if (signal?.aborted) return Promise.reject(new ExportCancelled());
  const batches: number[][] = [];
  for (let i = 0; i < ids.length; i += batchReports) batches.push(ids.slice(i, i + batchReports));
  if (batches.length === 0) return Promise.resolve(0);
  const workers = Array.from({ length: Math.max(1, Math.min(size, batches.length)) }, () => new Worker(script, { workerData: data }));
  const idle = [...workers];
  const done = new Map<number, { chunks: Uint8Array[]; reports: number }>();
  let handed = 0;
  let written = 0;
  let reports = 0;
  return new Promise<number>((resolve, reject) => {
    let failed = false;
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      signal?.removeEventListener('abort', cancel);
      void Promise.all(workers.map((w) => w.terminate())).finally(() => reject(err));
    };
    const cancel = () => fail(new ExportCancelled());
    signal?.addEventListener('abort', cancel, { once: true });
    const dispatch = () => {
      while (idle.length && handed < batches.length && handed < written + WINDOW_PER_WORKER * workers.length) {
        const request: BatchRequest = { seq: handed, ids: batches[handed]! };
        handed++;
        idle.pop()!.postMessage(request);
      }
    };
    for (const w of workers) {
      w.on('message', (reply: BatchReply) => {
        if (failed) return;
        if (!reply.ok) return fail(workerError(reply.message));
        done.set(reply.seq, { chunks: reply.chunks, reports: reply.reports });
        idle.push(w);
        try {
          for (let next = done.get(written); next; next = done.get(written)) {
            done.delete(written++);
            for (const chunk of next.chunks) write(chunk);
            reports += next.reports;
            onWritten?.(reports);
          }
        } catch (err) {
          return fail(err as Error);
        }
        if (written === batches.length) {
          signal?.removeEventListener('abort', cancel);
          return void Promise.all(workers.map((x) => x.terminate())).then(() => resolve(reports), reject);
        }
        dispatch();
      });
      w.on('error', (err) => fail(workerError(err.message)));
      w.on('exit', (code) => code !== 0 && written < batches.length && fail(new Error(`导出线程意外退出 (export worker exited with ${code})`)));
    }
    dispatch();
  });
}
