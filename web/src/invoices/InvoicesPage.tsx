import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useChosenAssociation } from '../coordinator/figures';
import { FailureNotice } from '../forms/FailureNotice';
import { ErrorFields, type Failure, fromTypedError, outcomeOf } from '../forms/failure';
import { graphql } from '../graphql';
import { useLocale, useMessages } from '../i18n';
import { AssociationSelect } from '../ui/AssociationSelect';
import { FiguresTable } from '../ui/FiguresTable';
import { choosableMonths, lastMonth, monthName } from '../ui/months';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import { InvoiceFields, InvoiceRows } from './InvoiceRows';
import { invoiceMessages } from './messages';

const MonthInvoicesQuery = graphql(
  `
    query MonthInvoices($associationId: ID!, $month: String!) {
      pendingInvoices(associationId: $associationId, month: $month) {
        __typename
        ... on QueryPendingInvoicesSuccess {
          data {
            organization {
              id
              name
            }
            assignmentId
            lines
            totalYen
            taxYen
          }
        }
        ...ErrorFields
      }
      invoices(associationId: $associationId, month: $month, first: 100) {
        nodes {
          ...InvoiceFields
        }
      }
    }
  `,
  [ErrorFields, InvoiceFields],
);

const IssueInvoiceMutation = graphql(
  `
    mutation IssueInvoice($input: IssueInvoiceInput!) {
      issueInvoice(input: $input) {
        __typename
        ... on MutationIssueInvoiceSuccess {
          data {
            id
            number
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const MarkPaidMutation = graphql(
  `
    mutation MarkInvoicePaid($invoiceId: ID!) {
      markInvoicePaid(invoiceId: $invoiceId) {
        __typename
        ... on MutationMarkInvoicePaidSuccess {
          data {
            id
            number
            status
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const ReissueMutation = graphql(
  `
    mutation ReissueInvoice($invoiceId: ID!) {
      reissueInvoice(invoiceId: $invoiceId) {
        __typename
        ... on MutationReissueInvoiceSuccess {
          data {
            id
            number
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

function MonthOf({ associationId, month }: { associationId: string; month: string }) {
  const t = useMessages(invoiceMessages);
  const [{ data, fetching, error }, refresh] = useQuery({
    query: MonthInvoicesQuery,
    variables: { associationId, month },
    requestPolicy: 'cache-and-network',
  });
  const [, issue] = useMutation(IssueInvoiceMutation);
  const [, markPaid] = useMutation(MarkPaidMutation);
  const [, reissue] = useMutation(ReissueMutation);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reload = () => refresh({ requestPolicy: 'network-only' });

  /** Runs one action; an issue or a reissue says which number it took. */
  async function act(
    run: () => Promise<{ ok: true; data: { number: string } } | { ok: false; failure: Failure }>,
    issues = true,
  ) {
    setBusy(true);
    setFailure(null);
    setDone(null);
    const outcome = await run();
    setBusy(false);
    if (!outcome.ok) setFailure(outcome.failure);
    else if (issues) setDone(t.issued(outcome.data.number));
    reload();
  }

  if (fetching && !data) return <Loading />;
  if (error && !data) return <LoadError error={error} retry={reload} />;
  const answer = data?.pendingInvoices;
  const pending = answer?.__typename === 'QueryPendingInvoicesSuccess' ? answer.data : [];
  const loadFailure = answer && answer.__typename !== 'QueryPendingInvoicesSuccess' ? fromTypedError(answer) : null;
  const invoices = data?.invoices.nodes ?? [];
  return (
    <>
      <FailureNotice failure={failure ?? loadFailure} />
      {done ? (
        <p className="notice" role="status">
          {done}
        </p>
      ) : null}
      <section className="card" aria-labelledby="pending-invoices-title">
        <h2 id="pending-invoices-title">{t.pendingTitle}</h2>
        {pending.length === 0 ? (
          <Empty>{t.nothingPending}</Empty>
        ) : (
          <FiguresTable
            head={t.organization}
            columns={[
              { label: t.lines, figures: true },
              { label: t.total, figures: true },
              { label: t.tax, figures: true },
              { label: t.issue, actions: true },
            ]}
            rows={pending.map((entry) => ({
              key: `${entry.organization.id}/${entry.assignmentId ?? ''}`,
              head: entry.organization.name,
              cells: [
                { count: entry.lines },
                { yen: entry.totalYen },
                { yen: entry.taxYen },
                <button
                  key="issue"
                  type="button"
                  disabled={busy}
                  onClick={() =>
                    act(async () =>
                      outcomeOf(
                        await issue({
                          input: {
                            associationId,
                            organizationId: entry.organization.id,
                            month,
                            assignmentId: entry.assignmentId,
                          },
                        }),
                        (result) => result.issueInvoice,
                      ),
                    )
                  }
                >
                  {t.issue}
                </button>,
              ],
            }))}
          />
        )}
      </section>
      <section className="card" aria-labelledby="issued-invoices-title">
        <h2 id="issued-invoices-title">{t.issuedTitle}</h2>
        {invoices.length === 0 ? (
          <Empty>{t.noneIssued}</Empty>
        ) : (
          <InvoiceRows
            invoices={invoices}
            actions={(invoice) =>
              invoice.status === 'issued' ? (
                <>
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={() =>
                      act(
                        async () =>
                          outcomeOf(await markPaid({ invoiceId: invoice.id }), (result) => result.markInvoicePaid),
                        false,
                      )
                    }
                  >
                    {t.markPaid}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={() =>
                      act(async () =>
                        outcomeOf(await reissue({ invoiceId: invoice.id }), (result) => result.reissueInvoice),
                      )
                    }
                  >
                    {t.reissue}
                  </button>
                </>
              ) : null
            }
          />
        )}
      </section>
    </>
  );
}

/** Coordinators: a month's invoices to the requesting organizations, to issue, mark paid, correct and download. */
export function InvoicesPage() {
  const t = useMessages(invoiceMessages);
  const { associations, associationId, choose, loaded, fetching, error, refresh } = useChosenAssociation();
  const [month, setMonth] = useState(lastMonth);
  const { locale } = useLocale();
  return (
    <Page title={t.coordinatorTitle}>
      <p className="hint">{t.coordinatorIntro}</p>
      {fetching && !loaded ? <Loading /> : null}
      {error && !loaded ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      <div className="filters">
        <AssociationSelect associations={associations} value={associationId} onChange={choose} />
        <label>
          {t.month}
          <select value={month} onChange={(event) => setMonth(event.target.value)}>
            {choosableMonths().map((choice) => (
              <option key={choice} value={choice}>
                {monthName(choice, locale)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {associationId ? <MonthOf key={`${associationId}:${month}`} associationId={associationId} month={month} /> : null}
    </Page>
  );
}
