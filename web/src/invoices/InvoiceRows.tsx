import { Fragment, type ReactNode } from 'react';
import { type FragmentOf, graphql, readFragment } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import { FiguresTable } from '../ui/FiguresTable';
import { invoiceMessages } from './messages';

export const InvoiceFields = graphql(`
  fragment InvoiceFields on Invoice {
    id
    number
    issueDate
    month
    status
    recipientName
    totalYen
    taxYen
    downloadUrl
    fileName
    corrects {
      number
    }
  }
`);

/** Invoices as a table, each with its PDF and, for coordinators, what they may do with it. */
export function InvoiceRows({
  invoices,
  actions,
}: {
  invoices: ReadonlyArray<FragmentOf<typeof InvoiceFields>>;
  actions?: (invoice: { id: string; status: string }) => ReactNode;
}) {
  const t = useMessages(invoiceMessages);
  const format = useFormat();
  return (
    <FiguresTable
      head={t.number}
      columns={[
        { label: t.organization },
        { label: t.billedMonth },
        { label: t.issueDate },
        { label: t.total, figures: true },
        { label: t.tax, figures: true },
        { label: t.status },
        { label: t.download, actions: true },
      ]}
      rows={invoices.map((fragment) => {
        const invoice = readFragment(InvoiceFields, fragment);
        return {
          key: invoice.id,
          head: (
            <>
              {invoice.number}
              {invoice.corrects ? <span className="hint"> ({t.corrects(invoice.corrects.number)})</span> : null}
            </>
          ),
          cells: [
            invoice.recipientName,
            t.monthLabel(invoice.month),
            format.day(invoice.issueDate),
            { yen: invoice.totalYen },
            { yen: invoice.taxYen },
            t.statusLabels[invoice.status],
            <Fragment key="actions">
              <a className="button" href={invoice.downloadUrl} download={invoice.fileName}>
                {t.download}
              </a>
              {actions?.(invoice)}
            </Fragment>,
          ],
        };
      })}
    />
  );
}
