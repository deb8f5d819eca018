import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertDispatch } from '../expenses/world';
import { startTestApi, type TestApi } from '../support/api';
import {
  insertAssociation,
  insertLanguages,
  insertOrganization,
  insertRequest,
  insertRequester,
  insertStaffMember,
} from '../support/fixtures';
import { countingStatements } from '../support/statements';

let testDb: TestDatabase;
let counted: ReturnType<typeof countingStatements>;
let api: TestApi;
const db = () => testDb.database.db;

beforeAll(async () => {
  testDb = await openTestDatabase();
  counted = countingStatements(testDb.database);
  api = await startTestApi(counted.database);
  await insertLanguages(db());
}, 60_000);
afterAll(async () => {
  await api?.close();
  await testDb?.dispose();
});

const auditRows = (actorUserId: string) =>
  db().select().from(schema.auditLog).where(eq(schema.auditLog.actorUserId, actorUserId));

describe('every read of a personal field is audited, in one statement per response', () => {
  test('the requesting organization reads the names of three booked volunteers and their reports: one audit insert, one row per person read', async () => {
    const associationId = (await insertAssociation(db())).id;
    const organizationId = (await insertOrganization(db(), associationId)).id;
    const requester = await insertRequester(db(), organizationId);
    const dispatches = [];
    for (const day of ['10', '11', '12']) {
      dispatches.push(
        await insertDispatch(
          db(),
          { associationId, organizationId },
          { startsAt: `2026-06-${day}T10:00:00+09:00`, endsAt: `2026-06-${day}T12:00:00+09:00` },
        ),
      );
    }
    const session = await api.sessionFor(requester.id);

    counted.statements.length = 0;
    const { data, errors } = await api.graphql<{
      requests: {
        nodes: Array<{ assignments: Array<{ volunteerName: string; reports: Array<{ notes: string | null }> }> }>;
      };
    }>(
      '{ requests(first: 10) { nodes { assignments { volunteerName reports { notes remarks } } } } }',
      {},
      { session },
    );

    expect(errors).toBeUndefined();
    expect(data?.requests.nodes.flatMap((request) => request.assignments.map((a) => a.volunteerName))).toEqual([
      'グエン・ティ・ラン',
      'グエン・ティ・ラン',
      'グエン・ティ・ラン',
    ]);
    const [sessionLookup, ...rest] = counted.statements;
    expect(sessionLookup).toContain('"sessions"');
    expect(rest).toHaveLength(2);
    expect(rest[1]).toMatch(/^insert into "audit_log"/i);
    const rows = await auditRows(requester.id);
    expect(
      rows
        .map((row) => [row.subjectType, row.subjectId, row.fields])
        .sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    ).toEqual(
      [
        ...dispatches.map((dispatch) => ['volunteer', dispatch.volunteer.id, ['fullName']]),
        ...(
          await db().query.activityReports.findMany({
            where: { assignmentId: { in: dispatches.map((dispatch) => dispatch.assignment.id) } },
          })
        ).map((report) => ['activityReport', report.id, ['notes', 'remarks']]),
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
  });

  test('a coordinator reading an organization’s contact person is audited; its own staff reading it is not', async () => {
    const associationId = (await insertAssociation(db())).id;
    const organization = await insertOrganization(db(), associationId);
    const coordinator = await insertStaffMember(db(), associationId, 'coordinator');
    const requester = await insertRequester(db(), organization.id);
    const query = '{ organizations { nodes { contactName contactEmail contactPhone } } }';

    await api.graphql(query, {}, { session: await api.sessionFor(coordinator.id) });
    await api.graphql(query, {}, { session: await api.sessionFor(requester.id) });

    expect((await auditRows(coordinator.id)).map((row) => [row.subjectType, row.subjectId, row.fields])).toEqual([
      ['organization', organization.id, ['contactName', 'contactEmail', 'contactPhone']],
    ]);
    expect(await auditRows(requester.id)).toEqual([]);
  });

  test('a coordinator reading where a request takes place (maybe a resident’s home) is audited with its contact', async () => {
    const associationId = (await insertAssociation(db())).id;
    const organizationId = (await insertOrganization(db(), associationId)).id;
    const coordinator = await insertStaffMember(db(), associationId, 'coordinator');
    const request = await insertRequest(db(), associationId, organizationId, { address: '豊中市 某町 1-2-3' });

    const { errors } = await api.graphql(
      '{ requests(first: 5) { nodes { address contactName } } }',
      {},
      { session: await api.sessionFor(coordinator.id) },
    );

    expect(errors).toBeUndefined();
    expect((await auditRows(coordinator.id)).map((row) => [row.subjectType, row.subjectId, row.fields])).toEqual([
      ['request', request.id, ['address', 'contactName']],
    ]);
  });

  test('an admin reading the staff list reads other people’s names: audited; their own name is not', async () => {
    const associationId = (await insertAssociation(db())).id;
    const admin = await insertStaffMember(db(), associationId, 'admin');
    const coordinator = await insertStaffMember(db(), associationId, 'coordinator');

    const { errors } = await api.graphql(
      '{ me { displayName } associations { staff { user { displayName } } } }',
      {},
      { session: await api.sessionFor(admin.id) },
    );

    expect(errors).toBeUndefined();
    expect((await auditRows(admin.id)).map((row) => [row.subjectType, row.subjectId, row.fields])).toEqual([
      ['user', coordinator.id, ['displayName']],
    ]);
  });
});
