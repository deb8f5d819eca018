import { useMutation } from 'urql';
import { type Failure, formProblems, outcomeOf } from '../forms/failure';
import { requesterReportSchema, ruleProblems, volunteerReportSchema } from '../forms/rules';
import type { VariablesOf } from '../graphql';
import { type Locale, useLocale } from '../i18n';
import { FileActivityReportMutation } from './documents';

type ReportInput = VariablesOf<typeof FileActivityReportMutation>['input'];

/** The API's own rules for the report, run before sending; times go as the instants the API reads. */
function reportProblems(input: ReportInput, locale: Locale) {
  if (input.requester) return ruleProblems(requesterReportSchema, input.requester, locale, ['input', 'requester']);
  if (!input.volunteer) return [];
  const { actualStart, actualEnd } = input.volunteer;
  const report = { ...input.volunteer, actualStart: new Date(actualStart), actualEnd: new Date(actualEnd) };
  return ruleProblems(volunteerReportSchema, report, locale, ['input', 'volunteer']);
}

/**
 * Files a report. Problems the form found itself (a day or time left empty) and those the API's
 * rules find go back together, each field once, without asking the API.
 */
export function useFileReport(assignmentId: string) {
  const { locale } = useLocale();
  const [, file] = useMutation(FileActivityReportMutation);
  return async (input: ReportInput, found: Array<{ field: string; message: string }>): Promise<Failure | null> => {
    const named = new Set(found.map((problem) => problem.field));
    const ruled = reportProblems(input, locale).filter((problem) => !named.has(problem.field));
    const unsendable = formProblems([...found, ...ruled], locale);
    if (unsendable) return unsendable;
    const outcome = outcomeOf(await file({ assignmentId, input }), (data) => data.fileActivityReport);
    return outcome.ok ? null : outcome.failure;
  };
}
