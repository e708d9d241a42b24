// Undo and redo across the session: each entry is a history row of the core. Undoing restores
// the row's old side, redoing its new side; both are new changes, recorded in the history.
import type { ReportDetail } from '../../../shared/model';
import { api } from '../api';

export interface UndoEntry {
  reportId: number;
  /** the history row to restore */
  change: number;
  /** the field (or '*' for the report's review status) */
  key: string;
}

export type Applied = { ok: true; report: ReportDetail; entry: UndoEntry } | { ok: false; message: string };

const undoStack: UndoEntry[] = [];
const redoStack: UndoEntry[] = [];
const listeners = new Set<() => void>();
let snapshot = { undo: 0, redo: 0 };
const notify = () => {
  snapshot = { undo: undoStack.length, redo: redoStack.length };
  listeners.forEach((l) => l());
};

/** How many steps can be undone and redone (a stable snapshot for useSyncExternalStore). */
export const undoState = (): { undo: number; redo: number } => snapshot;

export function onUndoChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** A change a person just made. */
export function recordChange(entry: UndoEntry): void {
  undoStack.push(entry);
  redoStack.length = 0;
  notify();
}

async function restore(from: UndoEntry[], to: UndoEntry[], side: 'old' | 'new'): Promise<Applied | null> {
  const entry = from.pop();
  if (!entry) return null;
  const r = await api.call('field:restore', { reportId: entry.reportId, historyId: entry.change, side, action: side === 'old' ? 'undo' : 'redo' });
  if (!r.ok) {
    from.push(entry);
    notify();
    return { ok: false, message: r.message };
  }
  // redo restores the original row's new side; undoing a redo restores the redo row's old side
  to.push(side === 'old' ? entry : { ...entry, change: r.value.change });
  notify();
  return { ok: true, report: r.value, entry };
}

export const undo = (): Promise<Applied | null> => restore(undoStack, redoStack, 'old');
export const redo = (): Promise<Applied | null> => restore(redoStack, undoStack, 'new');
