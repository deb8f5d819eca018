import { ErrorFields } from '../forms/failure';
import { graphql } from '../graphql';

/** The counts now, then after every change to the inbox, from whichever API process made it. */
export const UnreadCountsSubscription = graphql(`
  subscription UnreadCounts {
    unreadCountsChanged {
      total
      offersWaiting
      approvalsWaiting
      escalations
    }
  }
`);

export const InboxQuery = graphql(`
  query Inbox($after: String) {
    inbox(first: 20, after: $after) {
      nodes {
        id
        subject
        body
        createdAt
        readAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const MarkReadMutation = graphql(
  `
  mutation MarkInboxMessageRead($messageId: ID!) {
    markInboxMessageRead(messageId: $messageId) {
      __typename
      ... on MutationMarkInboxMessageReadSuccess {
        data {
          id
          readAt
        }
      }
      ...ErrorFields
    }
  }
`,
  [ErrorFields],
);

export const MarkAllReadMutation = graphql(
  `
  mutation MarkAllInboxMessagesRead {
    markAllInboxMessagesRead {
      __typename
      ... on MutationMarkAllInboxMessagesReadSuccess {
        data {
          total
          offersWaiting
          approvalsWaiting
          escalations
        }
      }
      ...ErrorFields
    }
  }
`,
  [ErrorFields],
);

export const EmailPreferencesQuery = graphql(`
  query EmailPreferences {
    emailPreferences {
      topic
      email
    }
  }
`);

export const SetEmailPreferenceMutation = graphql(
  `
  mutation SetEmailPreference($topic: EmailTopic!, $email: Boolean!) {
    setEmailPreference(topic: $topic, email: $email) {
      __typename
      ... on MutationSetEmailPreferenceSuccess {
        data {
          topic
          email
        }
      }
      ...ErrorFields
    }
  }
`,
  [ErrorFields],
);
