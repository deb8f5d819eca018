import { useMutation } from 'urql';
import { ConfirmInPlace } from '../forms/ConfirmInPlace';
import { outcomeOf } from '../forms/failure';
import { useMessages } from '../i18n';
import { CancelRequestMutation } from './documents';
import { requestMessages } from './messages';

/** Cancelling asks once more, in place. */
export function CancelRequest({ requestId }: { requestId: string }) {
  const t = useMessages(requestMessages);
  const [, cancel] = useMutation(CancelRequestMutation);
  return (
    <ConfirmInPlace
      action={t.cancelRequest}
      question={t.confirmCancel}
      yes={t.yesCancel}
      keep={t.keep}
      run={async () => {
        const outcome = outcomeOf(await cancel({ id: requestId }), (data) => data.cancelRequest);
        return outcome.ok ? null : outcome.failure;
      }}
    />
  );
}
