import { useQuery } from 'urql';
import { graphql } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import { moneyMessages } from '../money';
import { Empty, LoadError, Loading } from '../ui/states';
import { costMessages } from './costMessages';

const RequestCostsQuery = graphql(`
  query RequestCosts($id: ID!) {
    node(id: $id) {
      __typename
      ... on Request {
        id
        costs {
          lines {
            id
            activityDate
            kind
            payer
            status
            amountYen
            reversal
          }
          totals {
            totalYen
            requesterYen
            associationYen
            personServedYen
          }
        }
      }
    }
  }
`);

export interface Shares {
  totalYen: number;
  requesterYen: number;
  associationYen: number;
  personServedYen: number;
}

/** Who bears a sum: the office's share first and highlighted, the person served's only when there is one. */
export function ShareFigures({ shares }: { shares: Shares }) {
  const t = useMessages(costMessages);
  const m = useMessages(moneyMessages);
  return (
    <dl className="figures">
      <div className="own-share">
        <dt>{t.yourShare}</dt>
        <dd>{m.yen(shares.requesterYen)}</dd>
      </div>
      <div>
        <dt>{t.associationShare}</dt>
        <dd>{m.yen(shares.associationYen)}</dd>
      </div>
      {shares.personServedYen !== 0 ? (
        <div>
          <dt>{t.personServedShare}</dt>
          <dd>{m.yen(shares.personServedYen)}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t.total}</dt>
        <dd>{m.yen(shares.totalYen)}</dd>
      </div>
    </dl>
  );
}

/** A request's costs for its office: the lines past the coordinators' drafts, and who bears them. */
export function RequestCosts({ requestId }: { requestId: string }) {
  const t = useMessages(costMessages);
  const m = useMessages(moneyMessages);
  const format = useFormat();
  const [{ data, fetching, error }, refresh] = useQuery({
    query: RequestCostsQuery,
    variables: { id: requestId },
    requestPolicy: 'cache-and-network',
  });
  const costs = data?.node?.__typename === 'Request' ? data.node.costs : null;
  return (
    <section className="card" aria-labelledby="costs-title">
      <h2 id="costs-title">{t.requestCostsTitle}</h2>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {costs && costs.lines.length === 0 ? <Empty>{t.noCosts}</Empty> : null}
      {costs && costs.lines.length > 0 ? (
        <>
          <ShareFigures shares={costs.totals} />
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.date}</th>
                  <th scope="col">{t.kind}</th>
                  <th scope="col">{t.payer}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col" className="number">
                    {t.amount}
                  </th>
                </tr>
              </thead>
              <tbody>
                {costs.lines.map((line) => (
                  <tr key={line.id} className={line.payer === 'requester' ? 'own-share' : undefined}>
                    <td>{format.day(line.activityDate)}</td>
                    <td>
                      {m.kindLabels[line.kind]}
                      {line.reversal ? ` (${t.reversal})` : ''}
                    </td>
                    <td>{m.payerLabels[line.payer]}</td>
                    <td>{m.statusLabels[line.status]}</td>
                    <td className="number">{m.yen(line.amountYen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">{t.draftsHidden}</p>
        </>
      ) : null}
    </section>
  );
}
