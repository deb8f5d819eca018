import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { ActionButton } from '../forms/ActionButton';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { type Failure, outcomeOf } from '../forms/failure';
import { useMessages } from '../i18n';
import { ChangeSummary, pendingChange } from './ChangeProposal';
import { AnswerTranslationChangeMutation } from './documents';
import type { TranslationJob } from './JobFacts';
import { translationMessages } from './messages';

/**
 * On the translator's job page: the change the requester proposes (deadline from → to, sources
 * added and withdrawn), to accept, or to decline saying why. The answer returns the job, so the
 * page shows the new deadline and sources at once.
 */
export function ChangeAnswer({ job }: { job: TranslationJob }) {
  const t = useMessages(translationMessages);
  const [, answer] = useMutation(AnswerTranslationChangeMutation);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [answered, setAnswered] = useState<'accepted' | 'declined' | null>(null);
  const change = pendingChange(job);

  async function decline(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = outcomeOf(
      await answer({ requestId: job.requestId, accept: false, reason }),
      (result) => result.answerTranslationChange,
    );
    setBusy(false);
    setFailure(outcome.ok ? null : outcome.failure);
    if (outcome.ok) setAnswered('declined');
  }

  if (!change) {
    return answered ? (
      <p role="status" className="notice">
        {answered === 'accepted' ? t.changeAccepted : t.changeDeclined}
      </p>
    ) : null;
  }
  return (
    <section aria-labelledby="translation-proposed-change" className="card notice-warn">
      <h2 id="translation-proposed-change">{t.proposedChangeTitle}</h2>
      <p>{t.proposedChangeIntro}</p>
      <ChangeSummary job={job} change={change} />
      <ActionButton
        run={async () => {
          const outcome = outcomeOf(
            await answer({ requestId: job.requestId, accept: true }),
            (result) => result.answerTranslationChange,
          );
          if (outcome.ok) setAnswered('accepted');
          return outcome.ok ? null : outcome.failure;
        }}
      >
        {t.acceptChange}
      </ActionButton>
      {declining ? (
        <form className="decline-form" onSubmit={decline} noValidate>
          <FailureNotice failure={failure} labels={{ reason: t.declineReason }} />
          <Field
            name="reason"
            label={t.declineReason}
            hint={t.declineReasonHint}
            errors={problemsFor(failure, 'reason')}
            counter={{ value: reason, max: 2000 }}
            required
          >
            {(control) => (
              <textarea {...control} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
            )}
          </Field>
          <button type="submit" className="danger" disabled={busy}>
            {t.sendDecline}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setDeclining(false)}>
            {t.keepAsIs}
          </button>
        </form>
      ) : (
        <button type="button" className="secondary" onClick={() => setDeclining(true)}>
          {t.declineChange}
        </button>
      )}
    </section>
  );
}
