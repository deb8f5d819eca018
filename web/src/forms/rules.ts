/**
 * The API's own input rules (zod schemas in the domain's pure modules), run by forms before
 * sending so that a form and the API cannot disagree; the API still checks. Imported by path, as
 * the only place the web reaches into the domain, until the pure modules are a package of their own.
 */
import { inputProblems } from '../../../services/src/validation';
import type { Locale } from '../i18n';
import { type FieldProblem, fieldOf } from './failure';

export { policySchema } from '../../../services/src/associations/policy';
export { requesterReportSchema, volunteerReportSchema } from '../../../services/src/dispatch/input';
export { rateScheduleFieldsSchema } from '../../../services/src/expenses/rates';
export { requestSchema, seriesSchema } from '../../../services/src/requests/input';
export { maxLengthOf } from '../../../services/src/validation';
export { profileSchema } from '../../../services/src/volunteers/input';

/** What the rules find wrong with an input, each by the form's name for its field, in the page's language. */
export function ruleProblems(
  schema: Parameters<typeof inputProblems>[0],
  input: unknown,
  locale: Locale,
  basePath: string[] = ['input'],
): FieldProblem[] {
  return inputProblems(schema, input, basePath).map((problem) => ({
    field: fieldOf(problem.path),
    message: problem.message[locale],
    lang: locale,
  }));
}
