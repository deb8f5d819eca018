import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import {
  insertAcceptedPartnership,
  insertAssociation,
  insertAvailableVolunteer,
  insertLanguages,
  insertOrganization,
  insertRequest,
  insertStaffMember,
} from '../support/fixtures';
import { countingStatements } from '../support/statements';

const directory = /* GraphQL */ `
  query Directory(
    $name: String
    $languageCode: String
    $level: LanguageLevel
    $regionCode: String
    $specialty: Specialty
    $status: VolunteerStatus
    $first: Int
    $after: String
  ) {
    volunteerDirectory(
      name: $name
      languageCode: $languageCode
      level: $level
      regionCode: $regionCode
      specialty: $specialty
      status: $status
      first: $first
      after: $after
    ) {
      nodes { fullName }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface Directory {
  volunteerDirectory: { nodes: Array<{ fullName: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
}

let testDb: TestDatabase;
let counted: ReturnType<typeof countingStatements>;
let api: TestApi;
const db = () => testDb.database.db;

/** Osaka's association with four volunteers, a second association with one, and each one's coordinator. */
let osaka: { associationId: string; coordinatorId: string };
let kobe: { associationId: string; coordinatorId: string; organizationId: string };

beforeAll(async () => {
  testDb = await openTestDatabase();
  counted = countingStatements(testDb.database);
  api = await startTestApi(counted.database);
  await insertLanguages(db());
  const osakaId = (await insertAssociation(db())).id;
  osaka = { associationId: osakaId, coordinatorId: (await insertStaffMember(db(), osakaId, 'coordinator')).id };
  const kobeId = (await insertAssociation(db(), { nameJa: '神戸国際協会', nameEn: 'Kobe International' })).id;
  kobe = {
    associationId: kobeId,
    coordinatorId: (await insertStaffMember(db(), kobeId, 'coordinator')).id,
    organizationId: (await insertOrganization(db(), kobeId)).id,
  };
  // Inserted oldest first: the directory lists the newest first.
  await insertAvailableVolunteer(db(), osakaId, {
    values: { fullName: 'Nguyen Thi Lan', specialties: ['medical'] },
    language: { languageCode: 'vi', level: 'native' },
    regions: ['272035'],
  });
  await insertAvailableVolunteer(db(), osakaId, {
    values: { fullName: 'Tran Van Minh', specialties: ['legal'] },
    language: { languageCode: 'vi', level: 'conversational' },
    regions: ['271004'],
  });
  await insertAvailableVolunteer(db(), osakaId, {
    values: { fullName: 'Li Wei 100%', status: 'suspended' },
    language: { languageCode: 'zh', level: 'business' },
    regions: ['272035'],
  });
  await insertAvailableVolunteer(db(), osakaId, {
    values: { fullName: 'Wang Fang' },
    language: { languageCode: 'zh', level: 'fluent' },
    regions: ['271004'],
  });
  await insertAvailableVolunteer(db(), kobeId, {
    values: { fullName: 'Kobe Nguyen' },
    language: { languageCode: 'vi', level: 'fluent' },
  });
}, 60_000);
afterAll(async () => {
  await api?.close();
  await testDb?.dispose();
});

async function search(coordinatorId: string, variables: Record<string, unknown> = {}) {
  const { data, errors } = await api.graphql<Directory>(directory, variables, {
    session: await api.sessionFor(coordinatorId),
  });
  expect(errors).toBeUndefined();
  return data?.volunteerDirectory;
}

const names = async (coordinatorId: string, variables: Record<string, unknown> = {}) =>
  (await search(coordinatorId, variables))?.nodes.map((volunteer) => volunteer.fullName);

describe('the volunteer directory', () => {
  test('a coordinator finds their association’s volunteers by part of the name, in any case; % is a letter', async () => {
    expect(await names(osaka.coordinatorId)).toEqual(['Wang Fang', 'Li Wei 100%', 'Tran Van Minh', 'Nguyen Thi Lan']);
    expect(await names(osaka.coordinatorId, { name: '  nguyen ' })).toEqual(['Nguyen Thi Lan']);
    expect(await names(osaka.coordinatorId, { name: '100%' })).toEqual(['Li Wei 100%']);
    expect(await names(osaka.coordinatorId, { name: '%' })).toEqual(['Li Wei 100%']);
    expect(await names(osaka.coordinatorId, { name: 'nobody' })).toEqual([]);
  });

  test('by language and at least a level, by area, by specialty and by status, combined', async () => {
    expect(await names(osaka.coordinatorId, { languageCode: 'vi' })).toEqual(['Tran Van Minh', 'Nguyen Thi Lan']);
    expect(await names(osaka.coordinatorId, { languageCode: 'zh', level: 'fluent' })).toEqual(['Wang Fang']);
    expect(await names(osaka.coordinatorId, { level: 'business' })).toEqual([
      'Wang Fang',
      'Li Wei 100%',
      'Nguyen Thi Lan',
    ]);
    expect(await names(osaka.coordinatorId, { regionCode: '271004' })).toEqual(['Wang Fang', 'Tran Van Minh']);
    expect(await names(osaka.coordinatorId, { specialty: 'legal' })).toEqual(['Tran Van Minh']);
    expect(await names(osaka.coordinatorId, { status: 'suspended' })).toEqual(['Li Wei 100%']);
    expect(await names(osaka.coordinatorId, { languageCode: 'vi', regionCode: '272035', status: 'active' })).toEqual([
      'Nguyen Thi Lan',
    ]);
  });

  test('page by page, with a cursor that carries no name', async () => {
    const first = await search(osaka.coordinatorId, { first: 3 });
    expect(first?.nodes.map((volunteer) => volunteer.fullName)).toEqual(['Wang Fang', 'Li Wei 100%', 'Tran Van Minh']);
    expect(first?.pageInfo.hasNextPage).toBe(true);
    expect(Buffer.from(first?.pageInfo.endCursor ?? '', 'base64').toString()).not.toMatch(/Tran|Minh/);
    const second = await search(osaka.coordinatorId, { first: 3, after: first?.pageInfo.endCursor });
    expect(second?.nodes.map((volunteer) => volunteer.fullName)).toEqual(['Nguyen Thi Lan']);
    expect(second?.pageInfo.hasNextPage).toBe(false);
  });

  test('another association’s coordinator gets nothing of Osaka’s, and Osaka’s nothing of theirs', async () => {
    expect(await names(kobe.coordinatorId)).toEqual(['Kobe Nguyen']);
    expect(await names(kobe.coordinatorId, { name: 'Nguyen' })).toEqual(['Kobe Nguyen']);
    expect(await names(osaka.coordinatorId, { name: 'Kobe' })).toEqual([]);
  });

  test('a partner’s active volunteers are found only while the partnership is accepted and a request is opened to partners', async () => {
    await insertAcceptedPartnership(db(), kobe.associationId, osaka.associationId);
    // Accepted, but Kobe has no request opened to partners: Osaka's volunteers stay with Osaka.
    expect(await names(kobe.coordinatorId)).toEqual(['Kobe Nguyen']);
    const request = await insertRequest(db(), kobe.associationId, kobe.organizationId, { openToPartners: true });
    expect(await names(kobe.coordinatorId, { languageCode: 'vi' })).toEqual([
      'Kobe Nguyen',
      'Tran Van Minh',
      'Nguyen Thi Lan',
    ]);
    // The partnership goes one way: Osaka's coordinator still sees only Osaka's.
    expect(await names(osaka.coordinatorId, { name: 'Kobe' })).toEqual([]);
    await db().update(schema.requests).set({ status: 'completed' }).where(eq(schema.requests.id, request.id));
    expect(await names(kobe.coordinatorId)).toEqual(['Kobe Nguyen']);
  });

  test('someone who coordinates no association may not search it', async () => {
    const former = await insertStaffMember(db(), osaka.associationId, 'coordinator');
    await db().delete(schema.associationStaff).where(eq(schema.associationStaff.userId, former.id));
    const { data, errors } = await api.graphql<Directory>(directory, {}, { session: await api.sessionFor(former.id) });
    expect(data?.volunteerDirectory ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('every name read is audited, in one select and one audit insert', async () => {
    const session = await api.sessionFor(osaka.coordinatorId);
    const earlier = (
      await db().select().from(schema.auditLog).where(eq(schema.auditLog.actorUserId, osaka.coordinatorId))
    ).length;
    counted.statements.length = 0;
    const { errors } = await api.graphql<Directory>(directory, { languageCode: 'zh' }, { session });
    expect(errors).toBeUndefined();
    const [sessionLookup, ...rest] = counted.statements;
    expect(sessionLookup).toContain('"sessions"');
    expect(rest).toHaveLength(2);
    expect(rest[1]).toMatch(/^insert into "audit_log"/i);
    const rows = (
      await db()
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.actorUserId, osaka.coordinatorId))
        .orderBy(schema.auditLog.id)
    ).slice(earlier);
    expect(rows.map((row) => [row.action, row.subjectType, row.fields, row.associationIds])).toEqual([
      ['read', 'volunteer', ['fullName'], [osaka.associationId]],
      ['read', 'volunteer', ['fullName'], [osaka.associationId]],
    ]);
  });
});
