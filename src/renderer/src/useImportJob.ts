// The import as the UI sees it: files handed over (uploaded in the browser), then the core's job
// with progress, per-file outcomes and the final summary. Cancel works in either phase.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileOutcome, JobProgress, JobSummary } from '../../shared/model';
import { api } from './api';

/** outcomes kept for display; a large job reports many thousands */
export const SHOWN_OUTCOMES = 300;
const BATCH = 50;
const REFRESH_MS = 700;

export interface JobView {
  phase: 'preparing' | 'running' | 'finished';
  done: number;
  total: number;
  current?: string;
  /** the most recent outcomes while running; problems first once finished */
  outcomes: FileOutcome[];
  summary: JobSummary | null;
  error: string | null;
}

const fresh = (total: number): JobView => ({ phase: 'preparing', done: 0, total, outcomes: [], summary: null, error: null });
const cancelledBeforeStart: JobSummary = { jobId: '', cancelled: true, imported: 0, duplicates: 0, failed: 0, skipped: 0, outcomes: [] };
const problemsFirst = (outcomes: FileOutcome[]) => [...outcomes.filter((o) => o.status !== 'imported'), ...outcomes.filter((o) => o.status === 'imported')];

export function useImportJob(onChange: () => void) {
  const [job, setJob] = useState<JobView | null>(null);
  const jobId = useRef<string | null>(null);
  const cancelRequested = useRef(false);

  // the library is refreshed at most every REFRESH_MS while reports arrive
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refreshSoon = useCallback(() => {
    timer.current ??= setTimeout(() => {
      timer.current = null;
      onChange();
    }, REFRESH_MS);
  }, [onChange]);

  const applyProgress = useCallback(
    (p: JobProgress) => {
      setJob((j) => j && { ...j, phase: 'running', done: p.done, total: p.total, current: p.current, outcomes: p.outcome ? [...j.outcomes.slice(1 - SHOWN_OUTCOMES), p.outcome] : j.outcomes });
      if (p.outcome?.status === 'imported') refreshSoon();
    },
    [refreshSoon],
  );
  const applyDone = useCallback(
    (summary: JobSummary) => {
      setJob((j) => j && { ...j, phase: 'finished', current: undefined, summary, outcomes: problemsFirst(summary.outcomes).slice(0, SHOWN_OUTCOMES) });
      onChange();
    },
    [onChange],
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

  const fail = useCallback((message: string) => setJob({ ...fresh(0), phase: 'finished', error: message }), []);

  /** Hand the files to the core (in batches, so the panel can count them) and start the job. */
  const importFiles = useCallback(
    async (files: File[]) => {
      jobId.current = null;
      cancelRequested.current = false;
      setJob(fresh(files.length));
      try {
        const paths: string[] = [];
        for (let i = 0; i < files.length && !cancelRequested.current; i += BATCH) {
          paths.push(...(await api.pathsForFiles(files.slice(i, i + BATCH))));
          setJob((j) => j && { ...j, done: paths.length });
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

  const cancel = useCallback(async () => {
    cancelRequested.current = true;
    if (jobId.current) await api.call('import:cancel', { jobId: jobId.current });
  }, []);

  return { job, importFiles, cancel, dismiss: () => setJob(null), fail };
}
