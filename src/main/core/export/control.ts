// What the caller of an export may do while it runs: follow its progress (reports written of the
// total) and cancel it. A cancelled export leaves no file under its name (every format writes a
// temporary file renamed into place only when complete).
import { setImmediate as yieldToLoop } from 'node:timers/promises';

export interface ExportControl {
  signal?: AbortSignal;
  /** also cancelled when this says so (a flag another thread sets: seen without waiting for the event loop) */
  stopped?: () => boolean;
  /** reports written so far of those selected; called at most about a hundred times, and at the end */
  onProgress?: (done: number, total: number) => void;
}

/** The export was cancelled (code `cancelled`, as the API reports it). */
export class ExportCancelled extends Error {
  readonly code = 'cancelled';
  constructor() {
    super('已取消导出，没有写入文件 (export cancelled)');
  }
}

export function throwIfCancelled({ signal, stopped }: ExportControl): void {
  if (signal?.aborted || stopped?.()) throw new ExportCancelled();
}

/** Progress of `total` reports as they are written: reported every 1 % (and at the end). */
export function progressOf(total: number, control: ExportControl): (done: number) => void {
  const step = Math.max(1, Math.floor(total / 100));
  let shown = 0;
  return (done) => {
    if (!control.onProgress || (done - shown < step && done < total)) return;
    shown = done;
    control.onProgress(done, total);
  };
}

/** Let the event loop run (a cancel, a message) between slices of work on this thread; then check. */
export async function pause(control: ExportControl): Promise<void> {
  await yieldToLoop();
  throwIfCancelled(control);
}
