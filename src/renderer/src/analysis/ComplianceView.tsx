// Completeness and compliance per report: required sections and tables, failing rules, published
// by the legal deadline (1月31日 of the next year from the 2019 条例 on, 3月31日 before).
import { useEffect, useMemo, useState } from 'react';
import type { ComplianceRow } from '../../../shared/analysis';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { useSorted, type Accessor } from './useSorted';

const SHOWN = 300;
const hasProblem = (r: ComplianceRow) => r.missingSections.length > 0 || r.tables.some((x) => !x.present) || r.errors > 0 || r.onTime === false;

const COLUMNS: Record<string, Accessor<ComplianceRow>> = {
  id: (r) => r.reportId,
  agency: (r) => r.agency,
  year: (r) => r.year,
  sections: (r) => r.missingSections.length,
  tables: (r) => r.tables.filter((x) => !x.present).length,
  errors: (r) => r.errors,
  published: (r) => r.publishedAt,
  late: (r) => r.daysLate,
};

export function ComplianceView({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<ComplianceRow[] | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(true);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    void api.call('analysis:compliance', {}).then((r) => r.ok && setRows(r.value));
  }, []);
  const shown = useMemo(() => (rows ?? []).filter((r) => !onlyProblems || hasProblem(r)), [rows, onlyProblems]);
  const { sorted, toggle, mark } = useSorted(shown, COLUMNS, 'id');
  const all = rows ?? [];
  const summary = [
    ['analysis.complete', all.filter((r) => r.missingSections.length === 0).length],
    ['analysis.tablesComplete', all.filter((r) => r.tables.every((x) => x.present)).length],
    ['analysis.noErrors', all.filter((r) => r.errors === 0).length],
    ['analysis.onTime', all.filter((r) => r.onTime === true).length],
    ['analysis.late', all.filter((r) => r.onTime === false).length],
    ['analysis.dateUnknown', all.filter((r) => r.onTime === null).length],
  ] as const;
  const exportXlsx = async () => {
    const r = await api.call('analysis:export', { view: 'compliance' });
    setSaved(r.ok ? t('analysis.saved', { path: r.value.path }) : t('errorPrefix') + r.message);
  };
  const th = (key: string, text: string) => (
    <th>
      <button type="button" className="sort" onClick={() => toggle(key)}>
        {text}
        {mark(key)}
      </button>
    </th>
  );
  return (
    <div className="analysis-pane" data-testid="compliance">
      <div className="toolbar">
        <dl className="summary">
          {summary.map(([key, n]) => (
            <div key={key}>
              <dt>{t(key)}</dt>
              <dd className="num">
                {n} / {all.length}
              </dd>
            </div>
          ))}
        </dl>
        <label>
          <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} data-testid="only-problems" />
          {t('analysis.onlyProblems')}
        </label>
        <button type="button" onClick={() => void exportXlsx()} data-testid="compliance-export">
          {t('analysis.exportXlsx')}
        </button>
        {saved && (
          <span className="muted saved" title={saved}>
            {saved}
          </span>
        )}
      </div>
      <section className="card">
        <table className="grid-table" data-testid="compliance-table">
          <thead>
            <tr>
              {th('id', '#')}
              {th('agency', t('col.agency'))}
              {th('year', t('col.year'))}
              {th('sections', t('analysis.missingSections'))}
              {th('tables', t('analysis.missingTables'))}
              {th('errors', t('analysis.errors'))}
              {th('published', t('analysis.published'))}
              {th('late', t('analysis.deadline'))}
            </tr>
          </thead>
          <tbody>
            {sorted.slice(0, SHOWN).map((r) => (
              <tr key={r.reportId}>
                <td>
                  <button type="button" className="link" onClick={() => onOpen(r.reportId)}>
                    {r.reportId}
                  </button>
                </td>
                <td>{r.agency ?? '—'}</td>
                <td className="num">{r.year ?? '—'}</td>
                <td className={r.missingSections.length ? 'warn' : 'ok'}>
                  {r.missingSections.length ? r.missingSections.map((k) => t(`section.${k}` as MessageKey)).join('、') : '✓'}
                </td>
                <td className={r.tables.some((x) => !x.present) ? 'warn' : 'ok'}>
                  {r.tables.length === 0
                    ? '—'
                    : r.tables.some((x) => !x.present)
                      ? r.tables
                          .filter((x) => !x.present)
                          .map((x) => x.name)
                          .join('、')
                      : '✓'}
                </td>
                <td className={`num ${r.errors ? 'warn' : ''}`}>
                  {r.errors}
                  {r.warnings ? <span className="muted"> +{r.warnings}</span> : null}
                </td>
                <td className="num">{r.publishedAt ?? '—'}</td>
                <td className={r.onTime === false ? 'warn' : r.onTime ? 'ok' : 'muted'}>
                  {r.deadline ?? '—'} {r.onTime === false ? t('analysis.daysLate', { n: r.daysLate ?? 0 }) : r.onTime ? '✓' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {sorted.length > SHOWN && <p className="muted">{t('analysis.capped', { shown: SHOWN, total: sorted.length })}</p>}
      </section>
    </div>
  );
}
