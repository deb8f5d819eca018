import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { fixedClock } from '@tsunagu/services';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { globalId, startTestApi, type TestApi } from '../support/api';
import { insertAvailableVolunteer, insertDispatchWorld } from '../support/dispatch-world';
import { insertRequest } from '../support/fixtures';
import { inlineDispatcher } from '../support/inline-dispatcher';

/** What a hostile or merely unlucky client sends, and the typed answer it gets instead of a 500. */
let testDb: TestDatabase;
let api: TestApi;
const clock = fixedClock('2027-01-15T09:00');

beforeAll(async () => {
  testDb = await openTestDatabase();
  api = await startTestApi(testDb.database, { clock, dispatcher: inlineDispatcher(testDb.database.db, clock) });
});
afterAll(async () => {
  await api?.close();
  await testDb?.dispose();
});

describe('cookies of other applications on the same host', () => {
  test('a foreign cookie that is not percent-encoded does not break the request, and the session still counts', async () => {
    const { db } = testDb.database;
    const world = await insertDispatchWorld(db);
    const session = await api.sessionFor(world.requesterUser.id);
    const { data, errors, response } = await api.graphql<{ me: { displayName: string } | null }>(
      '{ me { displayName } }',
      undefined,
      { headers: { cookie: `other_app=50%off; tsunagu_session=${session}; theme="dark"` } },
    );
    expect(response.status).toBe(200);
    expect(errors).toBeUndefined();
    expect(data?.me?.displayName).toBe('依頼 次郎');
  });
});

describe('a coordinator offers or books by hand', () => {
  test('a successful offer answers with the offer, not "Unexpected error."', async () => {
    const { db } = testDb.database;
    const world = await insertDispatchWorld(db);
    const request = await insertRequest(db, world.associationId, world.organizationId);
    const lan = await insertAvailableVolunteer(db, world.associationId, 'Lan');
    const session = await api.sessionFor(world.coordinator.userId ?? '');
    const { data, errors } = await api.graphql<{
      offerToVolunteer: { __typename: string; data?: { status: string; volunteer: { fullName: string } } };
    }>(
      `mutation ($r: ID!, $v: ID!) {
        offerToVolunteer(requestId: $r, volunteerId: $v) {
          __typename ... on MutationOfferToVolunteerSuccess { data { status volunteer { fullName } } }
        }
      }`,
      { r: globalId('Request', request.id), v: globalId('Volunteer', lan.volunteer.id) },
      { session },
    );
    expect(errors).toBeUndefined();
    expect(data?.offerToVolunteer).toEqual({
      __typename: 'MutationOfferToVolunteerSuccess',
      data: { status: 'offered', volunteer: { fullName: 'Lan' } },
    });
  });

  test('a successful booking by hand answers with the booking, not "Unexpected error."', async () => {
    const { db } = testDb.database;
    const world = await insertDispatchWorld(db);
    const request = await insertRequest(db, world.associationId, world.organizationId);
    const minh = await insertAvailableVolunteer(db, world.associationId, 'Minh');
    const session = await api.sessionFor(world.coordinator.userId ?? '');
    const { data, errors } = await api.graphql<{
      assignVolunteer: { __typename: string; data?: { status: string; volunteerName: string } };
    }>(
      `mutation ($r: ID!, $v: ID!) {
        assignVolunteer(requestId: $r, volunteerId: $v) {
          __typename ... on MutationAssignVolunteerSuccess { data { status volunteerName } }
        }
      }`,
      { r: globalId('Request', request.id), v: globalId('Volunteer', minh.volunteer.id) },
      { session },
    );
    expect(errors).toBeUndefined();
    expect(data?.assignVolunteer).toEqual({
      __typename: 'MutationAssignVolunteerSuccess',
      data: { status: 'confirmed', volunteerName: 'Minh' },
    });
  });
});
