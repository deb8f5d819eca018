import { useState } from 'react';
import { useMutation } from 'urql';
import { ConfirmInPlace } from '../forms/ConfirmInPlace';
import { ErrorFields, type Failure, outcomeOf } from '../forms/failure';
import { graphql } from '../graphql';
import { useMessages } from '../i18n';
import { reportMessages } from './reportMessages';

const CloseFiscalPeriodMutation = graphql(
  `
    mutation CloseFiscalPeriod($associationId: ID!, $fiscalYear: Int!, $month: Int) {
      closeFiscalPeriod(associationId: $associationId, fiscalYear: $fiscalYear, month: $month) {
        __typename
        ... on MutationCloseFiscalPeriodSuccess {
          data {
            fiscalYear
            month
            closedAt
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** The months of a fiscal year in its order, April to March. */
const fiscalMonths = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];

/** A coordinator closes a month or the whole fiscal year; only an admin reopens it. */
export function ClosePeriod({
  associationId,
  fiscalYear,
  closedPeriods,
  onClosed,
}: {
  associationId: string;
  fiscalYear: number;
  closedPeriods: ReadonlyArray<{ month: number | null }>;
  onClosed(): void;
}) {
  const t = useMessages(reportMessages);
  const [, close] = useMutation(CloseFiscalPeriodMutation);
  const yearClosed = closedPeriods.some((period) => period.month === null);
  const open = fiscalMonths.filter((month) => !closedPeriods.some((period) => period.month === month));
  const [choice, setChoice] = useState('');
  const [done, setDone] = useState<string | null>(null);
  if (yearClosed) return null;
  const month = choice === '' ? null : Number(choice);
  const period = t.periodName(fiscalYear, month);

  async function closeNow(): Promise<Failure | null> {
    const outcome = outcomeOf(await close({ associationId, fiscalYear, month }), (result) => result.closeFiscalPeriod);
    if (!outcome.ok) return outcome.failure;
    setDone(t.closed(period));
    setChoice('');
    onClosed();
    return null;
  }

  return (
    <section className="card" aria-labelledby="close-title">
      <h2 id="close-title">{t.closeTitle}</h2>
      <p className="hint">{t.closeIntro}</p>
      {done ? <p role="status">{done}</p> : null}
      <div className="filters">
        <label>
          {t.closeMonth}
          <select value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value="">{t.periodName(fiscalYear, null)}</option>
            {open.map((openMonth) => (
              <option key={openMonth} value={openMonth}>
                {t.periodName(fiscalYear, openMonth)}
              </option>
            ))}
          </select>
        </label>
        <ConfirmInPlace
          action={t.closePeriod}
          question={t.closeConfirm(period)}
          yes={t.closePeriod}
          keep={t.keepOpen}
          run={closeNow}
        />
      </div>
    </section>
  );
}
