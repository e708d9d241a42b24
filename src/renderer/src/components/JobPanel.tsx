// The running job (an import, a re-extraction or a bulk action): overall progress with speed and time left, the
// file or report in work, cancel, per-file results with reasons (duplicates linked to the report
// they belong to, reports that could not be re-extracted linked to themselves), the summary.
import { memo, useEffect, useRef } from 'react';
import type { MessageKey } from '../i18n/zh-CN';
import { useI18n, type Translate } from '../i18n';
import { secondsLeft, SHOWN_OUTCOMES, type JobView, type ShownOutcome } from '../useJob';

export function duration(seconds: number, t: Translate): string {
  const s = Math.max(1, Math.round(seconds));
  if (s < 60) return t('time.seconds', { s });
  if (s < 3600) return t('time.minutes', { m: Math.floor(s / 60), s: s % 60 });
  return t('time.hours', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
}

function speed(job: JobView): number | null {
  const [first, last] = [job.samples[0], job.samples.at(-1)];
  return first && last && last[0] - first[0] >= 2000 ? ((last[1] - first[1]) * 1000) / (last[0] - first[0]) : null;
}

const BULK_TITLES = { verify: 'job.verifying', trash: 'job.trashing', restore: 'job.restoring' } as const;
const BULK_DONE = { verify: 'job.verifyDone', trash: 'job.trashDone', restore: 'job.restoreDone' } as const;

function title(job: JobView, t: Translate): string {
  if (job.error) return t('errorPrefix') + job.error;
  if (job.reextracted) return t(job.reextracted.cancelled ? 'job.reextractCancelled' : 'job.reextractDone');
  if (job.kind === 'reextract') return t('job.reextracting');
  if (job.kind !== 'import') return t(job.bulk ? (job.bulk.cancelled ? 'job.bulkCancelled' : BULK_DONE[job.kind]) : BULK_TITLES[job.kind]);
  if (job.summary) return t(job.summary.cancelled ? 'importCancelled' : 'importDone');
  return t(job.phase === 'preparing' ? 'preparing' : 'importing');
}

export function JobPanel({ job, onCancel, onClose, onOpen }: { job: JobView; onCancel: () => void; onClose: () => void; onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const finished = job.phase === 'finished';
  const list = useRef<HTMLUListElement>(null);
  // follow the newest outcome while running; the finished list starts at the top (problems first)
  useEffect(() => {
    if (list.current) list.current.scrollTop = finished ? 0 : list.current.scrollHeight;
  }, [job.outcomes, finished]);
  const reported = job.summary?.outcomes.length ?? job.done;
  const left = finished ? null : secondsLeft(job);
  const rate = finished ? null : speed(job);
  const c = job.counts;
  return (
    <aside className="job" data-testid="job" aria-label={t('jobPanel')}>
      <div className="job-head">
        <strong aria-live="polite">{title(job, t)}</strong>
        {job.current && !finished && <span className="muted current">{job.current}</span>}
        {rate !== null && <span className="muted num">{t(job.kind === 'import' ? 'job.rate' : 'job.reportRate', { n: rate >= 10 ? Math.round(rate) : rate.toFixed(1) })}</span>}
        {left !== null && (
          <span className="muted num" data-testid="job-eta">
            {t('job.eta', { time: duration(left, t) })}
          </span>
        )}
        <span className="muted num" data-testid="job-progress">
          {t('progress', { done: job.done, total: job.total })}
        </span>
        {finished ? (
          <button type="button" onClick={onClose}>
            {t('close')}
          </button>
        ) : (
          <button type="button" onClick={onCancel} data-testid="cancel">
            {t('cancel')}
          </button>
        )}
      </div>
      <progress max={Math.max(job.total, 1)} value={job.done} aria-label={t('progress', { done: job.done, total: job.total })} />
      {job.bulk ? (
        <div data-testid="summary">{job.bulk.message}</div>
      ) : job.reextracted ? (
        <div data-testid="summary">
          {t('job.reextractSummary', { done: job.reextracted.reextracted.length, changed: job.reextracted.changed, kept: job.reextracted.kept, failed: job.reextracted.failed.length })}
        </div>
      ) : job.summary ? (
        <div data-testid="summary">
          {t('summary', { imported: job.summary.imported, duplicates: job.summary.duplicates, failed: job.summary.failed, skipped: job.summary.skipped })}
        </div>
      ) : (
        job.phase === 'running' &&
        job.kind === 'import' && (
          <div className="muted" data-testid="job-counts">
            {t('summary', { imported: c.imported, duplicates: c.duplicate, failed: c.failed, skipped: c.skipped })}
          </div>
        )
      )}
      {job.outcomes.length > 0 && (
        <ul className="outcomes" ref={list}>
          {job.outcomes.map((o) => (
            <Outcome key={o.seq} outcome={o} onOpen={onOpen} />
          ))}
        </ul>
      )}
      {reported > SHOWN_OUTCOMES && <div className="muted note">{t('outcomesCapped', { shown: SHOWN_OUTCOMES, total: reported })}</div>}
    </aside>
  );
}

/** One file's result; memoized, so a new batch renders only the new rows. */
const Outcome = memo(function Outcome({ outcome: o, onOpen }: { outcome: ShownOutcome; onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const link = (id: number, label: string) => (
    <button type="button" className="link" onClick={() => onOpen(id)}>
      {label}
    </button>
  );
  return (
    <li className={`outcome ${o.status}`}>
      <span className="status">{t(`outcome.${o.status}` as MessageKey)}</span>
      <span className="file" title={o.path}>
        {o.name}
      </span>
      {o.message && <span className="reason">{o.message}</span>}
      {o.reportId !== undefined && o.reportId !== o.duplicateOf && link(o.reportId, t('openReport', { id: o.reportId }))}
      {o.duplicateOf !== undefined && link(o.duplicateOf, t('duplicateOf', { id: o.duplicateOf }))}
    </li>
  );
});
