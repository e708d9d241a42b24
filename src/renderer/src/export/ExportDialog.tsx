// The export dialog: file format, which reports (selection, years, layouts, regions), only checked
// figures, the originals as a zip. Writes through library:export: into the library's exports folder,
// or (desktop) where the person picks in the native save dialog the main process shows. The export
// is a job like an import: its job:progress events fill the bar, import:cancel stops it.
import { useEffect, useRef, useState } from 'react';
import type { ApiArgs, LibraryFacets } from '../../../shared/api';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import './export.css';

type Format = ApiArgs<'library:export'>['format'];
type Layout = LibraryFacets['layouts'][number]['value'];

const FORMATS: [Format, MessageKey][] = [
  ['xlsx', 'exportDialog.xlsx'],
  ['csv', 'exportDialog.csvLong'],
  ['csv-wide', 'exportDialog.csvWide'],
  ['json', 'exportDialog.json'],
];

const toggle = <T,>(list: T[], value: T): T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

export function ExportDialog({ ids, onClose, onDone }: { ids?: number[]; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const [facets, setFacets] = useState<LibraryFacets | null>(null);
  const [asks, setAsks] = useState(false);
  const [format, setFormat] = useState<Format>('xlsx');
  const [onlySelected, setOnlySelected] = useState(Boolean(ids?.length));
  const [years, setYears] = useState<number[]>([]);
  const [layouts, setLayouts] = useState<Layout[]>([]);
  const [regions, setRegions] = useState<string[]>([]);
  const [verifiedOnly, setVerifiedOnly] = useState(false);
  const [includeOriginals, setIncludeOriginals] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [stopped, setStopped] = useState(false);
  const job = useRef<{ id: string; stopping: boolean } | null>(null);

  useEffect(() => {
    void api.call('library:facets', {}).then((r) => r.ok && setFacets(r.value));
    void api.call('library:info', {}).then((r) => r.ok && setAsks(Boolean(r.value.asksSavePath)));
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !busy && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, onClose]);

  const run = async () => {
    const id = crypto.randomUUID();
    job.current = { id, stopping: false };
    setBusy(true);
    setError(null);
    setStopped(false);
    setProgress(null);
    const off = api.on('job:progress', (p) => p.jobId === id && setProgress({ done: p.done, total: p.total }));
    const r = await api.call('library:export', {
      format,
      jobId: id,
      ...(onlySelected && ids?.length ? { ids } : {}),
      ...(years.length ? { years } : {}),
      ...(layouts.length ? { layouts } : {}),
      ...(regions.length ? { regions } : {}),
      ...(verifiedOnly ? { verifiedOnly } : {}),
      ...(includeOriginals ? { includeOriginals } : {}),
    }).finally(off);
    const stopping = job.current?.stopping ?? false;
    job.current = null;
    setBusy(false);
    setProgress(null);
    // the save dialog cancelled, or the export stopped: the options stay as chosen
    if (!r.ok) {
      setStopped(r.code === 'cancelled' && stopping);
      return setError(r.code === 'cancelled' ? null : t('errorPrefix') + r.message);
    }
    const originals = r.value.originals ? ' ' + t('exportDialog.originalsTo', { n: r.value.originals.files, path: r.value.originals.path }) : '';
    onDone(t('exportedTo', { n: r.value.reports, path: r.value.path }) + originals);
    onClose();
  };

  return (
    <div className="overlay export-overlay" role="dialog" aria-modal="true" aria-label={t('exportDialog.title')} data-testid="export-dialog">
      <form
        className="overlay-box export-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <h2>{t('exportDialog.title')}</h2>
        <fieldset>
          <legend>{t('exportDialog.format')}</legend>
          {FORMATS.map(([f, label]) => (
            <label key={f}>
              <input type="radio" name="format" checked={format === f} onChange={() => setFormat(f)} data-testid={`export-format-${f}`} />
              {t(label)}
            </label>
          ))}
        </fieldset>
        {ids && ids.length > 0 && (
          <fieldset>
            <legend>{t('exportDialog.scope')}</legend>
            <label>
              <input type="radio" name="scope" checked={!onlySelected} onChange={() => setOnlySelected(false)} />
              {t('exportDialog.all')}
            </label>
            <label>
              <input type="radio" name="scope" checked={onlySelected} onChange={() => setOnlySelected(true)} data-testid="export-selected" />
              {t('exportDialog.selected', { n: ids.length })}
            </label>
          </fieldset>
        )}
        {facets && facets.years.length > 0 && (
          <fieldset className="chips">
            <legend>{t('exportDialog.years')}</legend>
            {facets.years.map((y) => (
              <label key={y.value}>
                <input type="checkbox" checked={years.includes(y.value)} onChange={() => setYears(toggle(years, y.value))} data-testid={`export-year-${y.value}`} />
                {y.value} <span className="muted">({y.count})</span>
              </label>
            ))}
          </fieldset>
        )}
        {facets && facets.layouts.length > 0 && (
          <fieldset className="chips">
            <legend>{t('exportDialog.layouts')}</legend>
            {facets.layouts.map((l) => (
              <label key={l.value}>
                <input type="checkbox" checked={layouts.includes(l.value)} onChange={() => setLayouts(toggle(layouts, l.value))} data-testid={`export-layout-${l.value}`} />
                {t(`format.${l.value}`)} <span className="muted">({l.count})</span>
              </label>
            ))}
          </fieldset>
        )}
        {facets && facets.regions.length > 0 && (
          <label className="regions">
            {t('exportDialog.regions')}
            <select multiple value={regions} onChange={(e) => setRegions([...e.target.selectedOptions].map((o) => o.value))} data-testid="export-regions">
              {facets.regions.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.value} ({r.count})
                </option>
              ))}
            </select>
          </label>
        )}
        <fieldset>
          <legend>{t('exportDialog.content')}</legend>
          <label>
            <input type="checkbox" checked={verifiedOnly} onChange={(e) => setVerifiedOnly(e.target.checked)} data-testid="export-verified-only" />
            {t('exportDialog.verifiedOnly')}
          </label>
          <label>
            <input type="checkbox" checked={includeOriginals} onChange={(e) => setIncludeOriginals(e.target.checked)} data-testid="export-originals" />
            {t('exportDialog.originals')}
          </label>
        </fieldset>
        <p className="muted hint">{t(asks ? 'exportDialog.hintAsk' : 'exportDialog.hint')}</p>
        {error && <p className="warn">{error}</p>}
        {stopped && (
          <p className="muted" data-testid="export-stopped">
            {t('exportDialog.stopped')}
          </p>
        )}
        {busy && progress && (
          <div className="export-progress" data-testid="export-progress">
            <progress max={progress.total} value={progress.done} />
            <span className="muted">{t('exportDialog.progress', { done: progress.done, total: progress.total })}</span>
          </div>
        )}
        <div className="actions">
          {busy ? (
            <button
              type="button"
              onClick={() => {
                if (!job.current) return;
                job.current.stopping = true;
                void api.call('import:cancel', { jobId: job.current.id });
              }}
              data-testid="export-stop"
            >
              {t('exportDialog.stop')}
            </button>
          ) : (
            <button type="button" onClick={onClose}>
              {t('cancel')}
            </button>
          )}
          <button type="submit" className="primary" disabled={busy} data-testid="export-run" autoFocus>
            {busy ? t('exportDialog.running') : t('export')}
          </button>
        </div>
      </form>
    </div>
  );
}
