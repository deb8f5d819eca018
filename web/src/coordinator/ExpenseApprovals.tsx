import { useMutation, useQuery } from 'urql';
import { ActionButton } from '../forms/ActionButton';
import { outcomeOf } from '../forms/failure';
import { useFormat, useMessages } from '../i18n';
import { useLocalName } from '../pickers/names';
import { currentFiscalYear } from '../ui/FiscalYearSelect';
import { Empty, LoadError, Loading } from '../ui/states';
import { ApproveExpenseLinesMutation, SubmittedExpensesQuery } from './dispatchDocuments';
import { dispatchConsoleMessages } from './dispatchMessages';
import { useCoordinatedAssociations } from './figures';
import { reportMessages } from './reportMessages';

/** One association's submitted lines of this fiscal year, each to approve, or all at once. */
function SubmittedLines({ associationId, name }: { associationId: string; name: string | null }) {
  const t = useMessages(dispatchConsoleMessages);
  const r = useMessages(reportMessages);
  const format = useFormat();
  const localName = useLocalName();
  const [{ data, fetching, error }, refresh] = useQuery({
    query: SubmittedExpensesQuery,
    variables: { associationId, fiscalYear: currentFiscalYear() },
    requestPolicy: 'cache-and-network',
  });
  const [, advance] = useMutation(ApproveExpenseLinesMutation);
  const approve = async (lineIds: string[]) => {
    const outcome = outcomeOf(await advance({ lineIds }), (result) => result.advanceExpenseLines);
    return outcome.ok ? null : outcome.failure;
  };
  // Approved lines keep their place in the cache until the list is read again: they leave it at once.
  const lines = (data?.expenseLines.nodes ?? []).filter((line) => line.status === 'submitted');
  return (
    <>
      {name ? <h3>{name}</h3> : null}
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {data && lines.length === 0 ? <Empty>{t.noExpenses}</Empty> : null}
      {lines.length > 0 ? (
        <>
          <div className="table-scroll">
            <table className="expense-approvals">
              <thead>
                <tr>
                  <th scope="col">{r.activityDate}</th>
                  <th scope="col">{r.kind}</th>
                  <th scope="col">{r.language}</th>
                  <th scope="col">{r.bearingGovernment}</th>
                  <th scope="col">{r.category}</th>
                  <th scope="col" className="number">
                    {r.amount}
                  </th>
                  <th scope="col">{r.note}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t.approveLine}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.id}>
                    <td>{format.day(line.activityDate)}</td>
                    <th scope="row">{r.kindLabels[line.kind]}</th>
                    <td>{localName(line.language)}</td>
                    <td>{localName(line.bearingGovernment)}</td>
                    <td>{line.grantTaxCategory}</td>
                    <td className="number">{r.yen(line.amountYen)}</td>
                    <td>{line.note ?? ''}</td>
                    <td>
                      <ActionButton className="secondary" run={() => approve([line.id])}>
                        {t.approveLine}
                        <span className="visually-hidden">
                          {' '}
                          {r.kindLabels[line.kind]} {r.yen(line.amountYen)}
                        </span>
                      </ActionButton>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {lines.length > 1 ? (
            <ActionButton run={() => approve(lines.map((line) => line.id))}>{t.approveAll(lines.length)}</ActionButton>
          ) : null}
          {data?.expenseLines.pageInfo.hasNextPage ? <p className="hint">{t.moreExpenses}</p> : null}
        </>
      ) : null}
    </>
  );
}

/** Expense lines the approved reports submitted, waiting for a coordinator before they count as approved. */
export function ExpenseApprovals() {
  const t = useMessages(dispatchConsoleMessages);
  const localName = useLocalName();
  const { associations, loaded, fetching, error, refresh } = useCoordinatedAssociations();
  return (
    <section className="card" aria-labelledby="expenses-title">
      <h2 id="expenses-title">{t.expensesTitle}</h2>
      <p className="hint">{t.expensesIntro}</p>
      {fetching && !loaded ? <Loading /> : null}
      {error && !loaded ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {associations.map((association) => (
        <SubmittedLines
          key={association.id}
          associationId={association.id}
          name={associations.length > 1 ? localName({ nameJa: association.nameJa, nameEn: association.nameEn }) : null}
        />
      ))}
    </section>
  );
}
