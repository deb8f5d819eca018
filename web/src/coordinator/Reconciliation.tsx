import { useState } from 'react';
import { useQuery } from 'urql';
import { FailureNotice } from '../forms/FailureNotice';
import { ErrorFields, type Failure, fromTypedError } from '../forms/failure';
import { graphql, type ResultOf } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import { useLocalName } from '../pickers/names';
import { LoadMore } from '../ui/LoadMore';
import { Empty, LoadError, Loading } from '../ui/states';
import { ClosePeriod } from './ClosePeriod';
import { ExportPanel } from './ExportPanel';
import { Bar, FiscalYearReportPage } from './figures';
import { ReopenPeriod } from './ReopenPeriod';
import { reportMessages } from './reportMessages';

const ReconciliationQuery = graphql(
  `
    query Reconciliation($associationId: ID!, $fiscalYear: Int!) {
      reconciliation(associationId: $associationId, fiscalYear: $fiscalYear) {
        __typename
        ... on QueryReconciliationSuccess {
          data {
            fiscalYear
            rows {
              bearingGovernment {
                code
                nameJa
                nameEn
                kind
              }
              grantTaxCategory
              grantTaxCategoryName
              eligibility
              flagReason
              totalYen
              lines
              dispatches
              hours
              languages
              byKind {
                kind
                amountYen
              }
              byStatus {
                status
                amountYen
              }
            }
            anomalies {
              kind
              line {
                id
                activityDate
                amountYen
                kind
                status
                grantTaxCategory
              }
            }
            anomaliesTruncated
            closedPeriods {
              fiscalYear
              month
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const ExpenseLinesQuery = graphql(`
  query ReconciliationLines(
    $associationId: ID!
    $fiscalYear: Int!
    $bearingGovernmentCode: String!
    $grantTaxCategory: String!
    $after: String
  ) {
    expenseLines(
      associationId: $associationId
      fiscalYear: $fiscalYear
      bearingGovernmentCode: $bearingGovernmentCode
      grantTaxCategory: $grantTaxCategory
      first: 50
      after: $after
    ) {
      nodes {
        id
        activityDate
        kind
        status
        amountYen
        note
        language {
          code
          nameJa
          nameEn
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type Report = Extract<
  ResultOf<typeof ReconciliationQuery>['reconciliation'],
  { __typename: 'QueryReconciliationSuccess' }
>['data'];
type Row = Report['rows'][number];
type Amounts = Pick<Row, 'totalYen' | 'lines' | 'dispatches' | 'hours' | 'byKind' | 'byStatus' | 'languages'>;

/** The sums of some rows, as the API sums the rows into its totals (a dispatch in two categories counts in each). */
function sumOf(rows: readonly Row[]): Amounts {
  const byKind = new Map<Row['byKind'][number]['kind'], number>();
  const byStatus = new Map<Row['byStatus'][number]['status'], number>();
  for (const row of rows) {
    for (const { kind, amountYen } of row.byKind) byKind.set(kind, (byKind.get(kind) ?? 0) + amountYen);
    for (const { status, amountYen } of row.byStatus) byStatus.set(status, (byStatus.get(status) ?? 0) + amountYen);
  }
  return {
    totalYen: rows.reduce((sum, row) => sum + row.totalYen, 0),
    lines: rows.reduce((sum, row) => sum + row.lines, 0),
    dispatches: rows.reduce((sum, row) => sum + row.dispatches, 0),
    hours: rows.reduce((sum, row) => sum + row.hours, 0),
    languages: [...new Set(rows.flatMap((row) => row.languages))],
    byKind: [...byKind].map(([kind, amountYen]) => ({ kind, amountYen })),
    byStatus: [...byStatus].map(([status, amountYen]) => ({ status, amountYen })),
  };
}

/** Yen amounts, each with its bar; a table is what screen readers read, the bars are for the eye. */
function AmountBars({
  title,
  amounts,
}: {
  title: string;
  amounts: ReadonlyArray<{ key: string; label: string; amountYen: number }>;
}) {
  const t = useMessages(reportMessages);
  const max = Math.max(0, ...amounts.map((amount) => amount.amountYen));
  return (
    <table className="bars">
      <caption>{title}</caption>
      <tbody>
        {amounts.map((amount) => (
          <tr key={amount.key}>
            <th scope="row">{amount.label}</th>
            <td className="number">{t.yen(amount.amountYen)}</td>
            <td className="bar-cell">
              <Bar value={amount.amountYen} max={max} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Totals({ amounts }: { amounts: Amounts }) {
  const t = useMessages(reportMessages);
  const figures = [
    { label: t.totalYen, value: t.yen(amounts.totalYen) },
    { label: t.lines, value: String(amounts.lines) },
    { label: t.dispatches, value: String(amounts.dispatches) },
    { label: t.hours, value: t.hoursValue(amounts.hours) },
    { label: t.languagesCount, value: String(amounts.languages.length) },
  ];
  return (
    <section className="card" aria-labelledby="totals-title">
      <h2 id="totals-title">{t.totalsTitle}</h2>
      <dl className="figures">
        {figures.map((figure) => (
          <div key={figure.label}>
            <dt>{figure.label}</dt>
            <dd>{figure.value}</dd>
          </div>
        ))}
      </dl>
      <div className="figure-columns">
        <AmountBars
          title={t.byKindTitle}
          amounts={amounts.byKind.map(({ kind, amountYen }) => ({ key: kind, label: t.kindLabels[kind], amountYen }))}
        />
        <AmountBars
          title={t.byStatusTitle}
          amounts={amounts.byStatus.map(({ status, amountYen }) => ({
            key: status,
            label: t.statusLabels[status],
            amountYen,
          }))}
        />
      </div>
    </section>
  );
}

/** The expense lines behind one total, fifty at a time. */
function LinesBehind({ associationId, fiscalYear, row }: { associationId: string; fiscalYear: number; row: Row }) {
  const t = useMessages(reportMessages);
  const format = useFormat();
  const localName = useLocalName();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refresh] = useQuery({
    query: ExpenseLinesQuery,
    variables: {
      associationId,
      fiscalYear,
      bearingGovernmentCode: row.bearingGovernment.code,
      grantTaxCategory: row.grantTaxCategory,
      after,
    },
  });
  const lines = data?.expenseLines.nodes ?? [];
  const titleId = `lines-${row.bearingGovernment.code}-${row.grantTaxCategory}`;
  return (
    <section className="drill-down" aria-labelledby={titleId}>
      <h3 id={titleId}>{t.linesOf(localName(row.bearingGovernment), row.grantTaxCategoryName)}</h3>
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {lines.length > 0 ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.activityDate}</th>
                <th scope="col">{t.kind}</th>
                <th scope="col">{t.language}</th>
                <th scope="col">{t.status}</th>
                <th scope="col" className="number">
                  {t.amount}
                </th>
                <th scope="col">{t.note}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.id}>
                  <td>{format.day(line.activityDate)}</td>
                  <td>{t.kindLabels[line.kind]}</td>
                  <td>{localName(line.language)}</td>
                  <td>{t.statusLabels[line.status]}</td>
                  <td className="number">{t.yen(line.amountYen)}</td>
                  <td>{line.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="hint" role="status">
        {t.linesShown(lines.length, row.lines)}
      </p>
      {fetching ? <Loading /> : null}
      <LoadMore pageInfo={data?.expenseLines.pageInfo} fetching={fetching} onMore={setAfter} />
    </section>
  );
}

function GovernmentRows({
  associationId,
  fiscalYear,
  rows,
}: {
  associationId: string;
  fiscalYear: number;
  rows: readonly Row[];
}) {
  const t = useMessages(reportMessages);
  const localName = useLocalName();
  const [open, setOpen] = useState<string | null>(null);
  const max = Math.max(0, ...rows.map((row) => row.totalYen));
  const keyOf = (row: Row) => `${row.bearingGovernment.code}:${row.grantTaxCategory}`;
  const opened = rows.find((row) => keyOf(row) === open);
  return (
    <section className="card" aria-labelledby="by-government-title">
      <h2 id="by-government-title">{t.byGovernmentTitle}</h2>
      <div className="table-scroll">
        <table className="bars">
          <caption className="visually-hidden">{t.byGovernmentChart}</caption>
          <thead>
            <tr>
              <th scope="col">{t.bearingGovernment}</th>
              <th scope="col">{t.category}</th>
              <th scope="col">{t.eligibility}</th>
              <th scope="col" className="number">
                {t.totalYen}
              </th>
              <th scope="col" className="bar-cell">
                <span className="visually-hidden">{t.byGovernmentChart}</span>
              </th>
              <th scope="col" className="number">
                {t.lines}
              </th>
              <th scope="col" className="number">
                {t.dispatches}
              </th>
              <th scope="col" className="number">
                {t.hours}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t.showLines}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const key = keyOf(row);
              const isOpen = key === open;
              return (
                <tr key={key} className={isOpen ? 'selected' : undefined}>
                  <th scope="row">{localName(row.bearingGovernment)}</th>
                  <td>
                    {row.grantTaxCategory} {row.grantTaxCategoryName}
                  </td>
                  <td title={row.flagReason ?? undefined}>
                    {t.eligibilityLabels[row.eligibility]}
                    {row.flagReason ? <span className="hint"> ({row.flagReason})</span> : null}
                  </td>
                  <td className="number">{t.yen(row.totalYen)}</td>
                  <td className="bar-cell">
                    <Bar value={row.totalYen} max={max} tone={row.eligibility === 'flagged' ? 'problem' : undefined} />
                  </td>
                  <td className="number">{row.lines}</td>
                  <td className="number">{row.dispatches}</td>
                  <td className="number">{row.hours.toFixed(1)}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={isOpen}
                      onClick={() => setOpen(isOpen ? null : key)}
                    >
                      {isOpen ? t.hideLines : t.showLines}
                      <span className="visually-hidden">
                        {' '}
                        {localName(row.bearingGovernment)} {row.grantTaxCategoryName}
                      </span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {opened ? <LinesBehind key={open} associationId={associationId} fiscalYear={fiscalYear} row={opened} /> : null}
    </section>
  );
}

/**
 * The lines the API flags, for the whole year: the query is at the API's depth limit, so a line's
 * bearing government is read from its drill-down, not here.
 */
function Anomalies({ report }: { report: Report }) {
  const t = useMessages(reportMessages);
  const format = useFormat();
  const anomalies = report.anomalies;
  return (
    <section className="card" aria-labelledby="anomalies-title">
      <h2 id="anomalies-title">{t.anomaliesTitle}</h2>
      {anomalies.length === 0 ? <Empty>{t.noAnomalies}</Empty> : null}
      {report.anomaliesTruncated ? <p className="notice notice-warn">{t.anomaliesTruncated}</p> : null}
      {anomalies.length > 0 ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.kind}</th>
                <th scope="col">{t.activityDate}</th>
                <th scope="col">{t.category}</th>
                <th scope="col">{t.status}</th>
                <th scope="col" className="number">
                  {t.amount}
                </th>
              </tr>
            </thead>
            <tbody>
              {anomalies.map((anomaly) => (
                <tr key={`${anomaly.kind}:${anomaly.line.id}`}>
                  <th scope="row">{t.anomalyLabels[anomaly.kind]}</th>
                  <td>{format.day(anomaly.line.activityDate)}</td>
                  <td>{anomaly.line.grantTaxCategory}</td>
                  <td>{t.statusLabels[anomaly.line.status]}</td>
                  <td className="number">{t.yen(anomaly.line.amountYen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** The governments a report has rows for, once each, in the report's order. */
function governmentsOf(report: Report): Row['bearingGovernment'][] {
  const seen = new Map<string, Row['bearingGovernment']>();
  for (const row of report.rows) seen.set(row.bearingGovernment.code, row.bearingGovernment);
  return [...seen.values()];
}

function ReportOf({ associationId, fiscalYear }: { associationId: string; fiscalYear: number }) {
  const t = useMessages(reportMessages);
  const localName = useLocalName();
  const [governmentCode, setGovernmentCode] = useState('');
  const [{ data, fetching, error }, refresh] = useQuery({
    query: ReconciliationQuery,
    variables: { associationId, fiscalYear },
    requestPolicy: 'cache-and-network',
  });
  const answer = data?.reconciliation;
  const failure: Failure | null =
    answer && answer.__typename !== 'QueryReconciliationSuccess' ? fromTypedError(answer) : null;
  const report = answer?.__typename === 'QueryReconciliationSuccess' ? answer.data : null;
  const reload = () => refresh({ requestPolicy: 'network-only' });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <LoadError error={error} retry={reload} />;
  if (!report) return <FailureNotice failure={failure} />;
  const governments = governmentsOf(report);
  const rows = governmentCode
    ? report.rows.filter((row) => row.bearingGovernment.code === governmentCode)
    : report.rows;
  const closed = report.closedPeriods.map((period) =>
    period.month === null ? t.wholeYear : t.monthName(period.month),
  );
  return (
    <>
      {governments.length > 0 ? (
        <div className="filters">
          <label>
            {t.bearingGovernment}
            <select value={governmentCode} onChange={(event) => setGovernmentCode(event.target.value)}>
              <option value="">{t.allGovernments}</option>
              {governments.map((government) => (
                <option key={government.code} value={government.code}>
                  {localName(government)}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
      {closed.length > 0 ? <p className="hint">{t.closedPeriods(closed.join('、'))}</p> : null}
      <Totals amounts={sumOf(rows)} />
      {rows.length === 0 ? (
        <Empty>{t.noLines}</Empty>
      ) : (
        <GovernmentRows associationId={associationId} fiscalYear={fiscalYear} rows={rows} />
      )}
      <Anomalies report={report} />
      <ExportPanel
        associationId={associationId}
        fiscalYear={fiscalYear}
        bearingGovernmentCode={governmentCode || null}
      />
      <ClosePeriod
        associationId={associationId}
        fiscalYear={fiscalYear}
        closedPeriods={report.closedPeriods}
        onClosed={reload}
      />
      <ReopenPeriod
        associationId={associationId}
        fiscalYear={fiscalYear}
        closedPeriods={report.closedPeriods}
        onReopened={reload}
      />
    </>
  );
}

/** Coordinators: a fiscal year's expenses per bearing local government and grant-tax category, to reconcile and export. */
export function Reconciliation() {
  const t = useMessages(reportMessages);
  return <FiscalYearReportPage title={t.reconciliationTitle} intro={t.reconciliationIntro} report={ReportOf} />;
}
