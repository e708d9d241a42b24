// A button that writes a file through the API and then says where it went (or what failed).
import { useState } from 'react';
import type { ApiError } from '../../../shared/api';

/** What a save says: where it went, nothing when the person cancelled the save dialog, or the error. */
export function savedMessage<T>(r: { ok: true; value: T } | ApiError, said: (value: T) => string, errorPrefix: string): string {
  if (r.ok) return said(r.value);
  return r.code === 'cancelled' ? '' : errorPrefix + r.message;
}

export function SaveButton({ label, save, testId }: { label: string; save: () => Promise<string>; testId: string }) {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <button type="button" onClick={() => void save().then(setMessage)} data-testid={testId}>
        {label}
      </button>
      {message && (
        <span className="muted saved" title={message} data-testid={`${testId}-saved`}>
          {message}
        </span>
      )}
    </>
  );
}
