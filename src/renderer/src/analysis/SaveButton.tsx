// A button that writes a file through the API and then says where it went (or what failed).
import { useState } from 'react';

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
