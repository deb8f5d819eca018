import { useQuery } from 'urql';
import { Route, Switch } from 'wouter';
import { useMessages } from '../i18n';
import { useUnreadCounts } from '../inbox/live';
import { inboxMessages } from '../inbox/messages';
import { routes } from '../links';
import { TranslatorJobPage } from '../translations/TranslatorJobPage';
import { Page } from '../ui/Page';
import { SectionNav } from '../ui/SectionNav';
import { LoadError, Loading } from '../ui/states';
import { AssignmentsPage } from './AssignmentsPage';
import { AvailabilitySection } from './AvailabilitySection';
import { BasicsSection } from './BasicsSection';
import { CertificatesSection } from './CertificatesSection';
import { DaysOffSection } from './DaysOffSection';
import { DeclinedOrganizations } from './DeclinedOrganizations';
import { ProfileQuery } from './documents';
import { HonorariaPage } from './HonorariaPage';
import { LanguagesSection } from './LanguagesSection';
import { volunteerMessages } from './messages';
import { OffersPage } from './OffersPage';
import { OpenBoardPage } from './OpenBoardPage';
import { PaperworkPage } from './PaperworkPage';
import { RegionsSection } from './RegionsSection';
import { StandingPanel } from './StandingPanel';
import { volunteerWorkMessages } from './workMessages';

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
          <DeclinedOrganizations />
        </div>
      ) : null}
    </Page>
  );
}

function VolunteerNav() {
  const t = useMessages(volunteerWorkMessages);
  const inbox = useMessages(inboxMessages);
  const counts = useUnreadCounts();
  return (
    <SectionNav
      label={t.navLabel}
      links={[
        { href: '/', label: t.sections.profile },
        {
          href: '/offers',
          label: t.sections.offers,
          badge: counts && { count: counts.offersWaiting, label: inbox.offersWaiting(counts.offersWaiting) },
        },
        { href: '/board', label: t.sections.board },
        { href: '/assignments', label: t.sections.assignments },
        { href: '/honoraria', label: t.sections.honoraria },
        { href: routes.paperwork, label: t.sections.paperwork },
      ]}
    />
  );
}

/** Volunteers, on a phone first: their profile, the offers to answer, the open board, their bookings and reports, their honoraria, their papers. */
export default function VolunteerPortal() {
  return (
    <>
      <VolunteerNav />
      <Switch>
        <Route path="/" component={ProfilePage} />
        <Route path="/offers" component={OffersPage} />
        <Route path="/board" component={OpenBoardPage} />
        <Route path="/assignments/:id/translation" component={TranslatorJobPage} />
        <Route path="/assignments/:id?" component={AssignmentsPage} />
        <Route path="/honoraria" component={HonorariaPage} />
        <Route path={routes.paperwork} component={PaperworkPage} />
      </Switch>
    </>
  );
}
