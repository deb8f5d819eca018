import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import { enumLabels } from '../labels';
import { moneyMessages } from '../money';
import { useLocalName } from '../pickers/names';
import { currentFiscalYear, FiscalYearSelect } from '../ui/FiscalYearSelect';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import { honorariaMessages } from './honorariaMessages';
import { PayoutDetailsSection } from './PayoutDetailsSection';
import { YearStatement } from './YearStatement';

const MyHonorariaQuery = graphql(`
  query MyHonoraria($fiscalYear: Int!) {
    myHonoraria(fiscalYear: $fiscalYear) {
      fiscalYear
      totalYen
      paidYen
      approvedYen
      submittedYen
      lines {
        id
        assignmentId
        activityDate
        kind
        status
        amountYen
        reversal
        work {
          modality
          venue
          language {
            code
            nameJa
            nameEn
          }
          localGovernment {
            code
            nameJa
            nameEn
          }
        }
      }
    }
  }
`);

type Line = ResultOf<typeof MyHonorariaQuery>['myHonoraria']['lines'][number];

/** The lines of each dispatch together, in the API's date order. */
function byDispatch(lines: readonly Line[]): Line[][] {
  const groups = new Map<string, Line[]>();
  for (const line of lines) groups.set(line.assignmentId, [...(groups.get(line.assignmentId) ?? []), line]);
  return [...groups.values()];
}

function DispatchCard({ lines }: { lines: Line[] }) {
  const t = useMessages(honorariaMessages);
  const m = useMessages(moneyMessages);
  const labels = useMessages(enumLabels);
  const format = useFormat();
  const localName = useLocalName();
  const [first] = lines as [Line];
  const { work } = first;
  const place = work.localGovernment ? localName(work.localGovernment) : work.modality === 'remote' ? t.remote : null;
  return (
    <li className="card">
      <h3 className="work-title">
        {format.day(first.activityDate)} · {localName(work.language)} · {labels.modality[work.modality]}
      </h3>
      {place || work.venue ? <p className="hint">{[place, work.venue].filter(Boolean).join(' · ')}</p> : null}
      <table>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id}>
              <th scope="row">
                {m.kindLabels[line.kind]}
                {line.reversal ? ` (${t.reversal})` : ''}
              </th>
              <td className="number">{m.yen(line.amountYen)}</td>
              <td>
                <span className={`status status-expense-${line.status}`}>{t.statusLabels[line.status]}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </li>
  );
}

/** A volunteer's honoraria and fares of a fiscal year, dispatch by dispatch, on a phone first. */
export function HonorariaPage() {
  const t = useMessages(honorariaMessages);
  const m = useMessages(moneyMessages);
  const [fiscalYear, setFiscalYear] = useState(currentFiscalYear);
  const [{ data, fetching, error }, refresh] = useQuery({
    query: MyHonorariaQuery,
    variables: { fiscalYear },
    requestPolicy: 'cache-and-network',
  });
  const year = data?.myHonoraria;
  const figures = year
    ? [
        { label: t.paid, value: year.paidYen },
        { label: t.toBePaid, value: year.approvedYen },
        { label: t.awaitingApproval, value: year.submittedYen },
        { label: t.total, value: year.totalYen },
      ]
    : [];
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <div className="filters">
        <FiscalYearSelect value={fiscalYear} onChange={setFiscalYear} />
      </div>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {year && year.lines.length === 0 ? <Empty>{t.noHonoraria}</Empty> : null}
      {year && year.lines.length > 0 ? (
        <>
          <dl className="figures">
            {figures.map((figure) => (
              <div key={figure.label}>
                <dt>{figure.label}</dt>
                <dd>{m.yen(figure.value)}</dd>
              </div>
            ))}
          </dl>
          <ul className="work-list">
            {byDispatch(year.lines).map((lines) => (
              <DispatchCard key={lines[0]?.assignmentId} lines={lines} />
            ))}
          </ul>
        </>
      ) : null}
      <PayoutDetailsSection />
      <YearStatement />
    </Page>
  );
}
