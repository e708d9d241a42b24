// SQL for import jobs and their per-file outcomes.
import { sql, type Db } from './db';
import type { FileOutcome } from '../../../shared/model';

export type JobStatus = 'running' | 'done' | 'cancelled' | 'failed';

export function createJob(db: Db, id: string, kind: string): void {
  sql(db, "INSERT INTO jobs (id, kind, status, started_at) VALUES (?, ?, 'running', ?)").run(id, kind, new Date().toISOString());
}

export function setJobTotal(db: Db, id: string, total: number): void {
  sql(db, 'UPDATE jobs SET total = ? WHERE id = ?').run(total, id);
}

export function addOutcome(db: Db, jobId: string, seq: number, o: FileOutcome): void {
  sql(db, 
    `INSERT INTO job_outcomes (job_id, seq, path, name, status, report_id, duplicate_of, code, message)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(jobId, seq, o.path, o.name, o.status, o.reportId ?? null, o.duplicateOf ?? null, o.code ?? null, o.message ?? null);
}

export function finishJob(db: Db, id: string, status: JobStatus): void {
  sql(db, 'UPDATE jobs SET status = ?, finished_at = ? WHERE id = ?').run(status, new Date().toISOString(), id);
}

/** Jobs left 'running' by a crash are marked failed when the library opens. */
export function failStaleJobs(db: Db): void {
  sql(db, "UPDATE jobs SET status = 'failed', finished_at = ? WHERE status = 'running'").run(new Date().toISOString());
}
