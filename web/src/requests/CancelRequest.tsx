import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { FailureNotice } from '../forms/FailureNotice';
import { type Failure, outcomeOf } from '../forms/failure';
import { useMessages } from '../i18n';
import { CancelRequestMutation } from './documents';
import { requestMessages } from './messages';

/** Cancelling asks once more, in place: no dialog to lose the focus in. */
export function CancelRequest({ requestId }: { requestId: string }) {
  const t = useMessages(requestMessages);
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [{ fetching }, cancel] = useMutation(CancelRequestMutation);
  // Asked to confirm, the keyboard lands on the choice that changes nothing.
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) keep.current?.focus();
  }, [asking]);

  async function confirm() {
    const outcome = outcomeOf(await cancel({ id: requestId }), (data) => data.cancelRequest);
    setFailure(outcome.ok ? null : outcome.failure);
    if (outcome.ok) setAsking(false);
  }

  if (!asking) {
    return (
      <button type="button" className="danger secondary" onClick={() => setAsking(true)}>
        {t.cancelRequest}
      </button>
    );
  }
  return (
    <fieldset className="confirm">
      <legend>{t.confirmCancel}</legend>
      <FailureNotice failure={failure} />
      <button type="button" className="danger" disabled={fetching} onClick={confirm}>
        {t.yesCancel}
      </button>{' '}
      <button type="button" className="secondary" ref={keep} onClick={() => setAsking(false)}>
        {t.keep}
      </button>
    </fieldset>
  );
}
