import {
  adviseCategory,
  type BearingBodyKind,
  bearerNames,
  type CategoryAdvice,
  type GrantTaxCategory,
  grantTaxCategories,
  grantTaxCategoryNames,
  grantTaxMeasureNames,
  type RequestPurpose,
} from '@tsunagu/domain';
import { Field } from '../forms/Field';
import type { FieldProblem } from '../forms/failure';
import { useLocale, useMessages } from '../i18n';
import { grantTaxMessages } from './grantTaxMessages';

/** What the table says of the advice, in a sentence: the measure for this kind of body, or none. */
export function MeasureLine({ advice, bearer }: { advice: CategoryAdvice; bearer: BearingBodyKind }) {
  const t = useMessages(grantTaxMessages);
  const { locale } = useLocale();
  const judged = advice.eligibility;
  if (judged.kind === 'flagged') return null;
  return (
    <p className="hint">
      {judged.kind === 'eligible'
        ? t.measure(bearerNames[bearer][locale], grantTaxMeasureNames[judged.measure][locale])
        : t.notClaimed}
    </p>
  );
}

interface GrantTaxChoiceProps {
  purpose: RequestPurpose | '';
  /** The kind of body that bears the cost: the filing organization's. */
  bearer: BearingBodyKind;
  /** '' follows the purpose's suggestion. */
  chosen: GrantTaxCategory | '';
  onChoose(category: GrantTaxCategory | ''): void;
  errors: readonly FieldProblem[];
}

/**
 * The category a new request is filed under: the purpose's suggestion and its measure for the
 * filing body, a warning in words when the choice is one the table does not allow that body, and
 * the eligible one a click away. The same rule (adviseCategory) makes the API refuse it.
 */
export function GrantTaxChoice({ purpose, bearer, chosen, onChoose, errors }: GrantTaxChoiceProps) {
  const t = useMessages(grantTaxMessages);
  const { locale } = useLocale();
  const name = (category: GrantTaxCategory) => grantTaxCategoryNames[category][locale];
  const advice = purpose ? adviseCategory(purpose, bearer, chosen || null) : null;
  return (
    <fieldset className="group" aria-describedby="grant-tax-intro">
      <legend>{t.title}</legend>
      <p className="hint" id="grant-tax-intro">
        {t.intro}
      </p>
      {advice ? (
        <>
          <Field name="grantTaxCategory" label={t.chooseLabel} errors={errors}>
            {(control) => (
              <select
                {...control}
                value={chosen}
                onChange={(event) => onChoose(event.target.value as GrantTaxCategory | '')}
              >
                <option value="">{t.asSuggested(advice.suggested, name(advice.suggested))}</option>
                {grantTaxCategories.map((category) => (
                  <option key={category} value={category}>
                    {t.option(category, name(category))}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <MeasureLine advice={advice} bearer={bearer} />
          {advice.eligibility.kind === 'flagged' && advice.instead ? (
            <div className="notice notice-warn" role="alert">
              <p>{advice.eligibility.reason[locale]}</p>
              <p>{t.suggestion(advice.instead, name(advice.instead))}</p>
              <button type="button" className="secondary" onClick={() => onChoose(advice.instead ?? '')}>
                {t.take(advice.instead)}
              </button>
            </div>
          ) : null}
        </>
      ) : (
        <p className="hint">{t.choosePurposeFirst}</p>
      )}
    </fieldset>
  );
}
