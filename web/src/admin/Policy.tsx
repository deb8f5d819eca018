import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field, NumberField } from '../forms/Field';
import { type Failure, formProblems, outcomeOf } from '../forms/failure';
import { policySchema, ruleProblems } from '../forms/rules';
import type { ResultOf } from '../graphql';
import { useLocale, useMessages } from '../i18n';
import { enumLabels } from '../labels';
import { useLocalName } from '../pickers/names';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import { PolicyQuery, UpdatePolicyMutation } from './documents';
import { adminMessages } from './messages';

type Association = ResultOf<typeof PolicyQuery>['associations'][number];
type Policy = NonNullable<Association['policy']>;
type ScopeRule = Policy['scope']['medical'];
const scopeRules: ScopeRule[] = ['normal', 'certified_only', 'not_offered'];
const scopeKeys = ['medical', 'legal', 'emergency', 'infectionRisk'] as const;
const offerKeys = [
  'waveSize',
  'maxWaves',
  'responseHoursMoreThanAWeekAhead',
  'responseHoursWithinAWeek',
  'responseHoursWithinTwoDays',
] as const;
const reminderKeys = ['reconfirmationHoursBefore', 'reconfirmationCutoffHoursBefore'] as const;
type TaxTreatment = Policy['invoicing']['taxTreatment'];
type InvoiceGrouping = Policy['invoicing']['grouping'];
const taxTreatments: TaxTreatment[] = ['standard', 'exempt'];
const groupings: InvoiceGrouping[] = ['organization_month', 'dispatch'];
const retentionKeys = ['retiredPersonMonths', 'closedOrganizationMonths', 'requestParticularsDays'] as const;
const paperworkKeys = ['requireRegistration', 'requireInsurance', 'requirePledge'] as const;

