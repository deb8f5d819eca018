import { useQuery } from 'urql';
import { graphql } from '../graphql';
import { useMessages } from '../i18n';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import { InvoiceFields, InvoiceRows } from './InvoiceRows';
import { invoiceMessages } from './messages';

const MyInvoicesQuery = graphql(
  `
    query MyInvoices {
      invoices(first: 100) {
        nodes {
          ...InvoiceFields
        }
      }
    }
  `,
  [InvoiceFields],
);

/** Requesting staff: the invoices the association sent their office, newest first, each a PDF to download. */
export function MyInvoicesPage() {
  const t = useMessages(invoiceMessages);
  const [{ data, fetching, error }, refresh] = useQuery({ query: MyInvoicesQuery, requestPolicy: 'cache-and-network' });
  const invoices = data?.invoices.nodes ?? [];
  return (
    <Page title={t.requesterTitle}>
      <p className="hint">{t.requesterIntro}</p>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {data && invoices.length === 0 ? <Empty>{t.noInvoices}</Empty> : null}
      {invoices.length > 0 ? (
        <section className="card">
          <InvoiceRows invoices={invoices} />
        </section>
      ) : null}
    </Page>
  );
}
