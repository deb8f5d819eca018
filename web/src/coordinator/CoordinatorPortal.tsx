import { Link, Route, Switch, useLocation } from 'wouter';
import { useMessages } from '../i18n';
import { EditRequestPage } from '../requests/EditRequestPage';
import { RequestList } from '../requests/RequestList';
import { RequestPage } from '../requests/RequestPage';
import { Page } from '../ui/Page';
import { Approvals } from './Approvals';
import { Candidates } from './Candidates';
import { coordinatorMessages } from './messages';
import { Reconciliation } from './Reconciliation';
import { reportMessages } from './reportMessages';
import { SupplyDemand } from './SupplyDemand';

function SectionNav() {
  const t = useMessages(coordinatorMessages);
  const r = useMessages(reportMessages);
  const [location] = useLocation();
  const links = [
    { href: '/', label: t.sections.board, current: location === '/' || location.startsWith('/requests') },
    { href: '/approvals', label: t.sections.approvals, current: location.startsWith('/approvals') },
    {
      href: '/reconciliation',
      label: r.sections.reconciliation,
      current: location.startsWith('/reconciliation'),
    },
    { href: '/supply-demand', label: r.sections.supplyDemand, current: location.startsWith('/supply-demand') },
  ];
  return (
    <nav className="section-nav" aria-label={t.boardTitle}>
      {links.map((link) => (
        <Link key={link.href} href={link.href} aria-current={link.current ? 'page' : undefined}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}

function Board() {
  const t = useMessages(coordinatorMessages);
  return (
    <Page title={t.boardTitle}>
      <p className="hint">{t.boardIntro}</p>
      <RequestList forCoordinator refreshSeconds={30} />
    </Page>
  );
}

/**
 * Coordinators: the dispatch board, a request with its ranked candidates, the approval queues, the
 * grant-tax reconciliation and supply and demand by language.
 */
export default function CoordinatorPortal() {
  return (
    <>
      <SectionNav />
      <Switch>
        <Route path="/" component={Board} />
        <Route path="/approvals" component={Approvals} />
        <Route path="/reconciliation" component={Reconciliation} />
        <Route path="/supply-demand" component={SupplyDemand} />
        <Route path="/requests/:id/edit" component={EditRequestPage} />
        <Route path="/requests/:id">
          <RequestPage extra={(id) => <Candidates requestId={id} />} />
        </Route>
      </Switch>
    </>
  );
}
