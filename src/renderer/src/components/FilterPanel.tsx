// Filters of the library list by any column: text contains, year range, layout / file type sets,
// failing rules, failed checks, lowest confidence, import date. Also the chips that show (and
// remove) the filters in force.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { REPORT_FORMATS, type LibraryCounts, type LibraryFilters } from '../../../shared/library';
import type { ReportFormat } from '../../../shared/fields';
import { RULE_NAMES, type RuleId } from '../../../shared/rules';
import { useI18n, type Translate } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import type { LibraryView } from '../useLibrary';
import { useDismiss } from '../useDismiss';

const TEXT_FILTERS = [
  ['agency', 'filter.agency'],
  ['region', 'filter.region'],
  ['title', 'filter.title'],
  ['fileName', 'filter.fileName'],
] as const satisfies readonly (readonly [keyof LibraryFilters, MessageKey])[];
const TYPING_MS = 300;
const CONFIDENCE_STEPS = [0.5, 0.6, 0.7, 0.8, 0.9, 1];

/** A rule's name in the UI language; a rule this version does not know by its id. */
export const ruleLabel = (t: Translate, rule: string): string => (rule in RULE_NAMES ? t(`rule.${rule as RuleId}`) : rule);
const formatLabel = (t: Translate, f: ReportFormat | null) => (f === null ? t('filter.formatNone') : t(`format.${f}` as MessageKey));

/** Local date (YYYY-MM-DD) ⇄ the instant the core compares with. */
const startOf = (date: string, days = 0): string => {
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + days);
  return d.toISOString();
};
const localDate = (iso: string | undefined, days = 0): string => {
  if (!iso) return '';
  const d = new Date(iso);
  d.setDate(d.getDate() + days);
  return d.toLocaleDateString('sv-SE');
};

function toggled<T>(list: readonly T[] | undefined, value: T): T[] | undefined {
  const next = list?.includes(value) ? list.filter((x) => x !== value) : [...(list ?? []), value];
  return next.length ? next : undefined;
}

/** A text box whose value reaches the filters once typing pauses. */
function TextFilter({ name, label, library }: { name: (typeof TEXT_FILTERS)[number][0]; label: string; library: LibraryView }) {
  const current = library.filters[name] ?? '';
  const [draft, setDraft] = useState(current);
  useEffect(() => setDraft(current), [current]);
  useEffect(() => {
    if (draft === current) return;
    const timer = setTimeout(() => library.setFilters((f) => ({ ...f, [name]: draft.trim() || undefined })), TYPING_MS);
    return () => clearTimeout(timer);
  }, [draft, current, name, library]);
  return (
    <label className="field-text">
      <span>{label}</span>
      <input type="search" value={draft} onChange={(e) => setDraft(e.target.value)} data-testid={`filter-${name}`} />
    </label>
  );
}

