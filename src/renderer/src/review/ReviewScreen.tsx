// The review screen: the source on the left (text with the focused span, or the page with the
// focused box), the form on the right, findings and the focused cell's provenance below it.
// Keyboard first: arrows/Tab move, typing replaces, Enter commits and moves down, Esc cancels,
// V confirms a cell, Shift+V the report, J/K walk the review queue, Ctrl+Z / Ctrl+Shift+Z undo/redo.
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { fieldDef } from '../../../shared/fields';
import type { CheckResult, ExtractedField, FieldHistoryEntry, FieldValue, ReportDetail } from '../../../shared/model';
import type { PageView, ReviewQueueItem } from '../../../shared/review';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { cellState, isNumericKind, parseDraft } from './cell-state';
import { formLayout } from './layout';
import { move, readingOrder, type Move } from './navigation';
import { blockOf, describeSource, displayValue, labelOf, ReviewForm, type Editor, type EditorHandlers } from './ReviewForm';
import { FindingsPanel } from './FindingsPanel';
import { HistoryPanel } from './HistoryPanel';
import { TextSource } from './TextSource';
import { dpiStep, fitScale, PageSource } from './PageSource';
import { ReviewDialog, type DialogKind } from './ReviewDialog';
import { NoteEditor } from './NoteEditor';
import { onUndoChange, recordChange, redo, undo, undoState, type Applied } from './undo';
import { useSerial } from './useSerial';
import { usePageViews } from './usePageViews';
import { takeOver } from './handoff';
import './review.css';

const POSITIONED = new Set(['pdf', 'ofd', 'image']);
/** A4 width in PDF points */
const A4_WIDTH = 595.28;
/**
 * The pictures' first resolution: an A4 page's fitting the source pane (its share of the window,
 * as review.css lays it out: 41 of 100 parts after 24 px of padding and gap, at least 300 px), so
 * a page never drawn before is drawn no larger than the screen shows it; zooming in asks for a sharper one.
 */
const firstDpi = (): number => dpiStep(fitScale(Math.max(300, ((window.innerWidth - 24) * 41) / 100), A4_WIDTH) * 72 * (window.devicePixelRatio || 1));
export const FOCUS_MARK = 'review-focus-start';
/** set where a report is asked for (the list opening the screen, J/K in it): 'review-open' and 'review-picture' are timed from it */
export const OPEN_MARK = 'review-open-start';

type Message = { kind: 'error' | 'info'; text: string } | null;

/** Field objects that did not change keep their identity, so their cells do not re-render. */
function share(prev: ReportDetail | null, next: ReportDetail): ReportDetail {
  if (!prev || prev.id !== next.id) return next;
  const old = new Map(prev.fields.map((f) => [f.key, f]));
  const same = (a: ExtractedField, b: ExtractedField) => a.value === b.value && a.status === b.status && a.confidence === b.confidence && a.text === b.text;
  return { ...next, fields: next.fields.map((f) => (old.has(f.key) && same(old.get(f.key)!, f) ? old.get(f.key)! : f)) };
}

/** Where to start on a report: its first failing cell, else its first low-confidence one, else the first table cell. */
function startKey(report: ReportDetail): string | null {
  const order = readingOrder(formLayout(report.format, report.fields.map((f) => f.key)));
  const failing = new Set(report.checks.filter((c) => !c.ok && c.severity === 'error').flatMap((c) => c.keys));
  const fields = new Map(report.fields.map((f) => [f.key, f]));
  return (
    order.find((k) => failing.has(k)) ??
    order.find((k) => cellState(fields.get(k)) === 'low') ??
    order.find((k) => !k.startsWith('meta.')) ??
    order[0] ??
    null
  );
}

/** The first page of file `sha256` a value was read from. */
const firstPage = (fields: readonly ExtractedField[], sha256: string | undefined): number => fields.find((f) => f.source.page && f.source.sha256 === sha256)?.source.page ?? 1;

/** The page (and file, when not the first) the screen opens a report on: the start cell's, else the first file's first page with values. */
function openingPage(d: ReportDetail, start: string | null): { page: number; sha256?: string } {
  const f = d.fields.find((x) => x.key === start);
  const primary = d.files[0]?.sha256;
  if (f?.source.page) return { page: f.source.page, ...(f.source.sha256 !== primary ? { sha256: f.source.sha256 } : {}) };
  return { page: firstPage(d.fields, primary) };
}

/** Scroll `el` into the view of `box`: left alone when visible, else placed a third of the way down. */
function reveal(box: HTMLElement, el: HTMLElement): void {
  const view = box.getBoundingClientRect();
  const at = el.getBoundingClientRect();
  if (at.top < view.top || at.bottom > view.bottom) box.scrollTop += at.top - view.top - view.height / 3;
  if (at.left < view.left) box.scrollLeft -= view.left - at.left + 8;
  else if (at.right > view.right) box.scrollLeft += at.right - view.right + 8;
}

/** A key press as kept while a report opens. */
type PressedKey = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>;

