import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useChosenAssociation } from '../coordinator/figures';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { ErrorFields, type Failure, formProblems, fromTypedError, outcomeOf } from '../forms/failure';
import { ruleProblems, statementPayerSchema } from '../forms/rules';
import { graphql } from '../graphql';
import { useFormat, useLocale, useMessages } from '../i18n';
import { plainIdOf } from '../requests/ids';
import { AssociationSelect } from '../ui/AssociationSelect';
import { FiguresTable } from '../ui/FiguresTable';
import { recentCalendarYears } from '../ui/months';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import { taxMessages } from './messages';

const TaxYearQuery = graphql(
  `
    query TaxYear($associationId: ID!, $year: Int!) {
      withholding(associationId: $associationId, year: $year) {
        __typename
        ... on QueryWithholdingSuccess {
          data {
            month
            slip {
              persons
              paidYen
              taxYen
              dueDate
            }
          }
        }
        ...ErrorFields
      }
      paymentStatements(associationId: $associationId, year: $year) {
        __typename
        ... on QueryPaymentStatementsSuccess {
          data {
            volunteerId
            name
            kind
            paidYen
            withheldYen
            needsStatement
            problems
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const StatementPayerQuery = graphql(
  `
    query StatementPayer($associationId: ID!) {
      statementPayer(associationId: $associationId) {
        __typename
        ... on QueryStatementPayerSuccess {
          data {
            address
            phone
            corporateNumber
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const SaveStatementPayerMutation = graphql(
  `
    mutation SaveStatementPayer($associationId: ID!, $address: String!, $phone: String!, $corporateNumber: String!) {
      saveStatementPayer(associationId: $associationId, address: $address, phone: $phone, corporateNumber: $corporateNumber) {
        __typename
        ... on MutationSaveStatementPayerSuccess {
          data
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

function YearOf({ associationId, year }: { associationId: string; year: number }) {
  const t = useMessages(taxMessages);
  const format = useFormat();
  const [{ data, fetching, error }, refresh] = useQuery({
    query: TaxYearQuery,
    variables: { associationId, year },
    requestPolicy: 'cache-and-network',
  });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} />;
  const withholding = data?.withholding;
  const statements = data?.paymentStatements;
  if (withholding && withholding.__typename !== 'QueryWithholdingSuccess')
    return <FailureNotice failure={fromTypedError(withholding)} />;
  const months = withholding?.__typename === 'QueryWithholdingSuccess' ? withholding.data : [];
  const people = statements?.__typename === 'QueryPaymentStatementsSuccess' ? statements.data : [];
  const withheldMonths = months.filter((month) => month.slip);
  const files = `/downloads/tax/${encodeURIComponent(plainIdOf(associationId))}/${year}`;
  return (
    <>
      <section className="card" aria-labelledby="withholding-title">
        <h2 id="withholding-title">{t.withholdingTitle}</h2>
        <p className="hint">{t.withholdingIntro}</p>
        {withheldMonths.length === 0 ? (
          <Empty>{t.noWithholdingThisYear}</Empty>
        ) : (
          <>
            <FiguresTable
              head={t.month}
              columns={[
                { label: t.persons, figures: true },
                { label: t.paid, figures: true },
                { label: t.tax, figures: true },
                { label: t.dueDate },
              ]}
              rows={withheldMonths.flatMap(({ month, slip }) =>
                slip
                  ? [
                      {
                        key: String(month),
                        head: t.monthName(month),
                        cells: [
                          { count: slip.persons },
                          { yen: slip.paidYen },
                          { yen: slip.taxYen },
                          format.day(slip.dueDate),
                        ],
                      },
                    ]
                  : [],
              )}
            />
            <p>
              <a href={`${files}/withholding.csv`} download>
                {t.downloadWithholding}
              </a>
            </p>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="statements-title">
        <h2 id="statements-title">{t.statementsTitle}</h2>
        <p className="hint">{t.statementsIntro}</p>
        {people.length === 0 ? (
          <Empty>{t.nobodyPaid}</Empty>
        ) : (
          <>
            <FiguresTable
              head={t.name}
              columns={[
                { label: t.kind },
                { label: t.paid, figures: true },
                { label: t.tax, figures: true },
                { label: t.needsStatement },
              ]}
              rows={people.map((person) => ({
                key: person.volunteerId,
                head: person.name,
                cells: [
                  t.kinds[person.kind],
                  { yen: person.paidYen },
                  { yen: person.withheldYen },
                  !person.needsStatement ? (
                    t.statementNotDue
                  ) : person.problems.length === 0 ? (
                    <span key="ready" className="status status-ok">
                      {t.ready}
                    </span>
                  ) : (
                    <ul key="problems" className="problems">
                      {person.problems.map((problem) => (
                        <li key={problem}>{t.problems[problem]}</li>
                      ))}
                    </ul>
                  ),
                ],
              }))}
            />
            {people.some((person) => person.needsStatement) ? (
              <>
                <p className="row-actions">
                  <a href={`${files}/statements.pdf`} download>
                    {t.downloadPdf}
                  </a>
                  <a href={`${files}/statements-309.csv`} download>
                    {t.downloadCsv}
                  </a>
                </p>
                <p className="hint">{t.csvNote}</p>
              </>
            ) : null}
          </>
        )}
      </section>
    </>
  );
}

const emptyPayer = { address: '', phone: '', corporateNumber: '' };

/** An admin's form for the association as payer on its statements. */
export function PayerForm({ associationId }: { associationId: string }) {
  const [{ data, fetching, error }, refresh] = useQuery({ query: StatementPayerQuery, variables: { associationId } });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} />;
  const answer = data?.statementPayer;
  if (answer && answer.__typename !== 'QueryStatementPayerSuccess')
    return <FailureNotice failure={fromTypedError(answer)} />;
  const stored = answer?.__typename === 'QueryStatementPayerSuccess' ? answer.data : null;
  // The form starts from what is stored, once: a refetch after saving does not overwrite what is typed.
  return (
    <PayerFields
      associationId={associationId}
      initial={{
        address: stored?.address ?? '',
        phone: stored?.phone ?? '',
        corporateNumber: stored?.corporateNumber ?? '',
      }}
    />
  );
}

function PayerFields({ associationId, initial }: { associationId: string; initial: typeof emptyPayer }) {
  const t = useMessages(taxMessages);
  const { locale } = useLocale();
  const [form, setForm] = useState(initial);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saved, setSaved] = useState(false);
  const [{ fetching: saving }, save] = useMutation(SaveStatementPayerMutation);
  const labels = { address: t.payerAddress, phone: t.payerPhone, corporateNumber: t.corporateNumber };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const unsendable = formProblems(
      ruleProblems(statementPayerSchema, { ...form, associationId: plainIdOf(associationId) }, locale, []),
      locale,
    );
    if (unsendable) {
      setFailure(unsendable);
      return;
    }
    const outcome = outcomeOf(await save({ associationId, ...form }), (result) => result.saveStatementPayer);
    setFailure(outcome.ok ? null : outcome.failure);
    setSaved(outcome.ok);
  }

  const field = (name: keyof typeof emptyPayer, hint?: string, max?: number) => (
    <Field
      name={name}
      label={labels[name]}
      hint={hint}
      required
      errors={problemsFor(failure, name)}
      counter={max ? { value: form[name], max } : undefined}
    >
      {(control) => (
        <input
          {...control}
          value={form[name]}
          inputMode={name === 'address' ? undefined : 'numeric'}
          onChange={(event) => {
            const value = event.target.value;
            setForm((previous) => ({ ...previous, [name]: value }));
          }}
        />
      )}
    </Field>
  );

  return (
    <section className="card" aria-labelledby="payer-title">
      <h2 id="payer-title">{t.payerTitle}</h2>
      <p className="hint">{t.payerIntro}</p>
      {saved ? (
        <p className="notice notice-ok" role="status">
          {t.payerSaved}
        </p>
      ) : null}
      <form className="form" onSubmit={submit} noValidate>
        <FailureNotice failure={failure} labels={labels} />
        {field('address', undefined, 60)}
        {field('phone')}
        {field('corporateNumber', t.corporateNumberHint)}
        <div className="form-actions">
          <button type="submit" disabled={saving}>
            {t.savePayer}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Payout staff: a calendar year's withholding by month, and its payment statements with their files. */
export function TaxPage() {
  const t = useMessages(taxMessages);
  const { associations, associationId, choose, loaded, fetching, error, refresh } = useChosenAssociation();
  const [year, setYear] = useState(() => recentCalendarYears(5)[0] ?? 2026);
  return (
    <Page title={t.title}>
      <p className="hint">{t.intro}</p>
      {fetching && !loaded ? <Loading /> : null}
      {error && !loaded ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      <div className="filters">
        <AssociationSelect associations={associations} value={associationId} onChange={choose} />
        <label>
          {t.year}
          <select value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {recentCalendarYears(5).map((choice) => (
              <option key={choice} value={choice}>
                {t.yearOption(choice)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {associationId ? <YearOf key={`${associationId}:${year}`} associationId={associationId} year={year} /> : null}
    </Page>
  );
}

/** Admins: the association as payer on its payment statements. */
export function AdminTaxPage() {
  const t = useMessages(taxMessages);
  const { associations, associationId, choose, loaded, fetching, error, refresh } = useChosenAssociation();
  return (
    <Page title={t.payerTitle}>
      {fetching && !loaded ? <Loading /> : null}
      {error && !loaded ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {associations.length > 1 ? (
        <div className="filters">
          <AssociationSelect associations={associations} value={associationId} onChange={choose} />
        </div>
      ) : null}
      {associationId ? <PayerForm key={associationId} associationId={associationId} /> : null}
    </Page>
  );
}