/** Numbers are typed as text and read on saving, so a half-typed value is never lost or silently changed. */
function PolicyForm({ association, policy }: { association: Association; policy: Policy }) {
  const t = useMessages(adminMessages);
  const labels = useMessages(enumLabels);
  const localName = useLocalName();
  const { locale } = useLocale();
  const [form, setForm] = useState({
    minimumBusinessDays: String(policy.leadTime.minimumBusinessDays),
    holidaysAreBusinessDays: policy.leadTime.holidaysAreBusinessDays,
    scope: { ...policy.scope },
    offers: Object.fromEntries(offerKeys.map((key) => [key, String(policy.offers[key])])) as Record<
      (typeof offerKeys)[number],
      string
    >,
    hoursBeforeStart: policy.reminders.hoursBeforeStart.join(', '),
    reminders: Object.fromEntries(reminderKeys.map((key) => [key, String(policy.reminders[key])])) as Record<
      (typeof reminderKeys)[number],
      string
    >,
    paperwork: { ...policy.paperwork },
    retention: Object.fromEntries(retentionKeys.map((key) => [key, String(policy.retention[key])])) as Record<
      (typeof retentionKeys)[number],
      string
    >,
    invoicing: { ...policy.invoicing, registrationNumber: policy.invoicing.registrationNumber ?? '' },
  });
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saved, setSaved] = useState(false);
  const [{ fetching }, update] = useMutation(UpdatePolicyMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const found: Array<{ field: string; message: string }> = [];
    const whole = (value: string, field: string) => {
      const number = Number(value);
      if (value.trim() === '' || !Number.isInteger(number)) {
        found.push({ field, message: t.wholeNumber });
        return 0;
      }
      return number;
    };
    const hours = form.hoursBeforeStart.split(/[,、\s]+/).filter(Boolean);
    if (hours.some((hour) => !Number.isInteger(Number(hour)))) {
      found.push({ field: 'reminders.hoursBeforeStart', message: t.hoursList });
    }
    const input = {
      leadTime: {
        minimumBusinessDays: whole(form.minimumBusinessDays, 'leadTime.minimumBusinessDays'),
        holidaysAreBusinessDays: form.holidaysAreBusinessDays,
      },
      scope: form.scope,
      offers: Object.fromEntries(offerKeys.map((key) => [key, whole(form.offers[key], `offers.${key}`)])),
      reminders: {
        hoursBeforeStart: hours.map(Number),
        ...Object.fromEntries(reminderKeys.map((key) => [key, whole(form.reminders[key], `reminders.${key}`)])),
      },
      paperwork: form.paperwork,
      retention: Object.fromEntries(retentionKeys.map((key) => [key, whole(form.retention[key], `retention.${key}`)])),
      // An empty number leaves the stored one as it is: a registration is never withdrawn by a blank field.
      invoicing: {
        registrationNumber: form.invoicing.registrationNumber.trim() || null,
        taxTreatment: form.invoicing.taxTreatment,
        grouping: form.invoicing.grouping,
      },
    };
    // Each section by the API's own rules, with what the form found itself (text that is not a number).
    const sections = ['leadTime', 'scope', 'offers', 'reminders', 'paperwork', 'retention'] as const;
    const ruled = sections.flatMap((section) =>
      ruleProblems(policySchema.shape[section], input[section], locale, ['input', section]),
    );
    const named = new Set(found.map((problem) => problem.field));
    const unsendable = formProblems([...found, ...ruled.filter((problem) => !named.has(problem.field))], locale);
    if (unsendable) {
      setFailure(unsendable);
      return;
    }
    const outcome = outcomeOf(
      await update({ associationId: association.id, input }),
      (data) => data.updateAssociationPolicy,
    );
    setFailure(outcome.ok ? null : outcome.failure);
    setSaved(outcome.ok);
  }

  const fieldLabels: Record<string, string> = {
    'leadTime.minimumBusinessDays': t.minimumBusinessDays,
    'reminders.hoursBeforeStart': t.hoursBeforeStart,
    ...Object.fromEntries(offerKeys.map((key) => [`offers.${key}`, t[key]])),
    ...Object.fromEntries(reminderKeys.map((key) => [`reminders.${key}`, t[key]])),
    ...Object.fromEntries(retentionKeys.map((key) => [`retention.${key}`, t.retentionFields[key]])),
    ...Object.fromEntries(scopeKeys.map((key) => [`scope.${key}`, t.scopeFields[key]])),
    'invoicing.registrationNumber': t.invoicingFields.registrationNumber,
  };
  const number = (field: string, value: string, onChange: (value: string) => void, label: string) => (
    <NumberField
      key={field}
      name={field}
      label={label}
      errors={problemsFor(failure, field)}
      value={value}
      onChange={onChange}
    />
  );

  return (
    <section className="card" aria-labelledby={`policy-${association.id}`}>
      <h2 id={`policy-${association.id}`}>{t.policyOf(localName(association))}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <FailureNotice failure={failure} labels={fieldLabels} />
        {saved ? (
          <p className="notice notice-ok" role="status">
            {t.policySaved}
          </p>
        ) : null}
        <fieldset className="group">
          <legend>{t.leadTime}</legend>
          {number(
            'leadTime.minimumBusinessDays',
            form.minimumBusinessDays,
            (value) => setForm((previous) => ({ ...previous, minimumBusinessDays: value })),
            t.minimumBusinessDays,
          )}
          <div className="check">
            <input
              id={`holidays-${association.id}`}
              type="checkbox"
              checked={form.holidaysAreBusinessDays}
              onChange={(event) =>
                setForm((previous) => ({ ...previous, holidaysAreBusinessDays: event.target.checked }))
              }
            />
            <label htmlFor={`holidays-${association.id}`}>{t.holidaysAreBusinessDays}</label>
          </div>
        </fieldset>
        <fieldset className="group">
          <legend>{t.scope}</legend>
          <div className="row">
            {scopeKeys.map((key) => (
              <Field
                key={key}
                name={`scope.${key}`}
                label={t.scopeFields[key]}
                errors={problemsFor(failure, `scope.${key}`)}
              >
                {(control) => (
                  <select
                    {...control}
                    value={form.scope[key]}
                    onChange={(event) =>
                      setForm((previous) => ({
                        ...previous,
                        scope: { ...previous.scope, [key]: event.target.value as ScopeRule },
                      }))
                    }
                  >
                    {scopeRules.map((rule) => (
                      <option key={rule} value={rule}>
                        {labels.scopeRule[rule]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ))}
          </div>
        </fieldset>
        <fieldset className="group">
          <legend>{t.offers}</legend>
          <div className="row">
            {offerKeys.map((key) =>
              number(
                `offers.${key}`,
                form.offers[key],
                (value) => setForm((previous) => ({ ...previous, offers: { ...previous.offers, [key]: value } })),
                t[key],
              ),
            )}
          </div>
        </fieldset>
        <fieldset className="group">
          <legend>{t.reminders}</legend>
          <Field
            name="reminders.hoursBeforeStart"
            label={t.hoursBeforeStart}
            errors={problemsFor(failure, 'reminders.hoursBeforeStart')}
          >
            {(control) => (
              <input
                {...control}
                value={form.hoursBeforeStart}
                onChange={(event) => setForm((previous) => ({ ...previous, hoursBeforeStart: event.target.value }))}
              />
            )}
          </Field>
          <div className="row">
            {reminderKeys.map((key) =>
              number(
                `reminders.${key}`,
                form.reminders[key],
                (value) => setForm((previous) => ({ ...previous, reminders: { ...previous.reminders, [key]: value } })),
                t[key],
              ),
            )}
          </div>
        </fieldset>
        <fieldset className="group">
          <legend>{t.paperwork}</legend>
          <p className="hint">{t.paperworkHint}</p>
          {paperworkKeys.map((key) => (
            <div className="check" key={key}>
              <input
                id={`paperwork-${key}-${association.id}`}
                type="checkbox"
                checked={form.paperwork[key]}
                onChange={(event) => {
                  const checked = event.target.checked;
                  setForm((previous) => ({ ...previous, paperwork: { ...previous.paperwork, [key]: checked } }));
                }}
              />
              <label htmlFor={`paperwork-${key}-${association.id}`}>{t.paperworkFields[key]}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className="group">
          <legend>{t.retention}</legend>
          <p className="hint">{t.retentionHint}</p>
          <div className="row">
            {retentionKeys.map((key) =>
              number(
                `retention.${key}`,
                form.retention[key],
                (value) => setForm((previous) => ({ ...previous, retention: { ...previous.retention, [key]: value } })),
                t.retentionFields[key],
              ),
            )}
          </div>
        </fieldset>
        <fieldset className="group">
          <legend>{t.invoicing}</legend>
          <p className="hint">{t.invoicingHint}</p>
          <Field
            name="invoicing.registrationNumber"
            label={t.invoicingFields.registrationNumber}
            errors={problemsFor(failure, 'invoicing.registrationNumber')}
          >
            {(control) => (
              <input
                {...control}
                value={form.invoicing.registrationNumber}
                placeholder="T1234567890123"
                onChange={(event) =>
                  setForm((previous) => ({
                    ...previous,
                    invoicing: { ...previous.invoicing, registrationNumber: event.target.value },
                  }))
                }
              />
            )}
          </Field>
          <div className="row">
            <Field name="invoicing.taxTreatment" label={t.invoicingFields.taxTreatment}>
              {(control) => (
                <select
                  {...control}
                  value={form.invoicing.taxTreatment}
                  onChange={(event) =>
                    setForm((previous) => ({
                      ...previous,
                      invoicing: { ...previous.invoicing, taxTreatment: event.target.value as TaxTreatment },
                    }))
                  }
                >
                  {taxTreatments.map((value) => (
                    <option key={value} value={value}>
                      {t.taxTreatmentLabels[value]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="invoicing.grouping" label={t.invoicingFields.grouping}>
              {(control) => (
                <select
                  {...control}
                  value={form.invoicing.grouping}
                  onChange={(event) =>
                    setForm((previous) => ({
                      ...previous,
                      invoicing: { ...previous.invoicing, grouping: event.target.value as InvoiceGrouping },
                    }))
                  }
                >
                  {groupings.map((value) => (
                    <option key={value} value={value}>
                      {t.groupingLabels[value]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" disabled={fetching}>
            {t.savePolicy}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Lead time, routing of sensitive requests, offer waves, reminders, paperwork and retention, per association the admin runs. */
export function PolicyPage() {
  const t = useMessages(adminMessages);
  const [{ data, fetching, error }, refresh] = useQuery({ query: PolicyQuery });
  // Admins only: `staff` is null where the viewer is not an admin, `policy` where they do not coordinate.
  const mine = (data?.associations ?? []).filter((association) => association.staff && association.policy);
  return (
    <Page title={t.policyTitle}>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {data && mine.length === 0 ? <Empty>{t.noAdminAssociations}</Empty> : null}
      {mine.map((association) =>
        association.policy ? (
          <PolicyForm key={association.id} association={association} policy={association.policy} />
        ) : null,
      )}
    </Page>
  );
}
