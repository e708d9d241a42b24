// Runs the per-file pipeline and the OCR page rendering: inline (tests, tiny jobs) or on a pool of
// worker threads.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { processFile, type PipelineInput, type PipelineResult } from '../pipeline';
import { pageImageResult, type PageImageRequest, type PageImageResult } from '../ocr/page-image';

export interface Executor {
  readonly size: number;
  run(input: PipelineInput): Promise<PipelineResult>;
  /** one page of a PDF or image as OCR reads it (rendered off the main thread by the worker pool) */
  pageImage(input: PageImageRequest): Promise<PageImageResult>;
  close(): Promise<void>;
}

export function inlineExecutor(): Executor {
  return {
    size: 1,
    run: (input) => processFile(input),
    pageImage: (input) => pageImageResult(input),
    close: async () => {},
  };
}

type Task = { task: 'process'; input: PipelineInput } | { task: 'page-image'; input: PageImageRequest };
type Result = PipelineResult | PageImageResult;

interface Pending {
  id: number;
  task: Task;
  resolve: (r: Result) => void;
}

/** A fixed pool of workers running `workerScript` (the built src/main/workers/pipeline.ts). */
export function workerExecutor(workerScript: string | URL, size = Math.max(1, Math.min(4, os.availableParallelism() - 1))): Executor {
  const idle: Worker[] = [];
  const busy = new Map<Worker, Pending>();
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      busy.set(worker, job);
      worker.ref(); // keep the process alive while a worker has work
      worker.postMessage({ id: job.id, ...job.task });
    }
  };
  const spawn = (): void => {
    const worker = new Worker(workerScript);
    worker.on('message', (msg: { id: number; result: Result }) => {
      const job = busy.get(worker);
      busy.delete(worker);
      worker.unref();
      idle.push(worker);
      if (job && job.id === msg.id) job.resolve(msg.result);
      dispatch();
    });
    const fail = (err: unknown): void => {
      const job = busy.get(worker);
      busy.delete(worker);
      job?.resolve({ ok: false, code: 'internal', message: `处理进程出错: ${(err as Error)?.message ?? err}` });
      if (!closed) spawn();
      dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!closed && busy.has(worker)) fail(new Error(`exit ${code}`));
    });
    worker.unref();
    idle.push(worker);
  };
  for (let i = 0; i < size; i++) spawn();

  const submit = (task: Task): Promise<Result> => {
    if (closed) return Promise.resolve({ ok: false, code: 'cancelled', message: '已关闭' });
    return new Promise((resolve) => {
      queue.push({ id: nextId++, task, resolve });
      dispatch();
    });
  };

  return {
    size,
    run: (input) => submit({ task: 'process', input }) as Promise<PipelineResult>,
    pageImage: (input) => submit({ task: 'page-image', input }) as Promise<PageImageResult>,
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.resolve({ ok: false, code: 'cancelled', message: '已取消' });
      await Promise.all([...idle, ...busy.keys()].map((w) => w.terminate()));
    },
  };
}
