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
          volunteer {
            id
            fullName
          }
        }
      }
    }
  }
`);

/** Offer the request to one candidate, or book them outright: the API says at once if it cannot. */
function ByHand({ requestId, volunteer }: { requestId: string; volunteer: { id: string; fullName: string } }) {
  const t = useMessages(dispatchConsoleMessages);
  const [, offer] = useMutation(OfferToVolunteerMutation);
  const [, assign] = useMutation(AssignVolunteerMutation);
  const variables = { requestId, volunteerId: volunteer.id };
  return (
    <div className="row-actions">
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
                    <ByHand requestId={requestId} volunteer={candidate.volunteer} />
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
