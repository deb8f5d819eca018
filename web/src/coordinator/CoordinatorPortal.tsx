import { Route, Switch } from 'wouter';
import { useMessages } from '../i18n';
import { useUnreadCounts } from '../inbox/live';
import { inboxMessages } from '../inbox/messages';
import { InvoicesPage } from '../invoices/InvoicesPage';
import { invoiceMessages } from '../invoices/messages';
import { payoutRunMessages } from '../payouts/messages';
import { PayoutRunsPage } from '../payouts/PayoutRunsPage';
import { EditRequestPage } from '../requests/EditRequestPage';
import { RequestList } from '../requests/RequestList';
import { RequestPage } from '../requests/RequestPage';
import { taxMessages } from '../tax/messages';
import { TaxPage } from '../tax/TaxPage';
import { translationMessages } from '../translations/messages';
import { OverdueJobsPage } from '../translations/OverdueJobsPage';
import { ReviewLink, ReviewPage } from '../translations/ReviewPage';
import { Page } from '../ui/Page';
import { SectionNav } from '../ui/SectionNav';
import { Approvals } from './Approvals';
import { BansPage } from './Bans';
import { banMessages } from './banMessages';
import { CancellationReport } from './CancellationReport';
import { Candidates } from './Candidates';
import { DispatchPanel } from './DispatchPanel';
import { directoryMessages } from './directoryMessages';
import { ExpenseLines } from './ExpenseLines';
import { coordinatorMessages } from './messages';
import { OrganizationPage, OrganizationsPage } from './Organizations';
import { organizationMessages } from './organizationMessages';
import { Reconciliation } from './Reconciliation';
import { reportMessages } from './reportMessages';
import { Screening } from './Screening';
import { SupplyDemand } from './SupplyDemand';
import { VolunteerDirectoryPage } from './VolunteerDirectory';
import { VolunteerPaperworkPage } from './VolunteerPaperwork';

function CoordinatorNav() {
  const t = useMessages(coordinatorMessages);
  const r = useMessages(reportMessages);
  const o = useMessages(organizationMessages);
  const b = useMessages(banMessages);
  const v = useMessages(directoryMessages);
  const inbox = useMessages(inboxMessages);
  const invoices = useMessages(invoiceMessages);
  const tax = useMessages(taxMessages);
  const payouts = useMessages(payoutRunMessages);
  const translations = useMessages(translationMessages);
  const counts = useUnreadCounts();
  return (
    <SectionNav
      label={t.boardTitle}
      links={[
        {
          href: '/',
          label: t.sections.board,
          alsoUnder: ['/requests'],
          // Requests to screen wait on the board.
          badge: counts && { count: counts.approvalsWaiting, label: inbox.approvalsWaiting(counts.approvalsWaiting) },
        },
        {
          href: '/escalations',
          label: t.sections.escalations,
          badge: counts && { count: counts.escalations, label: inbox.escalations(counts.escalations) },
        },
        { href: '/overdue-translations', label: translations.overdueTitle },
        { href: '/approvals', label: t.sections.approvals },
        { href: '/reconciliation', label: r.sections.reconciliation },
        { href: '/invoices', label: invoices.section },
        { href: '/tax', label: tax.section },
        { href: '/payouts', label: payouts.section },
        { href: '/supply-demand', label: r.sections.supplyDemand },
        { href: '/cancellations', label: r.sections.cancellations },
        { href: '/volunteers', label: v.section },
        { href: '/organizations', label: o.section },
        { href: '/bans', label: b.section },
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
 * grant-tax reconciliation, supply and demand by language, the volunteer directory, the organizations and the bans.
 */
export default function CoordinatorPortal() {
  return (
    <>
      <CoordinatorNav />
      <Switch>
        <Route path="/" component={Board} />
        <Route path="/escalations" component={Escalations} />
        <Route path="/overdue-translations" component={OverdueJobsPage} />
        <Route path="/approvals" component={Approvals} />
        <Route path="/reconciliation" component={Reconciliation} />
        <Route path="/invoices" component={InvoicesPage} />
        <Route path="/tax" component={TaxPage} />
        <Route path="/payouts" component={PayoutRunsPage} />
        <Route path="/supply-demand" component={SupplyDemand} />
        <Route path="/cancellations" component={CancellationReport} />
        <Route path="/volunteers" component={VolunteerDirectoryPage} />
        <Route path="/volunteers/:id" component={VolunteerPaperworkPage} />
        <Route path="/organizations" component={OrganizationsPage} />
        <Route path="/organizations/:id" component={OrganizationPage} />
        <Route path="/bans" component={BansPage} />
        <Route path="/requests/:id/edit" component={EditRequestPage} />
        <Route path="/requests/:id/translation" component={ReviewPage} />
        <Route path="/requests/:id">
          <RequestPage
            extra={(id) => (
              <>
                <Screening requestId={id} />
                <ReviewLink requestId={id} />
                <DispatchPanel requestId={id} />
                <ExpenseLines requestId={id} />
                <Candidates requestId={id} />
              </>
            )}
          />
        </Route>
      </Switch>
    </>
  );
}
