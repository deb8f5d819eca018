import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { ErrorFields, type Failure, formProblems, outcomeOf } from '../forms/failure';
import { graphql } from '../graphql';
import { useLocale, useMessages } from '../i18n';
import { useSession } from '../session';
import { reportMessages } from './reportMessages';

const ReopenFiscalPeriodMutation = graphql(
  `
    mutation ReopenFiscalPeriod($associationId: ID!, $fiscalYear: Int!, $month: Int, $reason: String!) {
      reopenFiscalPeriod(associationId: $associationId, fiscalYear: $fiscalYear, month: $month, reason: $reason) {
        __typename
        ... on MutationReopenFiscalPeriodSuccess {
          data
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** An admin reopens a closed month or year, saying why (audited); coordinators see only that periods are closed. */
export function ReopenPeriod({
  associationId,
  fiscalYear,
  closedPeriods,
  onReopened,
}: {
  associationId: string;
  fiscalYear: number;
  closedPeriods: ReadonlyArray<{ month: number | null }>;
  onReopened(): void;
}) {
  const t = useMessages(reportMessages);
  const { locale } = useLocale();
  const { viewer } = useSession();
  const [choice, setChoice] = useState(() => String(closedPeriods[0]?.month ?? ''));
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [{ fetching }, reopen] = useMutation(ReopenFiscalPeriodMutation);
  if (!viewer?.roles?.includes('admin') || closedPeriods.length === 0) {
    return done ? <p role="status">{done}</p> : null;
  }
  const month = choice === '' ? null : Number(choice);
  const chosen = closedPeriods.some((period) => period.month === month) ? month : (closedPeriods[0]?.month ?? null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const unsendable = formProblems(reason.trim() ? [] : [{ field: 'reason', message: t.sayWhy }], locale);
    if (unsendable) {
      setFailure(unsendable);
      return;
    }
    const outcome = outcomeOf(
      await reopen({ associationId, fiscalYear, month: chosen, reason }),
      (result) => result.reopenFiscalPeriod,
    );
    setFailure(outcome.ok ? null : outcome.failure);
    if (!outcome.ok) return;
    setDone(t.reopened(t.periodName(fiscalYear, chosen)));
    setReason('');
    onReopened();
  }

  return (
    <section className="card" aria-labelledby="reopen-title">
      <h2 id="reopen-title">{t.reopenTitle}</h2>
      <p className="hint">{t.reopenIntro}</p>
      {done ? <p role="status">{done}</p> : null}
      <form className="form" onSubmit={submit} noValidate>
        <FailureNotice failure={failure} labels={{ reason: t.reopenReason }} />
        <Field name="reopenMonth" label={t.reopenPeriodLabel}>
          {(control) => (
            <select {...control} value={String(chosen ?? '')} onChange={(event) => setChoice(event.target.value)}>
              {closedPeriods.map((period) => (
                <option key={period.month ?? 'year'} value={String(period.month ?? '')}>
                  {t.periodName(fiscalYear, period.month)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="reason"
          label={t.reopenReason}
          hint={t.reopenReasonHint}
          errors={problemsFor(failure, 'reason')}
          required
        >
          {(control) => (
            <textarea
              {...control}
              rows={2}
              maxLength={1000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="danger secondary" disabled={fetching}>
            {t.reopenPeriod}
          </button>
        </div>
      </form>
    </section>
  );
}
