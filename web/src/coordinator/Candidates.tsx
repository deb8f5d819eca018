import { useMutation, useQuery } from 'urql';
import { ActionButton } from '../forms/ActionButton';
import { outcomeOf } from '../forms/failure';
import { graphql } from '../graphql';
import { useMessages } from '../i18n';
import { LoadError, Loading } from '../ui/states';
import { AssignVolunteerMutation, OfferToVolunteerMutation } from './dispatchDocuments';
import { dispatchConsoleMessages } from './dispatchMessages';
import { coordinatorMessages } from './messages';

const CandidatesQuery = graphql(`
  query Candidates($id: ID!) {
    node(id: $id) {
      __typename
      ... on Request {
        id
        candidates(limit: 20) {
          score
          reasons
          distanceKm
          booked
          offered
          canOffer
          canAssign
          volunteer {
            id
            fullName
          }
        }
      }
    }
  }
`);

interface Standing {
  booked: boolean;
  offered: boolean;
  canOffer: boolean;
  canAssign: boolean;
  volunteer: { id: string; fullName: string };
}

/**
 * Offer the request to one candidate, or book them outright, where the API says it can succeed (not
 * to the volunteer booked already, nor on a request that is full or closed); it says why if it cannot.
 */
function ByHand({ requestId, candidate }: { requestId: string; candidate: Standing }) {
  const t = useMessages(dispatchConsoleMessages);
  const [, offer] = useMutation(OfferToVolunteerMutation);
  const [, assign] = useMutation(AssignVolunteerMutation);
  const { volunteer } = candidate;
  const variables = { requestId, volunteerId: volunteer.id };
  if (candidate.booked) return <span className="status status-filled">{t.alreadyBooked}</span>;
  return (
    <div className="row-actions">
      {candidate.offered ? <span className="hint">{t.alreadyOffered}</span> : null}
      {candidate.canOffer ? (
        <ActionButton
          className="secondary"
          done={t.offered}
          run={async () => {
            const outcome = outcomeOf(await offer(variables), (result) => result.offerToVolunteer);
            return outcome.ok ? null : outcome.failure;
          }}
        >
          {t.offer}
          <span className="visually-hidden"> {volunteer.fullName}</span>
        </ActionButton>
      ) : null}
      {candidate.canAssign ? (
        <ActionButton
          className="secondary"
          done={t.assigned}
          run={async () => {
            const outcome = outcomeOf(await assign(variables), (result) => result.assignVolunteer);
            return outcome.ok ? null : outcome.failure;
          }}
        >
          {t.assign}
          <span className="visually-hidden"> {volunteer.fullName}</span>
        </ActionButton>
      ) : null}
    </div>
  );
}

/** Who can take the request, best first, each with why: a coordinator offers to or books any of them by hand. */
export function Candidates({ requestId }: { requestId: string }) {
  const t = useMessages(coordinatorMessages);
  const d = useMessages(dispatchConsoleMessages);
  const [{ data, fetching, error }, refresh] = useQuery({
    query: CandidatesQuery,
    variables: { id: requestId },
    requestPolicy: 'cache-and-network',
  });
  const candidates = data?.node?.__typename === 'Request' ? data.node.candidates : null;
  return (
    <section className="card" aria-labelledby="candidates-title">
      <h2 id="candidates-title">{t.candidatesTitle}</h2>
      <p className="hint">{t.candidatesIntro}</p>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {candidates && candidates.length === 0 ? <p className="empty">{t.noCandidates}</p> : null}
      {candidates && candidates.length > 0 ? (
        <div className="table-scroll">
          <table className="candidates">
            <thead>
              <tr>
                <th scope="col">{t.rank}</th>
                <th scope="col">{t.volunteer}</th>
                <th scope="col">{t.score}</th>
                <th scope="col">{t.distance}</th>
                <th scope="col">{t.reasons}</th>
                <th scope="col">{d.byHandTitle}</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((candidate, index) => (
                <tr key={candidate.volunteer.id}>
                  <td>{index + 1}</td>
                  <th scope="row">{candidate.volunteer.fullName}</th>
                  <td>{candidate.score.toFixed(0)}</td>
                  <td>{candidate.distanceKm === null ? '—' : t.km(candidate.distanceKm)}</td>
                  <td>{candidate.reasons}</td>
                  <td>
                    <ByHand requestId={requestId} candidate={candidate} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
