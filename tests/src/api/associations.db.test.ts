import { type Db, schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { defaultPolicy } from '@tsunagu/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import {
  insertAssociation,
  insertOrganization,
  insertRequester,
  insertStaffMember,
  insertUser,
  insertVolunteer,
  setLocale,
} from '../support/fixtures';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

// One database for the file (PGlite migrates slowly); each scenario makes its own association and people.
let testDb: TestDatabase;
let db: Db;
let api: TestApi;
beforeAll(async () => {
  testDb = await openTestDatabase();
  db = testDb.database.db;
  api = await startTestApi(testDb.database);
}, 60_000);
afterAll(async () => {
  await api?.close();
  await testDb?.dispose();
});

const readPolicy = /* GraphQL */ `
  query Policy($id: ID!) {
    node(id: $id) {
      ... on Association {
        policy {
          leadTime { minimumBusinessDays holidaysAreBusinessDays }
          scope { medical legal emergency infectionRisk }
          offers { waveSize maxWaves responseHoursMoreThanAWeekAhead responseHoursWithinAWeek responseHoursWithinTwoDays }
          reminders { hoursBeforeStart reconfirmationHoursBefore reconfirmationCutoffHoursBefore }
          screening { autoApproveTrusted }
          cancellation { feeTiers { withinHours feePercent } }
          reports { reminderEveryHours maxReminders activityWindowDays }
          paperwork { requireRegistration requireInsurance requirePledge }
          retention { retiredPersonMonths closedOrganizationMonths requestParticularsDays }
          invoicing { registrationNumber taxTreatment grouping }
          translation { revisionRounds reminderHoursBeforeDeadline }
        }
      }
    }
  }
`;

const updatePolicy = /* GraphQL */ `
  mutation Update($id: ID!, $input: AssociationPolicyInput!) {
    updateAssociationPolicy(associationId: $id, input: $input) {
      __typename
      ... on MutationUpdateAssociationPolicySuccess { data { policy { leadTime { minimumBusinessDays } scope { medical } } } }
      ... on ValidationError { problems { path message } }
      ... on Error { message }
    }
  }
`;

type PolicyRead = { node: { policy: typeof defaultPolicy | null } | null };
type UpdateResult = {
  updateAssociationPolicy: {
    __typename: string;
    problems?: Array<{ path: string[]; message: string }>;
    data?: { policy: { leadTime: { minimumBusinessDays: number }; scope: { medical: string } } };
  };
};

