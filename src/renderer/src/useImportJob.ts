// The running import job as the UI sees it: progress, per-file outcomes, the final summary.
import { useCallback, useEffect, useState } from 'react';
import type { FileOutcome, JobSummary } from '../../shared/model';
import { api } from './api';

export interface JobView {
  jobId: string | null;
  done: number;
  total: number;
  current?: string;
  outcomes: FileOutcome[];
  summary: JobSummary | null;
  error: string | null;
}

const IDLE: JobView = { jobId: null, done: 0, total: 0, outcomes: [], summary: null, error: null };

export function useImportJob(onChange: () => void) {
  const [job, setJob] = useState<JobView | null>(null);

  useEffect(() => {
    const offProgress = api.on('job:progress', (p) => {
      setJob((j) =>
        j && (j.jobId === null || j.jobId === p.jobId)
          ? { ...j, jobId: p.jobId, done: p.done, total: p.total, current: p.current, outcomes: p.outcome ? [...j.outcomes, p.outcome] : j.outcomes }
          : j,
      );
      if (p.outcome?.reportId) onChange();
    });
    const offDone = api.on('job:done', (summary) => {
      setJob((j) => (j && (j.jobId === null || j.jobId === summary.jobId) ? { ...j, jobId: summary.jobId, summary } : j));
      onChange();
    });
    return () => {
      offProgress();
      offDone();
    };
  }, [onChange]);

  const start = useCallback(async (paths: string[]) => {
    setJob({ ...IDLE });
    const res = await api.call('import:start', { paths });
    if (res.ok) setJob((j) => (j && j.jobId === null ? { ...j, jobId: res.value.jobId } : j));
    else setJob({ ...IDLE, error: res.message });
  }, []);

  const cancel = useCallback(async () => {
    if (job?.jobId) await api.call('import:cancel', { jobId: job.jobId });
  }, [job?.jobId]);

  return { job, start, cancel, dismiss: () => setJob(null), fail: (message: string) => setJob({ ...IDLE, error: message }) };
}
