import { useMutation, useQuery } from 'urql';
import { ActionButton } from '../forms/ActionButton';
import { outcomeOf } from '../forms/failure';
import { graphql } from '../graphql';
import { useFormat, useMessages } from '../i18n';
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
        heldBackCandidates(limit: 20) {
          score
          heldBecause
          volunteer {
            id
            fullName
          }
        }
        applicants {
          note
          appliedAt
          volunteer {
            id
            fullName
          }
          candidate {
            score
          }
        }
      }
    }
  }
`);

type Applicant = {
  note: string | null;
  appliedAt: string;
  volunteer: { id: string; fullName: string };
  candidate: { score: number } | null;
};

/**
 * Who applied from the open board, first come first. They asked for the work already, so picking one
 * books them at once (no offer to wait for); the API refuses if they no longer fit.
 */
function Applicants({ requestId, applicants }: { requestId: string; applicants: readonly Applicant[] }) {
  const t = useMessages(dispatchConsoleMessages);
  const format = useFormat();
  const [, assign] = useMutation(AssignVolunteerMutation);
  return (
    <section className="card" aria-labelledby="applicants-title">
      <h2 id="applicants-title">{t.applicantsTitle}</h2>
      <p className="hint">{t.applicantsIntro}</p>
      {applicants.length === 0 ? <p className="empty">{t.noApplicants}</p> : null}
      {applicants.length > 0 ? (
        <div className="table-scroll">
          <table className="applicants">
            <thead>
              <tr>
                <th scope="col">{t.volunteer}</th>
                <th scope="col">{t.appliedAt}</th>
                <th scope="col">{t.note}</th>
                <th scope="col">{t.fit}</th>
                <th scope="col">{t.pick}</th>
              </tr>
            </thead>
            <tbody>
              {applicants.map((applicant) => (
                <tr key={applicant.volunteer.id}>
                  <th scope="row">{applicant.volunteer.fullName}</th>
                  <td>{format.dateTime(applicant.appliedAt)}</td>
                  <td>{applicant.note ?? '—'}</td>
                  <td>{applicant.candidate ? t.fitsNow(applicant.candidate.score.toFixed(0)) : t.noLongerFits}</td>
                  <td>
                    <ActionButton
                      className="secondary"
                      done={t.picked}
                      run={async () => {
                        const outcome = outcomeOf(
                          await assign({ requestId, volunteerId: applicant.volunteer.id }),
                          (result) => result.assignVolunteer,
                        );
                        return outcome.ok ? null : outcome.failure;
                      }}
                    >
                      {t.pick}
                      <span className="visually-hidden"> {applicant.volunteer.fullName}</span>
                    </ActionButton>
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

type HeldBack = { score: number; heldBecause: readonly string[]; volunteer: { id: string; fullName: string } };

/**
 * Who would be a candidate but for lapsed or missing papers, marked and with why: nothing to do
 * here but renew the papers (the API refuses an offer or an assignment to them).
 */
function HeldBackCandidates({ heldBack }: { heldBack: readonly HeldBack[] }) {
  const t = useMessages(coordinatorMessages);
  return (
    <section className="card" aria-labelledby="held-back-title">
      <h2 id="held-back-title">{t.heldBackTitle}</h2>
      <p className="hint">{t.heldBackIntro}</p>
      <div className="table-scroll">
        <table className="held-back">
          <thead>
            <tr>
              <th scope="col">{t.volunteer}</th>
              <th scope="col">{t.score}</th>
              <th scope="col">{t.heldBecause}</th>
            </tr>
          </thead>
          <tbody>
            {heldBack.map((held) => (
              <tr key={held.volunteer.id}>
                <th scope="row">
                  {held.volunteer.fullName} <span className="status status-held-back">{t.heldBackMark}</span>
                </th>
                <td>{held.score.toFixed(0)}</td>
                <td>
                  {held.heldBecause.map((why) => (
                    <p key={why}>{why}</p>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * Who applied, and who can take the request, best first, each with why: a coordinator picks an
 * applicant, or offers to or books any candidate by hand. Those held back for their papers are
 * listed apart, marked, with why.
 */
export function Candidates({ requestId }: { requestId: string }) {
  const t = useMessages(coordinatorMessages);
  const d = useMessages(dispatchConsoleMessages);
  const [{ data, fetching, error }, refresh] = useQuery({
    query: CandidatesQuery,
    variables: { id: requestId },
    requestPolicy: 'cache-and-network',
  });
  const candidates = data?.node?.__typename === 'Request' ? data.node.candidates : null;
  const applicants = data?.node?.__typename === 'Request' ? data.node.applicants : null;
  const heldBack = data?.node?.__typename === 'Request' ? data.node.heldBackCandidates : null;
  return (
    <>
      {applicants ? <Applicants requestId={requestId} applicants={applicants} /> : null}
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
      {heldBack && heldBack.length > 0 ? <HeldBackCandidates heldBack={heldBack} /> : null}
    </>
  );
}
