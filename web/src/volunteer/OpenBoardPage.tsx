import { useMutation, useQuery } from 'urql';
import { WorkFacts } from '../dispatch/WorkSummary';
import { ActionButton } from '../forms/ActionButton';
import { ConfirmInPlace } from '../forms/ConfirmInPlace';
import { outcomeOf } from '../forms/failure';
import { useFormat, useMessages } from '../i18n';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import { ApplyToRequestMutation, OpenBoardQuery, WithdrawApplicationMutation } from './workDocuments';
import { volunteerWorkMessages } from './workMessages';

/**
 * Open requests that fit the volunteer, soonest first: applying puts them beside the coordinator's
 * candidates, and withdrawing takes them away again.
 */
export function OpenBoardPage() {
  const t = useMessages(volunteerWorkMessages);
  const format = useFormat();
  const [{ data, fetching, error }, refresh] = useQuery({ query: OpenBoardQuery, requestPolicy: 'cache-and-network' });
  const [, apply] = useMutation(ApplyToRequestMutation);
  const [, withdraw] = useMutation(WithdrawApplicationMutation);
  const entries = data?.openBoard ?? [];
  return (
    <Page title={t.boardTitle}>
      <p className="hint">{t.boardIntro}</p>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {data && entries.length === 0 ? (
        <Empty>
          <p>{t.noOpenRequests}</p>
        </Empty>
      ) : null}
      {entries.length > 0 ? (
        <ul className="work-list" aria-label={t.boardTitle}>
          {entries.map((entry) => (
            <li key={entry.request.requestId} className="card">
              <WorkFacts work={entry.request}>
                <p className="hint">
                  {t.fitsBecause} {entry.reasons}
                </p>
                {entry.request.answerBy ? <p>{t.answerNeededBy(format.day(entry.request.answerBy))}</p> : null}
              </WorkFacts>
              {entry.applied ? (
                <>
                  <p className="saved">{t.applied}</p>
                  <ConfirmInPlace
                    action={t.withdraw}
                    question={t.withdrawQuestion}
                    yes={t.yesWithdraw}
                    keep={t.keepApplication}
                    run={async () => {
                      const outcome = outcomeOf(
                        await withdraw({ requestId: entry.request.requestId }),
                        (result) => result.withdrawApplication,
                      );
                      return outcome.ok ? null : outcome.failure;
                    }}
                  />
                </>
              ) : (
                <ActionButton
                  done={t.applied}
                  run={async () => {
                    const outcome = outcomeOf(
                      await apply({ requestId: entry.request.requestId }),
                      (result) => result.applyToRequest,
                    );
                    return outcome.ok ? null : outcome.failure;
                  }}
                >
                  {t.apply}
                </ActionButton>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
