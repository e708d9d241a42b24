import type { LibraryInfo } from '../../../shared/api';
import { useI18n } from '../i18n';

export function Header({ info, query, onQuery, onSwitchLocale }: { info: LibraryInfo | null; query: string; onQuery: (q: string) => void; onSwitchLocale: () => void }) {
  const { t } = useI18n();
  return (
    <header className="header">
      <div>
        <h1>{t('appName')}</h1>
        <p className="muted">{t('tagline')}</p>
      </div>
      <div className="header-side">
        <input type="search" className="search" value={query} placeholder={t('searchPlaceholder')} aria-label={t('searchPlaceholder')} onChange={(e) => onQuery(e.target.value)} data-testid="search" />
        {info && (
          <span className="muted" title={t('libraryAt', { path: info.home })}>
            {t('reportsCount', { n: info.reports })}
          </span>
        )}
        <button type="button" onClick={onSwitchLocale} data-testid="locale">
          {t('language')}
        </button>
      </div>
    </header>
  );
}
