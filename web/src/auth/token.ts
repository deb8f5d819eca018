import { useState } from 'react';

/**
 * The one-use token of an e-mailed link (`#token=…`). It is read once and taken out of the
 * address bar, so that it stays in neither the history nor a shared screenshot.
 */
export function useLinkToken(): string {
  const [token] = useState(() => {
    const value = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
    if (value) history.replaceState(history.state, '', window.location.pathname + window.location.search);
    return value;
  });
  return token;
}
