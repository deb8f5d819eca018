import { Route, Switch } from 'wouter';
import { useMessages } from '../i18n';
import { EditRequestPage } from '../requests/EditRequestPage';
import { RequestList } from '../requests/RequestList';
import { RequestPage } from '../requests/RequestPage';
import { Page } from '../ui/Page';
import { SectionNav } from '../ui/SectionNav';
import { Approvals } from './Approvals';
import { Candidates } from './Candidates';
import { DispatchPanel } from './DispatchPanel';
import { coordinatorMessages } from './messages';
import { Reconciliation } from './Reconciliation';
import { reportMessages } from './reportMessages';
import { Screening } from './Screening';
import { SupplyDemand } from './SupplyDemand';

function CoordinatorNav() {
  const t = useMessages(coordinatorMessages);
  const r = useMessages(reportMessages);
  return (
    <SectionNav
      label={t.boardTitle}
      links={[
        { href: '/', label: t.sections.board, alsoUnder: ['/requests'] },
        { href: '/escalations', label: t.sections.escalations },
        { href: '/approvals', label: t.sections.approvals },
        { href: '/reconciliation', label: r.sections.reconciliation },
        { href: '/supply-demand', label: r.sections.supplyDemand },
      ]}
    />
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

/** The requests nobody took after every wave of offers: a coordinator offers or assigns by hand. */
function Escalations() {
  const t = useMessages(coordinatorMessages);
  return (
    <Page title={t.escalationsTitle}>
      <p className="hint">{t.escalationsIntro}</p>
      <RequestList forCoordinator refreshSeconds={30} dispatchStage="escalated" emptyText={t.nothingEscalated} />
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
      <CoordinatorNav />
      <Switch>
        <Route path="/" component={Board} />
        <Route path="/escalations" component={Escalations} />
        <Route path="/approvals" component={Approvals} />
        <Route path="/reconciliation" component={Reconciliation} />
        <Route path="/supply-demand" component={SupplyDemand} />
        <Route path="/requests/:id/edit" component={EditRequestPage} />
        <Route path="/requests/:id">
          <RequestPage
            extra={(id) => (
              <>
                <Screening requestId={id} />
                <DispatchPanel requestId={id} />
                <Candidates requestId={id} />
              </>
            )}
          />
        </Route>
      </Switch>
    </>
  );
}
