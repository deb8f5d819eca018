import { useState } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { graphql } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import { enumLabels } from '../labels';
import { moneyMessages } from '../money';
import { useLocalName } from '../pickers/names';
import { costMessages } from '../requests/costMessages';
import { requestPath } from '../requests/ids';
import { ShareFigures } from '../requests/RequestCosts';
import { currentFiscalYear, FiscalYearSelect } from '../ui/FiscalYearSelect';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';

const OrganizationCostsQuery = graphql(`
  query OrganizationCosts($fiscalYear: Int!) {
    organizationCosts(fiscalYear: $fiscalYear) {
      fiscalYear
      totals {
        totalYen
        requesterYen
        associationYen
        personServedYen
      }
      months {
        month
        totalYen
        requesterYen
        associationYen
        personServedYen
      }
      requests {
        request {
          id
          modality
          language {
            code
            nameJa
            nameEn
          }
        }
        firstDate
        lines
        totalYen
        requesterYen
        associationYen
        personServedYen
      }
    }
  }
`);

/** The amount columns of both tables: the office's share first, the person served's only when the year has one. */
function useShareColumns(withPersonServed: boolean) {
  const t = useMessages(costMessages);
  const m = useMessages(moneyMessages);
  const headers = (
    <>
      <th scope="col" className="number own-share">
        {t.yourShare}
      </th>
      <th scope="col" className="number">
        {t.associationShare}
      </th>
      {withPersonServed ? (
        <th scope="col" className="number">
          {t.personServedShare}
        </th>
      ) : null}
      <th scope="col" className="number">
        {t.total}
      </th>
    </>
  );
  const cells = (shares: {
    totalYen: number;
    requesterYen: number;
    associationYen: number;
    personServedYen: number;
  }) => (
    <>
      <td className="number own-share">{m.yen(shares.requesterYen)}</td>
      <td className="number">{m.yen(shares.associationYen)}</td>
      {withPersonServed ? <td className="number">{m.yen(shares.personServedYen)}</td> : null}
      <td className="number">{m.yen(shares.totalYen)}</td>
    </>
  );
  return { headers, cells };
}

function YearCosts({ fiscalYear }: { fiscalYear: number }) {
  const t = useMessages(costMessages);
  const labels = useMessages(enumLabels);
  const format = useFormat();
  const localName = useLocalName();
  const [{ data, fetching, error }, refresh] = useQuery({
    query: OrganizationCostsQuery,
    variables: { fiscalYear },
    requestPolicy: 'cache-and-network',
  });
  const year = data?.organizationCosts;
  const columns = useShareColumns((year?.totals.personServedYen ?? 0) !== 0);
  if (fetching && !data) return <Loading />;
  if (error && !data) return <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} />;
  if (!year) return null;
  if (year.requests.length === 0) return <Empty>{t.noYearCosts}</Empty>;
  return (
    <>
      <section className="card" aria-labelledby="year-totals-title">
        <h2 id="year-totals-title">{t.total}</h2>
        <ShareFigures shares={year.totals} />
      </section>
      <section className="card" aria-labelledby="by-month-title">
        <h2 id="by-month-title">{t.byMonthTitle}</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.month}</th>
                {columns.headers}
              </tr>
            </thead>
            <tbody>
              {year.months.map((month) => (
                <tr key={month.month}>
                  <th scope="row">{t.monthLabel(month.month)}</th>
                  {columns.cells(month)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="by-request-title">
        <h2 id="by-request-title">{t.byRequestTitle}</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.date}</th>
                <th scope="col">{t.request}</th>
                <th scope="col" className="number">
                  {t.lines}
                </th>
                {columns.headers}
              </tr>
            </thead>
            <tbody>
              {year.requests.map((summary) => (
                <tr key={summary.request.id}>
                  <td>{format.day(summary.firstDate)}</td>
                  <th scope="row">
                    <Link href={requestPath(summary.request.id)}>
                      {localName(summary.request.language)} · {labels.modality[summary.request.modality]}
                    </Link>
                  </th>
                  <td className="number">{summary.lines}</td>
                  {columns.cells(summary)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

/** The office's costs per fiscal year: per month and per request, what it pays highlighted. */
export function CostsPage() {
  const t = useMessages(costMessages);
  const [fiscalYear, setFiscalYear] = useState(currentFiscalYear);
  return (
    <Page title={t.costsTitle}>
      <p>{t.costsIntro}</p>
      <div className="filters">
        <FiscalYearSelect value={fiscalYear} onChange={setFiscalYear} />
      </div>
      <YearCosts fiscalYear={fiscalYear} />
    </Page>
  );
}
