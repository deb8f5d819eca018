/**
 * The API's own input rules (zod schemas of @tsunagu/domain), run by forms before sending so that a
 * form and the API cannot disagree; the API still checks. The one place the web reaches into the domain.
 */
import { inputProblems } from '@tsunagu/domain';
import type { Locale } from '../i18n';
import { type FieldProblem, fieldOf } from './failure';

export {
  cancellationSchema,
  individualNumberSchema,
  invitationSchema,
  invitedRoles,
  maxLengthOf,
  organizationApplicationSchema,
  paperworkSchema,
  partnershipProposalSchema,
  payoutAccountSchema,
  policySchema,
  profileSchema,
  rateScheduleFieldsSchema,
  reasonNoteLimit,
  requesterReportSchema,
  requestSchema,
  seriesSchema,
  statementAddressSchema,
  statementPayerSchema,
  volunteerApplicationSchema,
  volunteerReportSchema,
  withdrawalSchema,
} from '@tsunagu/domain';

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
