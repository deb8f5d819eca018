import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../graphql';
import { useMessages } from '../i18n';
import { useLocalName } from '../pickers/names';
import { Empty, LoadError, Loading } from '../ui/states';
import { Bar, FiscalYearReportPage } from './figures';
import { reportMessages } from './reportMessages';

const SupplyDemandQuery = graphql(`
  query SupplyDemand($fiscalYear: Int!, $associationId: ID) {
    supplyAndDemand(fiscalYear: $fiscalYear, associationId: $associationId) {
      languageCode
      month
      requests
      filled
      unfilled
    }
    languages {
      code
      nameJa
      nameEn
    }
  }
`);

interface Counts {
  requests: number;
  filled: number;
  unfilled: number;
}

const fillRate = (counts: Counts) => (counts.requests === 0 ? 0 : counts.filled / counts.requests);

/** One language's year and months, summed from the API's cells (one per language, month and association). */
function byLanguage(cells: ReadonlyArray<Counts & { languageCode: string; month: string }>, month: string) {
  const languages = new Map<string, Counts>();
  for (const cell of cells) {
    if (month && cell.month !== month) continue;
    const sum = languages.get(cell.languageCode) ?? { requests: 0, filled: 0, unfilled: 0 };
    languages.set(cell.languageCode, {
      requests: sum.requests + cell.requests,
      filled: sum.filled + cell.filled,
      unfilled: sum.unfilled + cell.unfilled,
    });
  }
  return [...languages].map(([code, counts]) => ({ code, ...counts })).sort((a, b) => b.requests - a.requests);
}

/** The months of a fiscal year, YYYY-MM, April to March. */
const monthsOf = (fiscalYear: number) =>
  Array.from({ length: 12 }, (_, index) => {
    const month = ((index + 3) % 12) + 1;
    return `${month >= 4 ? fiscalYear : fiscalYear + 1}-${String(month).padStart(2, '0')}`;
  });

function Table({ associationId, fiscalYear }: { associationId: string; fiscalYear: number }) {
  const t = useMessages(reportMessages);
  const localName = useLocalName();
  const [month, setMonth] = useState('');
  const [{ data, fetching, error }, refresh] = useQuery({
    query: SupplyDemandQuery,
    variables: { fiscalYear, associationId },
    requestPolicy: 'cache-and-network',
  });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} />;
  const names = new Map((data?.languages ?? []).map((language) => [language.code, localName(language)]));
  const rows = byLanguage(data?.supplyAndDemand ?? [], month);
  return (
    <section className="card" aria-labelledby="supply-demand-title">
      <h2 id="supply-demand-title">{t.supplyDemandChart}</h2>
      <div className="filters">
        <label>
          {t.month}
          <select value={month} onChange={(event) => setMonth(event.target.value)}>
            <option value="">{t.allMonths}</option>
            {monthsOf(fiscalYear).map((yearMonth) => (
              <option key={yearMonth} value={yearMonth}>
                {yearMonth}
              </option>
            ))}
          </select>
        </label>
      </div>
      {rows.length === 0 ? (
        <Empty>{t.noRequests}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="bars">
            <thead>
              <tr>
                <th scope="col">{t.language}</th>
                <th scope="col" className="number">
                  {t.requests}
                </th>
                <th scope="col" className="number">
                  {t.filled}
                </th>
                <th scope="col" className="number">
                  {t.unfilled}
                </th>
                <th scope="col" className="number">
                  {t.fillRate}
                </th>
                <th scope="col" className="bar-cell">
                  <span className="visually-hidden">{t.supplyDemandChart}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const rate = fillRate(row);
                return (
                  <tr key={row.code}>
                    <th scope="row">{names.get(row.code) ?? row.code}</th>
                    <td className="number">{row.requests}</td>
                    <td className="number">{row.filled}</td>
                    <td className="number">{row.unfilled}</td>
                    <td className="number">{t.percent(rate)}</td>
                    <td className="bar-cell">
                      <Bar value={rate} max={1} tone={rate < 0.5 ? 'problem' : rate < 0.8 ? 'warn' : undefined} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Coordinators: requests and fill rate per language and month, to see where volunteers are short. */
export function SupplyDemand() {
  const t = useMessages(reportMessages);
  return <FiscalYearReportPage title={t.supplyDemandTitle} intro={t.supplyDemandIntro} report={Table} />;
}
