import { WorkFields } from '../dispatch/WorkSummary';
import { ErrorFields } from '../forms/failure';
import { graphql } from '../graphql';

/** A document as the job's lists show it (DocumentList's fields). */
export const JobDocumentFields = graphql(`
  fragment JobDocumentFields on Document @_unmask {
    id
    fileName
    mediaType
    sizeBytes
    role
    version
    countUnit
    counted
    countStatus
    correctedCount
    manuscriptPages
    pageCount
    countProblem
    downloadUrl
  }
`);

/** What both sides of a translation job read: its state, deadline, rounds, versions and reviews. */
export const TranslationJobFields = graphql(
  `
    fragment TranslationJobFields on TranslationJob @_unmask {
      storedId
      requestId
      state
      deadline
      roundsUsed
      roundsAllowed
      overdueAt
      sources {
        ...JobDocumentFields
      }
      versions {
        ...JobDocumentFields
      }
      submittedVersion {
        id
        version
        fileName
        downloadUrl
      }
      reviews {
        round
        decision
        comment
        documentId
        reviewedAt
      }
      changes {
        storedId
        status
        deadline
        addDocumentIds
        removeDocumentIds
        addedFileNames
        note
        declineReason
        proposedAt
        answeredAt
      }
    }
  `,
  [JobDocumentFields],
);

export const TranslatorJobQuery = graphql(
  `
    query TranslatorJob($id: ID!) {
      node(id: $id) {
        __typename
        ... on Assignment {
          id
          status
          request {
            ...WorkFields
          }
          translationJob {
            ...TranslationJobFields
          }
        }
      }
    }
  `,
  [WorkFields, TranslationJobFields],
);

export const ReviewQuery = graphql(
  `
    query TranslationReview($id: ID!) {
      node(id: $id) {
        __typename
        ... on Request {
          id
          modality
          translationJob {
            ...TranslationJobFields
          }
        }
      }
    }
  `,
  [TranslationJobFields],
);

export const OverdueTranslationJobsQuery = graphql(`
  query OverdueTranslationJobs {
    overdueTranslationJobs {
      storedId
      deadline
      overdueAt
      request {
        id
        organization {
          id
          name
        }
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
      }
    }
  }
`);

export const SubmitTranslationMutation = graphql(
  `
    mutation SubmitTranslation($requestId: ID!, $documentId: ID!) {
      submitTranslation(requestId: $requestId, documentId: $documentId) {
        __typename
        ... on MutationSubmitTranslationSuccess {
          data {
            ...TranslationJobFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [TranslationJobFields, ErrorFields],
);

export const AcceptTranslationMutation = graphql(
  `
    mutation AcceptTranslation($requestId: ID!) {
      acceptTranslation(requestId: $requestId) {
        __typename
        ... on MutationAcceptTranslationSuccess {
          data {
            ...TranslationJobFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [TranslationJobFields, ErrorFields],
);

export const AskForRevisionMutation = graphql(
  `
    mutation AskForRevision($requestId: ID!, $comment: String!) {
      askForRevision(requestId: $requestId, comment: $comment) {
        __typename
        ... on MutationAskForRevisionSuccess {
          data {
            ...TranslationJobFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [TranslationJobFields, ErrorFields],
);

export const GiveBackTranslationMutation = graphql(
  `
    mutation GiveBackTranslation($requestId: ID!, $cancellation: CancellationInput!) {
      giveBackTranslation(requestId: $requestId, cancellation: $cancellation) {
        __typename
        ... on MutationGiveBackTranslationSuccess {
          data {
            ...TranslationJobFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [TranslationJobFields, ErrorFields],
);

export const ProposeTranslationChangeMutation = graphql(
  `
    mutation ProposeTranslationChange(
      $requestId: ID!
      $deadline: DateTime
      $addDocumentIds: [ID!]
      $removeDocumentIds: [ID!]
      $note: String
    ) {
      proposeTranslationChange(
        requestId: $requestId
        deadline: $deadline
        addDocumentIds: $addDocumentIds
        removeDocumentIds: $removeDocumentIds
        note: $note
      ) {
        __typename
        ... on MutationProposeTranslationChangeSuccess {
          data {
            ...TranslationJobFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [TranslationJobFields, ErrorFields],
);

export const AnswerTranslationChangeMutation = graphql(
  `
    mutation AnswerTranslationChange($requestId: ID!, $accept: Boolean!, $reason: String) {
      answerTranslationChange(requestId: $requestId, accept: $accept, reason: $reason) {
        __typename
        ... on MutationAnswerTranslationChangeSuccess {
          data {
            ...TranslationJobFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [TranslationJobFields, ErrorFields],
);
