import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { fromCombinedError } from '../forms/failure';
import { formMessages } from '../forms/messages';
import { useMessages } from '../i18n';
import { common } from '../messages';

export function Loading({ label }: { label?: string }) {
  const t = useMessages(common);
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t.loading}
    </p>
  );
}

/** An empty list says so, and says what to do next. */
export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/** A query that failed: what happened in words a person can act on, and a way to try again. */
export function LoadError({ error, retry }: { error: CombinedError; retry?: () => void }) {
  const t = useMessages(formMessages);
  const c = useMessages(common);
  const failure = fromCombinedError(error);
  const text =
    failure.kind === 'network'
      ? c.apiUnreachable
      : failure.kind === 'signedOut'
        ? c.signInAgain
        : failure.kind === 'forbidden'
          ? t.forbidden
          : c.unexpected;
  return (
    <div className="notice notice-problem" role="alert">
      <p>{text}</p>
      {retry ? (
        <button type="button" className="secondary" onClick={retry}>
          {c.retry}
        </button>
      ) : null}
    </div>
  );
}
