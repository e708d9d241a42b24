// Writes of the review screen run one after another, so answers arrive in the order of the changes.
import { useCallback, useRef } from 'react';

export function useSerial(): <T>(work: () => Promise<T>) => Promise<T> {
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  return useCallback(<T,>(work: () => Promise<T>): Promise<T> => {
    const next = chain.current.then(work, work);
    chain.current = next.catch(() => undefined);
    return next;
  }, []);
}
