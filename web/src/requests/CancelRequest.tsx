import { cancellationReasonWords, wordsIn } from '@tsunagu/domain';
import { useMutation } from 'urql';
import { outcomeOf } from '../forms/failure';
import { ReasonInPlace } from '../forms/ReasonInPlace';
import { cancellationSchema } from '../forms/rules';
import { useLocale, useMessages } from '../i18n';
import { CancelRequestMutation } from './documents';
import { requestMessages } from './messages';

/** Cancelling asks once more, in place, and why: the other side and the booked volunteers read it. */
export function CancelRequest({ requestId }: { requestId: string }) {
  const t = useMessages(requestMessages);
  const { locale } = useLocale();
  const [, cancel] = useMutation(CancelRequestMutation);
  return (
    <ReasonInPlace
      action={t.cancelRequest}
      question={t.confirmCancel}
      yes={t.yesCancel}
      keep={t.keep}
      reasons={wordsIn(cancellationReasonWords, locale)}
      schema={cancellationSchema}
      run={async (cancellation) => {
        const outcome = outcomeOf(await cancel({ id: requestId, cancellation }), (data) => data.cancelRequest);
        return outcome.ok ? null : outcome.failure;
      }}
    />
  );
}
