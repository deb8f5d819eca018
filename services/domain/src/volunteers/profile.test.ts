import { describe, expect, test } from 'vitest';
import {
  canChangeMembershipStatus,
  canChangeVolunteerStatus,
  type MembershipStatus,
  type ProfileForCompleteness,
  profileCompleteness,
  type VolunteerStatus,
} from './profile';

const ready: ProfileForCompleteness = {
  phone: '090-1234-5678',
  remoteCapable: false,
  confidentialityPledgeSignedAt: new Date('2026-04-01T09:00:00+09:00'),
  languageCount: 1,
  regionCount: 2,
  availabilityWindowCount: 3,
};

describe('is a volunteer’s profile complete enough to be matched?', () => {
  test.each([
    { scenario: 'everything filled in and the pledge signed', profile: ready, missing: [] },
    { scenario: 'no phone number to reach them', profile: { ...ready, phone: null }, missing: ['phone'] },
    { scenario: 'no language yet', profile: { ...ready, languageCount: 0 }, missing: ['languages'] },
    {
      scenario: 'no region, and not able to work remotely',
      profile: { ...ready, regionCount: 0 },
      missing: ['regions'],
    },
    {
      scenario: 'no region, but able to work by phone or video',
      profile: { ...ready, regionCount: 0, remoteCapable: true },
      missing: [],
    },
    {
      scenario: 'no weekly availability',
      profile: { ...ready, availabilityWindowCount: 0 },
      missing: ['availability'],
    },
    {
      scenario: 'the confidentiality pledge not signed',
      profile: { ...ready, confidentialityPledgeSignedAt: null },
      missing: ['confidentialityPledge'],
    },
    {
      scenario: 'a fresh application with nothing filled in',
      profile: {
        phone: null,
        remoteCapable: false,
        confidentialityPledgeSignedAt: null,
        languageCount: 0,
        regionCount: 0,
        availabilityWindowCount: 0,
      },
      missing: ['phone', 'languages', 'regions', 'availability', 'confidentialityPledge'],
    },
  ])('$scenario', ({ profile, missing }) => {
    expect(profileCompleteness(profile)).toEqual({ complete: missing.length === 0, missing });
  });
});

describe('a coordinator changes a volunteer’s status', () => {
  test.each<[string, VolunteerStatus, VolunteerStatus, boolean]>([
    ['accepts an application', 'applied', 'active', true],
    ['records that an applicant withdrew', 'applied', 'retired', true],
    ['cannot suspend someone who was never accepted', 'applied', 'suspended', false],
    ['suspends an active volunteer', 'active', 'suspended', true],
    ['lifts a suspension', 'suspended', 'active', true],
    ['retires an active volunteer', 'active', 'retired', true],
    ['welcomes a retired volunteer back', 'retired', 'active', true],
    ['cannot send a retired volunteer back to the application stage', 'retired', 'applied', false],
    ['cannot make an active volunteer an applicant again', 'active', 'applied', false],
    ['cannot set the status a volunteer already has', 'active', 'active', false],
  ])('%s', (_scenario, from, to, allowed) => {
    expect(canChangeVolunteerStatus(from, to)).toBe(allowed);
  });
});

describe('a coordinator changes a membership of their association', () => {
  test.each<[string, MembershipStatus, MembershipStatus, boolean]>([
    ['accepts a volunteer into the association', 'applied', 'active', true],
    ['suspends a member', 'active', 'suspended', true],
    ['records that a member left', 'active', 'left', true],
    ['takes back a volunteer who left', 'left', 'active', true],
    ['cannot suspend someone who left', 'left', 'suspended', false],
    ['cannot return a member to the application stage', 'suspended', 'applied', false],
  ])('%s', (_scenario, from, to, allowed) => {
    expect(canChangeMembershipStatus(from, to)).toBe(allowed);
  });
});
