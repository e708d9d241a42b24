// One agency across years: every figure side by side with the change from the previous report,
// a chart of the chosen figure, the cross-year rules, and what the prose sections changed.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AgencyEntry, AgencyTrend } from '../../../shared/analysis';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { formatNumber, LineChart } from './charts';

const GROUP_LABEL: Record<string, MessageKey> = { t2: 'group.t2', t2v19: 'group.t2v19', t3: 'group.t3', t4: 'group.t4', legacy: 'group.legacy', n: 'group.n' };

function Change({ value }: { value: number | null }) {
  if (value === null) return <span className="muted">—</span>;
  const cls = value > 0 ? 'up' : value < 0 ? 'down' : 'same';
  return <span className={`change ${cls}`}>{value > 0 ? `+${formatNumber(value)}` : formatNumber(value)}</span>;
}

export function AgencyTrendView({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const [list, setList] = useState<AgencyEntry[] | null>(null);
  const [agency, setAgency] = useState<string>('');
  const [trend, setTrend] = useState<AgencyTrend | null>(null);
  const [chartKey, setChartKey] = useState<string | null>(null);
  const [onlyChanged, setOnlyChanged] = useState(false);

  /** the agency whose trend is shown (or on its way) */
  const shown = useRef('');
  const show = (r: AgencyTrend) => {
    shown.current = r.agency;
    setTrend(r);
    setChartKey(r.figures.find((f) => f.key === 't3.new.total' || f.key === 'legacy.apply.received')?.key ?? r.figures[0]?.key ?? null);
  };
  useEffect(() => {
    void api.call('analysis:agencies', {}).then((r) => r.ok && setList(r.value));
    // the agency the view opens on, beside the list: the core knows which it is
    void api.call('analysis:agency', {}).then((r) => {
      if (!r.ok || shown.current) return;
      show(r.value);
      setAgency((a) => a || r.value.agency);
    });
  }, []);
  useEffect(() => {
    if (!agency || agency === shown.current) return;
    shown.current = agency;
    let live = true;
    void api.call('analysis:agency', { agency }).then((r) => live && r.ok && show(r.value));
    return () => {
      live = false;
    };
  }, [agency]);

  const figures = useMemo(() => (trend ? trend.figures.filter((f) => !onlyChanged || f.changes.some((c) => c !== null && c !== 0)) : []), [trend, onlyChanged]);
  const chart = trend?.figures.find((f) => f.key === chartKey);

  if (list?.length === 0)
    return (
      <div className="analysis-pane" data-testid="agency-trend">
        <p className="muted empty" data-testid="analysis-empty">
          {t('analysis.noAgencies')}
        </p>
      </div>
    );
  return (
    <div className="analysis-pane" data-testid="agency-trend">
      <div className="toolbar">
        <label>
          {t('analysis.agency')}
          <select value={agency} onChange={(e) => setAgency(e.target.value)} data-testid="agency-select">
            {(list ?? []).map((a) => (
              <option key={a.agency} value={a.agency}>
                {a.agency}（{a.years.join('、')}）
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />
          {t('analysis.onlyChanged')}
        </label>
      </div>
      {trend && trend.years.length > 0 && (
        <div className="trend">
          <section className="card">
            <h3>{chart ? `${chart.label}` : t('analysis.figures')}</h3>
            {chart && <LineChart label={chart.label} points={trend.years.map((y, i) => ({ x: y.year, y: chart.values[i] ?? null }))} />}
            <h3>{t('analysis.chains')}</h3>
            {trend.chains.length === 0 ? (
              <p className="muted">{t('analysis.noChains')}</p>
            ) : (
              <ul className="chains" data-testid="chains">
                {trend.chains.map((c, i) => (
                  <li key={i} className={c.ok ? 'ok' : c.severity}>
                    <strong>{c.year}</strong> {c.ok ? '✓' : '✗'} {c.message}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card figures">
            <table className="grid-table" data-testid="trend-table">
              <thead>
                <tr>
                  <th>{t('analysis.figure')}</th>
                  {trend.years.map((y) => (
                    <th key={y.year} colSpan={2}>
                      <button type="button" className="link" onClick={() => onOpen(y.reportId)}>
                        {y.year}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {figures.map((f, i) => (
                  <tr key={f.key} className={f.key === chartKey ? 'chosen' : ''} onClick={() => setChartKey(f.key)}>
                    <td title={f.key}>
                      {(i === 0 || figures[i - 1]!.group !== f.group) && <span className="group">{t(GROUP_LABEL[f.group] ?? 'group.n')}</span>}
                      {f.label}
                    </td>
                    {f.values.flatMap((v, j) => [
                      <td key={`v${j}`} className="num">
                        {v === null ? '—' : formatNumber(v)}
                      </td>,
                      <td key={`c${j}`} className="num delta">
                        {j > 0 ? <Change value={f.changes[j] ?? null} /> : null}
                      </td>,
                    ])}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card prose" data-testid="prose-diff">
            <h3>{t('analysis.prose')}</h3>
            {trend.prose.length === 0 && <p className="muted">{t('analysis.noProse')}</p>}
            {trend.prose.map((p) => (
              <details key={`${p.section}-${p.to}`} open={p.changed && p.section === 'problems'}>
                <summary>
                  {p.from} → {p.to} · {t(`section.${p.section}` as MessageKey)} {p.changed ? '' : `（${t('analysis.unchanged')}）`}
                </summary>
                <p className="diff">
                  {p.parts.map((part, i) =>
                    part.added ? <ins key={i}>{part.value}</ins> : part.removed ? <del key={i}>{part.value}</del> : <span key={i}>{part.value}</span>,
                  )}
                </p>
              </details>
            ))}
          </section>
        </div>
      )}
      {trend && trend.years.length === 0 && <p className="muted">{t('analysis.noData')}</p>}
    </div>
  );
}
