// The analysis views made ahead, in idle time: when a library opens, after a job and after a
// change, the report outlines still missing are made a slice at a time and the views' first
// answers (the agencies and the one the view opens on, the figures of every report grouped by
// year, province and level, the compliance table's first page) are made and remembered, so a first visit finds them ready.
// Only while no job runs and nothing was asked for a while; each slice is short, so the API
// answers in between; close() stops it.
import { passes, quietTime } from '../quiet-time';
import type { Db } from '../store/db';
import { changeStamp } from '../store/analysis';
import { defaultAgency } from '../../../shared/analysis';
import { agencies, agencyTrend, groupStats, refreshOutlines } from '.';
import { compliancePage } from './compliance-page';

export interface AnalysisWarmerOptions {
  /** a job (import, OCR, re-extraction, export) is running: wait */
  busy: () => boolean;
  /** idle means this long without a poke (default 1.5 s) */
  quietMs?: number;
  /** reports outlined per slice (default 250) */
  slice?: number;
}

/** What warming did since the warmer was made: reports outlined, time spent making (waits left out). */
export interface WarmStats {
  outlined: number;
  workMs: number;
}

export interface AnalysisWarmer {
  /** something was asked or changed: make what the views need again, once idle */
  poke(): void;
  /** the running warming (tests, benchmarks), then what warming did so far */
  settled(): Promise<WarmStats>;
  close(): Promise<void>;
}

/** What the views ask for first, in the order they are likely visited. */
const FIRST_ANSWERS: readonly ((db: Db) => unknown)[] = [
  (db) => {
    const first = defaultAgency(agencies(db));
    return first && agencyTrend(db, first.agency);
  },
  (db) => groupStats(db, 'year'),
  (db) => groupStats(db, 'province'),
  (db) => groupStats(db, 'level'),
  (db) => compliancePage(db, { onlyProblems: true }),
];

export function analysisWarmer(db: Db, opts: AnalysisWarmerOptions): AnalysisWarmer {
  const quietMs = opts.quietMs ?? 1500;
  const slice = opts.slice ?? 250;
  /** the change stamp the last complete pass left: nothing to do while it holds */
  let warmAt: string | null = null;
  const quiet = quietTime(opts.busy, quietMs, 100);
  const idle = quiet.wait;
  const stats: WarmStats = { outlined: 0, workMs: 0 };
  const timed = <T>(make: () => T): T => {
    const t = performance.now();
    try {
      return make();
    } finally {
      stats.workMs += performance.now() - t;
    }
  };

  const pass = async (): Promise<void> => {
    if (!(await idle()) || changeStamp(db) === warmAt) return;
    // outlines a slice at a time (each one a short transaction), then the first answers
    for (let n = 1; n > 0; ) {
      if (!(await idle())) return;
      n = timed(() => refreshOutlines(db, slice));
      stats.outlined += n;
    }
    for (const make of FIRST_ANSWERS) {
      if (!(await idle())) return;
      timed(() => make(db));
    }
    warmAt = changeStamp(db);
  };

  const runs = passes(quiet, async () => {
    try {
      await pass();
    } catch {
      // the views make it themselves when asked (and say what went wrong)
    }
  });

  return {
    poke: runs.poke,
    settled: async () => {
      await runs.settled();
      return { ...stats };
    },
    async close() {
      quiet.close();
      await runs.settled();
    },
  };
}
