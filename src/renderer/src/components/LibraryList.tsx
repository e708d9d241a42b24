// The library as a virtualized grid: only the rows on screen are rendered, and only their windows
// are fetched from the core, so 100,000 reports scroll like 100. Sortable columns; multi-select
// with the mouse (click, Ctrl/Cmd+click, Shift+click) and the keyboard (arrows, Shift+arrows,
// Space, Ctrl+A, Esc); Enter opens, Delete moves the selection to the trash.
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { SortKey } from '../../../shared/library';
import type { ReportSummary } from '../../../shared/model';
import { useI18n, type Translate } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import type { LibraryView } from '../useLibrary';
import type { Selection } from '../useSelection';
import './library.css';

const ROW_HEIGHT = 36;

interface Column {
  key: SortKey;
  label: MessageKey | null;
  className: string;
  cell(r: ReportSummary, t: Translate): React.ReactNode;
}

const day = (iso: string | null): string => (iso ? new Date(iso).toLocaleDateString('sv-SE') : '—');

const COLUMNS: Column[] = [
  { key: 'id', label: null, className: 'num', cell: (r) => r.id },
  {
    key: 'agency',
    label: 'col.agency',
    className: 'agency',
    cell: (r, t) => (
      <>
        {r.agency ?? '—'}
        {r.duplicateOf !== null && <em className="badge">{t('duplicateOf', { id: r.duplicateOf })}</em>}
      </>
    ),
  },
  { key: 'region', label: 'col.region', className: 'region', cell: (r) => r.region ?? '—' },
  { key: 'year', label: 'col.year', className: 'num', cell: (r) => r.year ?? '—' },
  { key: 'format', label: 'col.format', className: 'format', cell: (r, t) => (r.format ? t(`format.${r.format}` as MessageKey) : '—') },
  { key: 'fileKind', label: 'col.fileKind', className: 'kind', cell: (r) => r.fileKind },
  { key: 'reviewStatus', label: 'col.status', className: 'status', cell: (r, t) => t(`status.${r.reviewStatus}` as MessageKey) },
  { key: 'failedChecks', label: 'col.failed', className: 'num failed', cell: (r) => r.failedChecks },
  { key: 'minConfidence', label: 'col.confidence', className: 'num confidence', cell: (r) => (r.minConfidence === null ? '—' : r.minConfidence.toFixed(2)) },
  { key: 'importedAt', label: 'col.imported', className: 'num date', cell: (r) => day(r.importedAt) },
  { key: 'fileName', label: 'col.fileName', className: 'file', cell: (r) => r.fileName },
];
const DELETED: Column = { key: 'deletedAt', label: 'col.deleted', className: 'num date', cell: (r) => day(r.deletedAt) };

