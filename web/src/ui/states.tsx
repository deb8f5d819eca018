import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { type Failure, fromCombinedError } from '../forms/failure';
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

/**
 * A query that failed: what happened in words a person can act on (the API's typed reason, in the
 * page's language, when it gave one), and a way to try again.
 */
export function LoadError({ error, retry }: { error: CombinedError; retry?: () => void }) {
  const t = useMessages(formMessages);
  const c = useMessages(common);
  const failure = fromCombinedError(error);
  const byKind: Record<Failure['kind'], string> = {
    network: c.apiUnreachable,
    signedOut: c.signInAgain,
    forbidden: t.forbidden,
    notFound: t.notFound,
    conflict: t.conflict,
    rateLimited: c.unexpected,
    validation: c.unexpected,
    unexpected: c.unexpected,
  };
  const text = failure.message ?? byKind[failure.kind];
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
