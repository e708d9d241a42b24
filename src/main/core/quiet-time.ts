// Idle time for background work (pages drawn ahead, analysis made ahead): nothing running and
// nothing asked for a while. touch() marks activity; wait() resolves once calm (false when closed).
import { setTimeout as sleep } from 'node:timers/promises';

export interface QuietTime {
  /** something happened: the quiet starts again from now */
  touch(): void;
  /** no job runs and nothing happened for the quiet time (false once closed) */
  calm(): boolean;
  /** true once calm; false when closed */
  wait(): Promise<boolean>;
  readonly closed: boolean;
  close(): void;
}

export function quietTime(busy: () => boolean, quietMs: number, pollMs: number): QuietTime {
  let last = Date.now();
  let closed = false;
  /** ends the wait on close (the wait's timer does not keep the process alive) */
  const closing = new AbortController();
  const calm = (): boolean => !closed && !busy() && Date.now() - last >= quietMs;
  return {
    touch: () => void (last = Date.now()),
    calm,
    async wait() {
      while (!calm()) {
        if (closed) return false;
        await sleep(Math.max(last + quietMs - Date.now(), pollMs), undefined, { ref: false, signal: closing.signal }).catch(() => undefined);
      }
      return true;
    },
    get closed() {
      return closed;
    },
    close() {
      closed = true;
      closing.abort();
    },
  };
}

export interface Passes<T> {
  /** something happened: the quiet starts again, and a pass runs (or one more after the running one) */
  poke(): void;
  /** the passes running now, with what each gave ([] when none runs) */
  settled(): Promise<T[]>;
}

/** Background work done in passes, one at a time, started by poke() until `quiet` is closed; `after` once they end. */
export function passes<T>(quiet: QuietTime, pass: () => Promise<T>, after?: () => Promise<void>): Passes<T> {
  let running: Promise<T[]> | null = null;
  let again = false;
  const run = async (): Promise<T[]> => {
    const out: T[] = [];
    try {
      do {
        again = false;
        out.push(await pass());
      } while (again && !quiet.closed);
    } finally {
      await after?.();
      running = null;
    }
    return out;
  };
  return {
    poke() {
      quiet.touch();
      if (quiet.closed) return;
      if (running) again = true;
      else running = run();
    },
    settled: async () => (await running) ?? [],
  };
}
