import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { globalId, startTestApi, type TestApi } from '../support/api';
import {
  insertAssignment,
  insertAssociation,
  insertCoordinatorWorld,
  insertOrganization,
  insertRequest,
  insertRequester,
  insertStaffMember,
  insertVolunteer,
} from '../support/fixtures';

let testDb: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  testDb = await openTestDatabase();
  api = await startTestApi(testDb.database);
}, 60_000);
afterAll(async () => {
  await api?.close();
  await testDb?.dispose();
});

const myAssignments = '{ myAssignments(first: 10) { nodes { organizationId organizationName } } }';
const bans = '{ bans(first: 10) { nodes { organizationName reason direction } } }';

test('a volunteer reads where they were sent, declines that organization with a reason and takes it back; nobody else of another association sees it', async () => {
  const { db } = testDb.database;
  const { associationId, organizationId, coordinator } = await insertCoordinatorWorld(db, 'en');
  const request = await insertRequest(db, associationId, organizationId);
  const { user, volunteer } = await insertVolunteer(db, associationId);
  await insertAssignment(db, request, volunteer.id);
  const { user: other } = await insertVolunteer(db, associationId);
  const elsewhere = await insertStaffMember(db, (await insertAssociation(db)).id, 'coordinator');
  const session = await api.sessionFor(user.id);

  const read = await api.graphql<{
    myAssignments: { nodes: Array<{ organizationId: string; organizationName: string }> };
  }>(myAssignments, {}, { session });
  expect(read.errors).toBeUndefined();
  expect(read.data?.myAssignments.nodes).toEqual([
    { organizationId: globalId('Organization', organizationId), organizationName: expect.any(String) },
  ]);
  const [sentTo] = read.data?.myAssignments.nodes ?? [];

  const declined = await api.graphql<{ declineOrganization: { __typename: string } }>(
    'mutation ($id: ID!) { declineOrganization(organizationId: $id, reason: "Too far") { __typename } }',
    { id: sentTo?.organizationId },
    { session },
  );
  expect(declined.data?.declineOrganization.__typename).toBe('MutationDeclineOrganizationSuccess');
  const listed = [
    { organizationName: sentTo?.organizationName, reason: 'Too far', direction: 'volunteer_declines_organization' },
  ];
  const bansOf = async (userId: string) =>
    (await api.graphql<{ bans: { nodes: unknown[] } }>(bans, {}, { session: await api.sessionFor(userId) })).data?.bans
      .nodes;
  expect(await bansOf(user.id)).toEqual(listed);
  expect(await bansOf(coordinator.userId as string)).toEqual(listed);
  expect(await bansOf(other.id)).toEqual([]);
  expect(await bansOf(elsewhere.id)).toEqual([]);

  const lifted = await api.graphql<{ liftBan: { __typename: string } }>(
    `mutation ($organizationId: ID!, $volunteerId: ID!) {
      liftBan(organizationId: $organizationId, volunteerId: $volunteerId, direction: volunteer_declines_organization) { __typename }
    }`,
    { organizationId: sentTo?.organizationId, volunteerId: globalId('Volunteer', volunteer.id) },
    { session },
  );
  expect(lifted.data?.liftBan.__typename).toBe('MutationLiftBanSuccess');
  expect(await bansOf(user.id)).toEqual([]);
});

test('another volunteer cannot read where someone else was sent', async () => {
  const { db } = testDb.database;
  const { associationId, organizationId } = await insertCoordinatorWorld(db, 'en');
  const request = await insertRequest(db, associationId, organizationId);
  const { volunteer } = await insertVolunteer(db, associationId);
  const assignment = await insertAssignment(db, request, volunteer.id);
  const { user: other } = await insertVolunteer(db, associationId);
  const { data } = await api.graphql<{ node: unknown }>(
    'query ($id: ID!) { node(id: $id) { ... on Assignment { organizationName } } }',
    { id: globalId('Assignment', assignment.id) },
    { session: await api.sessionFor(other.id) },
  );
  expect(data?.node ?? null).toBeNull();
});

