// The right side of the review screen: the report's fields laid out like the paper form. Cells,
// rows and blocks are memoised so moving the focus re-renders only the two cells involved.
import { memo, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { fieldDef } from '../../../shared/fields';
import type { ExtractedField } from '../../../shared/model';
import type { Translate } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { CUMULATIVE_SUFFIX } from '../../../shared/fields';
import { cellState, ENUM_VALUES, FAILING_MARK, STATE_MARK } from './cell-state';
import { fieldLabel, type FormBlock, type FormLayout, type FormRow, type HeadCell } from './layout';

export type Fields = ReadonlyMap<string, ExtractedField>;
export type Failing = ReadonlyMap<string, 'error' | 'warning'>;

export interface Editor {
  key: string;
  text: string;
  /** why the text is not a value of the field's kind */
  problem: MessageKey | null;
}

export interface EditorHandlers {
  change(text: string): void;
  key(e: ReactKeyboardEvent<HTMLInputElement | HTMLSelectElement>): void;
}

interface Shared {
  fields: Fields;
  failing: Failing;
  involved: ReadonlySet<string>;
  handlers: EditorHandlers;
  t: Translate;
}

export function labelOf(key: string, t: Translate): string {
  return key.endsWith(CUMULATIVE_SUFFIX) ? `${fieldLabel(key)}${t('cumulative')}` : fieldLabel(key);
}

export function displayValue(key: string, f: ExtractedField | undefined, t: Translate): string {
  if (!f || f.value === null) return '';
  if (key === 'meta.format') return t(`format.${f.value}` as MessageKey);
  if (key === 'meta.doc_kind') return t(`kind.${f.value}` as MessageKey);
  return `${f.approx ? '≈' : ''}${f.value}`;
}

/** Where a value came from, for the tooltip and the focus line. */
export function describeSource(f: ExtractedField | undefined, t: Translate): string {
  if (!f) return t('review.noField');
  const parts = [f.text ? t('original', { text: f.text }) : t('review.noOriginal'), t('confidence', { value: f.confidence.toFixed(2) }), t(`fieldStatus.${f.status}` as MessageKey)];
  if (f.source.page) parts.push(t('review.onPage', { page: f.source.page }));
  else if (f.source.span) parts.push(t('review.atChars', { start: f.source.span[0], end: f.source.span[1] }));
  return parts.join(' · ');
}

const Cell = memo(function Cell({
  k,
  field,
  failing,
  involved,
  focused,
  editor,
  withLabel,
  handlers,
  t,
}: {
  k: string;
  field: ExtractedField | undefined;
  failing: 'error' | 'warning' | undefined;
  involved: boolean;
  focused: boolean;
  editor: Editor | null;
  withLabel: boolean;
  handlers: EditorHandlers;
  t: Translate;
}) {
  const state = cellState(field);
  const label = labelOf(k, t);
  const stateText = t(`review.state.${state}` as MessageKey);
  const marks = `${failing ? FAILING_MARK : ''}${STATE_MARK[state]}`;
  const value = displayValue(k, field, t);
  const cls = ['cell', state, failing ? `failing ${failing}` : '', involved ? 'involved' : '', focused ? 'focused' : ''].filter(Boolean).join(' ');
  const inner = editor ? (
    <CellEditor k={k} editor={editor} handlers={handlers} label={label} t={t} />
  ) : (
    <>
      <span className="v">{value}</span>
      {marks && (
        <span className="mark" aria-hidden="true">
          {marks}
        </span>
      )}
    </>
  );
  const props = {
    className: cls,
    'data-key': k,
    tabIndex: focused ? 0 : -1,
    role: 'gridcell',
    'aria-selected': focused,
    'aria-label': t('review.cellLabel', { label, value: value || t('review.blank'), state: failing ? `${stateText}, ${t('review.failingRule')}` : stateText }),
    title: `${label}\n${describeSource(field, t)}`,
  };
  return withLabel ? (
    <div className="pair">
      <span className="pair-label">{label}</span>
      <div {...props}>{inner}</div>
    </div>
  ) : (
    <td {...props}>{inner}</td>
  );
});

function CellEditor({ k, editor, handlers, label, t }: { k: string; editor: Editor; handlers: EditorHandlers; label: string; t: Translate }) {
  const choices = ENUM_VALUES[k];
  if (choices) {
    const prefix = k === 'meta.format' ? 'format' : 'kind';
    return (
      <select autoFocus value={editor.text} aria-label={label} onChange={(e) => handlers.change(e.target.value)} onKeyDown={handlers.key} data-testid="cell-editor">
        {choices.map((c) => (
          <option key={c} value={c}>
            {t(`${prefix}.${c}` as MessageKey)}
          </option>
        ))}
      </select>
    );
  }
  const numeric = fieldDef(k)?.kind !== 'text';
  return (
    <input
      autoFocus
      className={editor.problem ? 'invalid' : ''}
      aria-invalid={editor.problem !== null}
      aria-label={label}
      inputMode={numeric ? 'decimal' : 'text'}
      value={editor.text}
      onChange={(e) => handlers.change(e.target.value)}
      onKeyDown={handlers.key}
      data-testid="cell-editor"
    />
  );
}

const Head = ({ cell, row = false }: { cell: HeadCell; row?: boolean }) => (
  <th scope={row ? 'row' : 'col'} colSpan={cell.colSpan} rowSpan={cell.rowSpan}>
    {cell.text}
  </th>
);

const Row = memo(function Row({ row, focusKey, editor, pairs, shared }: { row: FormRow; focusKey: string | null; editor: Editor | null; pairs: boolean; shared: Shared }) {
  const cells = row.cells.map((k, i) =>
    k ? (
      <Cell
        key={k}
        k={k}
        field={shared.fields.get(k)}
        failing={shared.failing.get(k)}
        involved={shared.involved.has(k)}
        focused={k === focusKey}
        editor={editor?.key === k ? editor : null}
        withLabel={pairs}
        handlers={shared.handlers}
        t={shared.t}
      />
    ) : pairs ? null : (
      <td key={`x${i}`} className="cell none" />
    ),
  );
  if (pairs) return <div className="pairs-row" role="row">{cells}</div>;
  return (
    <tr>
      {row.head.map((h, i) => (
        <Head key={i} cell={h} row />
      ))}
      {cells}
    </tr>
  );
});

const inRow = (row: FormRow, key: string | null): string | null => (key !== null && row.cells.includes(key) ? key : null);

const Block = memo(function Block({ block, focusKey, editor, shared }: { block: FormBlock; focusKey: string | null; editor: Editor | null; shared: Shared }) {
  const rows = block.rows.map((r, i) => <Row key={i} row={r} focusKey={inRow(r, focusKey)} editor={editor && inRow(r, editor.key) ? editor : null} pairs={block.kind === 'pairs'} shared={shared} />);
  if (block.kind === 'pairs') {
    return (
      <div className="pairs" role="grid" data-block={block.id}>
        {rows}
      </div>
    );
  }
  return (
    <table className={`form-table block-${block.id.replace(/\./g, '-')}`} role="grid" data-block={block.id}>
      {block.caption && <caption>{block.caption}</caption>}
      <thead>
        {block.head.map((hr, i) => (
          <tr key={i}>
            {hr.map((h, j) => (
              <Head key={j} cell={h} />
            ))}
          </tr>
        ))}
      </thead>
      <tbody>{rows}</tbody>
    </table>
  );
});

/** Which block holds a key (so only that block re-renders when the focus moves within it). */
export function blockOf(layout: FormLayout): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of layout.sections) for (const b of s.blocks) for (const r of b.rows) for (const k of r.cells) if (k) out.set(k, b.id);
  return out;
}

export const ReviewForm = memo(function ReviewForm({
  layout,
  blocks,
  focusKey,
  editor,
  shared,
}: {
  layout: FormLayout;
  blocks: ReadonlyMap<string, string>;
  focusKey: string | null;
  editor: Editor | null;
  shared: Shared;
}) {
  const focusBlock = focusKey ? blocks.get(focusKey) : undefined;
  const editBlock = editor ? blocks.get(editor.key) : undefined;
  return (
    <>
      {layout.sections.map((s) => (
        <section key={s.id} className={`form-section section-${s.id}`} aria-label={shared.t(s.title)}>
          <h3>{shared.t(s.title)}</h3>
          {s.blocks.map((b) => (
            <Block key={b.id} block={b} focusKey={focusBlock === b.id ? focusKey : null} editor={editBlock === b.id ? editor : null} shared={shared} />
          ))}
        </section>
      ))}
    </>
  );
});
