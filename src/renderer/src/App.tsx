// The main window: header, library list, report detail, job panel; drop anywhere to import.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LibraryInfo } from '../../shared/api';
import type { ReportSummary } from '../../shared/model';
import { api } from './api';
import { I18n, saveLocale, savedLocale, translator, type Locale } from './i18n';
import { Header } from './components/Header';
import { LibraryList } from './components/LibraryList';
import { JobPanel } from './components/JobPanel';
import { ReportDetail } from './components/ReportDetail';
import { useImportJob } from './useImportJob';
import { useWindowDrop } from './useWindowDrop';
import { Shortcuts } from './components/Shortcuts';
import { sortReports, type Sort } from './sort';
import { OPEN_MARK, ReviewScreen } from './review/ReviewScreen';
import { AnalysisView } from './analysis/AnalysisView';

export function App() {
  const [locale, setLocale] = useState<Locale>(savedLocale);
  const i18n = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  const [info, setInfo] = useState<LibraryInfo | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [review, setReviewId] = useState<number | null>(null);
  /** open the review screen (its opening is timed from here: bench:review) */
  const setReview = useCallback((id: number | null) => {
    if (id !== null) performance.mark(OPEN_MARK);
    setReviewId(id);
  }, []);
  const [analysis, setAnalysis] = useState(false);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'id', desc: false });
  const [unsorted, setReports] = useState<ReportSummary[]>([]);
  const reports = useMemo(() => sortReports(unsorted, sort), [unsorted, sort]);

  const refresh = useCallback(() => {
    const list = query.trim() ? api.call('library:search', { query }) : api.call('library:list', {});
    void list.then((r) => r.ok && setReports(r.value));
    void api.call('library:info', {}).then((r) => r.ok && setInfo(r.value));
  }, [query]);
  useEffect(refresh, [refresh]);
  const { job, importFiles, cancel, dismiss, fail } = useImportJob(refresh);

  const dragging = useWindowDrop(importFiles, fail);

  // J / K (or PageDown / PageUp) walk the list, ? shows the shortcuts; not while typing
  const [help, setHelp] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.ctrlKey || e.metaKey || e.altKey) return;
      // the review screen walks its own queue
      const step = review !== null ? 0 : e.key === 'j' || e.key === 'PageDown' ? 1 : e.key === 'k' || e.key === 'PageUp' ? -1 : 0;
      if (step && reports.length) {
        e.preventDefault();
        const at = reports.findIndex((r) => r.id === selected);
        const next = reports[Math.min(reports.length - 1, Math.max(0, at + step))] ?? reports[0]!;
        setSelected(next.id);
      } else if (e.key === '?') setHelp((h) => !h);
      else if (e.key === 'Escape') setHelp(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [reports, selected, review]);

  const switchLocale = () => {
    const next = locale === 'zh-CN' ? 'en' : 'zh-CN';
    saveLocale(next);
    setLocale(next);
  };

  return (
    <I18n.Provider value={i18n}>
      <div className="app">
        {review !== null ? (
          <ReviewScreen
            startId={review}
            ids={reports.map((r) => r.id)}
            onClose={(id, changed) => {
              setReview(null);
              setSelected(id);
              if (changed) refresh();
            }}
            onSwitchLocale={switchLocale}
          />
        ) : (
          <>
            <Header info={info} query={query} onQuery={setQuery} onSwitchLocale={switchLocale} onAnalysis={() => setAnalysis((a) => !a)} />
            {analysis ? (
              <AnalysisView
                onClose={() => setAnalysis(false)}
                onOpen={(id) => {
                  setAnalysis(false);
                  setSelected(id);
                }}
              />
            ) : (
              <main className={selected === null ? 'content' : 'content with-detail'}>
                <LibraryList reports={reports} sort={sort} onSort={setSort} selected={selected} onSelect={setSelected} onOpen={setReview} />
                {selected !== null && <ReportDetail id={selected} onClose={() => setSelected(null)} onOpen={setSelected} onChanged={refresh} onReview={setReview} />}
              </main>
            )}
          </>
        )}
        {job && (review === null || job.phase !== 'finished') && <JobPanel job={job} onCancel={cancel} onClose={dismiss} onOpen={setSelected} />}
        {help && <Shortcuts onClose={() => setHelp(false)} />}
        {dragging && (
          <div className="drop-overlay" role="presentation">
            <div>{i18n.t('dropHere')}</div>
          </div>
        )}
      </div>
    </I18n.Provider>
  );
}
