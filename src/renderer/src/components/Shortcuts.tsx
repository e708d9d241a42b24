// The keyboard shortcuts, shown with "?".
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';

const KEYS: [string, MessageKey][] = [
  ['J / PageDown', 'keys.next'],
  ['K / PageUp', 'keys.previous'],
  ['Enter', 'keys.edit'],
  ['Esc', 'keys.cancel'],
  ['V', 'keys.verify'],
  ['↑ / ↓', 'keys.listMove'],
  ['Enter, Double-click', 'keys.listOpen'],
  ['Shift + ↑ / ↓, Shift + Click', 'keys.extend'],
  ['Space, Ctrl + Click', 'keys.toggle'],
  ['Ctrl + A', 'keys.selectAll'],
  ['Delete', 'keys.trash'],
  ['?', 'keys.help'],
];

/** In the review screen. */
const REVIEW_KEYS: [string, MessageKey][] = [
  ['← ↑ → ↓ / Tab', 'keys.move'],
  ['0–9', 'keys.type'],
  ['Enter / F2', 'keys.edit'],
  ['Esc', 'keys.escReview'],
  ['V', 'keys.verify'],
  ['M / Shift+F2', 'keys.note'],
  ['Shift+V', 'keys.verifyReport'],
  ['Ctrl+Z / Ctrl+Shift+Z', 'keys.undo'],
  ['J / K', 'keys.queue'],
  ['N / Shift+N', 'keys.finding'],
  ['H', 'keys.history'],
  ['T  [  ]', 'keys.sourceMode'],
  ['+  −  0', 'keys.zoom'],
  ['L', 'keys.back'],
];

function KeyList({ keys }: { keys: [string, MessageKey][] }) {
  const { t } = useI18n();
  return (
    <dl>
      {keys.map(([key, label]) => (
        <div key={key}>
          <dt>
            <kbd>{key}</kbd>
          </dt>
          <dd>{t(label)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Shortcuts({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label={t('keys.title')} data-testid="shortcuts">
      <div className="overlay-box">
        <h2>{t('keys.title')}</h2>
        <KeyList keys={KEYS} />
        <h3>{t('keys.sectionReview')}</h3>
        <KeyList keys={REVIEW_KEYS} />
        <button type="button" onClick={onClose} autoFocus>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
