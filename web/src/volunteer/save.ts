import { useMutation } from 'urql';
import { type Failure, formProblems, outcomeOf } from '../forms/failure';
import { profileSchema, ruleProblems } from '../forms/rules';
import type { VariablesOf } from '../graphql';
import { useLocale } from '../i18n';
import { SaveProfileMutation } from './documents';

export type ProfileInput = VariablesOf<typeof SaveProfileMutation>['input'];

/**
 * Saves part of the profile. The API's own rules run first, so that every problem of the part shows
 * at once with those the form found itself (a number that is not whole), without asking the API.
 */
export function useSaveProfile() {
  const { locale } = useLocale();
  const [, save] = useMutation(SaveProfileMutation);
  return async (
    input: ProfileInput,
    found: Array<{ field: string; message: string }> = [],
  ): Promise<Failure | null> => {
    const unsendable = formProblems([...found, ...ruleProblems(profileSchema, input, locale)], locale);
    if (unsendable) return unsendable;
    const outcome = outcomeOf(await save({ input }), (data) => data.updateMyVolunteerProfile);
    return outcome.ok ? null : outcome.failure;
  };
}

/** A number field: empty is null (no limit), anything else must be whole. */
export function wholeOrNull(value: string): number | null | 'invalid' {
  if (value.trim() === '') return null;
  const number = Number(value);
  return Number.isInteger(number) ? number : 'invalid';
}
