import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { fixedClock } from '@tsunagu/domain';
import { createLogger, createMailTransport, deliverPending, enqueueEmail, startMailCatcher } from '@tsunagu/services';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { globalId, startTestApi, type TestApi } from '../support/api';
import { insertAssociation, insertStaffMember, insertVolunteer } from '../support/fixtures';

// Wednesday 15 April 2026, 10:00 in Japan.
const clock = fixedClock('2026-04-15T10:00:00+09:00');
const logger = createLogger({ level: 'silent' });

let testDb: TestDatabase;
let api: TestApi;
let osaka: string;
let kobe: string;
const people: Record<'osakaAdmin' | 'osakaCoordinator' | 'kobeAdmin' | 'kobeCoordinator', string> = {
  osakaAdmin: '',
  osakaCoordinator: '',
  kobeAdmin: '',
  kobeCoordinator: '',
};
let volunteer: { userId: string; volunteerId: string };

beforeAll(async () => {
  testDb = await openTestDatabase();
  api = await startTestApi(testDb.database, { clock });
  const { db } = testDb.database;
  osaka = (await insertAssociation(db)).id;
  kobe = (await insertAssociation(db, { nameJa: '神戸国際協力交流センター', nameEn: 'Kobe International Center' })).id;
  people.osakaAdmin = (await insertStaffMember(db, osaka, 'admin')).id;
  people.osakaCoordinator = (await insertStaffMember(db, osaka, 'coordinator')).id;
  people.kobeAdmin = (await insertStaffMember(db, kobe, 'admin')).id;
  people.kobeCoordinator = (await insertStaffMember(db, kobe, 'coordinator')).id;
  const lan = await insertVolunteer(db, osaka, { status: 'active', phone: '090-1234-5678' });
  volunteer = { userId: lan.user.id, volunteerId: lan.volunteer.id };
});
afterAll(async () => {
  await api?.close();
  await testDb?.dispose();
});

const as = async (who: keyof typeof people) => ({ session: await api.sessionFor(people[who]) });

const auditLog = /* GraphQL */ `
  query Log($subjectId: String, $actorId: ID, $from: DateTime, $to: DateTime) {
    auditLog(subjectId: $subjectId, actorId: $actorId, from: $from, to: $to, first: 20) {
      nodes { at action subjectType subjectId fields actor { id displayName } }
    }
  }
`;
type Log = { auditLog: { nodes: Array<{ at: string; subjectId: string; fields: string[] }> } };

describe('the audit log is read by the admins of the association it is about', () => {
  test('an Osaka coordinator reads an Osaka volunteer: Osaka’s admin sees it, Kobe’s admin does not', async () => {
    const read = await api.graphql<{ node: { fullName: string } }>(
      'query ($id: ID!) { node(id: $id) { ... on Volunteer { fullName phone } } }',
      { id: globalId('Volunteer', volunteer.volunteerId) },
      await as('osakaCoordinator'),
    );
    expect(read.data?.node.fullName).toBe('グエン・ティ・ラン');

    const variables = { subjectId: volunteer.volunteerId };
    const osakas = await api.graphql<Log>(auditLog, variables, await as('osakaAdmin'));
    expect(osakas.errors).toBeUndefined();
    expect(osakas.data?.auditLog.nodes).toEqual([
      expect.objectContaining({
        action: 'read',
        subjectType: 'volunteer',
        fields: ['fullName', 'phone'],
        actor: { id: globalId('User', people.osakaCoordinator), displayName: '調整 花子' },
      }),
    ]);
    const kobes = await api.graphql<Log>(auditLog, variables, await as('kobeAdmin'));
    expect(kobes.errors).toBeUndefined();
    expect(kobes.data?.auditLog.nodes).toEqual([]);
  });

  test('filtered by person, by actor and by time', async () => {
    const { db } = testDb.database;
    const subjectId = volunteer.volunteerId;
    const row = (at: string, actorUserId: string, fields: string[]) => ({
      at: new Date(at),
      actorUserId,
      action: 'read' as const,
      subjectType: 'volunteer',
      subjectId,
      fields,
      associationIds: [osaka],
    });
    await db
      .insert(schema.auditLog)
      .values([
        row('2026-03-31T15:00:00Z', people.osakaCoordinator, ['daysOff']),
        row('2026-04-02T01:00:00Z', people.osakaAdmin, ['certificates']),
        row('2026-04-10T01:00:00Z', people.osakaCoordinator, ['homeLocalGovernment']),
      ]);
    const fieldsOf = (log: { data?: Log }) => log.data?.auditLog.nodes.map((entry) => entry.fields[0]);

    // April 1st to 9th in Japan.
    const april = { subjectId, from: '2026-03-31T15:00:00Z', to: '2026-04-09T15:00:00Z' };
    expect(fieldsOf(await api.graphql<Log>(auditLog, april, await as('osakaAdmin')))).toEqual([
      'certificates',
      'daysOff',
    ]);
    const byCoordinator = { ...april, to: '2026-04-30T15:00:00Z', actorId: globalId('User', people.osakaCoordinator) };
    expect(fieldsOf(await api.graphql<Log>(auditLog, byCoordinator, await as('osakaAdmin')))).toEqual([
      'homeLocalGovernment',
      'daysOff',
    ]);
    expect(fieldsOf(await api.graphql<Log>(auditLog, april, await as('kobeAdmin')))).toEqual([]);
  });
});

