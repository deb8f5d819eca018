import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { ErrorFields, type Failure, formProblems, outcomeOf } from '../forms/failure';
import { paperworkSchema, ruleProblems } from '../forms/rules';
import { graphql } from '../graphql';
import { useFormat, useLocale, useMessages } from '../i18n';
import { paperworkMessages } from '../paperwork/messages';
import { PaperworkFields, PaperworkStanding } from '../paperwork/PaperworkStanding';
import { idFromPath } from '../requests/ids';
import { Page } from '../ui/Page';
import { LoadError, Loading } from '../ui/states';
import { directoryMessages } from './directoryMessages';

const VolunteerPaperworkQuery = graphql(
  `
    query VolunteerPaperwork($id: ID!) {
      node(id: $id) {
        ... on Volunteer {
          id
          fullName
          confidentialityPledgeSignedAt
          ...PaperworkFields
        }
      }
    }
  `,
  [PaperworkFields],
);

const RecordPaperworkMutation = graphql(
  `
    mutation RecordPaperwork($volunteerId: ID!, $input: VolunteerPaperworkInput!) {
      recordVolunteerPaperwork(volunteerId: $volunteerId, input: $input) {
        __typename
        ... on MutationRecordVolunteerPaperworkSuccess {
          data {
            id
            confidentialityPledgeSignedAt
            ...PaperworkFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [PaperworkFields, ErrorFields],
);

const emptyForm = { registrationRenewedOn: '', insuranceEnrolledUntil: '', confidentialityPledgeSignedOn: '' };
type Form = typeof emptyForm;

/** Only what was filled in: an empty field changes nothing. */
function inputOf(form: Form) {
  return Object.fromEntries(Object.entries(form).filter(([, value]) => value !== '')) as Partial<Form>;
}

/**
 * A coordinator sees a volunteer's papers and records a renewal, the insurance and a pledge signed
 * on paper; the whole form is checked at once by the API's rules, and the page shows the new
 * standing as soon as it is saved.
 */
export function VolunteerPaperworkPage({ params }: { params: { id: string } }) {
  const t = useMessages(directoryMessages);
  const p = useMessages(paperworkMessages);
  const format = useFormat();
  const { locale } = useLocale();
  const id = idFromPath(params.id, 'Volunteer');
  const [{ data, fetching, error }, refresh] = useQuery({
    query: VolunteerPaperworkQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const [form, setForm] = useState<Form>(emptyForm);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saved, setSaved] = useState(false);
  const [{ fetching: saving }, record] = useMutation(RecordPaperworkMutation);
  const volunteer = data?.node && 'fullName' in data.node ? data.node : null;
  const labels = {
    registrationRenewedOn: t.renewedOn,
    insuranceEnrolledUntil: t.insuranceUntil,
    confidentialityPledgeSignedOn: t.pledgeSignedOn,
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const input = inputOf(form);
    const unsendable = formProblems(ruleProblems(paperworkSchema, input, locale, []), locale);
    if (unsendable) {
      setFailure(unsendable);
      return;
    }
    const outcome = outcomeOf(await record({ volunteerId: id, input }), (result) => result.recordVolunteerPaperwork);
    setFailure(outcome.ok ? null : outcome.failure);
    if (!outcome.ok) return;
    setSaved(true);
    setForm(emptyForm);
  }

  const dateField = (name: keyof Form, hint: string) => (
    <Field name={name} label={labels[name]} hint={hint} errors={problemsFor(failure, name)}>
      {(control) => (
        <input
          {...control}
          type="date"
          value={form[name]}
          onChange={(event) => {
            const value = event.target.value;
            setForm((previous) => ({ ...previous, [name]: value }));
          }}
        />
      )}
    </Field>
  );

  return (
    <Page title={volunteer ? t.paperworkOf(volunteer.fullName) : p.title}>
      <p>
        <Link href="/volunteers">{t.backToDirectory}</Link>
      </p>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {data && !volunteer ? <p className="notice notice-problem">{t.notYours}</p> : null}
      {volunteer ? (
        <>
          <section className="card" aria-labelledby="paperwork-standing">
            <h2 id="paperwork-standing">{p.title}</h2>
            <PaperworkStanding volunteer={volunteer} audience="coordinator" />
          </section>
          <section className="card" aria-labelledby="paperwork-record">
            <h2 id="paperwork-record">{t.recordTitle}</h2>
            <p className="hint">{t.recordIntro}</p>
            {saved ? (
              <p className="notice notice-ok" role="status">
                {t.recorded}
              </p>
            ) : null}
            <form className="form" onSubmit={submit} noValidate>
              <FailureNotice failure={failure} labels={labels} />
              {dateField('registrationRenewedOn', t.renewedOnHint)}
              {dateField('insuranceEnrolledUntil', t.insuranceUntilHint)}
              {volunteer.confidentialityPledgeSignedAt ? (
                <p>{t.pledgeOnRecord(format.dateTime(volunteer.confidentialityPledgeSignedAt))}</p>
              ) : (
                dateField('confidentialityPledgeSignedOn', t.pledgeSignedOnHint)
              )}
              <div className="form-actions">
                <button type="submit" disabled={saving}>
                  {t.record}
                </button>
              </div>
            </form>
          </section>
        </>
      ) : null}
    </Page>
  );
}
