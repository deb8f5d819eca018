import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { ErrorFields, type Failure, formProblems, outcomeOf } from '../forms/failure';
import { ruleProblems, statementAddressSchema } from '../forms/rules';
import { graphql } from '../graphql';
import { useFormat, useLocale, useMessages } from '../i18n';
import { taxMessages } from '../tax/messages';
import { FiguresTable } from '../ui/FiguresTable';
import { recentCalendarYears } from '../ui/months';
import { LoadError, Loading } from '../ui/states';

const MyPaymentYearQuery = graphql(`
  query MyPaymentYear($year: Int!) {
    myPaymentYear(year: $year) {
      __typename
      ... on QueryMyPaymentYearSuccess {
        data {
          associationNameJa
          associationNameEn
          grossYen
          withheldYen
          netYen
          payments {
            runId
            paidOn
            grossYen
            withheldYen
            netYen
          }
        }
      }
    }
    myPayoutDetails {
      __typename
      ... on QueryMyPayoutDetailsSuccess {
        data {
          hasIndividualNumber
        }
      }
    }
    hasStatementAddress {
      __typename
      ... on QueryHasStatementAddressSuccess {
        data
      }
    }
  }
`);

const SaveStatementAddressMutation = graphql(
  `
    mutation SaveStatementAddress($address: String!) {
      saveStatementAddress(address: $address) {
        __typename
        ... on MutationSaveStatementAddressSuccess {
          data
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** The address the volunteer's statement names, asked once their individual number is on file. */
function StatementAddress({ onFile, onSaved }: { onFile: boolean; onSaved(): void }) {
  const t = useMessages(taxMessages);
  const { locale } = useLocale();
  const [address, setAddress] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saved, setSaved] = useState(false);
  const [{ fetching }, save] = useMutation(SaveStatementAddressMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const unsendable = formProblems(ruleProblems(statementAddressSchema, { address }, locale, []), locale);
    if (unsendable) {
      setFailure(unsendable);
      return;
    }
    const outcome = outcomeOf(await save({ address }), (result) => result.saveStatementAddress);
    setFailure(outcome.ok ? null : outcome.failure);
    if (!outcome.ok) return;
    setSaved(true);
    setAddress('');
    onSaved();
  }

  return (
    <section className="card" aria-labelledby="statement-address-title">
      <h2 id="statement-address-title">{t.addressTitle}</h2>
      <p className="hint">{onFile ? t.addressOnFile : t.addressIntro}</p>
      {saved ? (
        <p className="notice notice-ok" role="status">
          {t.addressSaved}
        </p>
      ) : null}
      <form className="form" onSubmit={submit} noValidate>
        <FailureNotice failure={failure} labels={{ address: t.address }} />
        <Field
          name="address"
          label={t.address}
          required
          errors={problemsFor(failure, 'address')}
          counter={{ value: address, max: 60 }}
        >
          {(control) => (
            <input
              {...control}
              autoComplete="street-address"
              value={address}
              onChange={(event) => setAddress(event.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={fetching}>
            {t.saveAddress}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * A volunteer's own calendar year (January–December, the income tax's year, not the fiscal year of
 * the honoraria above): each transfer with the tax withheld, per association, for their tax return.
 */
export function YearStatement() {
  const t = useMessages(taxMessages);
  const format = useFormat();
  const { locale } = useLocale();
  const [year, setYear] = useState(() => recentCalendarYears(3)[0] ?? 2026);
  const [{ data, fetching, error }, refresh] = useQuery({
    query: MyPaymentYearQuery,
    variables: { year },
    requestPolicy: 'cache-and-network',
  });
  const reload = () => refresh({ requestPolicy: 'network-only' });
  const years = data?.myPaymentYear.__typename === 'QueryMyPaymentYearSuccess' ? data.myPaymentYear.data : [];
  const hasNumber =
    data?.myPayoutDetails.__typename === 'QueryMyPayoutDetailsSuccess' && data.myPayoutDetails.data.hasIndividualNumber;
  const addressOnFile =
    data?.hasStatementAddress.__typename === 'QueryHasStatementAddressSuccess' && data.hasStatementAddress.data;
  return (
    <>
      <section className="card" aria-labelledby="own-year-title">
        <h2 id="own-year-title">{t.ownTitle}</h2>
        <p className="hint">{t.ownIntro}</p>
        <div className="filters">
          <label>
            {t.year}
            <select value={year} onChange={(event) => setYear(Number(event.target.value))}>
              {recentCalendarYears(3).map((choice) => (
                <option key={choice} value={choice}>
                  {t.yearOption(choice)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {fetching && !data ? <Loading /> : null}
        {error && !data ? <LoadError error={error} retry={reload} /> : null}
        {data && years.length === 0 ? <p>{t.ownNothing(year)}</p> : null}
        {years.map((own) => (
          <FiguresTable
            key={own.associationNameJa}
            caption={locale === 'ja' ? own.associationNameJa : own.associationNameEn}
            head={t.paidOn}
            columns={[
              { label: t.gross, figures: true },
              { label: t.withheld, figures: true },
              { label: t.net, figures: true },
            ]}
            rows={own.payments.map((payment) => ({
              key: payment.runId,
              head: format.day(payment.paidOn),
              cells: [{ yen: payment.grossYen }, { yen: payment.withheldYen }, { yen: payment.netYen }],
            }))}
            total={{
              head: t.yearTotal,
              cells: [{ yen: own.grossYen }, { yen: own.withheldYen }, { yen: own.netYen }],
            }}
          />
        ))}
      </section>
      {hasNumber ? <StatementAddress onFile={addressOnFile} onSaved={reload} /> : null}
    </>
  );
}
