// Figures corrected differently here and in a merged library bundle: the local value stayed;
// keep it or take the incoming one (recorded in the field's history).
import { useCallback, useEffect, useState } from 'react';
import type { MergeConflict } from '../../../shared/api';
import { fieldDef } from '../../../shared/fields';
import { api } from '../api';
import { useI18n } from '../i18n';
import { SaveButton, savedMessage } from './SaveButton';
import { ReportLink } from './TableParts';

export function ConflictsView({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<MergeConflict[]>([]);
  const [error, setError] = useState<string | null>(null);
  const exportBundle = async () => {
    const r = await api.call('bundle:export', {});
    return savedMessage(r, (v) => t('analysis.bundleSaved', { n: v.reports, path: v.path }), t('errorPrefix'));
  };
  const load = useCallback(() => void api.call('bundle:conflicts', {}).then((r) => r.ok && setRows(r.value)), []);
  useEffect(load, [load]);
  const resolve = async (id: number, take: 'local' | 'incoming') => {
    const r = await api.call('bundle:resolve', { id, take });
    if (!r.ok) setError(t('errorPrefix') + r.message);
    load();
  };
  return (
    <div className="analysis-pane" data-testid="conflicts">
      <div className="toolbar">
        <p className="muted">{t('analysis.conflictsHint')}</p>
        <SaveButton label={t('analysis.exportBundle')} save={exportBundle} testId="bundle-export" />
      </div>
      {error && <p className="warn">{error}</p>}
      {rows.length === 0 ? (
        <p className="muted">{t('analysis.noConflicts')}</p>
      ) : (
        <section className="card">
          <table className="grid-table">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('analysis.figure')}</th>
                <th>{t('analysis.localValue')}</th>
                <th>{t('analysis.incomingValue')}</th>
                <th>{t('analysis.bundle')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <td>
                    <ReportLink id={c.reportId} onOpen={onOpen} />
                  </td>
                  <td title={c.key}>{fieldDef(c.key)?.label ?? c.key}</td>
                  <td className="num">{String(c.localValue ?? '—')}</td>
                  <td className="num">
                    {String(c.incomingValue ?? '—')} <span className="muted">{c.incomingBy ?? ''}</span>
                  </td>
                  <td className="muted">{c.bundle}</td>
                  <td className="actions">
                    <button type="button" onClick={() => void resolve(c.id, 'local')}>
                      {t('analysis.keepLocal')}
                    </button>
                    <button type="button" onClick={() => void resolve(c.id, 'incoming')}>
                      {t('analysis.takeIncoming')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
