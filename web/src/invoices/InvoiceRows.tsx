import type { ReactNode } from 'react';
import { type FragmentOf, graphql, readFragment } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import { moneyMessages } from '../money';
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
  const m = useMessages(moneyMessages);
  const format = useFormat();
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t.number}</th>
            <th scope="col">{t.organization}</th>
            <th scope="col">{t.billedMonth}</th>
            <th scope="col">{t.issueDate}</th>
            <th scope="col" className="number">
              {t.total}
            </th>
            <th scope="col" className="number">
              {t.tax}
            </th>
            <th scope="col">{t.status}</th>
            <th scope="col">
              <span className="visually-hidden">{t.download}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((fragment) => {
            const invoice = readFragment(InvoiceFields, fragment);
            return (
              <tr key={invoice.id}>
                <th scope="row">
                  {invoice.number}
                  {invoice.corrects ? <span className="hint"> ({t.corrects(invoice.corrects.number)})</span> : null}
                </th>
                <td>{invoice.recipientName}</td>
                <td>{t.monthLabel(invoice.month)}</td>
                <td>{format.day(invoice.issueDate)}</td>
                <td className="number">{m.yen(invoice.totalYen)}</td>
                <td className="number">{m.yen(invoice.taxYen)}</td>
                <td>{t.statusLabels[invoice.status]}</td>
                <td className="row-actions">
                  <a className="button" href={invoice.downloadUrl} download={invoice.fileName}>
                    {t.download}
                  </a>
                  {actions?.(invoice)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
