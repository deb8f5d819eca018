import { describe, expect, test } from 'vitest';
import { anonymous, type Viewer } from '../viewer';
import { dispatchEvents } from './dispatch-templates';
import { topicOf, topicsFor, unreadCounterOf } from './topics';

const volunteer: Viewer = { ...anonymous, userId: 'u1', volunteerId: 'v1' };
const coordinator: Viewer = { ...anonymous, userId: 'u2', coordinatorOf: ['a1'] };
const requester: Viewer = { ...anonymous, userId: 'u3', organizationId: 'o1' };
const admin: Viewer = { ...anonymous, userId: 'u4', adminOf: ['a1'] };

describe('which messages a person may read in the inbox only', () => {
  test('every dispatch message has a topic a person can turn off by e-mail', () => {
    for (const event of dispatchEvents) expect(topicOf(event)).not.toBeNull();
  });

  test.each([
    ['invitation'],
    ['passwordReset'],
    ['volunteerApplicationReceived'],
    ['volunteerApplicationExistingAccount'],
    ['organizationApplicationExistingAccount'],
    ['volunteerApplicationApproved'],
  ] as const)('an account’s own message (%s) is always e-mailed', (template) => {
    expect(topicOf(template)).toBeNull();
  });

  test.each([
    ['a volunteer', volunteer, ['offers', 'bookings', 'reports']],
    ['a coordinator', coordinator, ['requests', 'screening', 'escalations', 'reports']],
    ['requesting staff', requester, ['requests', 'reports']],
    ['an admin', admin, ['partnerships']],
  ] as const)('%s chooses among the topics of their roles', (_who, viewer, topics) => {
    expect(topicsFor(viewer)).toEqual(topics);
  });

  test.each([
    ['offerMade', 'offersWaiting'],
    ['screeningNeeded', 'approvalsWaiting'],
    ['escalated', 'escalations'],
    ['coverNeeded', 'escalations'],
    ['stepFailed', 'escalations'],
    ['reminder', null],
    ['passwordReset', null],
  ] as const)('an unread %s counts as %s in the navigation', (template, counter) => {
    expect(unreadCounterOf(template)).toBe(counter);
  });
});
