import { isWithTranslator, withdrawalReasonWords, wordsIn } from '@tsunagu/domain';
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link, useParams } from 'wouter';
import { WorkSummary } from '../dispatch/WorkSummary';
import { DocumentList } from '../documents/DocumentList';
import { DocumentUpload } from '../documents/DocumentUpload';
import { ActionButton } from '../forms/ActionButton';
import { outcomeOf } from '../forms/failure';
import { ReasonInPlace } from '../forms/ReasonInPlace';
import { withdrawalSchema } from '../forms/rules';
import { useLocale, useMessages } from '../i18n';
import { useRefreshOnInboxChange } from '../inbox/live';
import { common } from '../messages';
import { idFromPath } from '../requests/ids';
import { Page } from '../ui/Page';
import { LoadError, Loading } from '../ui/states';
import { ChangeAnswer } from './ChangeAnswer';
import { GiveBackTranslationMutation, SubmitTranslationMutation, TranslatorJobQuery } from './documents';
import { JobFacts, JobReviews, type TranslationJob } from './JobFacts';
import { translationMessages } from './messages';

/** What the translator is told about where the job stands, beside its state. */
function StandingNotice({ job }: { job: TranslationJob }) {
  const t = useMessages(translationMessages);
  const text =
    job.state === 'submitted'
      ? t.awaitingReview
      : job.state === 'accepted' || job.state === 'done'
        ? t.accepted
        : job.state === 'given_back' || job.state === 'released'
          ? t.ended
          : job.state === 'overdue'
            ? t.overdueNotice
            : null;
  if (!text) return null;
  return <p className={job.state === 'overdue' ? 'notice notice-warn' : 'notice'}>{text}</p>;
}

/**
 * The booked translator's job, on a phone first: what to translate and into what, by when, where
 * it stands and what the requester said; the upload of a version, the versions, the submission,
 * and giving the job back with a reason.
 */
export function TranslatorJobPage() {
  const t = useMessages(translationMessages);
  const c = useMessages(common);
  const { locale } = useLocale();
  const params = useParams<{ id: string }>();
  const id = idFromPath(params.id, 'Assignment');
  const [{ data, fetching, error }, refresh] = useQuery({ query: TranslatorJobQuery, variables: { id } });
  const [, submit] = useMutation(SubmitTranslationMutation);
  const [, giveBack] = useMutation(GiveBackTranslationMutation);
  const reload = () => refresh({ requestPolicy: 'network-only' });
  // A proposed change or a review comes as a message: the page reads the job again.
  useRefreshOnInboxChange(reload);
  const node = data?.node?.__typename === 'Assignment' ? data.node : null;
  const job = node?.translationJob ?? null;
  const [downloads, setDownloads] = useState(0);
  // The first download of the source moves the job on once the API has sent it: read the job
  // again (a few times, for a large file) until the page no longer says "booked".
  useEffect(() => {
    if (downloads === 0 || job?.state !== 'booked') return;
    const timers = [500, 1500, 4000, 10_000].map((ms) =>
      setTimeout(() => refresh({ requestPolicy: 'network-only' }), ms),
    );
    return () => timers.forEach(clearTimeout);
  }, [downloads, job?.state, refresh]);
  const newest = job?.versions.at(-1) ?? null;
  // While the work is with the translator they upload, submit or give it back; an upload (and so a
  // submission) waits for the source to be downloaded, which the API would refuse otherwise.
  const open = job !== null && isWithTranslator(job.state);
  const mayUpload = open && job.state !== 'booked';
  return (
    <Page title={t.jobTitle} actions={<Link href="/assignments">{t.backToBookings}</Link>}>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={reload} /> : null}
      {data && !job ? <p className="notice notice-problem">{c.notFound}</p> : null}
      {node && job ? (
        <div className="translation-job">
          <section className="card">
            {/* The summary's heading says by when: the facts below leave the deadline out. */}
            <WorkSummary request={node.request} headingLevel={2}>
              <JobFacts job={job} deadline={false} />
            </WorkSummary>
            <StandingNotice job={job} />
          </section>
          <ChangeAnswer job={job} />
          <JobReviews job={job} />
          <section aria-labelledby="translation-sources">
            <h2 id="translation-sources">{t.sourcesTitle}</h2>
            {job.sources.length === 0 ? (
              <p className="hint">{t.noSources}</p>
            ) : (
              <DocumentList documents={job.sources} onDownload={() => setDownloads((count) => count + 1)} />
            )}
          </section>
          <section aria-labelledby="translation-versions">
            <h2 id="translation-versions">{t.versionsTitle}</h2>
            {job.versions.length === 0 ? (
              <p className="hint">{t.noVersions}</p>
            ) : (
              <DocumentList documents={job.versions} />
            )}
            {job.submittedVersion ? (
              <p className="hint" data-testid="submitted-version">
                {t.submittedMark}: {t.version(job.submittedVersion.version)}
              </p>
            ) : null}
            {mayUpload && newest && newest.id !== job.submittedVersion?.id ? (
              <ActionButton
                done={t.submitted}
                run={async () => {
                  const outcome = outcomeOf(
                    await submit({ requestId: job.requestId, documentId: newest.id }),
                    (result) => result.submitTranslation,
                  );
                  return outcome.ok ? null : outcome.failure;
                }}
              >
                {t.submit(newest.version)}
              </ActionButton>
            ) : null}
          </section>
          {open ? (
            <section aria-labelledby="translation-upload">
              <h2 id="translation-upload">{t.uploadTitle}</h2>
              {mayUpload ? (
                <>
                  <p className="hint">{t.uploadHint}</p>
                  <DocumentUpload documentRole="translation" requestId={job.requestId} onUploaded={reload} />
                </>
              ) : (
                <p className="hint" data-testid="upload-after-download">
                  {t.uploadAfterDownload}
                </p>
              )}
            </section>
          ) : null}
          {open ? (
            <ReasonInPlace
              action={t.giveBack}
              question={t.giveBackQuestion}
              yes={t.yesGiveBack}
              keep={t.keepJob}
              reasons={wordsIn(withdrawalReasonWords, locale)}
              schema={withdrawalSchema}
              run={async (cancellation) => {
                const outcome = outcomeOf(
                  await giveBack({ requestId: job.requestId, cancellation }),
                  (result) => result.giveBackTranslation,
                );
                return outcome.ok ? null : outcome.failure;
              }}
            />
          ) : null}
          {job.state === 'given_back' ? <p role="status">{t.givenBack}</p> : null}
        </div>
      ) : null}
    </Page>
  );
}
