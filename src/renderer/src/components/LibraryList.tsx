// All reports of the library in a virtualized table (smooth with tens of thousands of rows).
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ReportSummary } from '../../../shared/model';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { COLUMNS, type Sort } from '../sort';

const ROW_HEIGHT = 36;

export function LibraryList({
  reports: sorted,
  sort,
  onSort,
  selected,
  onSelect,
  onOpen,
}: {
  reports: ReportSummary[];
  sort: Sort;
  onSort: (s: Sort) => void;
  selected: number | null;
  onSelect: (id: number) => void;
  /** open the review screen (double click, or Enter on a row) */
  onOpen?: (id: number) => void;
}) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({ count: sorted.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });

  if (sorted.length === 0) {
    return (
      <section className="library empty" data-testid="empty">
        <h2>{t('emptyTitle')}</h2>
        <p>{t('emptyHint')}</p>
      </section>
    );
  }
  return (
    <section className="library" aria-label={t('appName')}>
      <div className="row head" role="row">
        {COLUMNS.map(([key, label]) => (
          <button
            key={key}
            type="button"
            className="sort"
            aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
            onClick={() => onSort({ key, desc: sort.key === key ? !sort.desc : false })}
            data-testid={`sort-${key}`}
          >
            {label ? t(label) : '#'}
            {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
          </button>
        ))}
      </div>
      <div className="rows" ref={scroller} data-testid="library">
        <div className="rows-inner" ref={(el) => el?.style.setProperty('height', `${rows.getTotalSize()}px`)}>
          {rows.getVirtualItems().map((v) => {
            const r = sorted[v.index]!;
            return (
              <button
                type="button"
                key={r.id}
                className={r.id === selected ? 'row selected' : 'row'}
                data-testid="report-row"
                onClick={() => onSelect(r.id)}
                onDoubleClick={() => onOpen?.(r.id)}
                onKeyDown={(e) => e.key === 'Enter' && onOpen && (e.preventDefault(), onSelect(r.id), onOpen(r.id))}
                ref={(el) => el?.style.setProperty('transform', `translateY(${v.start}px)`)}
              >
                <span className="num">{r.id}</span>
                <span className="agency">
                  {r.agency ?? '—'}
                  {r.duplicateOf !== null && <em className="badge">{t('duplicateOf', { id: r.duplicateOf })}</em>}
                </span>
                <span className="num">{r.year ?? '—'}</span>
                <span>{r.format ? t(`format.${r.format}` as MessageKey) : '—'}</span>
                <span>{r.fileKind}</span>
                <span>{t(`status.${r.reviewStatus}` as MessageKey)}</span>
                <span className={r.failedChecks ? 'num warn' : 'num'}>{r.failedChecks}</span>
                <span className="file" title={r.fileName}>
                  {r.fileName}
                </span>
              </button>
            );
          })}
        </div>
      </div>
    </section>
  );
}
