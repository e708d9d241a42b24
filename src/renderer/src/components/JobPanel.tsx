// The import job: overall progress, cancel, per-file results with reasons, the summary.
import { useEffect, useRef } from 'react';
import type { FileOutcome } from '../../../shared/model';
import type { MessageKey } from '../i18n/zh-CN';
import { useI18n, type Translate } from '../i18n';
import { SHOWN_OUTCOMES, type JobView } from '../useImportJob';

function title(job: JobView, t: Translate): string {
  if (job.error) return t('errorPrefix') + job.error;
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
  return (
    <aside className="job" data-testid="job" aria-label={t('jobPanel')}>
      <div className="job-head">
        <strong aria-live="polite">{title(job, t)}</strong>
        {job.current && !finished && <span className="muted current">{job.current}</span>}
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
      {job.summary && (
        <div data-testid="summary">
          {t('summary', { imported: job.summary.imported, duplicates: job.summary.duplicates, failed: job.summary.failed, skipped: job.summary.skipped })}
        </div>
      )}
      {job.outcomes.length > 0 && (
        <ul className="outcomes" ref={list}>
          {job.outcomes.map((o, i) => (
            <Outcome key={`${o.path}-${i}`} outcome={o} onOpen={onOpen} />
          ))}
        </ul>
      )}
      {reported > SHOWN_OUTCOMES && <div className="muted note">{t('outcomesCapped', { shown: SHOWN_OUTCOMES, total: reported })}</div>}
    </aside>
  );
}

function Outcome({ outcome: o, onOpen }: { outcome: FileOutcome; onOpen: (id: number) => void }) {
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
}
