// What a cell shows: its state (never by colour alone: each has a mark) and how typed text
// becomes a value of the field's kind, checked as it is typed.
import type { FieldKind } from '../../../shared/fields';
import type { ExtractedField, FieldValue } from '../../../shared/model';
import { LOW_CONFIDENCE } from '../../../shared/review';
import type { MessageKey } from '../i18n/zh-CN';

export type CellState = 'auto' | 'low' | 'corrected' | 'verified' | 'missing';

export function cellState(f: ExtractedField | undefined): CellState {
  if (!f || f.status === 'missing') return 'missing';
  if (f.status === 'corrected' || f.status === 'verified') return f.status;
  return f.confidence < LOW_CONFIDENCE ? 'low' : 'auto';
}

/** The mark next to a value; a failing rule adds FAILING_MARK. */
export const STATE_MARK: Record<CellState, string> = { auto: '', low: '⚠', corrected: '✎', verified: '✓', missing: '' };
export const FAILING_MARK = '✗';

export const ENUM_VALUES: Record<string, readonly string[]> = {
  'meta.format': ['2021', '2019', 'legacy', 'narrative'],
  'meta.doc_kind': ['annual_report', 'work_summary', 'self_check', 'other'],
};

export type Parsed = { ok: true; value: FieldValue } | { ok: false; reason: MessageKey };

/** Full-width digits and signs (typed through an input method) read as ASCII; thousands separators dropped. */
const ascii = (text: string): string =>
  text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－—]/g, '-')
    .replace(/(\d)[,，](?=\d{3}\b)/g, '$1');

export function parseDraft(kind: FieldKind, key: string, text: string): Parsed {
  const t = ascii(text);
  if (t === '') return { ok: true, value: null };
  switch (kind) {
    case 'count':
    case 'year':
      return /^\d+$/.test(t) ? { ok: true, value: Number(t) } : { ok: false, reason: 'review.needInteger' };
    case 'signed':
      return /^[+-]?\d+$/.test(t) ? { ok: true, value: Number(t) } : { ok: false, reason: 'review.needSigned' };
    case 'money':
      return /^\d+(\.\d{1,6})?$/.test(t) ? { ok: true, value: Number(t) } : { ok: false, reason: 'review.needMoney' };
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(t) ? { ok: true, value: t } : { ok: false, reason: 'review.needDate' };
    case 'enum':
      return ENUM_VALUES[key]?.includes(text.trim()) ? { ok: true, value: text.trim() } : { ok: false, reason: 'review.needChoice' };
    default:
      return { ok: true, value: text.trim() };
  }
}

/** Numbers start an edit by typing; text is edited with Enter, F2 or a double click. */
export const isNumericKind = (kind: FieldKind | undefined): boolean => kind === 'count' || kind === 'year' || kind === 'signed' || kind === 'money';
