import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { Countdown } from '../dispatch/Countdown';
import { type WorkFields, WorkSummary } from '../dispatch/WorkSummary';
import { FailureNotice } from '../forms/FailureNotice';
import { type Failure, outcomeOf } from '../forms/failure';
import type { FragmentOf, ResultOf } from '../graphql';
import { useMessages } from '../i18n';
import { useRefreshOnInboxChange } from '../inbox/live';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import { AcceptOfferMutation, DeclineOfferMutation, MyOffersQuery } from './workDocuments';
import { volunteerWorkMessages } from './workMessages';

type Offer = ResultOf<typeof MyOffersQuery>['myOffers']['nodes'][number];
type AcceptResult = 'won' | 'taken' | 'expired' | 'busy' | 'closed';
/** What became of an answered offer: it leaves the list, and this stays to say why. */
type Answer = { offerId: string; work: FragmentOf<typeof WorkFields> } & (
  | { kind: 'accepted'; result: AcceptResult }
  | { kind: 'declined' }
);

function AnswerNotice({ answer }: { answer: Answer }) {
  const t = useMessages(volunteerWorkMessages);
  const ref = useRef<HTMLDivElement>(null);
  // The buttons pressed are gone with the offer: the keyboard lands on what happened.
  useEffect(() => ref.current?.focus(), []);
  const won = answer.kind === 'accepted' && answer.result === 'won';
  return (
    <div ref={ref} tabIndex={-1} role="status" className={won ? 'notice notice-ok' : 'notice notice-warn'}>
      <p className="answer-title">
        <strong>{answer.kind === 'declined' ? t.declined : t.acceptResults[answer.result]}</strong>
      </p>
      <WorkSummary request={answer.work} />
      {won ? (
        <p>
          <Link href="/assignments">{t.seeAssignments}</Link>
        </p>
      ) : null}
    </div>
  );
}

function OfferCard({ offer, onAnswered }: { offer: Offer; onAnswered(answer: Answer): void }) {
  const t = useMessages(volunteerWorkMessages);
  const [accepting, accept] = useMutation(AcceptOfferMutation);
  const [declining, decline] = useMutation(DeclineOfferMutation);
  const [failure, setFailure] = useState<Failure | null>(null);
  const busy = accepting.fetching || declining.fetching;

  async function onAccept() {
    const outcome = outcomeOf(await accept({ offerId: offer.id }), (data) => data.acceptOffer);
    setFailure(outcome.ok ? null : outcome.failure);
    if (outcome.ok)
      onAnswered({ offerId: offer.id, work: offer.request, kind: 'accepted', result: outcome.data.outcome });
  }
  async function onDecline() {
    const outcome = outcomeOf(await decline({ offerId: offer.id }), (data) => data.declineOffer);
    setFailure(outcome.ok ? null : outcome.failure);
    if (outcome.ok) onAnswered({ offerId: offer.id, work: offer.request, kind: 'declined' });
  }

  return (
    <li className="card offer">
      <WorkSummary request={offer.request}>
        <Countdown until={offer.deadline} />
      </WorkSummary>
      <FailureNotice failure={failure} />
      <div className="offer-actions">
        <button type="button" disabled={busy} onClick={onAccept}>
          {accepting.fetching ? t.accepting : t.accept}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onDecline}>
          {t.decline}
        </button>
      </div>
    </li>
  );
}

/** The offers waiting for the volunteer's answer, the soonest deadline first, each with its countdown. */
export function OffersPage() {
  const t = useMessages(volunteerWorkMessages);
  const [{ data, fetching, error }, refresh] = useQuery({ query: MyOffersQuery, requestPolicy: 'cache-and-network' });
  const [answers, setAnswers] = useState<Answer[]>([]);
  // New offers arrive while the page is open: the live unread counts (the inbox's subscription over
  // server-sent events) change when one comes or goes, and the page asks again then.
  useRefreshOnInboxChange(() => refresh({ requestPolicy: 'network-only' }));
  const answered = new Set(answers.map((answer) => answer.offerId));
  const offers = (data?.myOffers.nodes ?? []).filter((offer) => offer.status === 'offered' && !answered.has(offer.id));
  return (
    <Page title={t.offersTitle}>
      <p className="hint">{t.offersIntro}</p>
      {answers.map((answer) => (
        <AnswerNotice key={answer.offerId} answer={answer} />
      ))}
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {data && offers.length === 0 ? (
        <Empty>
          <p>{t.noOffers}</p>
          <Link href="/board">{t.seeOpenBoard}</Link>
        </Empty>
      ) : null}
      {offers.length > 0 ? (
        <ul className="work-list" aria-label={t.offersTitle}>
          {offers.map((offer) => (
            <OfferCard
              key={offer.id}
              offer={offer}
              onAnswered={(answer) => setAnswers((previous) => [answer, ...previous])}
            />
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