/** Keys kept while a report opens: characters, editing and moving keys (not modifiers alone, shortcuts or IME input). */
const heldKey = (e: KeyboardEvent): boolean =>
  !e.isComposing && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key.length === 1 || ['Enter', 'Tab', 'Escape', 'Backspace', 'Delete', 'F2', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'].includes(e.key));

/** Where committing the editor with this key moves the focus (none: the key is the editor's). */
const editorMove = (e: PressedKey): Move | undefined => {
  const moves: Record<string, Move> = { Enter: e.shiftKey ? 'up' : 'down', Tab: e.shiftKey ? 'prev' : 'next', ArrowDown: 'down', ArrowUp: 'up' };
  return moves[e.key];
};

const isTyping = (el: EventTarget | null) => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;

export function ReviewScreen({
  startId,
  ids,
  onClose,
  onSwitchLocale,
}: {
  startId: number;
  /** the reports the library shows: the queue is made of them (null until they are known) */
  ids: readonly number[] | null;
  /** back to the library, on the report last shown; `changed`: something was written */
  onClose: (id: number, changed: boolean) => void;
  onSwitchLocale: () => void;
}) {
  const { t } = useI18n();
  const serial = useSerial();
  const [queue, setQueue] = useState<ReviewQueueItem[] | null>(null);
  const [id, setId] = useState(startId);
  const idRef = useRef(id);
  idRef.current = id;
  const [report, setReport] = useState<ReportDetail | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  /** bumped to move the keyboard focus to the focused cell even when it stays the same cell */
  const [focusTick, setFocusTick] = useState(0);
  const [editor, setEditor] = useState<Editor | null>(null);
  /** the cell a note is being written for */
  const [noteFor, setNoteFor] = useState<string | null>(null);
  const [finding, setFinding] = useState<number | null>(null);
  const [spanOverride, setSpanOverride] = useState<[number, number] | null>(null);
  const [message, setMessage] = useState<Message>(null);
  // news goes after a while; errors stay until closed
  useEffect(() => {
    if (message?.kind !== 'info') return;
    const gone = setTimeout(() => setMessage(null), 8000);
    return () => clearTimeout(gone);
  }, [message]);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const [history, setHistory] = useState<FieldHistoryEntry[] | null | false>(false);
  const [mode, setMode] = useState<'page' | 'text'>('page');
  const changed = useRef(false);
  /** the report being opened has shown its source (its picture may follow) */
  const opening = useRef({ shown: false });
  const details = useRef(new Map<number, ReportDetail>());
  const steps = useSyncExternalStore(onUndoChange, undoState);

  const fetchDetail = useCallback(async (rid: number): Promise<ReportDetail | null> => {
    const hit = details.current.get(rid) ?? takeOver(rid);
    if (hit) {
      details.current.set(rid, hit);
      return hit;
    }
    const r = await api.call('report:get', { id: rid });
    if (!r.ok) return null;
    details.current.set(rid, r.value);
    return r.value;
  }, []);

  const layout = useMemo(() => (report ? formLayout(report.format, report.fields.map((f) => f.key)) : null), [report?.format, report?.fields]);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  const pages = usePageViews();
  const [dpi, setDpi] = useState(firstDpi);
  const dpiRef = useRef(dpi);
  dpiRef.current = dpi;

  // open a report: from the cache when prefetched, keeping the previous one on screen meanwhile
  useEffect(() => {
    let live = true;
    setEditor(null);
    setFinding(null);
    setSpanOverride(null);
    void fetchDetail(id).then((d) => {
      if (!live) return;
      if (!d) return setMessage({ kind: 'error', text: t('review.notFound', { id }) });
      const start = startKey(d);
      // the page is asked for before the form renders (the screen's request then finds it under way)
      if (POSITIONED.has(d.fileKind)) {
        const at = openingPage(d, start);
        void pages.get(id, at.page, dpiRef.current, false, at.sha256);
      }
      setReport(d);
      setFocusKey(start);
      // set with the report (not after it by the file's effect below): the source is measured as it shows
      setMode(POSITIONED.has(d.fileKind) ? 'page' : 'text');
      setManualFile(null);
    });
    return () => {
      live = false;
    };
  }, [id, fetchDetail, t, pages]);

  const at = queue ? queue.findIndex((q) => q.id === id) : -1;
  // the next few in the queue (and the previous one) are fetched ahead while the person reads
  const neighbours = useMemo(() => (queue && at >= 0 ? [1, 2, 3, -1].map((d) => queue[at + d]?.id).filter((x): x is number => x !== undefined) : []), [queue, at]);

  const fields = useMemo(() => new Map((report?.fields ?? []).map((f) => [f.key, f])), [report?.fields]);
  const focused = focusKey ? fields.get(focusKey) : undefined;

  // pages: the focused field's page unless the person paged elsewhere
  const [manualPage, setManualPage] = useState<number | null>(null);
  useEffect(() => setManualPage(null), [focusKey, id]);
  useEffect(() => setNoteFor(null), [focusKey, id]);
  // the file shown: the focused field's (a merged report has several), unless the person picked one
  const [manualFile, setManualFile] = useState<string | null>(null);
  useEffect(() => {
    setManualFile(null);
    setSpanOverride(null);
  }, [focusKey]);
  const files = report?.files ?? [];
  const fieldFile = files.find((f) => f.sha256 === focused?.source.sha256);
  const shownFile = files.find((f) => f.sha256 === manualFile) ?? fieldFile ?? files[0];
  const shownSha = shownFile?.sha256;
  const primarySha = files[0]?.sha256;
  /** page views of the first file are asked for without a file (as prefetches are) */
  const pageSha = shownSha === primarySha ? undefined : shownSha;
  const onShown = focused !== undefined && focused.source.sha256 === shownSha;
  const positioned = shownFile !== undefined && POSITIONED.has(shownFile.kind);
  const shownKind = shownFile?.kind;
  useEffect(() => {
    if (shownKind) setMode(POSITIONED.has(shownKind) ? 'page' : 'text');
  }, [shownSha, shownKind]);
  const current = report !== null && report.id === id;
  const lastView = pages.shown(id);
  const defaultPage = useMemo(() => firstPage(report?.fields ?? [], shownSha), [report?.fields, shownSha]);
  const pageNo = manualPage ?? (onShown ? focused.source.page : undefined) ?? (lastView?.sha256 === shownSha ? lastView?.page : undefined) ?? defaultPage;
  const [view, setView] = useState<PageView | null>(null);
  const sharpen = useCallback((wanted: number) => setDpi((d) => Math.max(d, wanted)), []);
  useEffect(() => {
    if (!positioned || !current || !shownSha) return;
    const ready = pages.ready(id, pageNo, dpi, pageSha);
    if (ready) return setView(ready);
    let live = true;
    // the words at once (unless a picture of this page is showing), the picture when drawn
    void pages.words(id, pageNo, pageSha).then((v) => {
      if (!live) return;
      if (!v) return setMode('text');
      setView((prev) => (prev?.image && prev.sha256 === v.sha256 && prev.page === v.page ? prev : v));
    });
    void pages.get(id, pageNo, dpi, false, pageSha).then((v) => live && v && setView(v));
    return () => {
      live = false;
    };
  }, [positioned, current, id, pageNo, dpi, pages, shownSha, pageSha]);

  // the text of a file other than the first (report:get carries the first file's)
  const [texts, setTexts] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!current || !shownSha || shownSha === primarySha || texts.has(shownSha)) return;
    void api.call('report:text', { id, sha256: shownSha }).then((r) => r.ok && setTexts((m) => new Map(m).set(r.value.sha256, r.value.text)));
  }, [current, id, shownSha, primarySha, texts]);
  const shownText = shownSha === primarySha ? (report?.text ?? '') : (texts.get(shownSha ?? '') ?? '');

  // the queue, once the first report is on screen with its picture, or a second after (its query
  // must not hold up the picture's); it is the one the screen opened with: it does not reorder
  // under the person's hands
  const queueAsked = useRef(false);
  const drawing = positioned && (shownKind === 'pdf' || shownKind === 'image') && !view?.image && !view?.imageError;
  const drawingRef = useRef(drawing);
  drawingRef.current = drawing;
  useEffect(() => {
    if (queueAsked.current || !ids || !current) return;
    const ask = () => {
      if (queueAsked.current) return;
      queueAsked.current = true;
      void api.call('review:queue', { ids: [...ids] }).then((r) => r.ok && setQueue(r.value));
    };
    if (!positioned || (view && !drawing)) return ask();
    const later = setTimeout(ask, 1000);
    return () => clearTimeout(later);
  }, [current, positioned, view, drawing, ids]);

  // prefetch the neighbours in the queue (their report and the page the screen will open them on)
  useEffect(() => {
    if (!report || report.id !== id) return;
    for (const n of neighbours) {
      void fetchDetail(n).then((d) => {
        if (!d || !POSITIONED.has(d.fileKind)) return;
        const at = openingPage(d, startKey(d));
        void pages.get(n, at.page, dpi, true, at.sha256);
      });
    }
  }, [report, id, neighbours, fetchDetail, pages, dpi]);

  const failingChecks = useMemo(() => {
    const failing = (report?.checks ?? []).filter((c) => !c.ok);
    return [...failing.filter((c) => c.severity === 'error'), ...failing.filter((c) => c.severity !== 'error')];
  }, [report?.checks]);
  // cells holding a value of a failing rule (its blank cells show when the finding is picked)
  const failing = useMemo(() => {
    const out = new Map<string, 'error' | 'warning'>();
    for (const c of failingChecks) for (const k of c.keys) if (fields.get(k)?.value != null && out.get(k) !== 'error') out.set(k, c.severity);
    return out;
  }, [failingChecks, fields]);
  const selectedFinding: CheckResult | undefined = finding !== null ? failingChecks[finding] : undefined;
  const involved = useMemo(() => new Set(selectedFinding?.keys ?? []), [selectedFinding]);

  const applyReport = useCallback((d: ReportDetail) => {
    details.current.set(d.id, d);
    changed.current = true;
    setReport((prev) => (prev && prev.id === d.id ? share(prev, d) : prev));
  }, []);

  const refreshHistory = useCallback(
    (rid: number) => {
      if (history === false) return;
      void api.call('report:history', { id: rid }).then((r) => r.ok && setHistory(r.value));
    },
    [history],
  );

  /** A write was refused: say why and show what is stored. */
  const fail = useCallback(
    (rid: number, text: string) => {
      setMessage({ kind: 'error', text: t('errorPrefix') + text });
      details.current.delete(rid);
      void fetchDetail(rid).then((d) => d && setReport((prev) => (prev && prev.id === rid ? d : prev)));
    },
    [fetchDetail, t],
  );

  /** Write one field (or the layout through report:meta, which re-extracts), optimistically shown. */
  const save = useCallback(
    (key: string, value: FieldValue, status: 'corrected' | 'verified', note?: string) => {
      const rid = id;
      setReport((r) =>
        r && r.id === rid
          ? { ...r, fields: fields.has(key) ? r.fields.map((f) => (f.key === key ? { ...f, value, status, confidence: 1 } : f)) : [...r.fields, { key, value, text: null, confidence: 1, status, source: { sha256: '' } }] }
          : r,
      );
      void serial(async () => {
        if (key === 'meta.format' && typeof value === 'string') {
          const r = await api.call('report:meta', { id: rid, format: value as '2021', ...(note ? { note } : {}) });
          if (!r.ok) return fail(rid, r.message);
          r.value.changes.forEach((change) => recordChange({ reportId: rid, change, key }));
          applyReport(r.value);
          if (r.value.reextracted) setMessage({ kind: 'info', text: t('review.reextractedLayout') });
        } else {
          const r = await api.call('field:update', { reportId: rid, key, value, status, ...(note ? { note } : {}) });
          if (!r.ok) return fail(rid, r.message);
          recordChange({ reportId: rid, change: r.value.change, key });
          applyReport(r.value);
        }
        refreshHistory(rid);
      });
    },
    [id, fields, serial, applyReport, refreshHistory, fail, t],
  );

  const go = useCallback(
    (m: Move) => {
      performance.mark(FOCUS_MARK);
      setFocusKey((k) => (layoutRef.current ? move(layoutRef.current, k, m) : k));
    },
    [],
  );

  const editorRef = useRef(editor);
  editorRef.current = editor;
  const commit = useCallback(
    (then: Move | null) => {
      const ed = editorRef.current;
      if (!ed) return;
      const kind = fieldDef(ed.key)?.kind ?? 'text';
      const parsed = parseDraft(kind, ed.key, ed.text);
      if (!parsed.ok) return setEditor({ ...ed, problem: parsed.reason });
      setEditor(null);
      const current = fields.get(ed.key);
      if ((current?.value ?? null) !== parsed.value) save(ed.key, parsed.value, 'corrected');
      if (then) go(then);
      else performance.mark(FOCUS_MARK);
    },
    [fields, save, go],
  );

  const handlers: EditorHandlers = useMemo(
    () => ({
      change(text) {
        setEditor((ed) => {
          if (!ed) return ed;
          const parsed = parseDraft(fieldDef(ed.key)?.kind ?? 'text', ed.key, text);
          return { ...ed, text, problem: parsed.ok ? null : parsed.reason };
        });
      },
      key(e) {
        const then = editorMove(e);
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          performance.mark(FOCUS_MARK);
          setEditor(null);
        } else if (e.currentTarget instanceof HTMLSelectElement && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
          e.stopPropagation(); // the arrows pick from the list
        } else if (then && !(e.nativeEvent.isComposing || e.key === 'Process')) {
          e.preventDefault();
          e.stopPropagation();
          commit(then);
        } else e.stopPropagation();
      },
    }),
    [commit],
  );
  const shared = useMemo(() => ({ fields, failing, involved, handlers, t }), [fields, failing, involved, handlers, t]);
  const blocks = useMemo(() => (layout ? blockOf(layout) : new Map<string, string>()), [layout]);
  // the form of a report just opened renders after its source is on screen (its cells must not
  // hold up the page), or 400 ms after the report when its picture is still being drawn; until then
  // the previous form stays, dimmed and inert. Edits and focus moves are never deferred.
  const [formFor, setFormFor] = useState<number | null>(null);
  useEffect(() => {
    if (!current || formFor === id) return;
    const later = setTimeout(() => setFormFor(id), positioned && mode === 'page' ? 400 : 0);
    return () => clearTimeout(later);
  }, [current, id, formFor, positioned, mode]);
  const formId = useDeferredValue(formFor);
  const shownForm = useRef({ layout, blocks, shared });
  if (formId === (report?.id ?? null)) shownForm.current = { layout, blocks, shared };
  const shown = shownForm.current;
  const formStale = formId !== (report?.id ?? null);

  const startEdit = (key: string, text?: string) => {
    const f = fields.get(key);
    setEditor({ key, text: text ?? (f?.value === null || f?.value === undefined ? '' : String(f.value)), problem: null });
  };

  const verifyCell = (key: string) => {
    const f = fields.get(key);
    save(key, f?.value ?? null, 'verified');
    go('down');
  };

  const verifyReport = useCallback(
    (note?: string) => {
      const rid = id;
      void serial(async () => {
        const r = await api.call('report:verify', { id: rid, ...(note ? { note } : {}) });
        if (r.ok) {
          recordChange({ reportId: rid, change: r.value.change, key: '*' });
          applyReport(r.value);
          setDialog(null);
          setFocusTick((n) => n + 1);
          setMessage({ kind: 'info', text: t('review.reportVerified') });
          refreshHistory(rid);
        } else if (r.code === 'checks_failing') setDialog('verify');
        else setMessage({ kind: 'error', text: t('errorPrefix') + r.message });
      });
    },
    [id, serial, applyReport, refreshHistory, t],
  );

  const step = useCallback(
    (by: 1 | -1) => {
      if (!queue || queue.length === 0) return;
      const next = queue[Math.min(queue.length - 1, Math.max(0, (at < 0 ? 0 : at + by)))]!;
      if (next.id === id) return;
      performance.mark(OPEN_MARK);
      opening.current.shown = false;
      pressed.current.holding = true; // until the report's form is there
      setId(next.id);
    },
    [queue, at, id],
  );

  const applyUndo = useCallback(
    (result: Applied | null, done: MessageKey) => {
      if (!result) return;
      if (!result.ok) return setMessage({ kind: 'error', text: t('errorPrefix') + result.message });
      details.current.set(result.report.id, result.report);
      changed.current = true;
      if (result.report.id !== id) setId(result.report.id);
      else setReport((prev) => share(prev, result.report));
      if (result.entry.key !== '*') setFocusKey(result.entry.key);
      setMessage({ kind: 'info', text: t(done, { what: result.entry.key === '*' ? t('review.wholeReport') : labelOf(result.entry.key, t) }) });
      refreshHistory(result.report.id);
    },
    [id, refreshHistory, t],
  );
  const doUndo = useCallback(() => void serial(undo).then((r) => applyUndo(r, 'review.undone')), [serial, applyUndo]);
  const doRedo = useCallback(() => void serial(redo).then((r) => applyUndo(r, 'review.redone')), [serial, applyUndo]);

  const pickFinding = useCallback(
    (i: number) => {
      const c = failingChecks[i];
      if (!c) return;
      setFinding(i);
      const first = c.keys.find((k) => layoutRef.current?.at.has(k)) ?? c.keys[0];
      if (first) {
        performance.mark(FOCUS_MARK);
        setFocusKey(first);
        setFocusTick((n) => n + 1);
      }
    },
    [failingChecks],
  );

  /** back to the cell the note was for */
  const closeNote = useCallback(() => {
    setNoteFor(null);
    setFocusTick((n) => n + 1);
  }, []);

  const toggleHistory = useCallback(() => {
    if (history !== false) return setHistory(false);
    setHistory(null);
    void api.call('report:history', { id }).then((r) => setHistory(r.ok ? r.value : []));
  }, [history, id]);

  // screen-wide keys (not while typing in a field or in a dialog)
  const keys = useRef<(e: KeyboardEvent) => void>(() => {});
  keys.current = (e: KeyboardEvent) => {
    if (dialog || (e.target instanceof Element && e.target.closest('[role="dialog"]'))) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && (e.key === 'z' || e.key === 'Z' || e.key === 'y')) {
      if (isTyping(e.target)) return;
      e.preventDefault();
      if (e.key === 'y' || e.shiftKey) doRedo();
      else doUndo();
      return;
    }
    if (mod || e.altKey || isTyping(e.target)) return;
    const actions: Record<string, () => void> = {
      j: () => step(1),
      PageDown: () => step(1),
      k: () => step(-1),
      PageUp: () => step(-1),
      V: () => verifyReport(),
      h: toggleHistory,
      n: () => failingChecks.length && pickFinding(finding === null ? 0 : (finding + 1) % failingChecks.length),
      N: () => failingChecks.length && pickFinding(finding === null ? failingChecks.length - 1 : (finding - 1 + failingChecks.length) % failingChecks.length),
      t: () => positioned && setMode((m) => (m === 'page' ? 'text' : 'page')),
      '[': () => view && view.pages.indexOf(view.page) > 0 && setManualPage(view.pages[view.pages.indexOf(view.page) - 1]!),
      ']': () => view && view.pages.indexOf(view.page) < view.pages.length - 1 && setManualPage(view.pages[view.pages.indexOf(view.page) + 1]!),
      l: () => onClose(id, changed.current),
      // from the source pane (or a button) back to the form
      Escape: () => form.current?.querySelector<HTMLElement>('[data-key][tabindex="0"]')?.focus(),
    };
    const action = actions[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  /** A key on the focused cell `key`; false: not a cell key. */
  const cellKey = (key: string, e: PressedKey): boolean => {
    const arrows: Record<string, Move> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right', Home: 'first', End: 'last' };
    const mod = e.ctrlKey || e.metaKey || e.altKey;
    if (arrows[e.key] && !mod) go(arrows[e.key]!);
    else if (e.key === 'Tab' && !mod) go(e.shiftKey ? 'prev' : 'next');
    else if ((e.key === 'm' || (e.key === 'F2' && e.shiftKey)) && !mod) setNoteFor(key);
    else if ((e.key === 'Enter' || e.key === 'F2') && !mod) startEdit(key);
    else if ((e.key === 'Delete' || e.key === 'Backspace') && !mod) startEdit(key, '');
    else if (e.key === 'v' && !mod) verifyCell(key);
    else if (e.key === 'Escape') setFinding(null);
    else if (!mod && e.key.length === 1 && isNumericKind(fieldDef(key)?.kind) && /[0-9.\-０-９]/.test(e.key)) startEdit(key, e.key);
    else return false;
    return true;
  };
  const onCellKey = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const key = (e.target as HTMLElement).closest<HTMLElement>('[data-key]')?.dataset.key;
    if (!key || editor || isTyping(e.target) || formStale) return;
    if (cellKey(key, e)) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  // Keys pressed while a report opens (J and on until its form is there, with the queue) are kept
  // and applied in order once it is: one a render, each seeing what the one before it did.
  const ready = current && !formStale && queue !== null;
  const pressed = useRef<{ keys: PressedKey[]; holding: boolean }>({ keys: [], holding: true });
  pressed.current.holding = !ready;
  const [, setReplayed] = useState(0);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const kept = pressed.current;
      if ((!kept.holding && kept.keys.length === 0) || !heldKey(e)) return;
      const active = document.activeElement;
      // keys meant for a dialog, a text box or the source pane are theirs
      if (active && active !== document.body && !form.current?.contains(active)) return;
      e.preventDefault();
      e.stopPropagation();
      kept.keys.push({ key: e.key, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey });
      setReplayed((n) => n + 1);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  useEffect(() => {
    if (!ready || dialog || pressed.current.keys.length === 0) return;
    const e = pressed.current.keys.shift()!;
    const ed = editorRef.current;
    if (ed) {
      const then = editorMove(e);
      if (e.key === 'Escape') setEditor(null);
      else if (then) commit(then);
      else if (e.key === 'Backspace') handlers.change(ed.text.slice(0, -1));
      else if (e.key.length === 1 && !(e.ctrlKey || e.metaKey || e.altKey)) handlers.change(ed.text + e.key);
    } else if (!(focusKey && cellKey(focusKey, e))) {
      keys.current({ ...e, target: form.current, preventDefault: () => undefined } as unknown as KeyboardEvent);
    }
    setReplayed((n) => n + 1);
  });
  const onCellPointer = (e: ReactMouseEvent<HTMLDivElement>) => {
    const key = (e.target as HTMLElement).closest<HTMLElement>('[data-key]')?.dataset.key;
    if (!key || (editor && editor.key === key) || formStale) return;
    if (editor) commit(null);
    performance.mark(FOCUS_MARK);
    setFocusKey(key);
    if (e.detail === 2) startEdit(key);
  };

  // the focused cell takes the keyboard focus (unless the person is typing elsewhere) and is scrolled into view
  const form = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (!focusKey || editor) return;
    const el = form.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`);
    if (!el) return;
    const active = document.activeElement;
    if (!active || active === document.body || form.current!.contains(active) || active.closest('.review-source, .findings, .history')) el.focus({ preventScroll: true });
    reveal(form.current!, el);
    if (performance.getEntriesByName(FOCUS_MARK, 'mark').length) {
      performance.measure('review-focus', FOCUS_MARK);
      performance.clearMarks(FOCUS_MARK);
    }
  }, [focusKey, focusTick, editor, report?.id, shown.layout]);

  // 'review-open': the report and its source on screen (for a page, its words or its picture,
  // whichever is first); 'review-picture': the page picture decoded
  /** when the report being opened was asked for ('review-form' is timed from it too) */
  const openedAt = useRef<number | null>(null);
  const sourceReady = useCallback((what: 'text' | 'words' | 'picture') => {
    // the source is on screen: the form may follow
    if (what !== 'words' || !drawingRef.current) setFormFor(idRef.current);
    const mark = performance.getEntriesByName(OPEN_MARK, 'mark').at(-1);
    if (!mark) return;
    openedAt.current = mark.startTime;
    if (!opening.current.shown) performance.measure('review-open', OPEN_MARK);
    opening.current.shown = true;
    if (what === 'words') return;
    if (what === 'picture') performance.measure('review-picture', OPEN_MARK);
    performance.clearMarks(OPEN_MARK);
    opening.current.shown = false;
  }, []);
  useLayoutEffect(() => {
    if (current && (!positioned || mode === 'text')) sourceReady('text');
  }, [current, positioned, mode, sourceReady]);
  // 'review-form': the form of the report opened is on screen
  useLayoutEffect(() => {
    if (formStale || openedAt.current === null) return;
    performance.measure('review-form', { start: openedAt.current });
    openedAt.current = null;
  }, [formStale]);

  // spans of fields read from the file shown (unmapped rows are the first file's)
  const span = spanOverride ?? (onShown ? focused.source.span : undefined) ?? null;
  const involvedSpans = useMemo(
    () => [...involved].map((k) => fields.get(k)?.source).filter((src) => src?.sha256 === shownSha).map((src) => src!.span).filter((s): s is [number, number] => Boolean(s)),
    [involved, fields, shownSha],
  );
  const onView = (s: ExtractedField['source'] | undefined): s is ExtractedField['source'] & { box: [number, number, number, number] } =>
    Boolean(s?.box && view && s.page === view.page && s.sha256 === view.sha256);
  const involvedBoxes = useMemo(
    () => [...involved].map((k) => fields.get(k)?.source).filter(onView).map((s) => s.box),
    [involved, fields, view],
  );
  const box = onView(focused?.source) ? focused!.source.box! : null;
  const loading = !current;
  const otherFile = fieldFile && !onShown ? fieldFile : undefined;
  // what still needs looking at in this report (the queue's figures are from when it opened)
  const errors = failingChecks.filter((c) => c.severity === 'error').length;
  const lowCells = useMemo(() => (report?.fields ?? []).filter((f) => cellState(f) === 'low').length, [report?.fields]);

  return (
    <div className="review" data-testid="review">
      <div className="review-bar" role="toolbar" aria-label={t('review.toolbar')}>
        <button type="button" onClick={() => onClose(id, changed.current)} data-testid="review-close">
          ← {t('review.backToList')}
        </button>
        <h2 className="review-title" title={report?.title ?? ''}>
          {t('detailTitle', { id })}
          {report && (
            <span className="muted">
              {' '}
              {report.agency ?? '—'} · {report.year ?? '—'} · {report.format ? t(`format.${report.format}` as MessageKey) : '—'}
            </span>
          )}
        </h2>
        <span className="queue-pos num" data-testid="queue-pos" title={t('review.queueHint')}>
          {queue ? t('review.queuePos', { at: at + 1, n: queue.length }) : t('review.loading')}
          {errors > 0 && <span className="bad"> · ✗{errors}</span>}
          {lowCells > 0 && <span className="lowc"> · ⚠{lowCells}</span>}
        </span>
        <button type="button" onClick={() => step(-1)} disabled={!queue || at <= 0} aria-label={t('keys.previous')}>
          K ‹
        </button>
        <button type="button" onClick={() => step(1)} disabled={!queue || at >= queue.length - 1} aria-label={t('keys.next')}>
          › J
        </button>
        <span className={`review-status ${report?.reviewStatus ?? ''}`} data-testid="review-status">
          {report && (report.reviewStatus === 'verified' ? '✓ ' : '') + t(`status.${report.reviewStatus}` as MessageKey)}
        </span>
        <span className="gap" />
        <button type="button" onClick={doUndo} disabled={steps.undo === 0} title="Ctrl+Z" data-testid="undo">
          {t('review.undo')}
        </button>
        <button type="button" onClick={doRedo} disabled={steps.redo === 0} title="Ctrl+Shift+Z / Ctrl+Y" data-testid="redo">
          {t('review.redo')}
        </button>
        <button type="button" onClick={toggleHistory} aria-pressed={history !== false} title="H" data-testid="history-toggle">
          {t('review.history')}
        </button>
        <button type="button" onClick={() => setDialog('reextract')} data-testid="reextract">
          {t('review.reextract')}
        </button>
        <button type="button" onClick={() => setDialog('merge')} data-testid="merge">
          {t('review.merge')}
        </button>
        <button type="button" className="primary" onClick={() => verifyReport()} title="Shift+V" data-testid="verify-report">
          {t('verifyReport')}
        </button>
        <button type="button" onClick={onSwitchLocale} data-testid="locale">
          {t('language')}
        </button>
      </div>
      {message && (
        <div className={`review-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="review-message">
          {message.text}
          <button type="button" className="link" onClick={() => setMessage(null)}>
            {t('close')}
          </button>
        </div>
      )}
      <div className={loading ? 'review-body loading' : 'review-body'} aria-busy={loading}>
        <section className="review-source" aria-label={t('review.source')}>
          <div className="source-head">
            {files.length > 1 ? (
              <select className="source-name" value={shownSha} onChange={(e) => setManualFile(e.target.value)} aria-label={t('review.sourceFile', { n: files.length })} title={shownFile?.path} data-testid="source-file">
                {files.map((f) => (
                  <option key={f.sha256} value={f.sha256}>
                    {f.name}
                  </option>
                ))}
              </select>
            ) : (
              <span className="source-name" title={shownFile?.path}>
                {report?.fileName ?? ''}
              </span>
            )}
            {positioned && (
              <span className="source-modes" role="group" aria-label={t('review.sourceMode')}>
                <button type="button" aria-pressed={mode === 'page'} onClick={() => setMode('page')} data-testid="mode-page">
                  {t('review.modePage')}
                </button>
                <button type="button" aria-pressed={mode === 'text'} onClick={() => setMode('text')} data-testid="mode-text">
                  {t('review.modeText')}
                </button>
              </span>
            )}
          </div>
          {otherFile && <p className="source-note">{t('review.otherFile', { name: otherFile.name })}</p>}
          {focused && !focused.source.span && !focused.source.box && <p className="source-note muted">{t('review.noSourcePlace')}</p>}
          {report && positioned && mode === 'page' && view ? (
            <PageSource view={view} box={box} involved={involvedBoxes} onPage={setManualPage} onReady={sourceReady} onSharpen={sharpen} drawing={drawing} />
          ) : report ? (
            <TextSource text={shownText} span={span} involved={involvedSpans} />
          ) : (
            <div className="text-source" />
          )}
        </section>
        <section className={formStale ? 'review-form stale' : 'review-form'} aria-label={t('review.form')} aria-busy={formStale}>
          <div className="form-scroll" ref={form} onKeyDown={onCellKey} onMouseDown={onCellPointer} data-testid="review-form">
            {shown.layout && <ReviewForm layout={shown.layout} blocks={shown.blocks} focusKey={focusKey} editor={editor} shared={shown.shared} />}
            {report && report.unmapped.length > 0 && (
              <section className="form-section unmapped">
                <h3>{t('sectionUnmapped')}</h3>
                <ul>
                  {report.unmapped.map((u, i) => (
                    <li key={i}>
                      <button
                        type="button"
                        className="link"
                        onClick={() => {
                          setManualFile(primarySha ?? null);
                          setMode('text');
                          setSpanOverride(u.span);
                        }}
                      >
                        {u.label}
                      </button>{' '}
                      <span className="num">{u.values.map((v) => v ?? '—').join(' | ')}</span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
          <div className="review-dock">
            {noteFor && (
              <NoteEditor
                k={noteFor}
                field={fields.get(noteFor)}
                onCancel={closeNote}
                onSave={(value, status, note) => {
                  save(noteFor, value, status, note);
                  setMessage({ kind: 'info', text: t('review.noteSaved', { label: labelOf(noteFor, t) }) });
                  closeNote();
                }}
              />
            )}
            <div className="focus-line" data-testid="focus-line" aria-live="polite">
              {focusKey ? (
                <>
                  <strong>{labelOf(focusKey, t)}</strong>
                  <span className="num">{displayValue(focusKey, focused, t) || t('review.blank')}</span>
                  <span className="muted">{describeSource(focused, t)}</span>
                  {editor?.problem && <span className="bad">{t(editor.problem)}</span>}
                  <button type="button" className="link note-open" onClick={() => setNoteFor(focusKey)} title="M / Shift+F2" data-testid="note-open">
                    {t('review.addNote')}
                  </button>
                </>
              ) : (
                <span className="muted">{t('review.loading')}</span>
              )}
            </div>
            <FindingsPanel findings={failingChecks} passed={(report?.checks.length ?? 0) - failingChecks.length} selected={finding} focusKey={focusKey} onPick={pickFinding} />
          </div>
          {history !== false && (
            <HistoryPanel
              entries={history}
              onClose={() => {
                setHistory(false);
                setFocusTick((n) => n + 1);
              }}
              onFocus={(k) => {
                setFocusKey(k);
                setFocusTick((n) => n + 1);
              }}
              onRestore={(h, side) =>
                void serial(async () => {
                  const r = await api.call('field:restore', { reportId: id, historyId: h.id, side, action: 'restore' });
                  if (!r.ok) return setMessage({ kind: 'error', text: t('errorPrefix') + r.message });
                  recordChange({ reportId: id, change: r.value.change, key: h.key });
                  applyReport(r.value);
                  refreshHistory(id);
                })
              }
            />
          )}
        </section>
      </div>
      {dialog && report && (
        <ReviewDialog
          kind={dialog}
          report={report}
          onCancel={() => {
            setDialog(null);
            setFocusTick((n) => n + 1); // the keyboard back on the form
          }}
          onVerify={(note) => verifyReport(note)}
          onDone={(d, text, removed) => {
            setDialog(null);
            setFocusTick((n) => n + 1);
            setMessage({ kind: 'info', text });
            changed.current = true;
            details.current.clear();
            details.current.set(d.id, d);
            if (removed !== undefined) setQueue((q) => q && q.filter((x) => x.id !== removed));
            if (d.id !== id) setId(d.id);
            setReport(d);
            refreshHistory(d.id);
          }}
        />
      )}
    </div>
  );
}
