import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ActionButton } from '../forms/ActionButton';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { type Failure, formProblems, outcomeOf } from '../forms/failure';
import { useLocale, useMessages } from '../i18n';
import { ApproveRequestMutation, DispatchStateQuery, RejectRequestMutation } from './dispatchDocuments';
import { dispatchConsoleMessages } from './dispatchMessages';
import { GrantTaxReview } from './GrantTaxReview';

/** Saying no needs a reason the requester will read; the form keeps it while the API looks at it. */
function RejectForm({ requestId }: { requestId: string }) {
  const t = useMessages(dispatchConsoleMessages);
  const { locale } = useLocale();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [{ fetching }, reject] = useMutation(RejectRequestMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const unsendable = formProblems(reason.trim() ? [] : [{ field: 'reason', message: t.sayWhy }], locale);
    if (unsendable) {
      setFailure(unsendable);
      return;
    }
    const outcome = outcomeOf(await reject({ id: requestId, reason }), (data) => data.rejectRequest);
    setFailure(outcome.ok ? null : outcome.failure);
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FailureNotice failure={failure} labels={{ reason: t.rejectionReason }} />
      <Field
        name="reason"
        label={t.rejectionReason}
        hint={t.rejectionHint}
        errors={problemsFor(failure, 'reason')}
        required
      >
        {(control) => (
          <textarea {...control} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="danger secondary" disabled={fetching}>
          {t.reject}
        </button>
      </div>
    </form>
  );
}

/** A filed request waits for a coordinator: approving sends the offers out, rejecting tells the requester why. */
export function Screening({ requestId }: { requestId: string }) {
  const t = useMessages(dispatchConsoleMessages);
  const [{ data }] = useQuery({ query: DispatchStateQuery, variables: { id: requestId } });
  const [, approve] = useMutation(ApproveRequestMutation);
  const [rejecting, setRejecting] = useState(false);
  const request = data?.node?.__typename === 'Request' ? data.node : null;
  // Escalated too: a screening whose step failed waits for a coordinator to decide again.
  if (request?.status !== 'filed' || !['screening', 'escalated'].includes(request.dispatchStage)) return null;
  return (
    <section className="card" aria-labelledby="screening-title">
      <h2 id="screening-title">{t.screeningTitle}</h2>
      <p className="hint">{t.screeningIntro}</p>
      <GrantTaxReview requestId={requestId} />
      <div className="card-actions">
        <ActionButton
          done={t.approvedRequest}
          run={async () => {
            const outcome = outcomeOf(await approve({ id: requestId }), (result) => result.approveRequest);
            return outcome.ok ? null : outcome.failure;
          }}
        >
          {t.approveRequest}
        </ActionButton>
        <button
          type="button"
          className="secondary"
          aria-expanded={rejecting}
          onClick={() => setRejecting((open) => !open)}
        >
          {t.rejectRequest}
        </button>
      </div>
      {rejecting ? <RejectForm requestId={requestId} /> : null}
    </section>
  );
}
