// The analysis screen: one agency across years, many agencies compared, completeness and
// compliance, merge conflicts. Reached from the header; a report link goes back to the library.
import { useEffect, useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { AgencyTrendView } from './AgencyTrendView';
import { GroupsView } from './GroupsView';
import { ComplianceView } from './ComplianceView';
import { ConflictsView } from './ConflictsView';
import './analysis.css';

type Tab = 'agency' | 'groups' | 'compliance' | 'conflicts';
const TABS: [Tab, MessageKey][] = [
  ['agency', 'analysis.tab.agency'],
  ['groups', 'analysis.tab.groups'],
  ['compliance', 'analysis.tab.compliance'],
  ['conflicts', 'analysis.tab.conflicts'],
];

export function AnalysisView({ onOpen, onClose }: { onOpen: (id: number) => void; onClose: () => void }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('agency');
  const [years, setYears] = useState<number[] | null>(null);
  // the years the comparison can pick: asked for when it is first shown, not before the first tab
  useEffect(() => {
    if (tab !== 'groups' || years) return;
    setYears([]);
    void api.call('library:facets', {}).then((r) => r.ok && setYears(r.value.years.map((y) => y.value)));
  }, [tab, years]);
  return (
    <main className="analysis" data-testid="analysis">
      <nav className="tabs" role="tablist">
        {TABS.map(([key, label]) => (
          <button key={key} type="button" role="tab" aria-selected={tab === key} className={tab === key ? 'active' : ''} onClick={() => setTab(key)} data-testid={`tab-${key}`}>
            {t(label)}
          </button>
        ))}
        <button type="button" className="back" onClick={onClose} data-testid="analysis-close">
          {t('analysis.back')}
        </button>
      </nav>
      {tab === 'agency' && <AgencyTrendView onOpen={onOpen} />}
      {tab === 'groups' && <GroupsView years={years ?? []} onOpen={onOpen} />}
      {tab === 'compliance' && <ComplianceView onOpen={onOpen} />}
      {tab === 'conflicts' && <ConflictsView onOpen={onOpen} />}
    </main>
  );
}
