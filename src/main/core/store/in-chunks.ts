// Work over a large selection of reports a chunk at a time (one transaction each), yielding to the
// event loop between chunks so other calls (the list scrolling, the job panel) get their turn;
// progress after each chunk, and a cancel that leaves the chunks done as they are.

export interface ChunkOptions {
  /** reports per chunk (per transaction) */
  chunk?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** A verify of 250 reports holds the thread for about 50 ms on the 2-core development machine. */
export const REPORTS_PER_CHUNK = 250;

export async function inChunks<T>(ids: readonly number[], work: (chunk: number[]) => T, { chunk = REPORTS_PER_CHUNK, signal, onProgress }: ChunkOptions = {}): Promise<{ results: T[]; cancelled: boolean }> {
  const unique = [...new Set(ids)];
  const results: T[] = [];
  for (let i = 0; i < unique.length; i += chunk) {
    // every chunk after a turn of the event loop (the first too: the caller has its job registered)
    await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) return { results, cancelled: true };
    results.push(work(unique.slice(i, i + chunk)));
    onProgress?.(Math.min(unique.length, i + chunk), unique.length);
  }
  return { results, cancelled: false };
}
