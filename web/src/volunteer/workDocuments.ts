import { WorkFields } from '../dispatch/WorkSummary';
import { ErrorFields } from '../forms/failure';
import { graphql } from '../graphql';

export const MyOffersQuery = graphql(
  `
    query MyOffers {
      myOffers(first: 20) {
        nodes {
          id
          status
          deadline
          request {
            ...WorkFields
          }
        }
      }
    }
  `,
  [WorkFields],
);

export const AcceptOfferMutation = graphql(
  `
    mutation AcceptOffer($offerId: ID!) {
      acceptOffer(offerId: $offerId) {
        __typename
        ... on MutationAcceptOfferSuccess {
          data {
            outcome
            assignment {
              id
              status
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const DeclineOfferMutation = graphql(
  `
    mutation DeclineOffer($offerId: ID!) {
      declineOffer(offerId: $offerId) {
        __typename
        ... on MutationDeclineOfferSuccess {
          data {
            id
            status
            respondedAt
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const OpenBoardQuery = graphql(
  `
    query OpenBoard {
      openBoard {
        applied
        reasons
        request {
          requestId
          answerBy
          modality
          startsAt
          endsAt
          deadline
          urgent
          purpose
          specialty
          venue
          interpretersNeeded
          volume
          volumeUnit
          translationDirection
          language {
            code
            nameJa
            nameEn
          }
          pairLanguage {
            code
            nameJa
            nameEn
          }
          localGovernment {
            code
            nameJa
            nameEn
          }
        }
      }
    }
  `,
);

export const ApplyToRequestMutation = graphql(
  `
    mutation ApplyToRequest($requestId: ID!) {
      applyToRequest(requestId: $requestId) {
        __typename
        ... on MutationApplyToRequestSuccess {
          data {
            appliedAt
            request
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const WithdrawApplicationMutation = graphql(
  `
    mutation WithdrawApplication($requestId: ID!) {
      withdrawApplication(requestId: $requestId) {
        __typename
        ... on MutationWithdrawApplicationSuccess {
          data {
            request
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/**
 * Pages of 15: a page is priced by its size times its fields (GraphQL Armor's cost limit, 5,000,
 * services/server/src/protections.ts), and 20 bookings with their reasons cost more than that.
 */
export const MyAssignmentsQuery = graphql(
  `
    query MyAssignments($after: String) {
      myAssignments(first: 15, after: $after) {
        nodes {
          id
          status
          reconfirmedAt
          reconfirmBy
          releaseReason
          releaseCause
          releaseNote
          withdrawalReason
          withdrawalNote
          particulars {
            venue
            address
            remoteJoinInstructions
            contactName
            contactPhone
          }
          request {
            ...WorkFields
            cancelledBy
            cancellationReason
            cancellationNote
          }
          reports {
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
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [WorkFields],
);

export const ReconfirmMutation = graphql(
  `
    mutation ReconfirmAssignment($assignmentId: ID!) {
      reconfirmAssignment(assignmentId: $assignmentId) {
        __typename
        ... on MutationReconfirmAssignmentSuccess {
          data {
            id
            status
            reconfirmedAt
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const WithdrawMutation = graphql(
  `
    mutation WithdrawFromAssignment($assignmentId: ID!, $cancellation: CancellationInput!) {
      releaseAssignment(assignmentId: $assignmentId, cancellation: $cancellation) {
        __typename
        ... on MutationReleaseAssignmentSuccess {
          data {
            id
            status
            releaseReason
            withdrawalReason
            withdrawalNote
            particulars {
              address
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const RenewCalendarFeedMutation = graphql(
  `
    mutation RenewMyCalendarFeed {
      renewMyCalendarFeed {
        __typename
        ... on MutationRenewMyCalendarFeedSuccess {
          data {
            path
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);