export function LibraryList({
  library,
  selection,
  shown,
  onShow,
  onOpen,
  onDelete,
  empty,
}: {
  library: LibraryView;
  selection: Selection;
  /** the report in the detail panel */
  shown: number | null;
  onShow: (id: number) => void;
  /** open the review screen (double click, or Enter on a row) */
  onOpen?: (id: number) => void;
  onDelete: () => void;
  /** shown when nothing matches */
  empty: React.ReactNode;
}) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const total = library.total ?? 0;
  const columns = library.trash ? COLUMNS.map((c) => (c.key === 'importedAt' ? DELETED : c)) : COLUMNS;
  const rows = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10, scrollMargin: ROW_HEIGHT });
  const items = rows.getVirtualItems();
  const [first, last] = [items[0]?.index ?? 0, items.at(-1)?.index ?? 0];
  const { requestRows, rowAt, locate } = library;
  useEffect(() => requestRows(first, last), [first, last, requestRows, library.query]);

  // a report shown from elsewhere (J/K, a link, back from review) is where the keyboard focus goes
  const { focus, setFocus } = selection;
  const focused = useRef(focus);
  focused.current = focus;
  useEffect(() => {
    const at = focused.current;
    if (shown === null || (at !== null && rowAt(at)?.id === shown)) return;
    let live = true;
    void locate(shown).then((index) => {
      if (!live || index === null) return;
      setFocus(index);
      rows.scrollToIndex(index);
    });
    return () => void (live = false);
  }, [shown, rowAt, locate, setFocus, rows]);

  if (library.total === 0) return <>{empty}</>;

  const sort = library.sort;
  const allSelected = total > 0 && selection.ids.size >= total;
  const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW_HEIGHT) - 2);

  const move = async (e: KeyboardEvent, to: number) => {
    e.preventDefault();
    e.stopPropagation();
    const index = Math.min(total - 1, Math.max(0, to));
    rows.scrollToIndex(index);
    if (e.ctrlKey || e.metaKey) return setFocus(index);
    const id = rowAt(index)?.id ?? (await library.ids([index, index]))[0];
    if (id === undefined) return;
    await selection.pick(index, id, { range: e.shiftKey, toggle: false });
    if (!e.shiftKey) onShow(id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // keys on the header's buttons and checkbox are theirs
    if (e.target !== e.currentTarget) return;
    const at = focus ?? -1;
    const focused = focus === null ? undefined : rowAt(focus);
    const key = e.key.toLowerCase();
    const handled = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    if ((e.ctrlKey || e.metaKey) && key === 'a') {
      handled();
      void selection.selectAll();
    } else if (e.key === 'ArrowDown') void move(e, at + 1);
    else if (e.key === 'ArrowUp') void move(e, at - 1);
    else if (e.key === 'PageDown') void move(e, at + pageRows);
    else if (e.key === 'PageUp') void move(e, at - pageRows);
    else if (e.key === 'Home') void move(e, 0);
    else if (e.key === 'End') void move(e, total - 1);
    else if (e.key === ' ' && focused) {
      handled();
      void selection.pick(focus!, focused.id, { range: e.shiftKey, toggle: !e.shiftKey });
    } else if (e.key === 'Enter' && focused) {
      handled();
      onShow(focused.id);
      onOpen?.(focused.id);
    } else if (e.key === 'Escape' && selection.ids.size > 0) {
      handled();
      selection.clear();
    } else if (e.key === 'Delete' && selection.ids.size > 0) {
      handled();
      onDelete();
    }
  };

  const onRowClick = (e: MouseEvent, index: number, r: ReportSummary) => {
    const toggle = e.ctrlKey || e.metaKey;
    void selection.pick(index, r.id, { range: e.shiftKey, toggle });
    if (!toggle && !e.shiftKey) onShow(r.id);
  };

  return (
    <section className="library lib" aria-label={t('lib.grid')}>
      <div
        className="lib-scroll"
        ref={scroller}
        role="grid"
        aria-label={t('lib.grid')}
        aria-multiselectable="true"
        aria-rowcount={total + 1}
        aria-activedescendant={focus !== null && rowAt(focus) ? `lib-row-${focus}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="library"
      >
        <div className="lib-row lib-head" role="row" aria-rowindex={1}>
          <span role="columnheader" className="check">
            <input
              type="checkbox"
              checked={allSelected}
              ref={(el) => void (el && (el.indeterminate = selection.ids.size > 0 && !allSelected))}
              onChange={() => (allSelected ? selection.clear() : void selection.selectAll())}
              aria-label={t('lib.selectAll')}
              data-testid="select-all"
            />
          </span>
          {columns.map((c) => (
            <span key={c.key} role="columnheader" className={c.className} aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
              <button type="button" className="sort" onClick={() => library.setSort({ key: c.key, desc: sort.key === c.key ? !sort.desc : false })} data-testid={`sort-${c.key}`}>
                {c.label ? t(c.label) : '#'}
                {sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}
              </button>
            </span>
          ))}
        </div>
        <div className="lib-rows" ref={(el) => el?.style.setProperty('height', `${rows.getTotalSize()}px`)}>
          {items.map((v) => {
            const r = rowAt(v.index);
            const place = (el: HTMLDivElement | null) => el?.style.setProperty('transform', `translateY(${v.start - ROW_HEIGHT}px)`);
            if (!r) {
              return (
                <div key={`p${v.index}`} className="lib-row loading" role="row" aria-rowindex={v.index + 2} ref={place}>
                  <span role="gridcell">{t('lib.loading')}</span>
                </div>
              );
            }
            const picked = selection.ids.has(r.id);
            const classes = ['lib-row', picked && 'picked', r.id === shown && 'opened', v.index === focus && 'focused'].filter(Boolean).join(' ');
            return (
              <div
                key={r.id}
                id={`lib-row-${v.index}`}
                className={classes}
                role="row"
                aria-rowindex={v.index + 2}
                aria-selected={picked}
                data-testid="report-row"
                data-id={r.id}
                onClick={(e) => onRowClick(e, v.index, r)}
                onDoubleClick={() => onOpen?.(r.id)}
                ref={place}
              >
                <span role="gridcell" className="check">
                  <input
                    type="checkbox"
                    checked={picked}
                    tabIndex={-1}
                    aria-label={t('lib.selectRow', { id: r.id })}
                    readOnly
                    // the grid keeps the keyboard focus
                    onMouseDown={(e) => {
                      e.preventDefault();
                      scroller.current?.focus();
                    }}
                    onClick={(e) => {
                      e.stopPropagation();
                      void selection.pick(v.index, r.id, { range: e.shiftKey, toggle: true });
                    }}
                  />
                </span>
                {columns.map((c) => (
                  <span key={c.key} role="gridcell" className={c.className + (c.key === 'failedChecks' && r.failedChecks ? ' warn' : '')} title={c.key === 'agency' ? (r.title ?? undefined) : c.key === 'fileName' ? r.fileName : undefined}>
                    {c.cell(r, t)}
                  </span>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