test('a partner’s volunteer who declined an organization is listed by name to its coordinators, who may not open the profile; the read is audited', async () => {
  const { db } = testDb.database;
  const { associationId, organizationId, coordinator } = await insertCoordinatorWorld(db, 'en');
  const partnerId = (await insertAssociation(db)).id;
  const { user, volunteer } = await insertVolunteer(db, partnerId, { fullName: 'Partner Volunteer' });
  const declined = await api.graphql<{ declineOrganization: { __typename: string } }>(
    'mutation ($id: ID!) { declineOrganization(organizationId: $id) { __typename } }',
    { id: globalId('Organization', organizationId) },
    { session: await api.sessionFor(user.id) },
  );
  expect(declined.data?.declineOrganization.__typename).toBe('MutationDeclineOrganizationSuccess');

  const coordinatorId = coordinator.userId as string;
  const { data, errors } = await api.graphql<{ bans: { nodes: Array<{ volunteerName: string }> } }>(
    '{ bans(first: 10) { nodes { volunteerName } } }',
    {},
    { session: await api.sessionFor(coordinatorId) },
  );
  expect(errors).toBeUndefined();
  expect(data?.bans.nodes).toEqual([{ volunteerName: 'Partner Volunteer' }]);
  const audited = await db.query.auditLog.findMany({ where: { actorUserId: coordinatorId, subjectId: volunteer.id } });
  expect(audited.map((row) => [row.action, row.fields, row.associationIds])).toEqual([
    ['read', ['fullName'], [associationId]],
  ]);
});

test('requesting staff decline a volunteer who was sent to them, see the ban with the name, and take it back; another organization’s staff see nothing', async () => {
  const { db } = testDb.database;
  const { associationId, organizationId, coordinator } = await insertCoordinatorWorld(db, 'en');
  const staff = await insertRequester(db, organizationId);
  const otherStaff = await insertRequester(db, (await insertOrganization(db, associationId)).id);
  const request = await insertRequest(db, associationId, organizationId);
  const { volunteer } = await insertVolunteer(db, associationId, { fullName: 'Sent Volunteer' });
  await insertAssignment(db, request, volunteer.id);
  const session = await api.sessionFor(staff.id);

  const read = await api.graphql<{ requests: { nodes: Array<{ assignments: Array<{ volunteerId: string }> }> } }>(
    '{ requests(first: 10) { nodes { assignments { volunteerId } } } }',
    {},
    { session },
  );
  const volunteerId = read.data?.requests.nodes[0]?.assignments[0]?.volunteerId;
  expect(volunteerId).toBe(globalId('Volunteer', volunteer.id));
  const declined = await api.graphql<{ declineVolunteer: { __typename: string } }>(
    'mutation ($id: ID!) { declineVolunteer(volunteerId: $id, reason: "Came late twice") { __typename } }',
    { id: volunteerId },
    { session },
  );
  expect(declined.data?.declineVolunteer.__typename).toBe('MutationDeclineVolunteerSuccess');

  const bansOf = async (userId: string) =>
    (
      await api.graphql<{ bans: { nodes: unknown[] } }>(
        '{ bans(first: 10) { nodes { volunteerName reason direction } } }',
        {},
        { session: await api.sessionFor(userId) },
      )
    ).data?.bans.nodes;
  const listed = [
    { volunteerName: 'Sent Volunteer', reason: 'Came late twice', direction: 'organization_declines_volunteer' },
  ];
  expect(await bansOf(staff.id)).toEqual(listed);
  expect(await bansOf(coordinator.userId as string)).toEqual(listed);
  expect(await bansOf(otherStaff.id)).toEqual([]);

  const lifted = await api.graphql<{ liftBan: { __typename: string } }>(
    `mutation ($organizationId: ID!, $volunteerId: ID!) {
      liftBan(organizationId: $organizationId, volunteerId: $volunteerId, direction: organization_declines_volunteer) { __typename }
    }`,
    { organizationId: globalId('Organization', organizationId), volunteerId },
    { session },
  );
  expect(lifted.data?.liftBan.__typename).toBe('MutationLiftBanSuccess');
  expect(await bansOf(staff.id)).toEqual([]);
});
