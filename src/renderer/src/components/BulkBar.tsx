// Actions on the selected reports: verify (only where no rule fails, the refusals explained),
// move to the trash (undoable), and in the trash: restore, empty for good.
import { useState } from 'react';
import type { BulkVerifyResult } from '../../../shared/library';
import { api } from '../api';
import { useI18n, type Translate } from '../i18n';
import type { Selection } from '../useSelection';
import { ruleLabel } from './FilterPanel';

export interface BulkMessage {
  text: string;
  /** a follow-up offered with the message (select the refused, undo) */
  action?: { label: string; run: () => void };
}

export function verifyMessage(r: BulkVerifyResult, t: Translate): string {
  const parts = [t('bulk.verified', { n: r.verified })];
  if (r.alreadyVerified) parts.push(t('bulk.already', { n: r.alreadyVerified }));
  if (r.refusedIds.length) {
    const why = r.reasons.map((x) => (x.code === 'checks_failing' ? t('bulk.reason.checks_failing', { rule: ruleLabel(t, x.rule!), n: x.count }) : t(`bulk.reason.${x.code}`, { n: x.count })));
    parts.push(t('bulk.refused', { n: r.refusedIds.length }) + why.join('；'));
  }
  return parts.join('；');
}

export interface BulkActions {
  busy: boolean;
  verify(): Promise<void>;
  moveToTrash(): Promise<void>;
  restore(): Promise<void>;
}

/** The bulk actions over the current selection; results arrive as a message. */
export function useBulkActions({
  selection,
  onChanged,
  onMessage,
}: {
  selection: Selection;
  /** the library changed (reload the list); ids: reports that left the view */
  onChanged: (left?: number[]) => void;
  onMessage: (m: BulkMessage) => void;
}): BulkActions {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const ids = [...selection.ids];
  const run = async <T,>(work: () => Promise<{ ok: true; value: T } | { ok: false; message: string }>, done: (value: T) => BulkMessage) => {
    if (ids.length === 0) return;
    setBusy(true);
    onMessage({ text: t('bulk.working', { n: ids.length }) });
    const r = await work();
    setBusy(false);
    onMessage(r.ok ? done(r.value) : { text: t('errorPrefix') + r.message });
  };
  return {
    busy,
    verify: () =>
      run(
        () => api.call('library:verify', { ids }),
        (r) => {
          onChanged();
          const refused = r.refusedIds;
          return { text: verifyMessage(r, t), ...(refused.length ? { action: { label: t('bulk.selectRefused'), run: () => selection.set(refused) } } : {}) };
        },
      ),
    moveToTrash: () =>
      run(
        () => api.call('trash:move', { ids }),
        ({ moved }) => {
          selection.clear();
          onChanged(ids);
          const undo = () => void api.call('trash:restore', { ids }).then(() => (onChanged(), onMessage({ text: t('bulk.restored', { n: moved }) })));
          return { text: t('bulk.trashed', { n: moved }), action: { label: t('bulk.undo'), run: undo } };
        },
      ),
    restore: () =>
      run(
        () => api.call('trash:restore', { ids }),
        ({ restored }) => {
          selection.clear();
          onChanged(ids);
          return { text: t('bulk.restored', { n: restored }) };
        },
      ),
  };
}

export function BulkBar({ count, trash, actions, onClear }: { count: number; trash: boolean; actions: BulkActions; onClear: () => void }) {
  const { t } = useI18n();
  return (
    <div className="lib-bulk" role="toolbar" aria-label={t('bulk.actions')} data-testid="bulk">
      <strong data-testid="selected-count">{t('bulk.selected', { n: count })}</strong>
      {trash ? (
        <button type="button" disabled={actions.busy} onClick={() => void actions.restore()} data-testid="bulk-restore">
          {t('bulk.restore')}
        </button>
      ) : (
        <>
          <button type="button" disabled={actions.busy} onClick={() => void actions.verify()} data-testid="bulk-verify">
            {t('bulk.verify')}
          </button>
          <button type="button" disabled={actions.busy} onClick={() => void actions.moveToTrash()} data-testid="bulk-trash">
            {t('bulk.trash')}
          </button>
        </>
      )}
      <button type="button" className="link" onClick={onClear} data-testid="bulk-clear">
        {t('bulk.clear')}
      </button>
    </div>
  );
}
