// The library: saved views, status buttons, filters, the trash, bulk actions over the selection
// (verify, re-extract, export, trash), and the list.
import { useCallback, useRef, useState } from 'react';
import { REVIEW_STATUSES } from '../../../shared/library';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import type { LibraryView } from '../useLibrary';
import { useSelection } from '../useSelection';
import type { BulkRunner } from '../useJob';
import { BulkBar, NoteAccept, ReextractConfirm, useBulkActions, type BulkMessage } from './BulkBar';
import { ExportDialog } from '../export/ExportDialog';
import { FilterChips, FilterPanel, filterChips } from './FilterPanel';
import { LibraryList } from './LibraryList';
import { SavedViews } from './SavedViews';

export function LibraryPane({
  library,
  shown,
  onShow,
  onOpen,
  onReextract,
  runJob,
  onChanged,
}: {
  library: LibraryView;
  /** the report in the detail panel */
  shown: number | null;
  onShow: (id: number | null) => void;
  /** open the review screen */
  onOpen: (id: number) => void;
  /** start re-extracting reports (a job in the job panel); undefined while a job runs */
  onReextract?: (ids: number[], keepManual: boolean) => void;
  /** bulk actions as jobs of the job panel; undefined while another job runs */
  runJob?: BulkRunner;
  /** the library changed: reload the list and what shows its size */
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const selection = useSelection(library);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersButton = useRef<HTMLButtonElement>(null);
  const closeFilters = useCallback(() => setFiltersOpen(false), []);
  const [message, setMessage] = useState<BulkMessage | null>(null);
  /** the step an action asks for before it runs */
  const [asking, setAsking] = useState<{ kind: 'empty' | 'reextract' | 'export' } | { kind: 'note'; ids: number[] } | null>(null);
  const changed = (left?: number[]) => {
    onChanged();
    if (left && shown !== null && left.includes(shown)) onShow(null);
  };
  const actions = useBulkActions({ selection, onChanged: changed, onMessage: setMessage, onAcceptWithNote: (ids) => setAsking({ kind: 'note', ids }), runJob });
  const counts = library.counts;
  const statuses = library.filters.statuses;
  const chips = filterChips(library.filters, t).length;
  const filtered = chips > 0 || Boolean(statuses) || library.query.search !== undefined;

  const setStatus = (s: (typeof REVIEW_STATUSES)[number] | null) =>
    library.setFilters((f) => {
      const next = s === null ? undefined : statuses?.includes(s) ? statuses.filter((x) => x !== s) : [...(statuses ?? []), s];
      return { ...f, statuses: next?.length ? next : undefined };
    });
  const emptyTrash = async () => {
    setAsking(null);
    const r = await api.call('trash:empty', {});
    setMessage({ text: r.ok ? t('bulk.emptied', { n: r.value.reports, blobs: r.value.blobs }) : t('errorPrefix') + r.message });
    changed();
  };
  const clearAll = () => {
    library.setFilters({});
    library.setSearch('');
  };

  const empty = library.trash ? (
    <section className="library empty" data-testid="trash-empty">
      <h2>{t('lib.trashEmpty')}</h2>
    </section>
  ) : counts?.reports === 0 && !filtered ? (
    <section className="library empty" data-testid="empty">
      <h2>{t('emptyTitle')}</h2>
      <p>{t('emptyHint')}</p>
    </section>
  ) : (
    <section className="library empty" data-testid="no-match">
      <h2>{t('lib.noMatch')}</h2>
      <button type="button" onClick={clearAll}>
        {t('lib.clearFilters')}
      </button>
    </section>
  );

  return (
    <div className={selection.ids.size > 0 || message ? 'lib-pane acting' : 'lib-pane'}>
      <div className="lib-toolbar" data-testid="toolbar">
        {library.trash ? (
          <>
            <strong className="trash-title">{t('lib.trash', { n: counts?.trash ?? 0 })}</strong>
            <span className="muted trash-note">{t('lib.inTrash')}</span>
            <button type="button" className="danger" disabled={!counts?.trash} onClick={() => setAsking({ kind: 'empty' })} data-testid="empty-trash">
              {t('bulk.emptyTrash')}
            </button>
            <button type="button" onClick={() => library.setTrash(false)} data-testid="leave-trash">
              {t('lib.backToLibrary')}
            </button>
          </>
        ) : (
          <>
            <SavedViews library={library} onMessage={(text) => setMessage({ text })} />
            <span className="chips" role="group" aria-label={t('lib.statusFilter')}>
              <button type="button" className="chip" aria-pressed={!statuses} onClick={() => setStatus(null)} data-testid="status-all">
                {t('lib.all')} <span className="num">{counts?.reports ?? ''}</span>
              </button>
              {REVIEW_STATUSES.map((s) => (
                <button key={s} type="button" className="chip" aria-pressed={statuses?.includes(s) ?? false} onClick={() => setStatus(s)} data-testid={`status-${s}`}>
                  {t(`status.${s}` as MessageKey)} <span className="num">{counts?.statuses[s] ?? ''}</span>
                </button>
              ))}
            </span>
            <button type="button" ref={filtersButton} aria-expanded={filtersOpen} onClick={() => setFiltersOpen(!filtersOpen)} data-testid="filters">
              {chips ? t('lib.filtersActive', { n: chips }) : t('lib.filters')} ▾
            </button>
            <span className="chip-row">
              <FilterChips library={library} />
            </span>
            <span className="muted num lib-total" data-testid="total">
              {library.total === null ? '' : t('lib.matching', { n: library.total.toLocaleString() })}
            </span>
            <button type="button" onClick={() => library.setTrash(true)} data-testid="open-trash">
              {t('lib.trash', { n: counts?.trash ?? 0 })}
            </button>
          </>
        )}
      </div>
      {filtersOpen && !library.trash && <FilterPanel library={library} counts={counts} onClose={closeFilters} toggle={filtersButton} />}
      {asking?.kind === 'empty' && (
        <div className="lib-confirm" role="alertdialog" aria-label={t('bulk.emptyTrash')} data-testid="confirm-empty">
          <span>{t('bulk.emptyConfirm', { n: counts?.trash ?? 0 })}</span>
          <button type="button" className="danger" onClick={() => void emptyTrash()} data-testid="confirm-empty-yes">
            {t('bulk.confirmEmpty')}
          </button>
          <button type="button" onClick={() => setAsking(null)} autoFocus>
            {t('cancel')}
          </button>
        </div>
      )}
      {asking?.kind === 'reextract' && onReextract && (
        <ReextractConfirm
          count={selection.ids.size}
          onCancel={() => setAsking(null)}
          onStart={(keepManual) => {
            setAsking(null);
            // the job panel shows it from here
            onReextract([...selection.ids], keepManual);
          }}
        />
      )}
      {asking?.kind === 'note' && (
        <NoteAccept
          count={asking.ids.length}
          onCancel={() => setAsking(null)}
          onAccept={(note) => {
            const ids = asking.ids;
            setAsking(null);
            void actions.verify({ ids, note });
          }}
        />
      )}
      {asking?.kind === 'export' && <ExportDialog ids={[...selection.ids]} onClose={() => setAsking(null)} onDone={(text) => setMessage({ text })} />}
      {(selection.ids.size > 0 || message) && (
        <div className="lib-actions">
          {selection.ids.size > 0 && (
            <BulkBar
              count={selection.ids.size}
              trash={library.trash}
              actions={actions}
              onReextract={onReextract && (() => setAsking({ kind: 'reextract' }))}
              onExport={() => setAsking({ kind: 'export' })}
              onClear={selection.clear}
            />
          )}
          {message && (
            <span className="lib-message" role="status" data-testid="bulk-message">
              <span>{message.text}</span>
              {message.actions?.map((a) => (
                <button key={a.label} type="button" className="link" onClick={a.run} data-testid={a.testId}>
                  {a.label}
                </button>
              ))}
              <button type="button" className="link" aria-label={t('close')} onClick={() => setMessage(null)}>
                ×
              </button>
            </span>
          )}
        </div>
      )}
      <LibraryList library={library} selection={selection} shown={shown} onShow={onShow} onOpen={library.trash ? undefined : onOpen} onDelete={() => void (library.trash ? undefined : actions.moveToTrash())} empty={empty} />
    </div>
  );
}
