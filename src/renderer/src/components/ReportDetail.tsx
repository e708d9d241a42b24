// One report: metadata, extracted figures by table, failed checks, unmatched rows, source files.
import { useEffect, useState } from 'react';
import { FIELD_BY_KEY, type FieldGroup } from '../../../shared/fields';
import type { ExtractedField, ReportDetail as Detail } from '../../../shared/model';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';

const GROUPS: FieldGroup[] = ['t2', 't2v19', 't3', 't4', 'legacy', 'n'];

export function ReportDetail({ id, onClose, onOpen }: { id: number; onClose: () => void; onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const [report, setReport] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('report:get', { id }).then((r) => {
      if (!live) return;
      if (r.ok) setReport(r.value);
      else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [id]);

  const groupOf = (f: ExtractedField) => FIELD_BY_KEY.get(f.key.replace(/#cumulative$/, ''))?.group;
  const failed = report?.checks.filter((c) => !c.ok) ?? [];
  return (
    <section className="detail" data-testid="detail">
      <div className="detail-head">
        <h2>{t('detailTitle', { id })}</h2>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {error && <p className="warn">{t('errorPrefix') + error}</p>}
      {report && (
        <div className="detail-body">
          {report.duplicateOf !== null && (
            <button type="button" className="link" onClick={() => onOpen(report.duplicateOf!)}>
              {t('duplicateOf', { id: report.duplicateOf })}
            </button>
          )}
          <h3>{t('sectionMeta')}</h3>
          <FieldList fields={report.fields.filter((f) => groupOf(f) === 'meta')} />
          <h3>{t('sectionChecks')}</h3>
          {failed.length === 0 ? (
            <p className="muted">{t('noChecks')}</p>
          ) : (
            <ul className="checks">
              {failed.map((c, i) => (
                <li key={i} className={c.severity}>
                  {c.message}
                </li>
              ))}
            </ul>
          )}
          {GROUPS.map((g) => {
            const fields = report.fields.filter((f) => groupOf(f) === g);
            return fields.length ? (
              <div key={g}>
                <h3>{t(`group.${g}` as MessageKey)}</h3>
                <FieldList fields={fields} />
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

function FieldList({ fields }: { fields: ExtractedField[] }) {
  const { t } = useI18n();
  return (
    <dl className="fields">
      {fields.map((f) => {
        const def = FIELD_BY_KEY.get(f.key.replace(/#cumulative$/, ''));
        const label = `${def?.label ?? f.key}${f.key.endsWith('#cumulative') ? ' (历年累计)' : ''}`;
        const hint = [t('confidence', { value: f.confidence.toFixed(2) }), f.text ? t('original', { text: f.text }) : ''].filter(Boolean).join(' · ');
        return (
          <div key={f.key} className={f.confidence < 0.6 ? 'field low' : 'field'} title={hint} data-key={f.key}>
            <dt>{label}</dt>
            <dd>
              {displayValue(f, t)}
              {f.approx ? '（约）' : ''}
              {f.unit && f.value !== null ? ` ${f.unit}` : ''}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
