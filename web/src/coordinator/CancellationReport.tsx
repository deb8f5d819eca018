import { cancellationReasonWords, withdrawalReasonWords } from '@tsunagu/domain';
import { useQuery } from 'urql';
import { graphql } from '../graphql';
import { useLocale, useMessages } from '../i18n';
import { Empty, LoadError, Loading } from '../ui/states';
import { FiscalYearReportPage } from './figures';
import { reportMessages } from './reportMessages';

const CancellationReportQuery = graphql(`
  query CancellationReport($associationId: ID!, $fiscalYear: Int!) {
    cancellationReport(associationId: $associationId, fiscalYear: $fiscalYear) {
      organizationName
      kind
      reason
      count
    }
  }
`);

/** A CSV cell, quoted when it must be (Excel reads the UTF-8 byte-order mark). */
const cell = (value: string | number) => {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

function Table({ associationId, fiscalYear }: { associationId: string; fiscalYear: number }) {
  const t = useMessages(reportMessages);
  const { locale } = useLocale();
  const [{ data, fetching, error }, refresh] = useQuery({
    query: CancellationReportQuery,
    variables: { associationId, fiscalYear },
    requestPolicy: 'cache-and-network',
  });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} />;
  const reasonOf = (kind: string, reason: string) => {
    const words =
      kind === 'volunteer_withdrew'
        ? withdrawalReasonWords[reason as keyof typeof withdrawalReasonWords]
        : cancellationReasonWords[reason as keyof typeof cancellationReasonWords];
    return words?.[locale] ?? reason;
  };
  const rows = (data?.cancellationReport ?? []).map((row) => ({
    organization: row.organizationName,
    kind: t.kinds[row.kind],
    reason: reasonOf(row.kind, row.reason),
    count: row.count,
  }));
  if (rows.length === 0) return <Empty>{t.noCancellations}</Empty>;
  const csv = `\uFEFF${[
    [t.organization, t.cancellationKind, t.reason, t.count],
    ...rows.map((row) => [row.organization, row.kind, row.reason, row.count]),
  ]
    .map((line) => line.map(cell).join(','))
    .join('\r\n')}\r\n`;
  return (
    <section className="card" aria-labelledby="cancellations-title">
      <h2 id="cancellations-title">{t.cancellationsTitle}</h2>
      <p>
        <a
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`}
          download={`cancellations-FY${fiscalYear}.csv`}
        >
          {t.downloadCsv}
        </a>
      </p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.organization}</th>
              <th scope="col">{t.cancellationKind}</th>
              <th scope="col">{t.reason}</th>
              <th scope="col" className="number">
                {t.count}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.organization}:${row.kind}:${row.reason}`}>
                <th scope="row">{row.organization}</th>
                <td>{row.kind}</td>
                <td>{row.reason}</td>
                <td className="number">{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Coordinators: why requests were cancelled and bookings ended, per organization, over a fiscal year. */
export function CancellationReport() {
  const t = useMessages(reportMessages);
  return <FiscalYearReportPage title={t.cancellationsTitle} intro={t.cancellationsIntro} report={Table} />;
}
