import { useMutation } from 'urql';
import { type Failure, formProblems, outcomeOf } from '../forms/failure';
import type { VariablesOf } from '../graphql';
import { useLocale } from '../i18n';
import { FileActivityReportMutation } from './documents';

type ReportInput = VariablesOf<typeof FileActivityReportMutation>['input'];

/** Files a report; problems the form found itself go back without asking the API. */
export function useFileReport(assignmentId: string) {
  const { locale } = useLocale();
  const [, file] = useMutation(FileActivityReportMutation);
  return async (input: ReportInput, found: Array<{ field: string; message: string }>): Promise<Failure | null> => {
    const unsendable = formProblems(found, locale);
    if (unsendable) return unsendable;
    const outcome = outcomeOf(await file({ assignmentId, input }), (data) => data.fileActivityReport);
    return outcome.ok ? null : outcome.failure;
  };
}
