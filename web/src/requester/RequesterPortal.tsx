import { Link, Route, Switch } from 'wouter';
import { useMessages } from '../i18n';
import { MyInvoicesPage } from '../invoices/MyInvoicesPage';
import { invoiceMessages } from '../invoices/messages';
import { Bookings } from '../requests/Bookings';
import { costMessages } from '../requests/costMessages';
import { EditRequestPage } from '../requests/EditRequestPage';
import { requestMessages } from '../requests/messages';
import { RequestCosts } from '../requests/RequestCosts';
import { RequestList } from '../requests/RequestList';
import { RequestPage } from '../requests/RequestPage';
import { ReviewLink, ReviewPage } from '../translations/ReviewPage';
import { Flash } from '../ui/flash';
import { Page } from '../ui/Page';
import { SectionNav } from '../ui/SectionNav';
import { CostsPage } from './CostsPage';
import { DeclinedVolunteersPage } from './DeclinedVolunteersPage';
import { declinedVolunteerMessages } from './declineMessages';
import { NewRequestPage } from './NewRequestPage';

function MyRequests() {
  const t = useMessages(requestMessages);
  return (
    <Page
      title={t.listTitle}
      actions={
        <Link className="button" href="/new">
          {t.newRequest}
        </Link>
      }
    >
      <Flash />
      <RequestList />
    </Page>
  );
}

function RequesterNav() {
  const t = useMessages(costMessages);
  const d = useMessages(declinedVolunteerMessages);
  const i = useMessages(invoiceMessages);
  return (
    <SectionNav
      label={t.nav}
      links={[
        { href: '/', label: t.sections.requests, alsoUnder: ['/new', '/requests'] },
        { href: '/costs', label: t.sections.costs },
        { href: '/invoices', label: i.section },
        { href: '/declined-volunteers', label: d.section },
      ]}
    />
  );
}

/** Requesting staff of a public body: their organization's requests, filing, changing and cancelling, their costs, and the volunteers they declined. */
export default function RequesterPortal() {
  return (
    <>
      <RequesterNav />
      <Switch>
        <Route path="/" component={MyRequests} />
        <Route path="/new" component={NewRequestPage} />
        <Route path="/costs" component={CostsPage} />
        <Route path="/invoices" component={MyInvoicesPage} />
        <Route path="/declined-volunteers" component={DeclinedVolunteersPage} />
        <Route path="/requests/:id/edit" component={EditRequestPage} />
        <Route path="/requests/:id/translation" component={ReviewPage} />
        <Route path="/requests/:id">
          <RequestPage
            extra={(id) => (
              <>
                <ReviewLink requestId={id} />
                <Bookings requestId={id} />
                <RequestCosts requestId={id} />
              </>
            )}
          />
        </Route>
      </Switch>
    </>
  );
}
