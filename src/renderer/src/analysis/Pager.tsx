// Previous / next over a long table, with where the page is.
import { useI18n } from '../i18n';

export function Pager({ offset, total, size, onOffset, testId }: { offset: number; total: number; size: number; onOffset: (offset: number) => void; testId?: string }) {
  const { t } = useI18n();
  if (total <= size) return null;
  return (
    <div className="pager" data-testid={testId}>
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - size))}>
        {t('analysis.prevPage')}
      </button>
      <span className="muted">{t('analysis.pageOf', { from: offset + 1, to: Math.min(total, offset + size), total })}</span>
      <button type="button" disabled={offset + size >= total} onClick={() => onOffset(offset + size)} data-testid={testId && `${testId}-next`}>
        {t('analysis.nextPage')}
      </button>
    </div>
  );
}
