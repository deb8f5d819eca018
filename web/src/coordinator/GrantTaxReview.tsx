import {
  adviseCategory,
  bearerNames,
  type GrantTaxCategory,
  grantTaxCategories,
  grantTaxCategoryNames,
} from '@tsunagu/domain';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ActionButton } from '../forms/ActionButton';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { ErrorFields, type Failure, formProblems, outcomeOf } from '../forms/failure';
import { graphql } from '../graphql';
import { useLocale, useMessages } from '../i18n';
import { enumLabels } from '../labels';
import { grantTaxMessages } from '../requests/grantTaxMessages';

const RequestGrantTaxQuery = graphql(`
  query RequestGrantTax($id: ID!) {
    node(id: $id) {
      __typename
      ... on Request {
        id
        purpose
        grantTax {
          category
          categoryName
          bearingKind
          eligibility
          measureName
          flag
          instead
          insteadName
        }
      }
    }
  }
`);

const OverrideCategoryMutation = graphql(
  `
    mutation OverrideCategory($id: ID!, $category: String!, $reason: String!) {
      overrideRequestCategory(requestId: $id, category: $category, reason: $reason) {
        __typename
        ... on MutationOverrideRequestCategorySuccess {
          data {
            changedLines
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/**
 * At screening: the request's grant-tax category and its measure for the body that bears the cost,
 * and a change of category with its reason (audited). A category the table does not allow that
 * body — the request's own, booked before the API refused such, or one chosen here — is said in
 * words, with the eligible one a click away; the API refuses the ineligible one by the same rule.
 */
export function GrantTaxReview({ requestId }: { requestId: string }) {
  const t = useMessages(grantTaxMessages);
  const labels = useMessages(enumLabels);
  const { locale } = useLocale();
  const [{ data }] = useQuery({ query: RequestGrantTaxQuery, variables: { id: requestId } });
  const [{ fetching }, override] = useMutation(OverrideCategoryMutation);
  const [selected, setSelected] = useState<GrantTaxCategory | ''>('');
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const request = data?.node?.__typename === 'Request' ? data.node : null;
  if (!request) return null;
  const advice = request.grantTax;
  const choice = selected ? adviseCategory(request.purpose, advice.bearingKind, selected) : null;
  // What to warn of: the category chosen here, else the request's own when the table flags it.
  const warning = choice
    ? choice.eligibility.kind === 'flagged' && choice.instead
      ? {
          text: choice.eligibility.reason[locale],
          from: choice.chosen,
          instead: choice.instead,
          insteadName: grantTaxCategoryNames[choice.instead][locale],
        }
      : null
    : advice.flag && advice.instead
      ? { text: advice.flag, from: advice.category, instead: advice.instead, insteadName: advice.insteadName ?? '' }
      : null;

  async function send(category: string, why: string): Promise<Failure | null> {
    const outcome = outcomeOf(
      await override({ id: requestId, category, reason: why }),
      (result) => result.overrideRequestCategory,
    );
    if (!outcome.ok) return outcome.failure;
    setSelected('');
    setReason('');
    return null;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const unsendable = formProblems(
      [
        ...(warning && selected ? [{ field: 'category', message: warning.text }] : []),
        ...(reason.trim() ? [] : [{ field: 'reason', message: t.sayWhy }]),
      ],
      locale,
    );
    setFailure(unsendable ?? (await send(selected, reason)));
  }

  return (
    <section aria-labelledby="grant-tax-title">
      <h3 id="grant-tax-title">{t.title}</h3>
      <p>
        {t.option(advice.category, advice.categoryName)} ({labels.organizationType[advice.bearingKind]})
      </p>
      {advice.measureName ? (
        <p className="hint">{t.measure(bearerNames[advice.bearingKind][locale], advice.measureName)}</p>
      ) : null}
      {advice.eligibility === 'not_claimed' ? <p className="hint">{t.notClaimed}</p> : null}
      {warning ? (
        <div className="notice notice-warn" role="alert">
          <p>{warning.text}</p>
          <p>{t.suggestion(warning.instead, warning.insteadName)}</p>
          <ActionButton
            className="secondary"
            done={t.taken}
            run={async () => {
              // The eligible one may be the request's own already: then there is nothing to send.
              if (warning.instead === advice.category) {
                setSelected('');
                return null;
              }
              return send(warning.instead, t.fixReason(warning.from, warning.instead));
            }}
          >
            {t.take(warning.instead)}
          </ActionButton>
        </div>
      ) : null}
      <form className="form" onSubmit={submit} noValidate aria-label={t.change}>
        <FailureNotice failure={failure} labels={{ category: t.changeLabel, reason: t.reasonLabel }} />
        <div className="row">
          <Field name="category" label={t.changeLabel} errors={problemsFor(failure, 'category')}>
            {(control) => (
              <select
                {...control}
                value={selected}
                onChange={(event) => setSelected(event.target.value as GrantTaxCategory | '')}
              >
                <option value="">{t.keep}</option>
                {grantTaxCategories
                  .filter((category) => category !== advice.category)
                  .map((category) => (
                    <option key={category} value={category}>
                      {t.option(category, grantTaxCategoryNames[category][locale])}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field name="reason" label={t.reasonLabel} hint={t.reasonHint} errors={problemsFor(failure, 'reason')}>
            {(control) => <input {...control} value={reason} onChange={(event) => setReason(event.target.value)} />}
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="secondary" disabled={fetching || !selected}>
            {t.change}
          </button>
        </div>
      </form>
    </section>
  );
}
