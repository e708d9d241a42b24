// The import job: overall progress, cancel, per-file results with reasons, the summary.
import type { MessageKey } from '../i18n/zh-CN';
import { useI18n } from '../i18n';
import type { JobView } from '../useImportJob';

export function JobPanel({ job, onCancel, onClose, onOpen }: { job: JobView; onCancel: () => void; onClose: () => void; onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const finished = job.summary !== null || job.error !== null;
  const title = job.error ? t('errorPrefix') + job.error : job.summary ? t(job.summary.cancelled ? 'importCancelled' : 'importDone') : t('importing');
  return (
    <aside className="job" data-testid="job" aria-live="polite">
      <div className="job-head">
        <strong>{title}</strong>
        <span className="muted">{t('progress', { done: job.done, total: job.total })}</span>
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
      <progress max={Math.max(job.total, 1)} value={job.done} />
      {job.current && !finished && <div className="muted current">{job.current}</div>}
      {job.summary && <div data-testid="summary">{t('summary', { imported: job.summary.imported, duplicates: job.summary.duplicates, failed: job.summary.failed, skipped: job.summary.skipped })}</div>}
      <ul className="outcomes">
        {job.outcomes.slice(-200).map((o, i) => (
          <li key={`${o.path}-${i}`} className={`outcome ${o.status}`}>
            <span className="status">{t(`outcome.${o.status}` as MessageKey)}</span>
            <span className="file" title={o.path}>
              {o.name}
            </span>
            {o.message && <span className="reason">{o.message}</span>}
            {o.duplicateOf !== undefined ? (
              <button type="button" className="link" onClick={() => onOpen(o.duplicateOf!)}>
                {t('duplicateOf', { id: o.duplicateOf })}
              </button>
            ) : (
              o.reportId !== undefined && (
                <button type="button" className="link" onClick={() => onOpen(o.reportId!)}>
                  {t('openReport', { id: o.reportId })}
                </button>
              )
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
