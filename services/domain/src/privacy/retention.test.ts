import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { type RetentionPerson, type RetentionPolicy, retentionDue } from './retention';

// Tuesday 1 December 2026, 09:00 in Tokyo.
const now = DateTime.fromISO('2026-12-01T09:00:00', { zone: 'Asia/Tokyo' });
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Tokyo' }).toJSDate();

const osaka: RetentionPolicy = { retiredPersonMonths: 24, closedOrganizationMonths: 12, requestParticularsDays: 90 };
const sakai: RetentionPolicy = { retiredPersonMonths: 36, closedOrganizationMonths: 24, requestParticularsDays: 30 };
const policies = new Map([
  ['osaka', osaka],
  ['sakai', sakai],
]);

type Membership = NonNullable<RetentionPerson['volunteer']>['memberships'][number];
const member = (associationId: string, status: Membership['status'], leftAt: string | null = null): Membership => ({
  associationId,
  status,
  leftAt: leftAt ? at(leftAt) : null,
});

describe('which retired volunteers are anonymised today', () => {
  test.each<{ scenario: string; volunteer: RetentionPerson['volunteer']; due: boolean }>([
    {
      scenario: 'retired exactly 24 months ago from Osaka: due',
      volunteer: { status: 'retired', retiredAt: at('2024-12-01T09:00:00'), memberships: [member('osaka', 'active')] },
      due: true,
    },
    {
      scenario: 'retired 24 months ago less a minute: not yet',
      volunteer: { status: 'retired', retiredAt: at('2024-12-01T09:01:00'), memberships: [member('osaka', 'active')] },
      due: false,
    },
    {
      scenario: 'left Osaka 25 months ago but still active in Sakai: kept',
      volunteer: {
        status: 'active',
        retiredAt: null,
        memberships: [member('osaka', 'left', '2024-11-01T00:00:00'), member('sakai', 'active')],
      },
      due: false,
    },
    {
      scenario: 'left Osaka and Sakai 30 months ago: Sakai keeps people 36 months, so not yet',
      volunteer: {
        status: 'active',
        retiredAt: null,
        memberships: [member('osaka', 'left', '2024-06-01T00:00:00'), member('sakai', 'left', '2024-06-01T00:00:00')],
      },
      due: false,
    },
    {
      scenario: 'left every association, the last 36 months ago: due',
      volunteer: {
        status: 'active',
        retiredAt: null,
        memberships: [member('osaka', 'left', '2022-01-01T00:00:00'), member('sakai', 'left', '2023-12-01T09:00:00')],
      },
      due: true,
    },
    {
      scenario: 'retired without a recorded date: kept (nothing is erased on a guess)',
      volunteer: { status: 'retired', retiredAt: null, memberships: [member('osaka', 'left')] },
      due: false,
    },
    {
      scenario: 'a member of an association without a known policy: kept',
      volunteer: {
        status: 'retired',
        retiredAt: at('2010-01-01T00:00:00'),
        memberships: [member('elsewhere', 'left')],
      },
      due: false,
    },
    {
      scenario: 'suspended years ago but never retired: kept',
      volunteer: { status: 'suspended', retiredAt: null, memberships: [member('osaka', 'suspended')] },
      due: false,
    },
  ])('$scenario', ({ volunteer, due }) => {
    const records = { people: [{ userId: 'u1', volunteer }], organizations: [], requests: [] };
    expect(retentionDue(records, policies, now).people).toEqual(due ? ['u1'] : []);
  });

  test('retired long ago but still booked for a day to come: kept until that booking is sorted out', () => {
    const volunteer = {
      status: 'retired' as const,
      retiredAt: at('2020-01-01T00:00:00'),
      memberships: [member('osaka', 'left', '2020-01-01T00:00:00')],
    };
    const records = { people: [{ userId: 'u3', volunteer, bookingToCome: true }], organizations: [], requests: [] };
    expect(retentionDue(records, policies, now).people).toEqual([]);
  });

  test('a person with no volunteer profile (requesting staff) is not due for retiring', () => {
    const records = { people: [{ userId: 'u2', volunteer: null }], organizations: [], requests: [] };
    expect(retentionDue(records, policies, now).people).toEqual([]);
  });
});

describe('which closed organizations are anonymised today', () => {
  test.each([
    {
      scenario: 'closed 12 months ago in Osaka (12 months): due',
      associationId: 'osaka',
      closedAt: '2025-12-01T09:00:00',
      due: true,
    },
    {
      scenario: 'closed 12 months ago in Sakai (24 months): not yet',
      associationId: 'sakai',
      closedAt: '2025-12-01T09:00:00',
      due: false,
    },
    { scenario: 'not closed: kept', associationId: 'osaka', closedAt: null, due: false },
  ])('$scenario', ({ associationId, closedAt, due }) => {
    const records = {
      people: [],
      organizations: [{ id: 'o1', associationId, closedAt: closedAt ? at(closedAt) : null }],
      requests: [],
    };
    expect(retentionDue(records, policies, now).organizations).toEqual(due ? ['o1'] : []);
  });
});

describe('which requests lose their contact person and notes today', () => {
  test.each([
    { scenario: 'ended 90 days ago in Osaka: due', associationId: 'osaka', endedAt: '2026-09-02T09:00:00', due: true },
    {
      scenario: 'ended 89 days ago in Osaka: not yet',
      associationId: 'osaka',
      endedAt: '2026-09-03T09:00:00',
      due: false,
    },
    {
      scenario: 'ended 30 days ago in Sakai (30 days): due',
      associationId: 'sakai',
      endedAt: '2026-11-01T09:00:00',
      due: true,
    },
    { scenario: 'still to come: kept', associationId: 'osaka', endedAt: '2027-01-10T12:00:00', due: false },
    { scenario: 'without a date: kept', associationId: 'osaka', endedAt: null, due: false },
  ])('$scenario', ({ associationId, endedAt, due }) => {
    const records = {
      people: [],
      organizations: [],
      requests: [{ id: 'r1', associationId, activityEndedAt: endedAt ? at(endedAt) : null }],
    };
    expect(retentionDue(records, policies, now).requests).toEqual(due ? ['r1'] : []);
  });
});
