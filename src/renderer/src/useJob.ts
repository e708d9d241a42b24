// The long job as the UI sees it, one at a time: an import (files handed over, uploaded in the
// browser, then the core's job with per-file outcomes and the summary), a re-extraction of
// reports or a bulk action on many (verify, trash, restore); progress, speed and cancel alike.
// Cancel works in every phase.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileOutcome, JobProgress, JobSummary } from '../../shared/model';
import type { ReextractSummary } from '../../shared/review';
import type { ApiError } from '../../shared/api';
import { api } from './api';

/** outcomes kept for display; a large job reports many thousands */
export const SHOWN_OUTCOMES = 300;
const BATCH = 50;
const REFRESH_MS = 700;
/** progress events are applied together at most this often (a fast job sends hundreds a second) */
const FLUSH_MS = 100;
/** the speed behind the time left is measured over this much of the recent past */
const RATE_WINDOW_MS = 20_000;

export interface ShownOutcome extends FileOutcome {
  /** its place in the job (a stable key) */
  seq: number;
}

export type OutcomeCounts = Record<FileOutcome['status'], number>;

/** bulk actions run as jobs */
export type BulkKind = 'verify' | 'trash' | 'restore';
export type BulkRunner = ReturnType<typeof useJob>['bulk'];

export interface JobView {
  kind: 'import' | 'reextract' | BulkKind;
  phase: 'preparing' | 'running' | 'finished';
  done: number;
  total: number;
  current?: string;
  /** the most recent outcomes while running; problems first once finished */
  outcomes: ShownOutcome[];
  /** outcomes so far by status */
  counts: OutcomeCounts;
  /** [time, done] of recent updates of this phase, for the speed and the time left */
  samples: [number, number][];
  summary: JobSummary | null;
  /** a finished re-extraction (failures are its outcomes) */
  reextracted: (ReextractSummary & { cancelled: boolean }) | null;
  /** a finished bulk action: what it did, in words */
  bulk: { cancelled: boolean; message: string } | null;
  error: string | null;
}

const noCounts = (): OutcomeCounts => ({ imported: 0, duplicate: 0, failed: 0, skipped: 0 });
const fresh = (total: number, kind: JobView['kind'] = 'import'): JobView => ({ kind, phase: 'preparing', done: 0, total, outcomes: [], counts: noCounts(), samples: [], summary: null, reextracted: null, bulk: null, error: null });
const sampled = (samples: [number, number][], done: number): [number, number][] => {
  const now = performance.now();
  return [...samples.filter(([t]) => now - t <= RATE_WINDOW_MS), [now, done]];
};

/** Seconds left at the recent speed, null until it can be told. */
export function secondsLeft(job: JobView): number | null {
  const [first, last] = [job.samples[0], job.samples.at(-1)];
  if (!first || !last || last[0] - first[0] < 2000 || last[1] <= first[1] || job.done >= job.total) return null;
  return ((job.total - job.done) * (last[0] - first[0])) / (last[1] - first[1]) / 1000;
}
const cancelledBeforeStart: JobSummary = { jobId: '', cancelled: true, imported: 0, duplicates: 0, failed: 0, skipped: 0, outcomes: [] };
const problemsFirst = (outcomes: FileOutcome[]): ShownOutcome[] => {
  const numbered = outcomes.map((o, seq) => ({ ...o, seq }));
  return [...numbered.filter((o) => o.status !== 'imported'), ...numbered.filter((o) => o.status === 'imported')];
};

