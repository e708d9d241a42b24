// Saved views: a named filter + sort + search, kept in the library. Apply, save the current one,
// rename, delete.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LibraryQuery, SavedView } from '../../../shared/library';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { LibraryView } from '../useLibrary';
import { useDismiss } from '../useDismiss';

/** The same view whatever the order of keys: compared as canonical JSON. */
const canonical = (q: LibraryQuery): string => JSON.stringify(q, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));

export function SavedViews({ library, onMessage }: { library: LibraryView; onMessage: (message: string) => void }) {
  const { t } = useI18n();
  const [views, setViews] = useState<SavedView[]>([]);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: number; name: string } | null>(null);
  const load = useCallback(() => void api.call('view:list', {}).then((r) => r.ok && setViews(r.value)), []);
  const box = useRef<HTMLDivElement>(null);
  useDismiss(open, [box], useCallback(() => setOpen(false), []));
  useEffect(load, [load]);

  const current = views.find((v) => canonical(v.query) === canonical(library.query));
  const report = (r: { ok: true } | { ok: false; message: string }, success: string) => {
    onMessage(r.ok ? success : t('errorPrefix') + r.message);
    load();
  };
  const save = async () => {
    const r = await api.call('view:save', { name, query: library.query });
    report(r, t('views.saved', { name: name.trim() }));
    if (r.ok) {
      setName('');
      setOpen(false);
    }
  };
  const rename = async () => {
    if (!renaming) return;
    const r = await api.call('view:rename', renaming);
    report(r, t('views.saved', { name: renaming.name.trim() }));
    if (r.ok) setRenaming(null);
  };
  const apply = (v: SavedView) => {
    library.applyQuery(v.query);
    onMessage(t('views.applied', { name: v.name }));
    setOpen(false);
  };

  return (
    <div className="lib-views" ref={box}>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="views">
        {current ? t('views.applied', { name: current.name }) : t('views.title')} ▾
      </button>
      {open && (
        <div className="lib-popover views-popover" role="dialog" aria-label={t('views.title')} data-testid="views-panel">
          {views.length === 0 && <p className="muted">{t('views.none')}</p>}
          <ul>
            {views.map((v) =>
              renaming?.id === v.id ? (
                <li key={v.id}>
                  <input
                    value={renaming.name}
                    aria-label={t('views.rename')}
                    autoFocus
                    onChange={(e) => setRenaming({ id: v.id, name: e.target.value })}
                    onKeyDown={(e) => e.key === 'Enter' && void rename()}
                    data-testid="view-rename-input"
                  />
                  <button type="button" onClick={() => void rename()} disabled={!renaming.name.trim()}>
                    {t('views.save')}
                  </button>
                </li>
              ) : (
                <li key={v.id} className={v === current ? 'current' : undefined}>
                  <button type="button" className="view-name" onClick={() => apply(v)} data-testid="view-apply">
                    {v.name}
                  </button>
                  <button type="button" className="link" onClick={() => setRenaming({ id: v.id, name: v.name })} data-testid="view-rename">
                    {t('views.rename')}
                  </button>
                  <button type="button" className="link" onClick={() => void api.call('view:delete', { id: v.id }).then((r) => report(r, ''))} data-testid="view-delete">
                    {t('views.delete')}
                  </button>
                </li>
              ),
            )}
          </ul>
          <form
            className="view-save"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <label>
              <span>{t('views.saveAs')}</span>
              <input value={name} placeholder={t('views.namePlaceholder')} maxLength={80} onChange={(e) => setName(e.target.value)} data-testid="view-name" />
            </label>
            <button type="submit" disabled={!name.trim()} data-testid="view-save">
              {t('views.save')}
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
