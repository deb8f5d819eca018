import { ErrorFields } from '../forms/failure';
import { graphql } from '../graphql';

/** Where the dispatch stands and the offers made, for the coordinators of the request's association. */
export const DispatchStateQuery = graphql(`
  query DispatchState($id: ID!) {
    node(id: $id) {
      __typename
      ... on Request {
        id
        status
        dispatchStage
        dispatchWave
        escalatedAt
        rejectionReason
        offers {
          id
          status
          wave
          deadline
          respondedAt
          volunteer {
            id
            fullName
          }
        }
      }
    }
  }
`);

/* Screening and approving answer with the request's id only: the cache reads it again (client.ts). */
export const ApproveRequestMutation = graphql(
  `
    mutation ApproveRequest($id: ID!) {
      approveRequest(requestId: $id) {
        __typename
        ... on MutationApproveRequestSuccess {
          data {
            id
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const RejectRequestMutation = graphql(
  `
    mutation RejectRequest($id: ID!, $reason: String!) {
      rejectRequest(requestId: $id, reason: $reason) {
        __typename
        ... on MutationRejectRequestSuccess {
          data {
            id
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const OfferToVolunteerMutation = graphql(
  `
    mutation OfferToVolunteer($requestId: ID!, $volunteerId: ID!) {
      offerToVolunteer(requestId: $requestId, volunteerId: $volunteerId) {
        __typename
        ... on MutationOfferToVolunteerSuccess {
          data {
            id
            status
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const AssignVolunteerMutation = graphql(
  `
    mutation AssignVolunteer($requestId: ID!, $volunteerId: ID!) {
      assignVolunteer(requestId: $requestId, volunteerId: $volunteerId) {
        __typename
        ... on MutationAssignVolunteerSuccess {
          data {
            id
            status
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const ApproveActivityReportsMutation = graphql(
  `
    mutation ApproveActivityReports($id: ID!) {
      approveActivityReports(requestId: $id) {
        __typename
        ... on MutationApproveActivityReportsSuccess {
          data {
            id
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const RecordNoShowMutation = graphql(
  `
    mutation RecordNoShow($assignmentId: ID!) {
      recordNoShow(assignmentId: $assignmentId) {
        __typename
        ... on MutationRecordNoShowSuccess {
          data {
            id
            status
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** Before the day: a coordinator releases a booked volunteer, or the volunteer withdraws; cover is sought at once. */
export const ReleaseAssignmentMutation = graphql(
  `
    mutation ReleaseAssignment($assignmentId: ID!, $cancellation: CancellationInput!) {
      releaseAssignment(assignmentId: $assignmentId, cancellation: $cancellation) {
        __typename
        ... on MutationReleaseAssignmentSuccess {
          data {
            id
            status
            releaseReason
            releaseCause
            releaseNote
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const SubmittedExpensesQuery = graphql(`
  query SubmittedExpenses($associationId: ID!, $fiscalYear: Int!) {
    expenseLines(associationId: $associationId, fiscalYear: $fiscalYear, status: submitted, first: 50) {
      nodes {
        id
        activityDate
        kind
        status
        amountYen
        note
        grantTaxCategory
        language {
          code
          nameJa
          nameEn
        }
        bearingGovernment {
          code
          nameJa
          nameEn
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

export const ApproveExpenseLinesMutation = graphql(
  `
    mutation ApproveExpenseLines($lineIds: [ID!]!) {
      advanceExpenseLines(lineIds: $lineIds, to: approved) {
        __typename
        ... on MutationAdvanceExpenseLinesSuccess {
          data {
            id
            status
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);