export function useJob(onChange: () => void) {
  const [job, setJob] = useState<JobView | null>(null);
  const jobId = useRef<string | null>(null);
  const kind = useRef<JobView['kind']>('import');
  const cancelRequested = useRef(false);

  // the library is refreshed at most every REFRESH_MS while reports arrive
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refreshSoon = useCallback(() => {
    timer.current ??= setTimeout(() => {
      timer.current = null;
      onChange();
    }, REFRESH_MS);
  }, [onChange]);

  // events are gathered and applied together, so thousands of outcomes cost a few renders a second
  const pending = useRef<JobProgress[]>([]);
  const flushTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = useCallback(() => {
    flushTimer.current = null;
    const batch = pending.current;
    pending.current = [];
    const last = batch.at(-1);
    if (!last) return;
    setJob((j) => {
      // progress that arrives after a re-extraction's or a bulk action's answer changes nothing
      if (!j || j.reextracted || j.bulk) return j;
      const counts = { ...j.counts };
      const arrived: ShownOutcome[] = [];
      for (const p of batch) {
        if (!p.outcome) continue;
        counts[p.outcome.status]++;
        arrived.push({ ...p.outcome, seq: p.done - 1 });
      }
      const restart = j.phase !== 'running';
      return {
        ...j,
        phase: 'running',
        done: last.done,
        total: last.total,
        current: last.current,
        counts,
        samples: sampled(restart ? [] : j.samples, last.done),
        outcomes: arrived.length ? [...j.outcomes, ...arrived].slice(-SHOWN_OUTCOMES) : j.outcomes,
      };
    });
    // re-extracted (verified, trashed) reports change in place: the list shows them as they are done
    if (kind.current !== 'import' || batch.some((p) => p.outcome?.status === 'imported')) refreshSoon();
  }, [refreshSoon]);
  const applyProgress = useCallback(
    (p: JobProgress) => {
      pending.current.push(p);
      flushTimer.current ??= setTimeout(flush, FLUSH_MS);
    },
    [flush],
  );
  const dropPending = useCallback(() => {
    if (flushTimer.current) clearTimeout(flushTimer.current);
    flushTimer.current = null;
    pending.current = [];
  }, []);
  const applyDone = useCallback(
    (summary: JobSummary) => {
      dropPending();
      const counts = noCounts();
      for (const o of summary.outcomes) counts[o.status]++;
      const done = summary.outcomes.length;
      setJob((j) => j && { ...j, phase: 'finished', current: undefined, done, total: Math.max(j.total, done), summary, counts, outcomes: problemsFirst(summary.outcomes).slice(0, SHOWN_OUTCOMES) });
      onChange();
    },
    [onChange, dropPending],
  );

  // events may overtake the answer to import:start: held until the job id is known
  const starting = useRef(false);
  const early = useRef<{ jobId: string; apply: () => void }[]>([]);
  useEffect(() => {
    const route = (id: string, apply: () => void) => {
      if (jobId.current === id) apply();
      else if (starting.current) early.current.push({ jobId: id, apply });
    };
    const offProgress = api.on('job:progress', (p) => route(p.jobId, () => applyProgress(p)));
    const offDone = api.on('job:done', (s) => route(s.jobId, () => applyDone(s)));
    return () => {
      offProgress();
      offDone();
    };
  }, [applyProgress, applyDone]);

  const fail = useCallback((message: string, of: JobView['kind'] = 'import') => setJob({ ...fresh(0, of), phase: 'finished', error: message }), []);

  /** Hand the files to the core (in batches, so the panel can count them) and start the job. */
  const importFiles = useCallback(
    async (files: File[]) => {
      jobId.current = null;
      kind.current = 'import';
      cancelRequested.current = false;
      setJob(fresh(files.length));
      try {
        const paths: string[] = [];
        for (let i = 0; i < files.length && !cancelRequested.current; i += BATCH) {
          paths.push(...(await api.pathsForFiles(files.slice(i, i + BATCH))));
          setJob((j) => j && { ...j, done: paths.length, samples: sampled(j.samples, paths.length) });
        }
        if (cancelRequested.current) {
          setJob((j) => j && { ...j, phase: 'finished', done: 0, summary: cancelledBeforeStart });
          return;
        }
        starting.current = true;
        const res = await api.call('import:start', { paths }).finally(() => (starting.current = false));
        const held = early.current;
        early.current = [];
        if (!res.ok) return fail(res.message);
        jobId.current = res.value.jobId;
        setJob((j) => j && { ...j, phase: 'running', done: 0 });
        for (const e of held) if (e.jobId === res.value.jobId) e.apply();
        if (cancelRequested.current) await api.call('import:cancel', { jobId: res.value.jobId });
      } catch (err) {
        fail((err as Error).message);
      }
    },
    [fail],
  );

  /** Re-extract reports from their stored originals: the job is named here, so it can be followed and cancelled. */
  const reextract = useCallback(
    async (ids: number[], keepManual: boolean) => {
      const id = crypto.randomUUID();
      jobId.current = id;
      kind.current = 'reextract';
      cancelRequested.current = false;
      setJob({ ...fresh(ids.length, 'reextract'), phase: 'running' });
      const r = await api.call('report:reextract', { ids, keepManual, jobId: id });
      if (jobId.current !== id) return;
      dropPending();
      if (!r.ok) return fail(r.message, 'reextract');
      const v = r.value;
      const done = v.reextracted.length + v.failed.length;
      const outcomes = v.failed.map((f, seq): ShownOutcome => ({ path: '', name: `#${f.id}`, status: 'failed', reportId: f.id, code: f.code, message: f.message, seq }));
      setJob((j) => j && { ...j, phase: 'finished', current: undefined, done, total: ids.length, outcomes: outcomes.slice(0, SHOWN_OUTCOMES), reextracted: { ...v, cancelled: cancelRequested.current && done < ids.length } });
      onChange();
    },
    [fail, onChange, dropPending],
  );

  /**
   * A bulk action as a job named here (followed by its progress events, cancelled like the others);
   * resolves with the core's answer once it is done. `describe` puts the result in words for the panel.
   */
  const bulk = useCallback(
    async <T extends { cancelled?: boolean }>(of: BulkKind, total: number, start: (jobId: string) => Promise<{ ok: true; value: T } | ApiError>, describe: (value: T) => string): Promise<{ ok: true; value: T } | ApiError> => {
      const id = crypto.randomUUID();
      jobId.current = id;
      kind.current = of;
      cancelRequested.current = false;
      setJob({ ...fresh(total, of), phase: 'running' });
      const r = await start(id);
      if (jobId.current !== id) return r;
      const seen = pending.current.at(-1)?.done;
      dropPending();
      if (!r.ok) fail(r.message, of);
      else {
        const cancelled = Boolean(r.value.cancelled);
        const message = describe(r.value);
        setJob((j) => j && { ...j, phase: 'finished', current: undefined, done: cancelled ? Math.max(j.done, seen ?? 0) : j.total, bulk: { cancelled, message } });
      }
      onChange();
      return r;
    },
    [fail, onChange, dropPending],
  );

  const cancel = useCallback(async () => {
    cancelRequested.current = true;
    if (jobId.current) await api.call('import:cancel', { jobId: jobId.current });
  }, []);

  return { job, importFiles, reextract, bulk, cancel, dismiss: () => setJob(null), fail };
}