describe('the mail catcher', () => {
  const caught = /* GraphQL */ `{ caughtEmails(first: 20) { nodes { toAddresses subject body } } }`;
  type Caught = { caughtEmails: { nodes: Array<{ toAddresses: string[]; body: string }> } };

  beforeAll(async () => {
    const { db } = testDb.database;
    const catcher = await startMailCatcher({ db, logger });
    try {
      // A reset link of someone else, and one of Osaka's admin themself, both about Osaka.
      await enqueueEmail(db, {
        idempotencyKey: 'tenancy:someone',
        to: 'someone@example.jp',
        locale: 'en',
        recipientUserId: null,
        associationId: osaka,
        template: 'passwordReset',
        payload: { token: 'someone-elses-token' },
      });
      await enqueueEmail(db, {
        idempotencyKey: 'tenancy:own',
        to: 'osaka-admin@example.jp',
        locale: 'en',
        recipientUserId: people.osakaAdmin,
        associationId: osaka,
        template: 'passwordReset',
        payload: { token: 'own-token' },
      });
      await deliverPending({
        db,
        transport: createMailTransport(catcher.url),
        clock,
        logger,
        from: 'Tsunagu <no-reply@tsunagu.localhost>',
        publicUrl: 'https://tsunagu.example.jp',
      });
    } finally {
      await catcher.stop();
    }
  });

  test('an admin of another association reads none of it (no invitation or reset link to take over an account)', async () => {
    const kobes = await api.graphql<Caught>(caught, {}, await as('kobeAdmin'));
    expect(kobes.errors).toBeUndefined();
    expect(kobes.data?.caughtEmails.nodes).toEqual([]);
  });

  test('the association’s admin reads its mail, with the token of a link only in their own', async () => {
    const osakas = await api.graphql<Caught>(caught, {}, await as('osakaAdmin'));
    expect(osakas.errors).toBeUndefined();
    const bodyTo = (address: string) =>
      osakas.data?.caughtEmails.nodes.find((mail) => mail.toAddresses.includes(address))?.body;
    expect(bodyTo('someone@example.jp')).toContain('https://tsunagu.example.jp/reset-password#token=(hidden)');
    expect(bodyTo('someone@example.jp')).not.toContain('someone-elses-token');
    expect(bodyTo('osaka-admin@example.jp')).toContain('https://tsunagu.example.jp/reset-password#token=own-token');
  });
});

describe('a user by their global ID', () => {
  const userById = 'query ($id: ID!) { node(id: $id) { ... on User { displayName } } }';
  const readVolunteerUser = async (session?: string) =>
    api.graphql<{ node: { displayName?: string } | null }>(
      userById,
      { id: globalId('User', volunteer.userId) },
      { session },
    );

  test('someone signed out does not learn a volunteer’s name', async () => {
    const read = await readVolunteerUser();
    expect(read.data?.node ?? null).toBeNull();
    expect(JSON.stringify(read)).not.toContain('グエン');
    expect(read.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('a coordinator of another association does not either; one of the volunteer’s association does', async () => {
    const kobe = await readVolunteerUser((await as('kobeCoordinator')).session);
    expect(kobe.data?.node ?? null).toBeNull();
    expect(kobe.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const osaka = await readVolunteerUser((await as('osakaCoordinator')).session);
    expect(osaka.errors).toBeUndefined();
    expect(osaka.data?.node).toEqual({ displayName: 'グエン ラン' });
  });

  test('the volunteer reads their own', async () => {
    const own = await readVolunteerUser(await api.sessionFor(volunteer.userId));
    expect(own.data?.node).toEqual({ displayName: 'グエン ラン' });
  });
});
