import { ErrorFields } from '../forms/failure';
import { graphql } from '../graphql';

/** A report as both sides and the coordinators read it. */
export const ReportFields = graphql(`
  fragment ReportFields on ActivityReport @_unmask {
    kind
    actualStart
    actualEnd
    transportFareYen
    notes
    tookPlace
    satisfaction
    remarks
    filedAt
    approvedAt
  }
`);

/** The volunteer's report or the requester's; the answer is the report (it has no id of its own). */
export const FileActivityReportMutation = graphql(
  `
    mutation FileActivityReport($assignmentId: ID!, $input: ActivityReportInput!) {
      fileActivityReport(assignmentId: $assignmentId, input: $input) {
        __typename
        ... on MutationFileActivityReportSuccess {
          data {
            ...ReportFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields, ReportFields],
);
