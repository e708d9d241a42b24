// Dialogs of the review screen: verify a report whose rules fail (accept with a note), re-extract
// it (keeping manual corrections or not), merge it with the report that is the same document.
import { useState } from 'react';
import type { ReportDetail } from '../../../shared/model';
import { api } from '../api';
import { useI18n } from '../i18n';

export type DialogKind = 'verify' | 'reextract' | 'merge';

export function ReviewDialog({
  kind,
  report,
  onCancel,
  onVerify,
  onDone,
}: {
  kind: DialogKind;
  report: ReportDetail;
  onCancel: () => void;
  onVerify: (note: string) => void;
  /** the report to show now (after a merge: the one left), what happened, and the report merged away */
  onDone: (report: ReportDetail, message: string, removed?: number) => void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [keepManual, setKeepManual] = useState(true);
  const [other, setOther] = useState(report.duplicateOf ? String(report.duplicateOf) : '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const failing = report.checks.filter((c) => !c.ok && c.severity === 'error').length;

  const run = async () => {
    setBusy(true);
    setError(null);
    if (kind === 'reextract') {
      const r = await api.call('report:reextract', { ids: [report.id], keepManual });
      const d = r.ok && !r.value.failed.length ? await api.call('report:get', { id: report.id }) : null;
      if (!r.ok || !d?.ok) setError(r.ok ? (r.value.failed[0]?.message ?? '') : r.message);
      else onDone(d.value, t('review.reextracted', { changed: r.value.changed, kept: r.value.kept }));
    } else {
      const r = await api.call('report:merge', { ids: [report.id, Number(other)] });
      if (!r.ok) setError(r.message);
      else onDone(r.value, t('review.merged', { kept: r.value.id }), r.value.id === report.id ? Number(other) : report.id);
    }
    setBusy(false);
  };

  const otherId = Number(other);
  const ready = kind === 'verify' ? note.trim() !== '' : kind === 'merge' ? Number.isInteger(otherId) && otherId > 0 && otherId !== report.id : true;
  const submit = () => (kind === 'verify' ? onVerify(note.trim()) : void run());
  return (
    <div className="overlay" role="presentation" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <form
        className="overlay-box review-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t(`review.dialog.${kind}`)}
        data-testid={`dialog-${kind}`}
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !busy) submit();
        }}
      >
        <h2>{t(`review.dialog.${kind}`)}</h2>
        {kind === 'verify' && (
          <label>
            {t('review.failingBeforeVerify', { n: failing })}
            <textarea autoFocus value={note} onChange={(e) => setNote(e.target.value)} rows={3} data-testid="verify-note" />
          </label>
        )}
        {kind === 'reextract' && (
          <>
            <p>{t('review.reextractHint')}</p>
            <label className="check">
              <input type="checkbox" autoFocus checked={keepManual} onChange={(e) => setKeepManual(e.target.checked)} data-testid="keep-manual" />
              {t('review.keepManual')}
            </label>
          </>
        )}
        {kind === 'merge' && (
          <>
            <p>{t('review.mergeHint')}</p>
            <label>
              {t('review.mergeWith')}
              <input autoFocus inputMode="numeric" value={other} onChange={(e) => setOther(e.target.value.replace(/\D/g, ''))} data-testid="merge-other" />
            </label>
          </>
        )}
        {error && (
          <p className="warn" role="alert">
            {t('errorPrefix') + error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" disabled={!ready || busy} data-testid="dialog-ok">
            {t(kind === 'verify' ? 'accept' : kind === 'reextract' ? 'review.reextract' : 'review.merge')}
          </button>
        </div>
      </form>
    </div>
  );
}
