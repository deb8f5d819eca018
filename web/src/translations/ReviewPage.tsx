import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link, useParams } from 'wouter';
import { DocumentList } from '../documents/DocumentList';
import { ActionButton } from '../forms/ActionButton';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { type Failure, outcomeOf } from '../forms/failure';
import { useMessages } from '../i18n';
import { useRefreshOnInboxChange } from '../inbox/live';
import { common } from '../messages';
import { idFromPath, requestPath } from '../requests/ids';
import { Page } from '../ui/Page';
import { LoadError, Loading } from '../ui/states';
import { ChangeProposal } from './ChangeProposal';
import { AcceptTranslationMutation, AskForRevisionMutation, ReviewQuery } from './documents';
import { JobFacts, JobReviews, roundsLeft, type TranslationJob } from './JobFacts';
import { translationMessages } from './messages';

/** A comment for the translator, checked by the API (it says what is missing in the reader's words). */
function RevisionForm({ job }: { job: TranslationJob }) {
  const t = useMessages(translationMessages);
  const [, ask] = useMutation(AskForRevisionMutation);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  async function send(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = outcomeOf(await ask({ requestId: job.requestId, comment }), (result) => result.askForRevision);
    setBusy(false);
    setFailure(outcome.ok ? null : outcome.failure);
    if (outcome.ok) setComment('');
  }
  return (
    <form className="revision-form" onSubmit={send} noValidate>
      <FailureNotice failure={failure} labels={{ comment: t.comment }} />
      <Field
        name="comment"
        label={t.comment}
        hint={t.commentHint}
        errors={problemsFor(failure, 'comment')}
        counter={{ value: comment, max: 2000 }}
      >
        {(control) => (
          <textarea {...control} rows={4} value={comment} onChange={(event) => setComment(event.target.value)} />
        )}
      </Field>
      <button type="submit" className="secondary" disabled={busy}>
        {t.askRevision}
      </button>
    </form>
  );
}

/**
 * The requester's (or a coordinator's) review of a translation: the submitted version to download,
 * then accept it, or ask for a revision with a comment while the policy's rounds last.
 */
export function ReviewPage() {
  const t = useMessages(translationMessages);
  const c = useMessages(common);
  const params = useParams<{ id: string }>();
  const id = idFromPath(params.id);
  const [{ data, fetching, error }, refresh] = useQuery({ query: ReviewQuery, variables: { id } });
  // The translator's answer (a submitted version, a change accepted or declined) comes as a message: the page reads the job again.
  useRefreshOnInboxChange(() => refresh({ requestPolicy: 'network-only' }));
  const [, accept] = useMutation(AcceptTranslationMutation);
  const request = data?.node?.__typename === 'Request' ? data.node : null;
  const job = request?.translationJob ?? null;
  const submitted = job?.state === 'submitted' ? job.submittedVersion : null;
  return (
    <Page title={t.reviewTitle} actions={<Link href={requestPath(id)}>{c.back}</Link>}>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {data && !request ? <p className="notice notice-problem">{c.notFound}</p> : null}
      {request && !job ? <p className="hint">{t.noJob}</p> : null}
      {job ? (
        <div className="translation-review">
          <section className="card">
            <JobFacts job={job} />
            {submitted ? (
              <p>
                <a className="button" href={submitted.downloadUrl} download data-testid="submitted-download">
                  {t.downloadSubmitted(submitted.version)}
                </a>
              </p>
            ) : job.state === 'accepted' || job.state === 'done' ? (
              <p className="notice notice-ok">{t.acceptDone}</p>
            ) : job.state === 'revision_asked' ? (
              // The form goes with the submitted version: what was done is said here.
              <p role="status">{t.revisionSent}</p>
            ) : (
              <p className="hint">{t.nothingSubmitted}</p>
            )}
            {submitted ? (
              <ActionButton
                done={t.acceptDone}
                run={async () => {
                  const outcome = outcomeOf(
                    await accept({ requestId: job.requestId }),
                    (result) => result.acceptTranslation,
                  );
                  return outcome.ok ? null : outcome.failure;
                }}
              >
                {t.accept}
              </ActionButton>
            ) : null}
          </section>
          {submitted && roundsLeft(job) > 0 ? <RevisionForm job={job} /> : null}
          <JobReviews job={job} />
          <section aria-labelledby="translation-versions">
            <h2 id="translation-versions">{t.versionsTitle}</h2>
            {job.versions.length === 0 ? (
              <p className="hint">{t.noVersions}</p>
            ) : (
              <DocumentList documents={job.versions} />
            )}
          </section>
          <ChangeProposal job={job} />
        </div>
      ) : null}
    </Page>
  );
}

/** On the request's page: the way to the review, once a translator is booked. */
export function ReviewLink({ requestId }: { requestId: string }) {
  const t = useMessages(translationMessages);
  const [{ data }] = useQuery({ query: ReviewQuery, variables: { id: requestId } });
  const request = data?.node?.__typename === 'Request' ? data.node : null;
  const job = request?.translationJob;
  if (!job) return null;
  return (
    <p className="card translation-link">
      <span className={`status status-translation-${job.state}`}>{t.states[job.state]}</span>{' '}
      <Link className="button" href={`${requestPath(requestId)}/translation`}>
        {job.state === 'submitted' ? t.reviewLink : t.jobLink}
      </Link>
    </p>
  );
}
