// The keyboard shortcuts, shown with "?".
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';

const KEYS: [string, MessageKey][] = [
  ['J / PageDown', 'keys.next'],
  ['K / PageUp', 'keys.previous'],
  ['Enter', 'keys.edit'],
  ['Esc', 'keys.cancel'],
  ['V', 'keys.verify'],
  ['↑ / ↓', 'keys.move'],
  ['Shift + ↑ / ↓, Shift + Click', 'keys.extend'],
  ['Space, Ctrl + Click', 'keys.toggle'],
  ['Ctrl + A', 'keys.selectAll'],
  ['Delete', 'keys.trash'],
  ['?', 'keys.help'],
];

export function Shortcuts({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label={t('keys.title')} data-testid="shortcuts">
      <div className="overlay-box">
        <h2>{t('keys.title')}</h2>
        <dl>
          {KEYS.map(([key, label]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{t(label)}</dd>
            </div>
          ))}
        </dl>
        <button type="button" onClick={onClose} autoFocus>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
