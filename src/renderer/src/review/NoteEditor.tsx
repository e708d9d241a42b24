// A note on one figure (M or Shift+F2 on a cell): its value, corrected or confirmed as it is, with a
// note the history keeps. Enter saves (Shift+Enter: a new line in the note), Esc cancels.
import { useState } from 'react';
import { fieldDef } from '../../../shared/fields';
import type { ExtractedField, FieldValue } from '../../../shared/model';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { ENUM_VALUES, parseDraft } from './cell-state';
import { labelOf } from './ReviewForm';

export function NoteEditor({
  k,
  field,
  onSave,
  onCancel,
}: {
  k: string;
  field: ExtractedField | undefined;
  onSave: (value: FieldValue, status: 'corrected' | 'verified', note: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(field?.value === null || field?.value === undefined ? '' : String(field.value));
  const [note, setNote] = useState('');
  const parsed = parseDraft(fieldDef(k)?.kind ?? 'text', k, text);
  const changed = parsed.ok && parsed.value !== (field?.value ?? null);
  const ready = parsed.ok && note.trim() !== '';
  const label = labelOf(k, t);
  const submit = () => {
    if (ready) onSave(parsed.value, changed ? 'corrected' : 'verified', note.trim());
  };
  const choices = ENUM_VALUES[k];
  return (
    <form
      className="note-editor"
      role="dialog"
      aria-label={t('review.noteTitle', { label })}
      data-testid="note-editor"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <strong className="note-title">{t('review.noteTitle', { label })}</strong>
      <label>
        {t('review.noteValue')}
        {choices ? (
          <select value={text} onChange={(e) => setText(e.target.value)} data-testid="note-value">
            {choices.map((c) => (
              <option key={c} value={c}>
                {t(`${k === 'meta.format' ? 'format' : 'kind'}.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        ) : (
          <input value={text} onChange={(e) => setText(e.target.value)} aria-invalid={!parsed.ok} className={parsed.ok ? '' : 'invalid'} data-testid="note-value" />
        )}
      </label>
      <label className="note-text">
        {t('review.noteText')}
        <textarea
          autoFocus
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
          data-testid="note-text"
        />
      </label>
      <div className="note-buttons">
        {!parsed.ok && <span className="bad">{t(parsed.reason)}</span>}
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="primary" disabled={!ready} data-testid="note-save">
          {t(changed ? 'review.noteCorrect' : 'review.noteConfirm')}
        </button>
      </div>
    </form>
  );
}
