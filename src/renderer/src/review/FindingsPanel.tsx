// Failing rules of the report (errors first), each jumping to the cells it involves.
import { memo } from 'react';
import type { CheckResult } from '../../../shared/model';
import { useI18n } from '../i18n';
import { checkText } from './check-text';
import { ruleLabel } from '../components/FilterPanel';

export const FindingsPanel = memo(function FindingsPanel({
  findings,
  passed,
  selected,
  focusKey,
  onPick,
}: {
  findings: readonly CheckResult[];
  passed: number;
  selected: number | null;
  focusKey: string | null;
  onPick: (index: number) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <section className="findings" aria-label={t('review.findings')} data-testid="findings">
      <h3>
        {t('review.findings')}
        <span className="counts">
          {findings.length ? <span className="bad">{t('review.failingCount', { n: findings.length })}</span> : <span className="good">{t('review.allPass')}</span>}
          <span className="muted">{t('review.passedCount', { n: passed })}</span>
        </span>
      </h3>
      {findings.length > 0 && (
        <ul>
          {findings.map((c, i) => (
            <li key={`${c.rule}:${i}`}>
              <button
                type="button"
                className={['finding', c.severity, i === selected ? 'selected' : '', focusKey && c.keys.includes(focusKey) ? 'here' : ''].filter(Boolean).join(' ')}
                onClick={() => onPick(i)}
                title={ruleLabel(t, c.rule)}
                data-testid="finding"
              >
                <span className="mark" aria-hidden="true">
                  {c.severity === 'error' ? '✗' : '⚠'}
                </span>
                <span className="sr-only">{t(c.severity === 'error' ? 'review.error' : 'review.warning')}</span>
                {checkText(c, t, locale)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
