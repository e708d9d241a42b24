// A report's history, newest first: who changed what when and why; any earlier value restorable.
import type { FieldHistoryEntry } from '../../../shared/model';
import { useI18n, type Translate } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { labelOf } from './ReviewForm';

const show = (v: FieldHistoryEntry['oldValue']): string => (v === null ? '—' : String(v));

function describe(h: FieldHistoryEntry, t: Translate): string {
  if (h.key === '*') return `${t('review.wholeReport')}: ${h.oldStatus ? t(`status.${h.oldStatus}` as MessageKey) : '—'} → ${t(`status.${h.newStatus}` as MessageKey)}`;
  return `${labelOf(h.key, t)}: ${show(h.oldValue)} → ${show(h.newValue)}`;
}

export function HistoryPanel({
  entries,
  onRestore,
  onFocus,
  onClose,
}: {
  entries: FieldHistoryEntry[] | null;
  onRestore: (entry: FieldHistoryEntry, side: 'old' | 'new') => void;
  onFocus: (key: string) => void;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <aside className="history" aria-label={t('review.history')} data-testid="history">
      <div className="history-head">
        <h3>{t('review.history')}</h3>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {entries === null ? (
        <p className="muted">{t('review.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="muted">{t('review.noHistory')}</p>
      ) : (
        <ol reversed>
          {[...entries].reverse().map((h) => (
            <li key={h.id} data-testid="history-row">
              <button type="button" className="link what" onClick={() => h.key !== '*' && onFocus(h.key)}>
                {describe(h, t)}
              </button>
              <div className="meta muted">
                #{h.id} · {when.format(new Date(h.changedAt))} · {h.changedBy}
                {h.action && <span className="badge">{t(`review.action.${h.action}` as MessageKey)}</span>}
                {h.restoredFrom !== null && <span> · {t('review.restoredFrom', { id: h.restoredFrom })}</span>}
              </div>
              {h.reason && <div className="reason">{h.reason}</div>}
              {!(h.key === '*' && (h.action === 'reextract' || h.action === 'merge')) && (
                <div className="restore">
                  <button type="button" onClick={() => onRestore(h, 'old')} aria-label={t('review.restoreOld', { value: show(h.oldValue) })}>
                    {t('review.restoreBefore')}
                  </button>
                  <button type="button" onClick={() => onRestore(h, 'new')}>
                    {t('review.restoreAfter')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