describe('an admin sets the association’s policy', () => {
  let associationId: string;
  let id: string;
  let adminSession: string;
  beforeAll(async () => {
    associationId = (await insertAssociation(db)).id;
    id = globalId('Association', associationId);
    adminSession = await api.sessionFor((await insertStaffMember(db, associationId, 'admin')).id);
  });

  test('a new association works with the defaults', async () => {
    const { data } = await api.graphql<PolicyRead>(readPolicy, { id }, { session: adminSession });
    expect(data?.node?.policy).toEqual(defaultPolicy);
  });

  test('an admin asks for five business days’ notice and stops offering medical requests; the rest stays', async () => {
    const { data } = await api.graphql<UpdateResult>(
      updatePolicy,
      { id, input: { leadTime: { minimumBusinessDays: 5 }, scope: { medical: 'not_offered', legal: null } } },
      { session: adminSession },
    );
    expect(data?.updateAssociationPolicy.data?.policy).toEqual({
      leadTime: { minimumBusinessDays: 5 },
      scope: { medical: 'not_offered' },
    });
    const read = await api.graphql<PolicyRead>(readPolicy, { id }, { session: adminSession });
    expect(read.data?.node?.policy).toEqual({
      ...defaultPolicy,
      leadTime: { ...defaultPolicy.leadTime, minimumBusinessDays: 5 },
      scope: { ...defaultPolicy.scope, medical: 'not_offered' },
    });
  });

  test.each([
    {
      scenario: 'offers to nobody',
      input: { offers: { waveSize: 0 } },
      path: ['input', 'offers', 'waveSize'],
    },
    {
      scenario: 'more time to answer two days ahead than a week ahead',
      input: { offers: { responseHoursWithinTwoDays: 30 } },
      path: ['input', 'offers', 'responseHoursWithinTwoDays'],
    },
    {
      scenario: 'personal data of retired volunteers kept for no time at all',
      input: { retention: { retiredPersonMonths: 0 } },
      path: ['input', 'retention', 'retiredPersonMonths'],
    },
    {
      scenario: 'a release before the request to reconfirm',
      input: { reminders: { reconfirmationHoursBefore: 12, reconfirmationCutoffHoursBefore: 24 } },
      path: ['input', 'reminders', 'reconfirmationCutoffHoursBefore'],
    },
  ])('a policy with $scenario is refused, naming the setting, and nothing is saved', async ({ input, path }) => {
    const [before] = await db.select().from(schema.associations).where(eq(schema.associations.id, associationId));
    const { data } = await api.graphql<UpdateResult>(updatePolicy, { id, input }, { session: adminSession });
    expect(data?.updateAssociationPolicy.__typename).toBe('ValidationError');
    expect(data?.updateAssociationPolicy.problems?.map((problem) => problem.path)).toEqual([path]);
    const [after] = await db.select().from(schema.associations).where(eq(schema.associations.id, associationId));
    expect(after?.policy).toEqual(before?.policy);
  });

  test('a coordinator reads the policy but may not change it', async () => {
    const coordinator = await api.sessionFor((await insertStaffMember(db, associationId, 'coordinator')).id);
    const read = await api.graphql<PolicyRead>(readPolicy, { id }, { session: coordinator });
    expect(read.data?.node?.policy?.leadTime.minimumBusinessDays).toBe(5);
    const change = await api.graphql(
      updatePolicy,
      { id, input: { offers: { waveSize: 3 } } },
      { session: coordinator },
    );
    expect(change.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('an admin of another association may not change it', async () => {
    const elsewhere = await insertAssociation(db);
    const otherAdmin = await api.sessionFor((await insertStaffMember(db, elsewhere.id, 'admin')).id);
    const { data } = await api.graphql<UpdateResult>(
      updatePolicy,
      { id, input: { offers: { waveSize: 3 } } },
      { session: otherAdmin },
    );
    expect(data?.updateAssociationPolicy.__typename).toBe('ForbiddenError');
  });

  test('requesting staff do not see the policy, while the association itself stays visible', async () => {
    const organization = await insertOrganization(db, associationId);
    const requester = await api.sessionFor((await insertRequester(db, organization.id)).id);
    const { data } = await api.graphql<{ associations: Array<{ id: string; policy: unknown }> }>(
      `{ associations { id policy { leadTime { minimumBusinessDays } } } }`,
      {},
      { session: requester },
    );
    expect(data?.associations.find((association) => association.id === id)).toEqual({ id, policy: null });
  });
});

describe('partners', () => {
  const propose = /* GraphQL */ `
    mutation Propose($id: ID!, $partnerId: ID!) {
      proposeAssociationPartnership(associationId: $id, partnerId: $partnerId) {
        __typename
        ... on MutationProposeAssociationPartnershipSuccess { data { partnerships { partner { nameEn } status } } }
        ... on ValidationError { problems { path message } }
      }
    }
  `;
  const end = /* GraphQL */ `
    mutation End($id: ID!, $partnerId: ID!) {
      endAssociationPartnership(associationId: $id, partnerId: $partnerId) {
        __typename
        ... on MutationEndAssociationPartnershipSuccess { data { partnerships { status } } }
      }
    }
  `;

  test('an admin proposes to call on a neighbour’s volunteers, and withdraws the proposal', async () => {
    const osaka = await insertAssociation(db);
    const kobe = await insertAssociation(db, {
      nameJa: '神戸国際コミュニティセンター',
      nameEn: 'Kobe International Community Center',
    });
    const admin = await api.sessionFor((await insertStaffMember(db, osaka.id, 'admin')).id);
    const ids = { id: globalId('Association', osaka.id), partnerId: globalId('Association', kobe.id) };

    const proposed = await api.graphql<{
      proposeAssociationPartnership: { data: { partnerships: unknown[] } };
    }>(propose, ids, { session: admin });
    expect(proposed.data?.proposeAssociationPartnership.data.partnerships).toEqual([
      { partner: { nameEn: 'Kobe International Community Center' }, status: 'proposed' },
    ]);

    const ended = await api.graphql<{ endAssociationPartnership: { data: { partnerships: unknown[] } } }>(end, ids, {
      session: admin,
    });
    expect(ended.data?.endAssociationPartnership.data.partnerships).toEqual([]);
    const twice = await api.graphql<{ endAssociationPartnership: { __typename: string } }>(end, ids, {
      session: admin,
    });
    expect(twice.data?.endAssociationPartnership.__typename).toBe('NotFoundError');
  });

  test('an association cannot be its own partner', async () => {
    const osaka = await insertAssociation(db);
    const englishAdmin = await insertStaffMember(db, osaka.id, 'admin');
    await setLocale(db, englishAdmin.id, 'en');
    const admin = await api.sessionFor(englishAdmin.id);
    const { data } = await api.graphql<{ proposeAssociationPartnership: { problems: unknown[] } }>(
      propose,
      { id: globalId('Association', osaka.id), partnerId: globalId('Association', osaka.id) },
      { session: admin },
    );
    expect(data?.proposeAssociationPartnership.problems).toEqual([
      { path: ['partnerId'], message: 'An association cannot be its own partner.' },
    ]);
  });
});

describe('an admin manages coordinators and admins', () => {
  const grant = /* GraphQL */ `
    mutation Grant($id: ID!, $userId: ID!, $role: StaffRole!) {
      grantAssociationRole(associationId: $id, userId: $userId, role: $role) {
        __typename
        ... on MutationGrantAssociationRoleSuccess { data { staff { role user { displayName } } } }
        ... on Error { message }
      }
    }
  `;
  const revoke = /* GraphQL */ `
    mutation Revoke($id: ID!, $userId: ID!) {
      revokeAssociationRole(associationId: $id, userId: $userId) {
        __typename
        ... on MutationRevokeAssociationRoleSuccess { data { staff { role } } }
        ... on Error { message }
      }
    }
  `;
  type Grant = {
    grantAssociationRole: {
      __typename: string;
      message?: string;
      data?: { staff: Array<{ role: string; user: { displayName: string } }> };
    };
  };
  type Revoke = { revokeAssociationRole: { __typename: string; message?: string; data?: { staff: unknown[] } } };

  test('a new coordinator can work at once; once removed, they cannot', async () => {
    const association = await insertAssociation(db);
    const admin = await api.sessionFor((await insertStaffMember(db, association.id, 'admin')).id);
    await insertVolunteer(db, association.id);
    const newcomer = await insertUser(db, { displayName: '新人 調整' });
    const id = globalId('Association', association.id);

    const granted = await api.graphql<Grant>(
      grant,
      { id, userId: globalId('User', newcomer.id), role: 'coordinator' },
      { session: admin },
    );
    expect(granted.data?.grantAssociationRole.data?.staff).toEqual(
      expect.arrayContaining([{ role: 'coordinator', user: { displayName: '新人 調整' } }]),
    );
    const session = await api.sessionFor(newcomer.id);
    const list = await api.graphql<{ volunteers: { nodes: unknown[] } }>(
      `{ volunteers(first: 5) { nodes { status } } }`,
      {},
      { session },
    );
    expect(list.data?.volunteers.nodes).toHaveLength(1);

    const revoked = await api.graphql<Revoke>(
      revoke,
      { id, userId: globalId('User', newcomer.id) },
      { session: admin },
    );
    expect(revoked.data?.revokeAssociationRole.data?.staff).toEqual([{ role: 'admin' }]);
    const after = await api.graphql(`{ volunteers(first: 5) { nodes { status } } }`, {}, { session });
    expect(after.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('the last admin can be neither removed nor made a mere coordinator', async () => {
    const association = await insertAssociation(db);
    const onlyAdmin = await insertStaffMember(db, association.id, 'admin');
    const session = await api.sessionFor(onlyAdmin.id);
    const id = globalId('Association', association.id);
    const userId = globalId('User', onlyAdmin.id);
    const message = '協会には管理者が1人以上必要です。先にほかの人を管理者にしてください。';

    const removed = await api.graphql<Revoke>(revoke, { id, userId }, { session });
    expect(removed.data?.revokeAssociationRole).toEqual({ __typename: 'ConflictError', message });
    const demoted = await api.graphql<Grant>(grant, { id, userId, role: 'coordinator' }, { session });
    expect(demoted.data?.grantAssociationRole).toEqual({ __typename: 'ConflictError', message });

    // With a second admin, the first may step down.
    const deputy = await insertUser(db);
    await api.graphql(grant, { id, userId: globalId('User', deputy.id), role: 'admin' }, { session });
    const steppedDown = await api.graphql<Grant>(grant, { id, userId, role: 'coordinator' }, { session });
    expect(steppedDown.data?.grantAssociationRole.__typename).toBe('MutationGrantAssociationRoleSuccess');
  });

  test('a conflict answers with its reason, in the reader’s language: the page’s, else the account’s', async () => {
    const association = await insertAssociation(db);
    const id = globalId('Association', association.id);
    const refuse = /* GraphQL */ `
      mutation Revoke($id: ID!, $userId: ID!) {
        revokeAssociationRole(associationId: $id, userId: $userId) {
          ... on ConflictError { reason message }
        }
      }
    `;
    const japanese = await insertStaffMember(db, association.id, 'admin');
    const english = await insertUser(db, { locale: 'en' });
    await db
      .insert(schema.associationStaff)
      .values({ associationId: association.id, userId: english.id, role: 'admin' });
    await api.graphql(
      revoke,
      { id, userId: globalId('User', japanese.id) },
      { session: await api.sessionFor(english.id) },
    );
    type Refused = { revokeAssociationRole: { reason: string; message: string } };
    const answer = async (userId: string, headers: Record<string, string> = {}) =>
      (
        await api.graphql<Refused>(
          refuse,
          { id, userId: globalId('User', userId) },
          { session: await api.sessionFor(userId), headers },
        )
      ).data?.revokeAssociationRole;

    const inEnglish = {
      reason: 'last_admin',
      message: 'An association needs at least one admin: make someone else admin first.',
    };
    const inJapanese = {
      reason: 'last_admin',
      message: '協会には管理者が1人以上必要です。先にほかの人を管理者にしてください。',
    };
    expect(await answer(english.id)).toEqual(inEnglish);
    // The app's language switch (sent as Accept-Language) wins over the account's e-mail language.
    expect(await answer(english.id, { 'accept-language': 'ja' })).toEqual(inJapanese);
  });

  test('a coordinator sees no staff list and cannot grant roles', async () => {
    const association = await insertAssociation(db);
    const coordinator = await insertStaffMember(db, association.id, 'coordinator');
    const session = await api.sessionFor(coordinator.id);
    const id = globalId('Association', association.id);
    const staff = await api.graphql<{ node: { staff: unknown } }>(
      `query Staff($id: ID!) { node(id: $id) { ... on Association { staff { role } } } }`,
      { id },
      { session },
    );
    expect(staff.data?.node.staff).toBeNull();
    const granted = await api.graphql(
      grant,
      { id, userId: globalId('User', coordinator.id), role: 'admin' },
      { session },
    );
    expect(granted.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
