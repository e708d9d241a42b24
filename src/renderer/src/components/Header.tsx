import type { LibraryInfo } from '../../../shared/api';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { ExportDialog } from '../export/ExportDialog';

export function Header({ info, query, onQuery, onSwitchLocale, onAnalysis }: { info: LibraryInfo | null; query: string; onQuery: (q: string) => void; onSwitchLocale: () => void; onAnalysis?: () => void }) {
  const { t } = useI18n();
  const [exported, setExported] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  // the desktop menu's File › 导出… opens the same dialog
  useEffect(() => api.on('menu:export', () => setExporting(true)), []);
  return (
    <header className="header">
      <div>
        <h1>{t('appName')}</h1>
        <p className="muted">{t('tagline')}</p>
      </div>
      <div className="header-side">
        <input type="search" className="search" value={query} placeholder={t('searchPlaceholder')} aria-label={t('searchPlaceholder')} onChange={(e) => onQuery(e.target.value)} data-testid="search" />
        {info && (
          <span className="library-info" data-testid="library-info">
            <span>{t('reportsCount', { n: info.reports })}</span>
            <span className="muted folder" title={info.home}>
              {t('libraryAt', { path: info.home })}
            </span>
          </span>
        )}
        {onAnalysis && (
          <button type="button" onClick={onAnalysis} data-testid="analysis-open">
            {t('analysisOpen')}
          </button>
        )}
        <button type="button" onClick={() => setExporting(true)} data-testid="export-open">
          {t('exportOpen')}
        </button>
        {exporting && <ExportDialog onClose={() => setExporting(false)} onDone={setExported} />}
        {exported && (
          <span className="muted exported" data-testid="exported" title={exported}>
            {exported}
          </span>
        )}
        <button type="button" onClick={onSwitchLocale} data-testid="locale">
          {t('language')}
        </button>
      </div>
    </header>
  );
}
