import { useCallback, useEffect, useState } from 'react';

/**
 * A form's draft kept in this tab's session storage, so that a reload or a wrong click does not
 * lose what was typed. `clear` forgets it once the form has been accepted.
 */
export function useStoredDraft<Draft extends object>(key: string, initial: Draft) {
  const [draft, setDraft] = useState<Draft>(() => {
    try {
      const stored = sessionStorage.getItem(key);
      return stored ? { ...initial, ...(JSON.parse(stored) as Partial<Draft>) } : initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      sessionStorage.setItem(key, JSON.stringify(draft));
    } catch {
      // No storage: the draft lives as long as the page.
    }
  }, [key, draft]);
  const clear = useCallback(() => {
    try {
      sessionStorage.removeItem(key);
    } catch {
      // Nothing was stored.
    }
  }, [key]);
  return [draft, setDraft, clear] as const;
}
