// Many agencies: totals and distributions by year, province or level; sortable; XLSX.
import { useEffect, useMemo, useState } from 'react';
import type { GroupBy, GroupStats } from '../../../shared/analysis';
import { T3_ROWS } from '../../../shared/fields';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { BarChart, formatNumber } from './charts';
import { useSorted, type Accessor } from './useSorted';
import { OutcomeCells, SortHeadings, XlsxButton } from './TableParts';
import { GroupMembers } from './GroupMembers';

const DENIED = T3_ROWS.filter(([row]) => row.startsWith('denied_')).map(([row, label]) => [row, label.split('·')[1] ?? label] as const);
const share = (n: number | null) => (n === null ? '—' : `${(n * 100).toFixed(1)}%`);

const COLUMNS: Record<string, Accessor<GroupStats>> = {
  group: (g) => g.group,
  reports: (g) => g.reports,
  received: (g) => g.received,
  median: (g) => g.receivedMedian,
  p90: (g) => g.receivedP90,
  share: (g) => g.grantedShare,
  denied: (g) => Object.values(g.denied).reduce((a, b) => a + b, 0),
  review: (g) => g.review.total,
  reviewCorrected: (g) => g.review.corrected,
  suit: (g) => g.suit.total,
  suitCorrected: (g) => g.suit.corrected,
};

/** the sortable columns after the group's name */
const HEADINGS: readonly (readonly [string, MessageKey])[] = [
  ['reports', 'analysis.reports'],
  ['received', 'analysis.received'],
  ['median', 'analysis.median'],
  ['p90', 'analysis.p90'],
  ['share', 'analysis.share'],
  ['denied', 'analysis.denied'],
  ['review', 'analysis.review'],
  ['reviewCorrected', 'analysis.reviewCorrected'],
  ['suit', 'analysis.suit'],
  ['suitCorrected', 'analysis.suitCorrected'],
];

export function GroupsView({ years, onOpen }: { years: number[]; onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const [by, setBy] = useState<GroupBy>('year');
  const [chosenYears, setChosenYears] = useState<number[]>([]);
  // the rows with the grouping they were made for (labels follow the rows, not the buttons)
  const [result, setResult] = useState<{ by: GroupBy; rows: GroupStats[] } | null>(null);
  const rows = useMemo(() => result?.rows ?? [], [result]);
  const shownBy = result?.by ?? by;
  // the row whose reports are listed below the table
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('analysis:groups', { by, ...(chosenYears.length ? { years: chosenYears } : {}) }).then((r) => live && r.ok && setResult({ by, rows: r.value }));
    return () => {
      live = false;
    };
  }, [by, chosenYears]);
  const { sorted, toggle, mark } = useSorted(rows, COLUMNS, 'group');
  const label = (g: string) => (shownBy === 'level' && g !== '—' ? t(`level.${g}` as MessageKey) : g);
  const deniedTotals = useMemo(() => DENIED.map(([row, name]) => ({ name, value: rows.reduce((a, g) => a + (g.denied[row] ?? 0), 0) })), [rows]);
  return (
    <div className="analysis-pane" data-testid="groups">
      <div className="toolbar">
        <span role="group" aria-label={t('analysis.groupBy')} className="segmented">
          {(['year', 'province', 'level'] as const).map((b) => (
            <button key={b} type="button" className={by === b ? 'active' : ''} onClick={() => setBy(b)} data-testid={`group-by-${b}`}>
              {t(`analysis.by.${b}` as MessageKey)}
            </button>
          ))}
        </span>
        <span className="chips">
          {years.map((y) => (
            <label key={y}>
              <input type="checkbox" checked={chosenYears.includes(y)} onChange={() => setChosenYears((c) => (c.includes(y) ? c.filter((x) => x !== y) : [...c, y]))} />
              {y}
            </label>
          ))}
        </span>
        <XlsxButton request={{ view: 'groups', by, ...(chosenYears.length ? { years: chosenYears } : {}) }} testId="groups-export" />
      </div>
      {result && rows.length === 0 ? (
        <p className="muted empty" data-testid="analysis-empty">
          {t('analysis.noReports')}
        </p>
      ) : (
        <>
          <div className="charts">
            <section className="card">
              <h3>{t('analysis.receivedBy', { by: t(`analysis.by.${by}` as MessageKey) })}</h3>
              <BarChart label={t('analysis.received')} rows={sorted.map((g) => ({ name: label(g.group), value: g.received }))} />
            </section>
            <section className="card">
              <h3>{t('analysis.shareBy', { by: t(`analysis.by.${by}` as MessageKey) })}</h3>
              <BarChart label={t('analysis.share')} rows={sorted.map((g) => ({ name: label(g.group), value: g.grantedShare ?? 0 }))} format={share} />
            </section>
            <section className="card">
              <h3>{t('analysis.deniedReasons')}</h3>
              <BarChart label={t('analysis.deniedReasons')} rows={deniedTotals} />
            </section>
          </div>
          <section className="card">
            <table className="grid-table" data-testid="groups-table">
              <thead>
                <SortHeadings columns={[['group', t(`analysis.by.${by}` as MessageKey)], ...HEADINGS.map(([key, m]) => [key, t(m)] as const)]} mark={mark} onSort={toggle} />
              </thead>
              <tbody>
                {sorted.map((g) => (
                  <tr key={g.group} className={chosen === g.group ? 'chosen' : ''}>
                    <td>
                      <button type="button" className="link" onClick={() => setChosen(chosen === g.group ? null : g.group)} title={t('analysis.showMembers')} data-testid={`group-${g.group}`}>
                        {label(g.group)}
                      </button>
                    </td>
                    <td className="num">{g.reports}</td>
                    <td className="num">{formatNumber(g.received)}</td>
                    <td className="num">{g.receivedMedian ?? '—'}</td>
                    <td className="num">{g.receivedP90 ?? '—'}</td>
                    <td className="num">{share(g.grantedShare)}</td>
                    <td className="num">{formatNumber(COLUMNS.denied!(g) as number)}</td>
                    <OutcomeCells review={g.review} suit={g.suit} />
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted hint">{t('analysis.membersHint')}</p>
          </section>
        </>
      )}
      {chosen !== null && rows.some((g) => g.group === chosen) && <GroupMembers by={shownBy} group={chosen} label={label(chosen)} years={chosenYears} onOpen={onOpen} />}
    </div>
  );
}
