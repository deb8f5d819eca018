import { useQuery } from 'urql';
import { Route, Switch } from 'wouter';
import { useMessages } from '../i18n';
import { Page } from '../ui/Page';
import { LoadError, Loading } from '../ui/states';
import { AvailabilitySection } from './AvailabilitySection';
import { BasicsSection } from './BasicsSection';
import { CertificatesSection } from './CertificatesSection';
import { DaysOffSection } from './DaysOffSection';
import { ProfileQuery } from './documents';
import { LanguagesSection } from './LanguagesSection';
import { volunteerMessages } from './messages';
import { RegionsSection } from './RegionsSection';
import { StandingPanel } from './StandingPanel';

/** The volunteer's own profile, one section at a time, for a phone first. */
function ProfilePage() {
  const t = useMessages(volunteerMessages);
  const [{ data, fetching, error }, refresh] = useQuery({ query: ProfileQuery });
  const profile = data?.myVolunteerProfile;
  return (
    <Page title={t.profileTitle}>
      <p>{t.intro}</p>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {data && !profile ? <p className="notice notice-problem">{t.notVolunteer}</p> : null}
      {profile ? (
        <div className="profile">
          <StandingPanel volunteer={profile} />
          <BasicsSection volunteer={profile} />
          <LanguagesSection volunteer={profile} />
          <AvailabilitySection volunteer={profile} />
          <DaysOffSection volunteer={profile} />
          <RegionsSection volunteer={profile} />
          <CertificatesSection volunteer={profile} />
        </div>
      ) : null}
    </Page>
  );
}

/** Volunteers: their profile now; offers, the open board and reports come with the dispatch API. */
export default function VolunteerPortal() {
  return (
    <Switch>
      <Route path="/" component={ProfilePage} />
    </Switch>
  );
}
