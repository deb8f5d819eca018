import { ErrorFields } from '../forms/failure';
import { graphql } from '../graphql';

export const AdminAssociationsQuery = graphql(`
  query AdminAssociations {
    associations {
      id
      nameJa
      nameEn
      staff {
        role
        user {
          id
          displayName
        }
      }
    }
  }
`);

export const GrantRoleMutation = graphql(
  `
    mutation GrantRole($associationId: ID!, $userId: ID!, $role: StaffRole!) {
      grantAssociationRole(associationId: $associationId, userId: $userId, role: $role) {
        __typename
        ... on MutationGrantAssociationRoleSuccess {
          data {
            id
            staff {
              role
              user {
                id
                displayName
              }
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const RevokeRoleMutation = graphql(
  `
    mutation RevokeRole($associationId: ID!, $userId: ID!) {
      revokeAssociationRole(associationId: $associationId, userId: $userId) {
        __typename
        ... on MutationRevokeAssociationRoleSuccess {
          data {
            id
            staff {
              role
              user {
                id
                displayName
              }
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const InviteMutation = graphql(
  `
    mutation InviteUser($input: InviteUserInput!) {
      inviteUser(input: $input) {
        __typename
        ... on MutationInviteUserSuccess {
          data {
            email
            role
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const ApprovedOrganizationsQuery = graphql(`
  query ApprovedOrganizations {
    organizations(status: approved, first: 100) {
      nodes {
        id
        name
        association {
          id
        }
      }
    }
  }
`);

export const PolicyQuery = graphql(`
  query AssociationPolicies {
    associations {
      id
      nameJa
      nameEn
      staff {
        role
      }
      policy {
        leadTime {
          minimumBusinessDays
          holidaysAreBusinessDays
        }
        scope {
          medical
          legal
          emergency
          infectionRisk
        }
        offers {
          waveSize
          maxWaves
          responseHoursMoreThanAWeekAhead
          responseHoursWithinAWeek
          responseHoursWithinTwoDays
        }
        reminders {
          hoursBeforeStart
          reconfirmationHoursBefore
          reconfirmationCutoffHoursBefore
        }
        paperwork {
          requireRegistration
          requireInsurance
          requirePledge
        }
        retention {
          retiredPersonMonths
          closedOrganizationMonths
          requestParticularsDays
        }
        invoicing {
          registrationNumber
          taxTreatment
          grouping
        }
      }
    }
  }
`);

export const UpdatePolicyMutation = graphql(
  `
    mutation UpdatePolicy($associationId: ID!, $input: AssociationPolicyInput!) {
      updateAssociationPolicy(associationId: $associationId, input: $input) {
        __typename
        ... on MutationUpdateAssociationPolicySuccess {
          data {
            id
            policy {
              leadTime {
                minimumBusinessDays
                holidaysAreBusinessDays
              }
              scope {
                medical
                legal
                emergency
                infectionRisk
              }
              offers {
                waveSize
                maxWaves
                responseHoursMoreThanAWeekAhead
                responseHoursWithinAWeek
                responseHoursWithinTwoDays
              }
              reminders {
                hoursBeforeStart
                reconfirmationHoursBefore
                reconfirmationCutoffHoursBefore
              }
              paperwork {
                requireRegistration
                requireInsurance
                requirePledge
              }
              retention {
                retiredPersonMonths
                closedOrganizationMonths
                requestParticularsDays
              }
              invoicing {
                registrationNumber
                taxTreatment
                grouping
              }
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** A schedule as the rates page lists and edits it: the whole of its rules, within the API's depth limit. */
export const RateSchedulesQuery = graphql(`
  query RateSchedules($associationId: ID!) {
    rateSchedules(associationId: $associationId) {
      id
      effectiveFrom
      illustrative
      note
      rules {
        honorarium {
          kind
          amountYen
          limitMinutes
          firstBlockMinutes
          firstBlockYen
          perHourYen
          roundingUnitMinutes
          rounding
        }
        translation {
          perPageYen
          perManuscriptPageYen
          perWordYen
          manuscriptPageCharacters
          minimumYen
        }
        remoteSessionYen
        transport {
          kind
          capYen
          receiptRequired
        }
        cancellation {
          noticeHoursUnder
          percentOfFee
          fixedYen
        }
        payers {
          honorarium {
            paidBy
            personServedSharePercent
            personServedCapYen
          }
          translation {
            paidBy
            personServedSharePercent
            personServedCapYen
          }
          remote {
            paidBy
            personServedSharePercent
            personServedCapYen
          }
          transport {
            paidBy
            personServedSharePercent
            personServedCapYen
          }
          cancellation {
            paidBy
            personServedSharePercent
            personServedCapYen
          }
        }
      }
    }
  }
`);

export const CreateRateScheduleMutation = graphql(
  `
    mutation CreateRateSchedule($associationId: ID!, $input: RateScheduleInput!) {
      createRateSchedule(associationId: $associationId, input: $input) {
        __typename
        ... on MutationCreateRateScheduleSuccess {
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

export const UpdateRateScheduleMutation = graphql(
  `
    mutation UpdateRateSchedule($rateScheduleId: ID!, $input: RateScheduleInput!) {
      updateRateSchedule(rateScheduleId: $rateScheduleId, input: $input) {
        __typename
        ... on MutationUpdateRateScheduleSuccess {
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

export const DeleteRateScheduleMutation = graphql(
  `
    mutation DeleteRateSchedule($rateScheduleId: ID!) {
      deleteRateSchedule(rateScheduleId: $rateScheduleId) {
        __typename
        ... on MutationDeleteRateScheduleSuccess {
          data
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const AdminPartnershipsQuery = graphql(`
  query AdminPartnerships {
    associations {
      id
      nameJa
      nameEn
      staff {
        role
      }
      partnerships {
        status
        proposedAt
        acceptedAt
        partner {
          id
          nameJa
          nameEn
        }
      }
      partneredBy {
        status
        proposedAt
        acceptedAt
        association {
          id
          nameJa
          nameEn
        }
      }
    }
  }
`);

/**
 * Propose, accept, decline and end take the same arguments; both associations are read again after
 * each (web/src/client.ts), as the answer cannot carry their partnerships within the depth limit.
 */
export const partnershipMutations = {
  propose: graphql(
    `
      mutation ProposePartnership($associationId: ID!, $partnerId: ID!) {
        proposeAssociationPartnership(associationId: $associationId, partnerId: $partnerId) {
          __typename
          ... on MutationProposeAssociationPartnershipSuccess {
            data {
              id
            }
          }
          ...ErrorFields
        }
      }
    `,
    [ErrorFields],
  ),
  accept: graphql(
    `
      mutation AcceptPartnership($associationId: ID!, $partnerId: ID!) {
        acceptAssociationPartnership(associationId: $associationId, partnerId: $partnerId) {
          __typename
          ... on MutationAcceptAssociationPartnershipSuccess {
            data {
              id
            }
          }
          ...ErrorFields
        }
      }
    `,
    [ErrorFields],
  ),
  decline: graphql(
    `
      mutation DeclinePartnership($associationId: ID!, $partnerId: ID!) {
        declineAssociationPartnership(associationId: $associationId, partnerId: $partnerId) {
          __typename
          ... on MutationDeclineAssociationPartnershipSuccess {
            data {
              id
            }
          }
          ...ErrorFields
        }
      }
    `,
    [ErrorFields],
  ),
  end: graphql(
    `
      mutation EndPartnership($associationId: ID!, $partnerId: ID!) {
        endAssociationPartnership(associationId: $associationId, partnerId: $partnerId) {
          __typename
          ... on MutationEndAssociationPartnershipSuccess {
            data {
              id
            }
          }
          ...ErrorFields
        }
      }
    `,
    [ErrorFields],
  ),
};
