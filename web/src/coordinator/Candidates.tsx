import { useQuery } from 'urql';
import { graphql } from '../graphql';
import { useMessages } from '../i18n';
import { LoadError, Loading } from '../ui/states';
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

/** Who can take the request, best first, each with why: what a coordinator offers from. */
export function Candidates({ requestId }: { requestId: string }) {
  const t = useMessages(coordinatorMessages);
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="hint">{t.offerLater}</p>
    </section>
  );
}
