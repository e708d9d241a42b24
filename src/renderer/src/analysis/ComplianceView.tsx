// Completeness and compliance per report: required sections and tables, failing rules, published
// by the legal deadline (1月31日 of the next year from the 2019 条例 on, 3月31日 before).
import { useEffect, useState } from 'react';
import type { CompliancePage, ComplianceSort } from '../../../shared/analysis';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { ReportLink, SortHeadings, XlsxButton } from './TableParts';
import { Pager } from './Pager';

/** rows per page: the core filters, sorts and pages, the view shows what it gets */
const PAGE = 100;
/** columns whose first click sorts the largest first */
const NUMERIC: readonly ComplianceSort[] = ['sections', 'tables', 'errors', 'late'];
const HEADINGS: readonly (readonly [ComplianceSort, MessageKey | '#'])[] = [
  ['id', '#'],
  ['agency', 'col.agency'],
  ['year', 'col.year'],
  ['sections', 'analysis.missingSections'],
  ['tables', 'analysis.missingTables'],
  ['errors', 'analysis.errors'],
  ['published', 'analysis.published'],
  ['late', 'analysis.deadline'],
];

export function ComplianceView({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const [page, setPage] = useState<CompliancePage | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(true);
  const [sort, setSort] = useState<{ key: ComplianceSort; desc: boolean }>({ key: 'id', desc: false });
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    let live = true;
    void api.call('analysis:compliance', { onlyProblems, sort: sort.key, desc: sort.desc, offset, limit: PAGE }).then((r) => live && r.ok && setPage(r.value));
    return () => {
      live = false;
    };
  }, [onlyProblems, sort, offset]);
  const toggle = (key: ComplianceSort) => {
    setSort((s) => ({ key, desc: s.key === key ? !s.desc : NUMERIC.includes(key) }));
    setOffset(0);
  };
  const mark = (key: ComplianceSort) => (sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : '');
  const rows = page?.rows ?? [];
  const total = page?.total ?? 0;
  const summary = page
    ? ([
        ['analysis.complete', page.summary.complete],
        ['analysis.tablesComplete', page.summary.tablesComplete],
        ['analysis.noErrors', page.summary.noErrors],
        ['analysis.onTime', page.summary.onTime],
        ['analysis.late', page.summary.late],
        ['analysis.dateUnknown', page.summary.dateUnknown],
      ] as const)
    : [];
  return (
    <div className="analysis-pane" data-testid="compliance">
      <div className="toolbar">
        <dl className="summary">
          {summary.map(([key, n]) => (
            <div key={key}>
              <dt>{t(key)}</dt>
              <dd className="num">
                {n} / {page?.reports ?? 0}
              </dd>
            </div>
          ))}
        </dl>
        <label>
          <input
            type="checkbox"
            checked={onlyProblems}
            onChange={(e) => {
              setOnlyProblems(e.target.checked);
              setOffset(0);
            }}
            data-testid="only-problems"
          />
          {t('analysis.onlyProblems')}
        </label>
        <XlsxButton request={{ view: 'compliance' }} testId="compliance-export" />
      </div>
      <section className="card">
        <table className="grid-table" data-testid="compliance-table">
          <thead>
            <SortHeadings columns={HEADINGS.map(([key, m]) => [key, m === '#' ? m : t(m)] as const)} mark={mark} onSort={toggle} />
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.reportId}>
                <td>
                  <ReportLink id={r.reportId} onOpen={onOpen} />
                </td>
                <td>{r.agency ?? '—'}</td>
                <td className="num">{r.year ?? '—'}</td>
                <td className={r.missingSections.length ? 'warn' : 'ok'}>
                  {r.missingSections.length ? r.missingSections.map((k) => t(`section.${k}` as MessageKey)).join(t('analysis.listSeparator')) : '✓'}
                </td>
                <td className={r.tables.some((x) => !x.present) ? 'warn' : 'ok'}>
                  {r.tables.length === 0
                    ? '—'
                    : r.tables.some((x) => !x.present)
                      ? r.tables
                          .filter((x) => !x.present)
                          .map((x) => x.name)
                          .join(t('analysis.listSeparator'))
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
        {page && total === 0 && <p className="muted" data-testid="compliance-empty">{t(page.reports ? 'analysis.noProblems' : 'analysis.noReports')}</p>}
        <Pager offset={offset} total={total} size={PAGE} onOffset={setOffset} testId="compliance-pager" />
      </section>
    </div>
  );
}
