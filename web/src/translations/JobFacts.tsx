import { endedTranslationJobStates } from '@tsunagu/domain';
import type { ResultOf } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import { Fact } from '../ui/Facts';
import type { TranslationJobFields } from './documents';
import { translationMessages } from './messages';

export type TranslationJob = ResultOf<typeof TranslationJobFields>;

/** Revisions the requester may still ask for, by the policy the job was booked under. */
export const roundsLeft = (job: Pick<TranslationJob, 'roundsUsed' | 'roundsAllowed'>) =>
  Math.max(0, job.roundsAllowed - job.roundsUsed);

/**
 * Where the job stands and by when (a date with its year, in Japan time; left out where the page
 * says it already), and the rounds left while a revision may still be asked for.
 */
export function JobFacts({ job, deadline = true }: { job: TranslationJob; deadline?: boolean }) {
  const t = useMessages(translationMessages);
  const format = useFormat();
  const left = roundsLeft(job);
  // Once accepted or ended, no revision can be asked for: the rounds are no longer news.
  const reviewable = !(job.state === 'accepted' || endedTranslationJobStates.has(job.state));
  return (
    <>
      <dl className="facts">
        <Fact label={t.state}>
          <span className={`status status-translation-${job.state}`} data-testid="translation-state">
            {t.states[job.state]}
          </span>
        </Fact>
        {deadline ? <Fact label={t.deadline}>{job.deadline ? format.dateTime(job.deadline) : null}</Fact> : null}
      </dl>
      {reviewable ? (
        <p className="hint" data-testid="rounds-left">
          {left > 0 ? t.roundsLeft(left, job.roundsAllowed) : t.noRoundsLeft(job.roundsAllowed)}
        </p>
      ) : null}
    </>
  );
}

/** The requester's verdicts, oldest first: what to revise, in their words. */
export function JobReviews({ job }: { job: TranslationJob }) {
  const t = useMessages(translationMessages);
  const format = useFormat();
  if (job.reviews.length === 0) return null;
  return (
    <section aria-labelledby="translation-reviews">
      <h2 id="translation-reviews">{t.reviewsTitle}</h2>
      <ol className="reviews">
        {job.reviews.map((review) => (
          <li key={review.round} data-testid="translation-review">
            <p>
              <strong>
                {t.round(review.round)} · {review.decision === 'accepted' ? t.acceptedDecision : t.revisionAsked}
              </strong>{' '}
              <span className="hint">{format.dateTime(review.reviewedAt)}</span>
            </p>
            {review.comment ? <p className="review-comment">{review.comment}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
