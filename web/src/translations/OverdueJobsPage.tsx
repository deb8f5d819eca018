import { useQuery } from 'urql';
import { Link } from 'wouter';
import { useFormat, useMessages } from '../i18n';
import { useRefreshOnInboxChange } from '../inbox/live';
import { useLocalName } from '../pickers/names';
import { requestPath } from '../requests/ids';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import { OverdueTranslationJobsQuery } from './documents';
import { translationMessages } from './messages';

/**
 * The coordinators' list of translation jobs past their deadline with nothing submitted, oldest
 * first; it follows the coordinator's inbox, which each overdue escalation reaches.
 */
export function OverdueJobsPage() {
  const t = useMessages(translationMessages);
  const format = useFormat();
  const localName = useLocalName();
  const [{ data, fetching, error }, refresh] = useQuery({
    query: OverdueTranslationJobsQuery,
    requestPolicy: 'cache-and-network',
  });
  useRefreshOnInboxChange(() => refresh({ requestPolicy: 'network-only' }));
  const jobs = data?.overdueTranslationJobs ?? [];
  return (
    <Page title={t.overdueTitle}>
      <p className="hint">{t.overdueIntro}</p>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {data && jobs.length === 0 ? <Empty>{t.noOverdue}</Empty> : null}
      {jobs.length > 0 ? (
        <ul className="work-list">
          {jobs.map((job) => (
            <li key={job.storedId} className="card overdue-job">
              <h2 className="work-title">
                {localName(job.request.language)} ↔ {localName(job.request.pairLanguage)} ·{' '}
                {job.request.organization.name}
              </h2>
              <dl className="facts">
                <div>
                  <dt>{t.deadline}</dt>
                  <dd>{job.deadline ? format.dateTime(job.deadline) : ''}</dd>
                </div>
                {job.overdueAt ? (
                  <div>
                    <dt>{t.overdueSince}</dt>
                    <dd>{format.dateTime(job.overdueAt)}</dd>
                  </div>
                ) : null}
              </dl>
              <Link href={requestPath(job.request.id)}>{t.openRequest}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
