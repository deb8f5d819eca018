import { type MouseEvent, useEffect, useRef } from 'react';
import { useMessages } from '../i18n';
import { fieldId } from './Field';
import type { Failure, FieldProblem } from './failure';
import { formMessages } from './messages';

interface FailureNoticeProps {
  failure: Failure | null;
  /** The form's field names and labels: a problem with a known field links to it. */
  labels?: Readonly<Record<string, string>>;
}

/** Refusals the API explains itself, in the reader's language. */
const refusals: ReadonlyArray<Failure['kind']> = ['conflict', 'forbidden', 'notFound'];

/**
 * Why a form was not accepted, at its top: a summary of the field problems with links to each
 * field (which shows its own message too), or what to do about a refusal or a lost connection.
 * It takes the focus when it appears, so that a screen reader announces it.
 */
export function FailureNotice({ failure, labels = {} }: FailureNoticeProps) {
  const t = useMessages(formMessages);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) ref.current?.focus();
  }, [failure]);
  if (!failure) return null;
  return (
    <div ref={ref} className="notice notice-problem" role="alert" tabIndex={-1}>
      {failure.kind === 'validation' ? (
        <>
          <h2>{t.summaryTitle}</h2>
          <p>{t.summaryIntro(failure.problems.length)}</p>
          <ul>
            {failure.problems.map((problem) => {
              const label = labels[problem.field];
              return (
                <li key={`${problem.field}:${problem.message}`}>
                  {/* A field without a label of its own (a group, such as the tiers) shows its message alone. */}
                  {label ? (
                    <>
                      <a href={`#${fieldId(problem.field)}`} onClick={focusField}>
                        {label}
                      </a>
                      {': '}
                    </>
                  ) : null}
                  <span lang={problem.lang}>{problem.message}</span>
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <p>
          {failure.explanation ??
            (failure.kind === 'rateLimited'
              ? t.rateLimited(Math.max(1, Math.ceil((failure.retryAfterSeconds ?? 60) / 60)))
              : refusals.includes(failure.kind) && failure.message
                ? failure.message
                : t[failure.kind])}
        </p>
      )}
    </div>
  );
}

/** Moves the focus to the field a summary link names, rather than only scrolling to it. */
function focusField(event: MouseEvent<HTMLAnchorElement>) {
  const target = document.getElementById(event.currentTarget.hash.slice(1));
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

/** The problems with one field of a failed form, to show beside it. */
export function problemsFor(failure: Failure | null, field: string): FieldProblem[] {
  return (failure?.problems ?? []).filter((problem) => problem.field === field);
}
