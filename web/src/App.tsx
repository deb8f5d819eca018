import { lazy, type ReactNode, Suspense } from 'react';
import { Link, Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { useMessages } from './i18n';
import { authPaths, forwards } from './links';
import { common } from './messages';
import { landingOf, type Role, useSession, type Viewer } from './session';
import { Layout } from './ui/Layout';
import { Page } from './ui/Page';
import { Loading } from './ui/states';

// Each portal is its own chunk, loaded when first opened: the first load stays small.
const AuthPages = lazy(() => import('./auth/AuthPages'));
const RequesterPortal = lazy(() => import('./requester/RequesterPortal'));
const VolunteerPortal = lazy(() => import('./volunteer/VolunteerPortal'));
const CoordinatorPortal = lazy(() => import('./coordinator/CoordinatorPortal'));
const AdminPortal = lazy(() => import('./admin/AdminPortal'));
const InboxPage = lazy(() => import('./inbox/InboxPage'));

/** A page for a role the signed-in person does not have: say so, and lead to their own. */
function NotAllowed({ viewer }: { viewer: Viewer }) {
  const t = useMessages(common);
  return (
    <Page title={t.notAllowedTitle}>
      <p>{t.notAllowedBody}</p>
      <p>
        <Link href={landingOf(viewer)}>{t.goToMyPage}</Link>
      </p>
    </Page>
  );
}

/** Signed-out visitors go to sign-in (and come back afterwards); others need the portal's role. */
function RoleGate({ needs, children }: { needs: Role; children: ReactNode }) {
  const { viewer } = useSession();
  const [location] = useLocation();
  const search = useSearch();
  if (!viewer) {
    const next = encodeURIComponent(`${location}${search ? `?${search}` : ''}`);
    return <Redirect to={`/sign-in?next=${next}`} replace />;
  }
  if (!viewer.roles?.includes(needs)) return <NotAllowed viewer={viewer} />;
  return children;
}

function Forward({ portals }: { portals: Role[] }) {
  const { viewer } = useSession();
  const [location] = useLocation();
  const search = useSearch();
  const t = useMessages(common);
  const rest = `${location}${search ? `?${search}` : ''}`;
  if (!viewer) return <Redirect to={`/sign-in?next=${encodeURIComponent(rest)}`} replace />;
  const open = portals.filter((portal) => viewer.roles?.includes(portal));
  const [only] = open;
  if (open.length === 1 && only) return <Redirect to={`/${only}${rest}`} replace />;
  if (open.length === 0) {
    return <NotAllowed viewer={viewer} />;
  }
  return (
    <Page title={t.openInWhichPortal}>
      <ul>
        {open.map((portal) => (
          <li key={portal}>
            <Link href={`/${portal}${rest}`}>{t.portals[portal]}</Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}

/** Pages of everyone signed in, whatever their role: signed-out visitors sign in first and come back. */
function SignedInGate({ children }: { children: ReactNode }) {
  const { viewer } = useSession();
  const [location] = useLocation();
  if (!viewer) return <Redirect to={`/sign-in?next=${encodeURIComponent(location)}`} replace />;
  return children;
}

function Home() {
  const { viewer } = useSession();
  return <Redirect to={viewer ? landingOf(viewer) : '/sign-in'} replace />;
}

function NoRole() {
  const t = useMessages(common);
  return (
    <Page title={t.noRoleTitle}>
      <p>{t.noRoleBody}</p>
    </Page>
  );
}

function NotFound() {
  const t = useMessages(common);
  const { viewer } = useSession();
  return (
    <Page title={t.notFoundTitle}>
      <p>
        <Link href={viewer ? landingOf(viewer) : '/sign-in'}>{t.goToMyPage}</Link>
      </p>
    </Page>
  );
}

export function App() {
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Switch>
          {authPaths.map((path) => (
            <Route key={path} path={path}>
              <AuthPages />
            </Route>
          ))}
          <Route path="/requester" nest>
            <RoleGate needs="requester">
              <RequesterPortal />
            </RoleGate>
          </Route>
          <Route path="/volunteer" nest>
            <RoleGate needs="volunteer">
              <VolunteerPortal />
            </RoleGate>
          </Route>
          <Route path="/coordinator" nest>
            <RoleGate needs="coordinator">
              <CoordinatorPortal />
            </RoleGate>
          </Route>
          <Route path="/admin" nest>
            <RoleGate needs="admin">
              <AdminPortal />
            </RoleGate>
          </Route>
          <Route path="/inbox">
            <SignedInGate>
              <InboxPage />
            </SignedInGate>
          </Route>
          {forwards.map(({ path, portals }) => (
            <Route key={path} path={path}>
              <Forward portals={portals} />
            </Route>
          ))}
          <Route path="/no-role" component={NoRole} />
          <Route path="/" component={Home} />
          <Route component={NotFound} />
        </Switch>
      </Suspense>
    </Layout>
  );
}
