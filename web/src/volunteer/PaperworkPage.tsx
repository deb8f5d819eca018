import { useQuery } from 'urql';
import { graphql } from '../graphql';
import { useMessages } from '../i18n';
import { paperworkMessages } from '../paperwork/messages';
import { PaperworkFields, PaperworkStanding } from '../paperwork/PaperworkStanding';
import { Page } from '../ui/Page';
import { LoadError, Loading } from '../ui/states';
import { volunteerMessages } from './messages';

const MyPaperworkQuery = graphql(
  `
    query MyPaperwork {
      myVolunteerProfile {
        id
        ...PaperworkFields
      }
    }
  `,
  [PaperworkFields],
);

/** The volunteer's own papers, on a phone first: what is in order, what ends when, and what to do. */
export function PaperworkPage() {
  const t = useMessages(paperworkMessages);
  const v = useMessages(volunteerMessages);
  const [{ data, fetching, error }, refresh] = useQuery({
    query: MyPaperworkQuery,
    requestPolicy: 'cache-and-network',
  });
  const profile = data?.myVolunteerProfile;
  return (
    <Page title={t.title}>
      <p className="hint">{t.reminderNote}</p>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {data && !profile ? <p className="notice notice-problem">{v.notVolunteer}</p> : null}
      {profile ? (
        <section className="card">
          <PaperworkStanding volunteer={profile} audience="volunteer" />
        </section>
      ) : null}
    </Page>
  );
}
