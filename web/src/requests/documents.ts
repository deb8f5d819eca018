import { RequestDocumentsFields } from '../documents/RequestDocuments';
import { ErrorFields } from '../forms/failure';
import { graphql } from '../graphql';

/** A request as lists show it. */
export const RequestSummaryFields = graphql(`
  fragment RequestSummaryFields on Request {
    id
    status
    dispatchStage
    modality
    startsAt
    endsAt
    deadline
    urgent
    flags
    purpose
    interpretersNeeded
    answerBy
    language {
      code
      nameJa
      nameEn
    }
    localGovernment {
      code
      nameJa
      nameEn
    }
    organization {
      id
      name
    }
  }
`);

/** Everything the requester and the coordinator see of one request. */
export const RequestDetailFields = graphql(`
  fragment RequestDetailFields on Request {
    id
    status
    dispatchStage
    rejectionReason
    modality
    startsAt
    endsAt
    deadline
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
    venue
    address
    remoteJoinInstructions
    purpose
    specialty
    interpretersNeeded
    contactName
    contactPhone
    notes
    urgent
    emergency
    infectionRisk
    flags
    routing
    requiredCertificateKind
    answerBy
    grantTaxCategory
    openToPartners
    canChange
    canCancel
    screenedAt
    cancelledAt
    cancelledBy
    cancellationReason
    cancellationNote
    createdAt
    assignments {
      id
      status
    }
    organization {
      id
      name
    }
    series {
      id
    }
  }
`);

export const RequestQuery = graphql(
  `
    query Request($id: ID!) {
      node(id: $id) {
        __typename
        ... on Request {
          ...RequestDetailFields
          ...RequestDocumentsFields
        }
      }
    }
  `,
  [RequestDetailFields, RequestDocumentsFields],
);

/*
 * Filing and changing answer with the request's id only: a fragment spread would take the answer
 * past the API's depth limit, so the cache drops the changed request instead (client.ts) and every
 * view showing it reads it again.
 */
export const FileRequestMutation = graphql(
  `
    mutation FileRequest($input: RequestInput!) {
      fileRequest(input: $input) {
        __typename
        ... on MutationFileRequestSuccess {
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

export const FileRequestSeriesMutation = graphql(
  `
    mutation FileRequestSeries($input: RequestSeriesInput!) {
      fileRequestSeries(input: $input) {
        __typename
        ... on MutationFileRequestSeriesSuccess {
          data {
            id
            requests {
              id
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const EditRequestMutation = graphql(
  `
    mutation EditRequest($id: ID!, $changes: RequestChangesInput!) {
      editRequest(requestId: $id, changes: $changes) {
        __typename
        ... on MutationEditRequestSuccess {
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

export const CancelRequestMutation = graphql(
  `
    mutation CancelRequest($id: ID!, $cancellation: CancellationInput!) {
      cancelRequest(requestId: $id, cancellation: $cancellation) {
        __typename
        ... on MutationCancelRequestSuccess {
          data {
            id
            status
            cancelledAt
            cancelledBy
            cancellationReason
            cancellationNote
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** Who is booked for a request and what they reported: the requester's and the coordinators' view. */
export const RequestBookingsQuery = graphql(
  `
    query RequestBookings($id: ID!) {
      node(id: $id) {
        __typename
        ... on Request {
          id
          status
          startsAt
          deadline
          assignments {
            id
            status
            volunteerId
            volunteerName
            reconfirmedAt
            releaseCause
            releaseNote
            withdrawalReason
            withdrawalNote
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
        }
      }
    }
  `,
);
