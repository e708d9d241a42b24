import type { LibraryInfo } from '../../../shared/api';
import { useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';

export function Header({ info, query, onQuery, onSwitchLocale }: { info: LibraryInfo | null; query: string; onQuery: (q: string) => void; onSwitchLocale: () => void }) {
  const { t } = useI18n();
  const [exported, setExported] = useState<string | null>(null);
  const exportAs = async (format: 'xlsx' | 'csv' | 'json') => {
    const r = await api.call('library:export', { format });
    setExported(r.ok ? t('exportedTo', { n: r.value.reports, path: r.value.path }) : t('errorPrefix') + r.message);
  };
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
        <span className="export" role="group" aria-label={t('export')}>
          {(['xlsx', 'csv', 'json'] as const).map((f) => (
            <button key={f} type="button" onClick={() => void exportAs(f)} data-testid={`export-${f}`}>
              {t('exportAs', { format: f.toUpperCase() })}
            </button>
          ))}
        </span>
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