/** The panel; `toggle` is the button that opens it (a press there is not "outside"). */
export function FilterPanel({ library, counts, onClose, toggle }: { library: LibraryView; counts: LibraryCounts | null; onClose: () => void; toggle: RefObject<HTMLElement | null> }) {
  const { t } = useI18n();
  const panel = useRef<HTMLDivElement>(null);
  useDismiss(true, [panel, toggle], onClose);
  const f = library.filters;
  const set = (patch: Partial<LibraryFilters>) => library.setFilters((old) => ({ ...old, ...patch }));
  const number = (v: string): number | undefined => (v === '' || Number.isNaN(Number(v)) ? undefined : Number(v));
  const failed = f.failedMin !== undefined ? 'some' : f.failedMax === 0 ? 'none' : 'any';
  const kinds = counts?.fileKinds ?? [];
  const rules = counts?.rules ?? [];
  return (
    <div className="lib-filters" ref={panel} role="dialog" aria-label={t('lib.filters')} data-testid="filter-panel">
      <div className="filter-grid">
        <fieldset>
          {TEXT_FILTERS.map(([name, label]) => (
            <TextFilter key={name} name={name} label={t(label)} library={library} />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('filter.years')}</legend>
          <div className="range">
            <input type="number" aria-label={`${t('filter.years')} ${t('filter.from')}`} placeholder={String(counts?.years?.min ?? '')} value={f.yearFrom ?? ''} onChange={(e) => set({ yearFrom: number(e.target.value) })} data-testid="filter-year-from" />
            <span>–</span>
            <input type="number" aria-label={`${t('filter.years')} ${t('filter.to')}`} placeholder={String(counts?.years?.max ?? '')} value={f.yearTo ?? ''} onChange={(e) => set({ yearTo: number(e.target.value) })} data-testid="filter-year-to" />
          </div>
          <legend>{t('filter.imported')}</legend>
          <div className="range">
            <input type="date" aria-label={`${t('filter.imported')} ${t('filter.from')}`} value={localDate(f.importedFrom)} onChange={(e) => set({ importedFrom: e.target.value ? startOf(e.target.value) : undefined })} />
            <span>–</span>
            <input type="date" aria-label={`${t('filter.imported')} ${t('filter.to')}`} value={localDate(f.importedBefore, -1)} onChange={(e) => set({ importedBefore: e.target.value ? startOf(e.target.value, 1) : undefined })} />
          </div>
          <legend>{t('filter.confidence')}</legend>
          <select value={f.confidenceBelow ?? ''} onChange={(e) => set({ confidenceBelow: number(e.target.value) })} aria-label={t('filter.confidence')} data-testid="filter-confidence">
            <option value="">{t('filter.any')}</option>
            {CONFIDENCE_STEPS.map((c) => (
              <option key={c} value={c}>
                {c.toFixed(1)}
              </option>
            ))}
          </select>
        </fieldset>
        <fieldset>
          <legend>{t('filter.formats')}</legend>
          {[...REPORT_FORMATS, null].map((v) => (
            <label key={String(v)} className="check">
              <input type="checkbox" checked={f.formats?.includes(v) ?? false} onChange={() => set({ formats: toggled(f.formats, v) })} data-testid={`filter-format-${v ?? 'none'}`} />
              {formatLabel(t, v)}
            </label>
          ))}
          <legend>{t('filter.fileKinds')}</legend>
          {kinds.map(({ value, count }) => (
            <label key={value} className="check">
              <input type="checkbox" checked={f.fileKinds?.includes(value) ?? false} onChange={() => set({ fileKinds: toggled(f.fileKinds, value) })} />
              {value} <span className="muted num">{count}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="rules">
          <legend>{t('filter.failed')}</legend>
          <div className="segmented" role="radiogroup" aria-label={t('filter.failed')}>
            {(
              [
                ['any', 'filter.any', { failedMin: undefined, failedMax: undefined }],
                ['some', 'filter.failedAny', { failedMin: 1, failedMax: undefined }],
                ['none', 'filter.failedNone', { failedMin: undefined, failedMax: 0 }],
              ] as const
            ).map(([value, label, patch]) => (
              <label key={value}>
                <input type="radio" name="failed" checked={failed === value} onChange={() => set(patch)} />
                {t(label)}
              </label>
            ))}
          </div>
          <legend>{t('filter.rules')}</legend>
          {rules.length === 0 && <p className="muted">{t('noChecks')}</p>}
          {rules.map(({ rule, count }) => (
            <label key={rule} className="check" title={rule}>
              <input type="checkbox" checked={f.failedRules?.includes(rule) ?? false} onChange={() => set({ failedRules: toggled(f.failedRules, rule) })} data-testid={`filter-rule-${rule}`} />
              <span className="rule">{ruleLabel(t, rule)}</span> <span className="muted num">{count}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <div className="filter-actions">
        <button type="button" onClick={() => library.setFilters({})} data-testid="clear-filters">
          {t('lib.clearFilters')}
        </button>
        <button type="button" onClick={onClose} data-testid="close-filters">
          {t('close')}
        </button>
      </div>
    </div>
  );
}

/** One chip per filter in force (statuses have their own buttons): its label and what removes it. */
export function filterChips(f: LibraryFilters, t: Translate): [string, Partial<LibraryFilters>][] {
  const chips: [string, Partial<LibraryFilters>][] = [];
  for (const [name, label] of TEXT_FILTERS) if (f[name]) chips.push([`${t(label)}“${f[name]}”`, { [name]: undefined }]);
  if (f.yearFrom !== undefined || f.yearTo !== undefined) chips.push([`${t('filter.years')} ${f.yearFrom ?? '…'}–${f.yearTo ?? '…'}`, { yearFrom: undefined, yearTo: undefined }]);
  if (f.formats) chips.push([`${t('filter.formats')}：${f.formats.map((v) => formatLabel(t, v)).join('、')}`, { formats: undefined }]);
  if (f.fileKinds) chips.push([`${t('filter.fileKinds')}：${f.fileKinds.join('、')}`, { fileKinds: undefined }]);
  if (f.failedRules) chips.push([`${t('filter.rules')}：${f.failedRules.map((r) => ruleLabel(t, r)).join('、')}`, { failedRules: undefined }]);
  if (f.failedMin !== undefined) chips.push([`${t('filter.failed')}：${t('filter.failedAny')}`, { failedMin: undefined }]);
  if (f.failedMax === 0) chips.push([`${t('filter.failed')}：${t('filter.failedNone')}`, { failedMax: undefined }]);
  if (f.confidenceBelow !== undefined) chips.push([`${t('filter.confidence')} ${f.confidenceBelow}`, { confidenceBelow: undefined }]);
  if (f.importedFrom || f.importedBefore) {
    chips.push([`${t('filter.imported')} ${localDate(f.importedFrom) || '…'}–${localDate(f.importedBefore, -1) || '…'}`, { importedFrom: undefined, importedBefore: undefined }]);
  }
  return chips;
}

export function FilterChips({ library }: { library: LibraryView }) {
  const { t } = useI18n();
  return (
    <>
      {filterChips(library.filters, t).map(([label, patch]) => (
        <button key={label} type="button" className="chip active" title={label} aria-label={t('filter.remove', { label })} onClick={() => library.setFilters((old) => ({ ...old, ...patch }))} data-testid="filter-chip">
          <span>{label}</span> ×
        </button>
      ))}
    </>
  );
}
