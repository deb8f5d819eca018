import { useState } from 'react';

/**
 * The last link token read from the address, kept for the page's life: a first render can be
 * thrown away (a lazy part of the page suspends) after it took the token out of the address bar,
 * and the render that follows must still find it.
 */
let lastToken = '';

/**
 * The one-use token of an e-mailed link (`#token=…`). It is read once and taken out of the
 * address bar, so that it stays in neither the history nor a shared screenshot.
 */
export function useLinkToken(): string {
  const [token] = useState(() => {
    const value = new URLSearchParams(window.location.hash.slice(1)).get('token');
    if (value) {
      lastToken = value;
      history.replaceState(history.state, '', window.location.pathname + window.location.search);
    }
    return lastToken;
  });
  return token;
}
