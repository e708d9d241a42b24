// Actions on the selected reports: verify (as one report is verified: errors refuse, warnings do
// not, a note accepts the refused), re-extract (a job in the job panel), export (the export dialog
// with the selection), move to the trash (undoable), and in the trash: restore.
import { useState } from 'react';
import type { ApiError } from '../../../shared/api';
import type { BulkVerifyResult } from '../../../shared/library';
import { api } from '../api';
import { useI18n, type Translate } from '../i18n';
import type { Selection } from '../useSelection';
import type { BulkKind, BulkRunner } from '../useJob';
import { ruleLabel } from './FilterPanel';

export interface BulkMessage {
  text: string;
  /** follow-ups offered with the message (select the refused, accept them with a note, undo) */
  actions?: { label: string; run: () => void; testId?: string }[];
}

/** What a bulk verify did, in words: how many are now verified (with warnings, with a note), and why the others were not. */
export function verifyMessage(r: BulkVerifyResult, t: Translate): string {
  const parts = [t('bulk.verified', { n: r.verified })];
  if (r.withWarnings) parts.push(t('bulk.withWarnings', { n: r.withWarnings }));
  if (r.withNote) parts.push(t('bulk.withNote', { n: r.withNote }));
  if (r.alreadyVerified) parts.push(t('bulk.already', { n: r.alreadyVerified }));
  if (r.refusedIds.length) {
    const why = r.reasons.map((x) => (x.code === 'checks_failing' ? t('bulk.reason.checks_failing', { rule: ruleLabel(t, x.rule!), n: x.count }) : t(`bulk.reason.${x.code}`, { n: x.count })));
    parts.push(t('bulk.refused', { n: r.refusedIds.length }) + why.join('；'));
  }
  return parts.join('；');
}

export interface BulkActions {
  busy: boolean;
  /** the selection, or `ids`; with a note, reports whose errors fail are accepted too */
  verify(opts?: { ids?: number[]; note?: string }): Promise<void>;
  moveToTrash(): Promise<void>;
  restore(): Promise<void>;
}

/** The bulk actions over the current selection; results arrive as a message. */
export function useBulkActions({
  selection,
  onChanged,
  onMessage,
  onAcceptWithNote,
  runJob,
}: {
  selection: Selection;
  /** the library changed (reload the list); ids: reports that left the view */
  onChanged: (left?: number[]) => void;
  onMessage: (m: BulkMessage) => void;
  /** offer to accept reports refused for failing errors with a note */
  onAcceptWithNote: (ids: number[]) => void;
  /** runs an action as a job of the job panel (progress, cancel); undefined while another job runs */
  runJob?: BulkRunner;
}): BulkActions {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const selected = [...selection.ids];
  const run = async <T extends { cancelled?: boolean }>(kind: BulkKind, ids: number[], work: (jobId?: string) => Promise<{ ok: true; value: T } | ApiError>, done: (value: T) => BulkMessage) => {
    if (ids.length === 0) return;
    setBusy(true);
    onMessage({ text: t('bulk.working', { n: ids.length }) });
    let message: BulkMessage | null = null;
    const told = (value: T): BulkMessage => {
      const m = done(value);
      return value.cancelled ? { ...m, text: `${t('bulk.cancelled')}${m.text}` } : m;
    };
    const r = runJob ? await runJob(kind, ids.length, work, (value) => (message = told(value)).text) : await work();
    setBusy(false);
    onMessage(r.ok ? (message ?? told(r.value)) : { text: t('errorPrefix') + r.message });
  };
  return {
    busy,
    verify: ({ ids = selected, note } = {}) =>
      run(
        'verify',
        ids,
        (jobId) => api.call('library:verify', { ids, ...(note ? { note } : {}), ...(jobId ? { jobId } : {}) }),
        (r) => {
          onChanged();
          const refused = r.refusedIds;
          const actions: NonNullable<BulkMessage['actions']> = [];
          if (refused.length) actions.push({ label: t('bulk.selectRefused'), run: () => selection.set(refused), testId: 'bulk-select-refused' });
          if (r.errorIds.length) actions.push({ label: t('bulk.acceptWithNote'), run: () => onAcceptWithNote(r.errorIds), testId: 'bulk-accept-note' });
          return { text: verifyMessage(r, t), actions };
        },
      ),
    moveToTrash: () =>
      run(
        'trash',
        selected,
        (jobId) => api.call('trash:move', { ids: selected, ...(jobId ? { jobId } : {}) }),
        ({ moved }) => {
          selection.clear();
          onChanged(selected);
          const undo = () => void api.call('trash:restore', { ids: selected }).then(() => (onChanged(), onMessage({ text: t('bulk.restored', { n: moved }) })));
          return { text: t('bulk.trashed', { n: moved }), actions: [{ label: t('bulk.undo'), run: undo, testId: 'bulk-undo' }] };
        },
      ),
    restore: () =>
      run(
        'restore',
        selected,
        (jobId) => api.call('trash:restore', { ids: selected, ...(jobId ? { jobId } : {}) }),
        ({ restored }) => {
          selection.clear();
          onChanged(selected);
          return { text: t('bulk.restored', { n: restored }) };
        },
      ),
  };
}

export function BulkBar({
  count,
  trash,
  actions,
  onReextract,
  onExport,
  onClear,
}: {
  count: number;
  trash: boolean;
  actions: BulkActions;
  /** undefined while another job runs */
  onReextract?: () => void;
  onExport: () => void;
  onClear: () => void;
}) {
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
          <button type="button" disabled={actions.busy} onClick={() => void actions.verify()} title={t('bulk.verifyHint')} data-testid="bulk-verify">
            {t('bulk.verify')}
          </button>
          <button type="button" disabled={actions.busy || !onReextract} onClick={onReextract} title={onReextract ? t('bulk.reextractHint') : t('bulk.jobRunning')} data-testid="bulk-reextract">
            {t('bulk.reextract')}
          </button>
          <button type="button" disabled={actions.busy} onClick={onExport} data-testid="bulk-export">
            {t('bulk.export')}
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

/** Start a re-extraction of the selection: keep manual changes or not. */
export function ReextractConfirm({ count, onStart, onCancel }: { count: number; onStart: (keepManual: boolean) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [keepManual, setKeepManual] = useState(true);
  return (
    <div className="lib-confirm plain" role="dialog" aria-label={t('bulk.reextract')} data-testid="confirm-reextract">
      <span>{t('bulk.reextractConfirm', { n: count })}</span>
      <label>
        <input type="checkbox" checked={keepManual} onChange={(e) => setKeepManual(e.target.checked)} data-testid="reextract-keep-manual" />
        {t('review.keepManual')}
      </label>
      <button type="button" className="primary" onClick={() => onStart(keepManual)} data-testid="reextract-start" autoFocus>
        {t('bulk.reextract')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}

/** Accept reports refused for failing errors: a note is required, as for one report. */
export function NoteAccept({ count, onAccept, onCancel }: { count: number; onAccept: (note: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  return (
    <form
      className="lib-confirm plain"
      aria-label={t('bulk.acceptWithNote')}
      data-testid="note-accept"
      onSubmit={(e) => {
        e.preventDefault();
        if (note.trim()) onAccept(note.trim());
      }}
    >
      <span>{t('bulk.noteHint', { n: count })}</span>
      <input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('bulk.notePlaceholder')} aria-label={t('bulk.notePlaceholder')} maxLength={2000} required autoFocus data-testid="note-input" />
      <button type="submit" className="primary" disabled={!note.trim()} data-testid="note-accept-run">
        {t('bulk.acceptCount', { n: count })}
      </button>
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </form>
  );
}
