import type { LibraryInfo } from '../../../shared/api';
import { useI18n } from '../i18n';

export function Header({ info, onSwitchLocale }: { info: LibraryInfo | null; onSwitchLocale: () => void }) {
  const { t } = useI18n();
  return (
    <header className="header">
      <div>
        <h1>{t('appName')}</h1>
        <p className="muted">{t('tagline')}</p>
      </div>
      <div className="header-side">
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
