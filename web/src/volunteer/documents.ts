import { ErrorFields } from '../forms/failure';
import { graphql } from '../graphql';

export const BasicsFields = graphql(`
  fragment BasicsFields on Volunteer {
    id
    fullName
    phone
    remoteCapable
    maxTravelKm
    monthlyCap
    specialties
    status
    homeLocalGovernment {
      code
      nameJa
      nameEn
    }
  }
`);

export const LanguagesFields = graphql(`
  fragment LanguagesFields on Volunteer {
    id
    languages {
      level
      directions
      language {
        code
        nameJa
        nameEn
      }
    }
  }
`);

export const RegionsFields = graphql(`
  fragment RegionsFields on Volunteer {
    id
    regions {
      localGovernment {
        code
        nameJa
        nameEn
      }
    }
  }
`);

export const CertificatesFields = graphql(`
  fragment CertificatesFields on Volunteer {
    id
    certificates {
      kind
      name
      issuer
      issuedOn
      expiresOn
    }
  }
`);

export const AvailabilityFields = graphql(`
  fragment AvailabilityFields on Volunteer {
    id
    holidaysOff
    availability {
      weekday
      startMinute
      endMinute
    }
    daysOff {
      startsOn
      endsOn
    }
  }
`);

export const StandingFields = graphql(`
  fragment StandingFields on Volunteer {
    id
    status
    confidentialityPledgeSignedAt
    registrationExpiresOn
    insuranceEnrolledUntil
    profileCompleteness {
      complete
      missing
    }
    memberships {
      status
      association {
        id
        nameJa
        nameEn
      }
    }
  }
`);

export const ProfileQuery = graphql(
  `
    query MyVolunteerProfile {
      myVolunteerProfile {
        id
        ...StandingFields
        ...BasicsFields
        ...LanguagesFields
        ...RegionsFields
        ...CertificatesFields
        ...AvailabilityFields
      }
    }
  `,
  [StandingFields, BasicsFields, LanguagesFields, RegionsFields, CertificatesFields, AvailabilityFields],
);

/**
 * Every section saves through this one mutation with the part it changes. The answer is the whole
 * profile, as the page reads it, so that every section and the completeness shown above them update
 * at once.
 */
export const SaveProfileMutation = graphql(
  `
    mutation SaveVolunteerProfile($input: VolunteerProfileInput!) {
      updateMyVolunteerProfile(input: $input) {
        __typename
        ... on MutationUpdateMyVolunteerProfileSuccess {
          data {
            id
            ...StandingFields
            ...BasicsFields
            ...LanguagesFields
            ...RegionsFields
            ...CertificatesFields
            ...AvailabilityFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields, StandingFields, BasicsFields, LanguagesFields, RegionsFields, CertificatesFields, AvailabilityFields],
);

export const SignPledgeMutation = graphql(
  `
    mutation SignPledge {
      signConfidentialityPledge {
        __typename
        ... on MutationSignConfidentialityPledgeSuccess {
          data {
            id
            confidentialityPledgeSignedAt
            profileCompleteness {
              complete
              missing
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);
