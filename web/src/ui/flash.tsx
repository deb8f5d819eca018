import { useState } from 'react';

let pending: string | null = null;

/** A message for the next page to show, such as "Your request has been received." after a redirect. */
export function flash(message: string) {
  pending = message;
}

/** Shows, once, what the previous page left to say. */
export function Flash() {
  const [message] = useState(() => {
    const taken = pending;
    pending = null;
    return taken;
  });
  if (!message) return null;
  return (
    <div className="notice notice-ok" role="status">
      <p>{message}</p>
    </div>
  );
}
