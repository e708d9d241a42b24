// One report: metadata, extracted figures by table, failed checks, unmatched rows, source files.
import { useCallback, useEffect, useState } from 'react';
import { FIELD_BY_KEY, type FieldGroup } from '../../../shared/fields';
import type { ExtractedField, ReportDetail as Detail } from '../../../shared/model';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { recordChange } from '../review/undo';
import { checkText } from '../review/check-text';
import { ruleLabel } from './FilterPanel';
import { handOver } from '../review/handoff';

const GROUPS: FieldGroup[] = ['t2', 't2v19', 't3', 't4', 'legacy', 'n'];

export function ReportDetail({
  id,
  onClose,
  onOpen,
  onChanged,
  onReview,
}: {
  id: number;
  onClose: () => void;
  onOpen: (id: number) => void;
  onChanged: () => void;
  /** the detail grows into the review screen */
  /** open the review screen (not offered for a report in the trash) */
  onReview?: (id: number) => void;
}) {
  const { t, locale } = useI18n();
  const [report, setReport] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = useCallback(
    async (key: string, value: number | string | null, status: 'corrected' | 'verified') => {
      // the layout goes through report:meta: the tables are read again with it
      const r =
        key === 'meta.format' && typeof value === 'string'
          ? await api.call('report:meta', { id, format: value as '2021' }).then((m) => (m.ok ? { ok: true as const, value: { ...m.value, change: m.value.changes.at(-1) } } : m))
          : await api.call('field:update', { reportId: id, key, value, status });
      if (r.ok) {
        if (r.value.change !== undefined) recordChange({ reportId: id, change: r.value.change, key });
        setReport(r.value);
        handOver(r.value);
        setError(null);
        onChanged();
      } else setError(r.message);
      return r.ok;
    },
    [id, onChanged],
  );
  useEffect(() => {
    let live = true;
    void api.call('report:get', { id }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setReport(r.value);
        handOver(r.value);
      } else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [id]);

  const [note, setNote] = useState<string | null>(null);
  const verify = async () => {
    const r = await api.call('report:verify', { id, ...(note ? { note } : {}) });
    if (r.ok) {
      recordChange({ reportId: id, change: r.value.change, key: '*' });
      setReport(r.value);
      setNote(null);
      setError(null);
      onChanged();
    } else if (r.code === 'checks_failing') setNote('');
    else setError(r.message);
  };
  const groupOf = (f: ExtractedField) => FIELD_BY_KEY.get(f.key.replace(/#cumulative$/, ''))?.group;
  const failed = report?.checks.filter((c) => !c.ok) ?? [];
  return (
    <section className="detail" data-testid="detail">
      <div className="detail-head">
        <h2>{t('detailTitle', { id })}</h2>
        <span className="muted" data-testid="review-status">
          {report && t(`status.${report.reviewStatus}` as MessageKey)}
        </span>
        {onReview && (
          <button type="button" className="primary" onClick={() => onReview(id)} title={t('review.openHint')} data-testid="open-review">
            {t('review.open')}
          </button>
        )}
        <button type="button" onClick={() => void verify()} data-testid="verify-report" disabled={note === ''}>
          {t('verifyReport')}
        </button>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {note !== null && (
        <div className="accept">
          <label>
            {t('acceptWithNote')}
            <input value={note} onChange={(e) => setNote(e.target.value)} data-testid="verify-note" />
          </label>
          <button type="button" disabled={!note.trim()} onClick={() => void verify()}>
            {t('accept')}
          </button>
        </div>
      )}
      {error && <p className="warn">{t('errorPrefix') + error}</p>}
      {report && (
        <div className="detail-body">
          {report.duplicateOf !== null && (
            <button type="button" className="link" onClick={() => onOpen(report.duplicateOf!)}>
              {t('duplicateOf', { id: report.duplicateOf })}
            </button>
          )}
          <h3>{t('sectionMeta')}</h3>
          <FieldList fields={report.fields.filter((f) => groupOf(f) === 'meta')} onSave={save} withSource />
          <h3>{t('sectionChecks')}</h3>
          {failed.length === 0 ? (
            <p className="muted">{t('noChecks')}</p>
          ) : (
            <ul className="checks">
              {failed.map((c, i) => (
                <li key={i} className={c.severity} title={ruleLabel(t, c.rule)}>
                  {checkText(c, t, locale)}
                </li>
              ))}
            </ul>
          )}
          {GROUPS.map((g) => {
            const fields = report.fields.filter((f) => groupOf(f) === g);
            return fields.length ? (
              <div key={g}>
                <h3>{t(`group.${g}` as MessageKey)}</h3>
                <FieldList fields={fields} onSave={save} />
              </div>
            ) : null;
          })}
          {report.unmapped.length > 0 && (
            <>
              <h3>{t('sectionUnmapped')}</h3>
              <ul>
                {report.unmapped.map((u, i) => (
                  <li key={i}>
                    {u.label}: {u.values.map((v) => v ?? '—').join(' | ')}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3>{t('sectionFiles')}</h3>
          <ul>
            {report.files.map((f, i) => (
              <li key={i} title={f.path}>
                {f.name} <span className="muted">{f.sha256.slice(0, 12)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** Enumerations in words; numbers and text as they are. */
function displayValue(f: ExtractedField, t: ReturnType<typeof useI18n>['t']): string {
  if (f.value === null) return '—';
  if (f.key === 'meta.format') return t(`format.${f.value}` as MessageKey);
  if (f.key === 'meta.doc_kind') return t(`kind.${f.value}` as MessageKey);
  return String(f.value);
}

type Save = (key: string, value: number | string | null, status: 'corrected' | 'verified') => Promise<boolean>;

/** withSource: the printed text and the confidence under each label (metadata); otherwise the field key. */
function FieldList({ fields, onSave, withSource = false }: { fields: ExtractedField[]; onSave: Save; withSource?: boolean }) {
  return (
    <dl className="fields">
      {fields.map((f) => (
        <FieldRow key={f.key} field={f} onSave={onSave} withSource={withSource} />
      ))}
    </dl>
  );
}

/** One field: Enter or a click edits, Enter commits, Esc cancels, V confirms the value as it is. */
function FieldRow({ field: f, onSave, withSource }: { field: ExtractedField; onSave: Save; withSource: boolean }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<string | null>(null);
  const def = FIELD_BY_KEY.get(f.key.replace(/#cumulative$/, ''));
  const numeric = def !== undefined && def.kind !== 'text' && def.kind !== 'date' && def.kind !== 'enum';
  const label = `${def?.label ?? f.key}${f.key.endsWith('#cumulative') ? t('cumulative') : ''}`;
  const source = [f.text ? t('original', { text: f.text }) : '', t('confidence', { value: f.confidence.toFixed(2) })].filter(Boolean).join(' · ');
  const hint = `${f.key} · ${source} · ${t(`fieldStatus.${f.status}` as MessageKey)}`;
  const invalid = draft !== null && numeric && draft.trim() !== '' && !/^-?\d+(\.\d+)?$/.test(draft.trim());
  const commit = async () => {
    if (draft === null || invalid) return;
    const text = draft.trim();
    const value = text === '' ? null : numeric ? Number(text) : text;
    if (await onSave(f.key, value, 'corrected')) setDraft(null);
  };
  const state = f.status === 'corrected' || f.status === 'verified' ? f.status : f.confidence < 0.6 ? 'low' : 'auto';
  return (
    <div className={`field ${state}`} title={hint} data-key={f.key}>
      <dt>
        {label}
        <span className={withSource ? 'source' : 'key'}>{withSource ? source : f.key}</span>
      </dt>
      <dd>
        {draft === null ? (
          <button
            type="button"
            className="value"
            aria-label={`${label} ${t('edit')}`}
            onClick={() => setDraft(f.value === null ? '' : String(f.value))}
            onKeyDown={(e) => {
              if (e.key === 'v' || e.key === 'V') void onSave(f.key, f.value, 'verified');
            }}
          >
            {displayValue(f, t)}
            {f.approx ? t('approx') : ''}
            {f.unit && f.value !== null ? ` ${f.unit}` : ''}
            <span className="mark" aria-hidden="true">{STATE_MARK[state]}</span>
          </button>
        ) : (
          <input
            autoFocus
            className={invalid ? 'invalid' : ''}
            aria-invalid={invalid}
            aria-label={label}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void commit();
              if (e.key === 'Escape') setDraft(null);
            }}
            onBlur={() => setDraft(null)}
          />
        )}
      </dd>
    </div>
  );
}

/** Not colour alone: each state has a mark. */
const STATE_MARK: Record<string, string> = { auto: '', low: ' ⚠', corrected: ' ✎', verified: ' ✓' };
