import { describe, expect, test } from 'vitest';
import { type Capacity, mayActOn, mayReadDocument, type Owner, tenancyOf } from './tenancy';
import { anonymous, type Viewer } from './viewer';

const osaka = 'association-osaka';
const kobe = 'association-kobe';
const toyonaka = 'organization-toyonaka';
const sakai = 'organization-sakai';

const viewers: Record<string, Viewer> = {
  'someone signed out': anonymous,
  'a clerk of Toyonaka city hall': { ...anonymous, userId: 'u1', organizationId: toyonaka },
  'a volunteer': { ...anonymous, userId: 'u2', volunteerId: 'v1' },
  'a coordinator of Osaka': { ...anonymous, userId: 'u3', coordinatorOf: [osaka] },
  'an admin of Osaka': { ...anonymous, userId: 'u4', coordinatorOf: [osaka], adminOf: [osaka] },
  'a coordinator of Osaka who administers Kobe': {
    ...anonymous,
    userId: 'u5',
    coordinatorOf: [osaka, kobe],
    adminOf: [kobe],
  },
};

const things: Record<string, Owner> = {
  "Osaka's rate schedule": { associationId: osaka },
  "Toyonaka's request (Osaka)": { associationId: osaka, organizationId: toyonaka },
  "Sakai's request (Osaka)": { associationId: osaka, organizationId: sakai },
  "Kobe's rate schedule": { associationId: kobe },
};

// Each line: who, what, in which capacities, and whether they may.
const cases: Array<[string, string, Capacity | Capacity[], boolean]> = [
  ['someone signed out', "Toyonaka's request (Osaka)", ['requester', 'coordinator', 'admin'], false],
  ['a volunteer', "Toyonaka's request (Osaka)", ['requester', 'coordinator'], false],
  ['a clerk of Toyonaka city hall', "Toyonaka's request (Osaka)", 'requester', true],
  ['a clerk of Toyonaka city hall', "Toyonaka's request (Osaka)", 'coordinator', false],
  ['a clerk of Toyonaka city hall', "Sakai's request (Osaka)", 'requester', false],
  ['a clerk of Toyonaka city hall', "Osaka's rate schedule", 'requester', false],
  ['a coordinator of Osaka', "Toyonaka's request (Osaka)", 'coordinator', true],
  ['a coordinator of Osaka', "Sakai's request (Osaka)", ['requester', 'coordinator'], true],
  ['a coordinator of Osaka', "Toyonaka's request (Osaka)", 'requester', false],
  ['a coordinator of Osaka', "Osaka's rate schedule", 'admin', false],
  ['a coordinator of Osaka', "Kobe's rate schedule", 'coordinator', false],
  ['an admin of Osaka', "Osaka's rate schedule", 'admin', true],
  ['an admin of Osaka', "Osaka's rate schedule", 'coordinator', true],
  ['an admin of Osaka', "Kobe's rate schedule", 'admin', false],
  ['an admin of Osaka', "Kobe's rate schedule", 'coordinator', false],
  ['a coordinator of Osaka who administers Kobe', "Kobe's rate schedule", 'admin', true],
  ['a coordinator of Osaka who administers Kobe', "Osaka's rate schedule", 'admin', false],
  ['a coordinator of Osaka who administers Kobe', "Osaka's rate schedule", 'coordinator', true],
];

describe('who may see or act on something of an association or organization', () => {
  test.each(cases)('%s, %s, as %s: %s', (who, what, capacities, allowed) => {
    const viewer = viewers[who];
    const owner = things[what];
    if (!viewer || !owner) throw new Error(`unknown case: ${who}, ${what}`);
    expect(mayActOn(viewer, owner, capacities)).toBe(allowed);
  });

  test('a list filter holds exactly what the rule allows', () => {
    for (const viewer of Object.values(viewers)) {
      for (const capacities of [['requester'], ['coordinator'], ['admin'], ['requester', 'coordinator']] as const) {
        const tenancy = tenancyOf(viewer, capacities);
        for (const owner of Object.values(things)) {
          const inFilter =
            tenancy.associationIds.includes(owner.associationId) ||
            tenancy.organizationIds.includes(owner.organizationId ?? '');
          expect(inFilter).toBe(mayActOn(viewer, owner, capacities));
        }
      }
    }
  });
});

describe('who reads a translation request’s documents', () => {
  const volunteer = (volunteerId: string): Viewer => ({ ...anonymous, userId: `user-${volunteerId}`, volunteerId });
  const readers: Record<string, Viewer> = {
    ...viewers,
    'the booked translator': volunteer('v-booked'),
    'a translator only offered the job': volunteer('v-offered'),
  };
  const toyonakaSource = { associationId: osaka, organizationId: toyonaka, bookedVolunteerIds: ['v-booked'] };
  const cases: Array<[string, boolean]> = [
    ['someone signed out', false],
    ['a clerk of Toyonaka city hall', true],
    ['a coordinator of Osaka', true],
    ['an admin of Osaka', true],
    ['the booked translator', true],
    ['a translator only offered the job', false],
    ['a volunteer', false],
  ];
  test.each(cases)('%s: %s', (who, may) => {
    expect(mayReadDocument(readers[who] as Viewer, toyonakaSource)).toBe(may);
  });

  test('a clerk of another organization, and coordinators of another association, do not', () => {
    const sakaiSource = { associationId: osaka, organizationId: sakai, bookedVolunteerIds: [] };
    expect(mayReadDocument(readers['a clerk of Toyonaka city hall'] as Viewer, sakaiSource)).toBe(false);
    const kobeOnly: Viewer = { ...anonymous, userId: 'u9', coordinatorOf: [kobe] };
    expect(mayReadDocument(kobeOnly, toyonakaSource)).toBe(false);
  });
});
