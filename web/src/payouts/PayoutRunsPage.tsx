import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useChosenAssociation } from '../coordinator/figures';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field, FieldSet } from '../forms/Field';
import { ErrorFields, type Failure, fromTypedError, type Outcome, outcomeOf } from '../forms/failure';
import { graphql, type ResultOf } from '../graphql';
import { useFormat, useLocale, useMessages } from '../i18n';
import { todayInJapan } from '../jst';
import { AssociationSelect } from '../ui/AssociationSelect';
import { FiguresTable } from '../ui/FiguresTable';
import { choosableMonths, lastMonth, monthName } from '../ui/months';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import { payoutRunMessages } from './messages';

const PayoutRunFields = graphql(`
  fragment PayoutRunFields on PayoutRun @_unmask {
    id
    year
    month
    status
    transferDate
    linesCount
    grossYen
    withheldYen
    netYen
    transferFileUrl
    reason
    correctable
    reverses {
      id
      transferDate
    }
    payments {
      volunteer
      volunteerName
      lines
      grossYen
      withheldYen
      netYen
    }
  }
`);

const PayoutRunsQuery = graphql(
  `
    query PayoutRuns($associationId: ID!) {
      payoutRuns(associationId: $associationId) {
        __typename
        ... on QueryPayoutRunsSuccess {
          data {
            ...PayoutRunFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [PayoutRunFields, ErrorFields],
);

const BuildMutation = graphql(
  `
    mutation BuildPayoutRun($associationId: ID!, $year: Int!, $month: Int!, $transferDate: String!) {
      buildPayoutRun(associationId: $associationId, year: $year, month: $month, transferDate: $transferDate) {
        __typename
        ... on MutationBuildPayoutRunSuccess {
          data {
            ...PayoutRunFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [PayoutRunFields, ErrorFields],
);

const ApproveMutation = graphql(
  `
    mutation ApprovePayoutRun($id: ID!) {
      approvePayoutRun(id: $id) {
        __typename
        ... on MutationApprovePayoutRunSuccess {
          data {
            ...PayoutRunFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [PayoutRunFields, ErrorFields],
);

const ConfirmMutation = graphql(
  `
    mutation ConfirmPayoutRun($id: ID!) {
      confirmPayoutRun(id: $id) {
        __typename
        ... on MutationConfirmPayoutRunSuccess {
          data {
            ...PayoutRunFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [PayoutRunFields, ErrorFields],
);

const CorrectMutation = graphql(
  `
    mutation CorrectPayoutRun($id: ID!, $reason: String!, $volunteerIds: [ID!]) {
      correctPayoutRun(id: $id, reason: $reason, volunteerIds: $volunteerIds) {
        __typename
        ... on MutationCorrectPayoutRunSuccess {
          data {
            ...PayoutRunFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [PayoutRunFields, ErrorFields],
);

const DiscardMutation = graphql(
  `
    mutation DiscardPayoutRun($id: ID!) {
      discardPayoutRun(id: $id) {
        __typename
        ... on MutationDiscardPayoutRunSuccess {
          data
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

type Run = ResultOf<typeof PayoutRunFields>;
const monthOf = (run: Pick<Run, 'year' | 'month'>) => `${run.year}-${String(run.month).padStart(2, '0')}`;

type Correct = (correction: { reason: string; volunteerIds: string[] }) => Promise<Failure | null>;

/**
 * A confirmed run is corrected, never changed: the staff say why and whose payments (all, to begin
 * with), and a correcting run of negative entries is built beside it.
 */
function CorrectionForm({ run, correct }: { run: Run; correct: Correct }) {
  const t = useMessages(payoutRunMessages);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const [volunteerIds, setVolunteerIds] = useState(() => run.payments.map((payment) => payment.volunteer));
  const [failure, setFailure] = useState<Failure | null>(null);
  if (!asking)
    return (
      <button type="button" className="secondary" onClick={() => setAsking(true)}>
        {t.correct}
      </button>
    );
  return (
    <fieldset className="confirm">
      <legend>{t.correctQuestion}</legend>
      <FailureNotice failure={failure} labels={{ reason: t.correctReason }} />
      <Field
        name="reason"
        label={t.correctReason}
        required
        errors={problemsFor(failure, 'reason')}
        counter={{ value: reason, max: 500 }}
      >
        {(control) => (
          <textarea {...control} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
        )}
      </Field>
      <FieldSet name="volunteerIds" legend={t.correctWhose}>
        {run.payments.map((payment) => (
          <div className="check" key={payment.volunteer}>
            <input
              id={`correct-${run.id}-${payment.volunteer}`}
              type="checkbox"
              checked={volunteerIds.includes(payment.volunteer)}
              onChange={(event) =>
                setVolunteerIds((chosen) =>
                  event.target.checked
                    ? [...chosen, payment.volunteer]
                    : chosen.filter((id) => id !== payment.volunteer),
                )
              }
            />
            <label htmlFor={`correct-${run.id}-${payment.volunteer}`}>{payment.volunteerName}</label>
          </div>
        ))}
      </FieldSet>
      <p className="hint">{t.correctionHasNoFile}</p>
      <button
        type="button"
        disabled={busy || volunteerIds.length === 0}
        onClick={async () => {
          setBusy(true);
          const problem = await correct({ reason, volunteerIds });
          setBusy(false);
          setFailure(problem);
          if (!problem) setAsking(false);
        }}
      >
        {t.correctYes}
      </button>{' '}
      <button type="button" className="secondary" onClick={() => setAsking(false)}>
        {t.correctKeep}
      </button>
    </fieldset>
  );
}

function RunCard({
  run,
  busy,
  act,
  correct,
}: {
  run: Run;
  busy: boolean;
  act(kind: 'approve' | 'confirm' | 'discard'): void;
  correct: Correct;
}) {
  const t = useMessages(payoutRunMessages);
  const format = useFormat();
  const { locale } = useLocale();
  const corrected = run.reverses;
  const title = corrected
    ? t.correctionTitle(monthName(monthOf(run), locale), format.day(corrected.transferDate))
    : t.runTitle(monthName(monthOf(run), locale));
  const statusLabel = corrected ? t.correctionStatusLabels[run.status] : t.statusLabels[run.status];
  const payments = [...run.payments].sort((a, b) => a.volunteerName.localeCompare(b.volunteerName, locale));
  return (
    <li className="card" aria-label={title}>
      <h3>
        {title} · <span className={`status status-payout-${run.status}`}>{statusLabel}</span>
      </h3>
      {corrected ? (
        <>
          <p>{t.correctionReason(run.reason ?? '')}</p>
          <p className="hint">{t.correctionHasNoFile}</p>
        </>
      ) : (
        <p className="hint">{t.transferOn(format.day(run.transferDate))}</p>
      )}
      <FiguresTable
        head={t.volunteer}
        columns={[
          { label: t.lines, figures: true },
          { label: t.gross, figures: true },
          { label: t.withheld, figures: true },
          { label: t.net, figures: true },
        ]}
        rows={payments.map((payment) => ({
          key: payment.volunteer,
          head: payment.volunteerName,
          cells: [
            { count: payment.lines },
            { yen: payment.grossYen },
            { yen: payment.withheldYen },
            { yen: payment.netYen },
          ],
        }))}
        total={{
          className: 'run-total',
          head: t.total,
          cells: [{ count: run.linesCount }, { yen: run.grossYen }, { yen: run.withheldYen }, { yen: run.netYen }],
        }}
      />
      <div className="form-actions">
        {run.transferFileUrl ? (
          <a className="button secondary" href={run.transferFileUrl} download>
            {t.download}
          </a>
        ) : null}
        {run.status === 'built' ? (
          <>
            <button type="button" disabled={busy} onClick={() => act('approve')}>
              {t.approve}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => act('discard')}>
              {t.discard}
            </button>
          </>
        ) : null}
        {run.status === 'approved' ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => act('confirm')}
            title={corrected ? t.confirmCorrectionHint : t.confirmHint}
          >
            {corrected ? t.confirmCorrection : t.confirm}
          </button>
        ) : null}
        {run.correctable ? <CorrectionForm run={run} correct={correct} /> : null}
      </div>
      {run.status === 'approved' ? <p className="hint">{corrected ? t.confirmCorrectionHint : t.confirmHint}</p> : null}
    </li>
  );
}

function RunsOf({ associationId }: { associationId: string }) {
  const t = useMessages(payoutRunMessages);
  const { locale } = useLocale();
  const [{ data, fetching, error }, refresh] = useQuery({
    query: PayoutRunsQuery,
    variables: { associationId },
    requestPolicy: 'cache-and-network',
  });
  const [, build] = useMutation(BuildMutation);
  const [, approve] = useMutation(ApproveMutation);
  const [, confirm] = useMutation(ConfirmMutation);
  const [, discard] = useMutation(DiscardMutation);
  const [, correct] = useMutation(CorrectMutation);
  const [month, setMonth] = useState(lastMonth);
  const [transferDate, setTransferDate] = useState(todayInJapan);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reload = () => refresh({ requestPolicy: 'network-only' });

  async function act(run: () => Promise<Outcome<unknown>>, said: string | null = null) {
    setBusy(true);
    setFailure(null);
    setDone(null);
    const outcome = await run();
    setBusy(false);
    if (!outcome.ok) setFailure(outcome.failure);
    else setDone(said);
    reload();
  }

  if (fetching && !data) return <Loading />;
  if (error && !data) return <LoadError error={error} retry={reload} />;
  const answer = data?.payoutRuns;
  if (answer && answer.__typename !== 'QueryPayoutRunsSuccess')
    return <FailureNotice failure={fromTypedError(answer)} />;
  const runs = answer?.data ?? [];
  const [year, number] = month.split('-').map(Number) as [number, number];
  return (
    <>
      <FailureNotice failure={failure} labels={{ transferDate: t.transferDate }} />
      {done ? (
        <p className="notice" role="status">
          {done}
        </p>
      ) : null}
      <section className="card" aria-labelledby="build-run-title">
        <h2 id="build-run-title">{t.build}</h2>
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void act(
              async () =>
                outcomeOf(
                  await build({ associationId, year, month: number, transferDate }),
                  (result) => result.buildPayoutRun,
                ),
              t.built,
            );
          }}
        >
          <div className="row">
            <Field name="month" label={t.month} required>
              {(control) => (
                <select {...control} value={month} onChange={(event) => setMonth(event.target.value)}>
                  {choosableMonths().map((choice) => (
                    <option key={choice} value={choice}>
                      {monthName(choice, locale)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="transferDate" label={t.transferDate} required>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  value={transferDate}
                  onChange={(event) => setTransferDate(event.target.value)}
                />
              )}
            </Field>
          </div>
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {t.build}
            </button>
          </div>
        </form>
      </section>
      <section aria-labelledby="payout-runs-title">
        <h2 id="payout-runs-title">{t.runsTitle}</h2>
        {runs.length === 0 ? (
          <Empty>{t.noRuns}</Empty>
        ) : (
          <ul className="work-list">
            {runs.map((run) => (
              <RunCard
                key={run.id}
                run={run}
                busy={busy}
                act={(kind) =>
                  act(async () => {
                    if (kind === 'approve') return outcomeOf(await approve({ id: run.id }), (r) => r.approvePayoutRun);
                    if (kind === 'confirm') return outcomeOf(await confirm({ id: run.id }), (r) => r.confirmPayoutRun);
                    return outcomeOf(await discard({ id: run.id }), (r) => r.discardPayoutRun);
                  })
                }
                correct={async (correction) => {
                  const outcome = outcomeOf(
                    await correct({ id: run.id, ...correction }),
                    (result) => result.correctPayoutRun,
                  );
                  if (!outcome.ok) return outcome.failure;
                  setDone(t.corrected);
                  reload();
                  return null;
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** Payout staff: a month's payments to volunteers, built, approved, downloaded for the bank and confirmed. */
export function PayoutRunsPage() {
  const t = useMessages(payoutRunMessages);
  const { associations, associationId, choose, loaded, fetching, error, refresh } = useChosenAssociation();
  return (
    <Page title={t.title}>
      <p className="hint">{t.intro}</p>
      {fetching && !loaded ? <Loading /> : null}
      {error && !loaded ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {associations.length > 1 ? (
        <div className="filters">
          <AssociationSelect associations={associations} value={associationId} onChange={choose} />
        </div>
      ) : null}
      {associationId ? <RunsOf key={associationId} associationId={associationId} /> : null}
    </Page>
  );
}
