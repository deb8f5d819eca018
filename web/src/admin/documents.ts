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
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);
