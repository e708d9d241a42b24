// The reports behind one row of the comparison: each with its part of the row's figures, most
// applications first; the report number opens the report.
import { useEffect, useState } from 'react';
import type { GroupBy, GroupMember } from '../../../shared/analysis';
import { api } from '../api';
import { useI18n } from '../i18n';
import { formatNumber } from './charts';
import { Pager } from './Pager';
import { OutcomeCells, ReportLink } from './TableParts';

const PAGE = 100;
const deniedTotal = (m: GroupMember) => Object.values(m.denied).reduce((a, b) => a + b, 0);

export function GroupMembers({ by, group, label, years, onOpen }: { by: GroupBy; group: string; label: string; years: number[]; onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const [members, setMembers] = useState<GroupMember[] | null>(null);
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    let live = true;
    setOffset(0);
    void api.call('analysis:members', { by, group, ...(years.length ? { years } : {}) }).then((r) => live && r.ok && setMembers(r.value));
    return () => {
      live = false;
    };
  }, [by, group, years]);
  if (!members) return null;
  const total = members.length;
  return (
    <section className="card" data-testid="group-members">
      <h3>{t('analysis.membersOf', { group: label, n: total })}</h3>
      <table className="grid-table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('col.agency')}</th>
            <th className="num">{t('col.year')}</th>
            <th className="num">{t('analysis.received')}</th>
            <th className="num">{t('analysis.granted')}</th>
            <th className="num">{t('analysis.decided')}</th>
            <th className="num">{t('analysis.denied')}</th>
            <th className="num">{t('analysis.review')}</th>
            <th className="num">{t('analysis.reviewCorrected')}</th>
            <th className="num">{t('analysis.suit')}</th>
            <th className="num">{t('analysis.suitCorrected')}</th>
          </tr>
        </thead>
        <tbody>
          {members.slice(offset, offset + PAGE).map((m) => (
            <tr key={m.reportId}>
              <td>
                <ReportLink id={m.reportId} onOpen={onOpen} />
              </td>
              <td className="agency" title={m.region ?? undefined}>
                {m.agency ?? '—'}
              </td>
              <td className="num">{m.year ?? '—'}</td>
              <td className="num">{m.received === null ? '—' : formatNumber(m.received)}</td>
              <td className="num">{formatNumber(m.granted)}</td>
              <td className="num">{formatNumber(m.decided)}</td>
              <td className="num">{formatNumber(deniedTotal(m))}</td>
              <OutcomeCells review={m.review} suit={m.suit} />
            </tr>
          ))}
        </tbody>
      </table>
      <Pager offset={offset} total={total} size={PAGE} onOffset={setOffset} />
    </section>
  );
}
