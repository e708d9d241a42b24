// The main window: header, library list, report detail, job panel; drop anywhere to import.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LibraryInfo } from '../../shared/api';
import { api } from './api';
import { I18n, saveLocale, savedLocale, translator, type Locale } from './i18n';
import { Header } from './components/Header';
import { LibraryPane } from './components/LibraryPane';
import { JobPanel } from './components/JobPanel';
import { ReportDetail } from './components/ReportDetail';
import { useJob } from './useJob';
import { useWindowDrop } from './useWindowDrop';
import { Shortcuts } from './components/Shortcuts';
import { useLibrary } from './useLibrary';
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
  // the review queue is made of the reports the list shows, in its order (null while they are asked for)
  const [reviewIds, setReviewIds] = useState<number[] | null>(null);
  const [analysis, setAnalysis] = useState(false);
  const library = useLibrary();
  const { reload } = library;
  const loadInfo = useCallback(() => void api.call('library:info', {}).then((r) => r.ok && setInfo(r.value)), []);
  useEffect(loadInfo, [loadInfo]);
  const openReview = useCallback(
    (id: number) => {
      setReviewIds(null);
      setReview(id);
      void library.ids().then(setReviewIds);
    },
    [library, setReview],
  );
  const refresh = useCallback(() => {
    reload();
    loadInfo();
  }, [reload, loadInfo]);
  const { job, importFiles, reextract, bulk, cancel, dismiss, fail } = useJob(refresh);

  const dragging = useWindowDrop(importFiles, fail);

  // J / K (or PageDown / PageUp) walk the list, ? shows the shortcuts; not while typing
  const [help, setHelp] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.ctrlKey || e.metaKey || e.altKey) return;
      // the review screen walks its own queue; the analysis view hides the list
      const step = review !== null || analysis ? 0 : e.key === 'j' || e.key === 'PageDown' ? 1 : e.key === 'k' || e.key === 'PageUp' ? -1 : 0;
      if (step) {
        e.preventDefault();
        void library.neighbour(selected, step).then((id) => id !== null && setSelected(id));
      } else if (e.key === '?') setHelp((h) => !h);
      else if (e.key === 'Escape') setHelp(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [library, selected, review, analysis]);

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
            ids={reviewIds}
            onClose={(id, changed) => {
              setReview(null);
              setSelected(id);
              if (changed) refresh();
            }}
            onSwitchLocale={switchLocale}
          />
        ) : (
          <>
            <Header info={info} query={library.search} onQuery={library.setSearch} onSwitchLocale={switchLocale} onAnalysis={() => setAnalysis((a) => !a)} />
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
                <LibraryPane library={library} shown={selected} onShow={setSelected} onOpen={openReview} onReextract={job && job.phase !== 'finished' ? undefined : reextract} runJob={job && job.phase !== 'finished' ? undefined : bulk} onChanged={refresh} />
                {selected !== null && <ReportDetail id={selected} onClose={() => setSelected(null)} onOpen={setSelected} onChanged={refresh} onReview={library.trash ? undefined : openReview} />}
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
