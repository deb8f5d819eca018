import { Link, Route, Switch } from 'wouter';
import { useMessages } from '../i18n';
import { Bookings } from '../requests/Bookings';
import { EditRequestPage } from '../requests/EditRequestPage';
import { requestMessages } from '../requests/messages';
import { RequestList } from '../requests/RequestList';
import { RequestPage } from '../requests/RequestPage';
import { Flash } from '../ui/flash';
import { Page } from '../ui/Page';
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

/** Requesting staff of a public body: their organization's requests, filing, changing and cancelling. */
export default function RequesterPortal() {
  return (
    <Switch>
      <Route path="/" component={MyRequests} />
      <Route path="/new" component={NewRequestPage} />
      <Route path="/requests/:id/edit" component={EditRequestPage} />
      <Route path="/requests/:id">
        <RequestPage extra={(id) => <Bookings requestId={id} />} />
      </Route>
    </Switch>
  );
}
