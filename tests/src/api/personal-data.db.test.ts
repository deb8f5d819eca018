import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { ErasureRefusedError, emailTopics, ForbiddenError, type Viewer } from '@tsunagu/domain';
import { createExpenseLinesForReport, pseudonymOf, recordAudit } from '@tsunagu/services';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ExpenseWorld, insertDispatch, insertExpenseWorld } from '../expenses/world';
import { globalId, startTestApi, type TestApi } from '../support/api';
import {
  insertAssignment,
  insertAssociation,
  insertAvailableVolunteer,
  insertRequest,
  insertStaffMember,
  insertUser,
} from '../support/fixtures';

let testDb: TestDatabase;
let world: ExpenseWorld;
let api: TestApi;
const db = () => testDb.database.db;

// Tuesday 1 December 2026, 09:00 in Tokyo: FY2025 (April 2025 – March 2026) is over and closed.
beforeAll(async () => {
  testDb = await openTestDatabase();
  world = await insertExpenseWorld(db(), '2026-12-01T09:00:00');
  api = await startTestApi(testDb.database, { clock: world.clock });
});
afterAll(async () => {
  await api?.close();
  await testDb?.dispose();
});

interface Person {
  name: string;
  phone: string;
  email: string;
  /** What they wrote in their activity report. */
  note: string;
  /** Why they once withdrew from a booking, in their words. */
  withdrawal: string;
}

/**
 * A volunteer who interpreted at the city hall in June 2025 (FY2025): a profile with languages,
 * availability, a certificate and days off; the activity report; its expense lines, approved; a
 * coordinator's read in the audit log; the confirmation e-mail to them, and the one to the
 * requester, which names them.
 */
async function insertPerson(
  person: Person,
  startsAt = '2025-06-10T10:00:00+09:00',
  endsAt = '2025-06-10T12:00:00+09:00',
) {
  const { user, volunteer } = await insertAvailableVolunteer(db(), world.associationId, {
    values: {
      fullName: person.name,
      phone: person.phone,
      confidentialityPledgeSignedAt: new Date('2024-04-01T09:00:00+09:00'),
      registrationExpiresOn: '2027-03-31',
    },
  });
  await db()
    .update(schema.users)
    .set({ email: person.email, displayName: person.name })
    .where(eq(schema.users.id, user.id));
  await db()
    .insert(schema.certificates)
    .values({
      volunteerId: volunteer.id,
      name: `Medical interpreting, ${person.name}`,
      issuer: 'Osaka Medical Interpreters',
      kind: 'medical_interpreter',
    });
  await db().insert(schema.daysOff).values({ volunteerId: volunteer.id, startsOn: '2027-01-04', endsOn: '2027-01-08' });
  const { request, assignment } = await insertDispatch(db(), world, { startsAt, endsAt, volunteerId: volunteer.id });
  await db()
    .update(schema.activityReports)
    .set({ notes: person.note, filedBy: user.id })
    .where(eq(schema.activityReports.assignmentId, assignment.id));
  await db()
    .update(schema.requests)
    .set({
      notes: `Interpreter: ${person.name} (${person.phone})`,
      cancellationNote: `Moved to another day: ${person.name} was ill`,
    })
    .where(eq(schema.requests.id, request.id));
  // The reasons' notes of a booking: the volunteer's own words, and a coordinator's that names them.
  await db()
    .update(schema.assignments)
    .set({
      withdrawalReason: 'other',
      withdrawalNote: person.withdrawal,
      releaseCause: 'other',
      releaseNote: `${person.name} asked to swap`,
    })
    .where(eq(schema.assignments.id, assignment.id));
  const lines = await db().transaction((tx) =>
    createExpenseLinesForReport(tx, assignment.id, { actorUserId: world.coordinator.userId, now: world.clock.now() }),
  );
  await world.services.expenses.advanceLines(
    world.coordinator,
    lines.map((line) => line.id),
    'approved',
  );
  await recordAudit(db(), world.coordinator, [
    {
      action: 'read',
      subjectType: 'volunteer',
      subjectId: volunteer.id,
      fields: ['fullName', 'phone'],
      associationIds: [world.associationId],
    },
  ]);
  await db()
    .insert(schema.outbox)
    .values([
      {
        idempotencyKey: `confirmed:${assignment.id}:volunteer`,
        recipientUserId: user.id,
        toAddress: person.email,
        locale: 'en',
        template: 'bookingConfirmed',
        payload: { volunteerName: person.name },
        status: 'sent',
      },
      {
        idempotencyKey: `confirmed:${assignment.id}:requester`,
        recipientUserId: null,
        toAddress: 'desk@city.toyonaka.example.jp',
        locale: 'ja',
        template: 'bookingConfirmed',
        payload: { volunteerName: person.name, volunteerPhone: person.phone },
        status: 'sent',
      },
      {
        idempotencyKey: `coverNeeded:${assignment.id}:${world.coordinator.userId}`,
        recipientUserId: world.coordinator.userId,
        toAddress: 'coordinator@tsunagu.example.jp',
        locale: 'ja',
        template: 'coverNeeded',
        payload: { stated: { by: 'volunteer', reason: 'other', note: person.withdrawal } },
        status: 'sent',
      },
    ]);
  return { user, volunteer, request, assignment, lines };
}

const mai: Person = {
  name: 'Tran Thi Mai Huong',
  phone: '090-1111-2222',
  email: 'mai.huong@example.jp',
  note: 'Walked the resident to the clinic on the third floor',
  withdrawal: 'My mother was taken to hospital in Hue',
};
const ken: Person = {
  name: 'Kenji Watanabe-Okoro',
  phone: '080-3333-4444',
  email: 'kenji.okoro@example.jp',
  note: 'The family asked for a follow-up in Yoruba',
  withdrawal: 'The Shinkansen stopped at Maibara',
};

/** Every text, JSON and array column of every table, as `table.column`, where any of the values occurs. */
async function columnsHolding(values: string[]): Promise<string[]> {
  const rows = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows);
  const columns = rows(
    await db().execute(sql`
      select table_name, column_name from information_schema.columns
       where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'ARRAY')
       order by 1, 2`),
  ) as Array<{ table_name: string; column_name: string }>;
  const found: string[] = [];
  const patterns = values.map((value) => `%${value}%`);
  for (const { table_name, column_name } of columns) {
    const [row] = rows(
      await db().execute(
        sql`select count(*)::int as n from ${sql.identifier(table_name)}
             where ${sql.identifier(column_name)}::text ilike any(array[${sql.join(
               patterns.map((pattern) => sql`${pattern}`),
               sql`, `,
             )}])`,
      ),
    ) as Array<{ n: number }>;
    if ((row?.n ?? 0) > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}

const personalValues = (person: Person) => [person.name, person.phone, person.email, person.note, person.withdrawal];

function reconciliation(fiscalYear: number) {
  return world.services.reconciliation.report(world.coordinator, { associationId: world.associationId, fiscalYear });
}

const adminOf = (associationId: string, userId: string): Viewer => ({
  userId,
  locale: 'en',
  organizationId: null,
  volunteerId: null,
  coordinatorOf: [associationId],
  adminOf: [associationId],
});

describe('a person downloads what Tsunagu holds about them (APPI Art. 33)', () => {
  test('the JSON holds their account, profile, bookings, money, audit trail and messages, and nothing of anyone else; the download is audited', async () => {
    const asked = await insertPerson(
      {
        name: 'Aiko Fernandes',
        phone: '070-5555-6666',
        email: 'aiko.f@example.jp',
        note: 'Brought the forms in Portuguese',
        withdrawal: "My daughter's school play",
      },
      '2025-07-01T10:00:00+09:00',
      '2025-07-01T12:00:00+09:00',
    );
    const other = await insertPerson(
      {
        name: 'Other Person Name',
        phone: '070-7777-8888',
        email: 'other.p@example.jp',
        note: 'Nothing for Aiko to see',
        withdrawal: 'Withdrawal Aiko may not read',
      },
      '2025-07-02T10:00:00+09:00',
      '2025-07-02T12:00:00+09:00',
    );
    const session = await api.sessionFor(asked.user.id);
    await db()
      .insert(schema.emailOptOuts)
      .values([
        { userId: asked.user.id, topic: emailTopics[0], createdAt: new Date('2025-08-01T09:00:00+09:00') },
        { userId: other.user.id, topic: emailTopics[1] },
      ]);

    const response = await fetch(`${api.url}/account/personal-data.json`, {
      headers: { cookie: `tsunagu_session=${session}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const text = await response.text();
    const disclosure = JSON.parse(text);

    expect(disclosure.account).toMatchObject({ email: 'aiko.f@example.jp', displayName: 'Aiko Fernandes' });
    // Her own e-mail opt-outs, not anyone else's.
    expect(disclosure.emailOptOuts).toEqual([{ topic: emailTopics[0], since: '2025-08-01T00:00:00.000Z' }]);
    expect(disclosure.volunteer.profile).toMatchObject({ fullName: 'Aiko Fernandes', phone: '070-5555-6666' });
    expect(disclosure.volunteer.memberships).toHaveLength(1);
    expect(disclosure.volunteer.languages).toEqual([
      { languageCode: 'vi', level: 'fluent', directions: ['interpretation'] },
    ]);
    expect(disclosure.volunteer.availability).toHaveLength(7);
    expect(disclosure.volunteer.certificates).toHaveLength(1);
    expect(disclosure.volunteer.daysOff).toEqual([{ startsOn: '2027-01-04', endsOn: '2027-01-08' }]);
    expect(disclosure.assignments).toHaveLength(1);
    expect(disclosure.assignments[0].report.notes).toBe('Brought the forms in Portuguese');
    // Why she once withdrew, in her words: hers to see.
    expect(disclosure.assignments[0]).toMatchObject({
      withdrawalReason: 'other',
      withdrawalNote: "My daughter's school play",
    });
    expect(disclosure.expenseLines.map((line: { amountYen: number }) => line.amountYen).sort()).toEqual(
      asked.lines.map((line) => line.amountYen).sort(),
    );
    expect(disclosure.auditLog).toContainEqual(
      expect.objectContaining({ subjectType: 'volunteer', fields: ['fullName', 'phone'], actor: 'staff' }),
    );
    expect(disclosure.notifications).toHaveLength(1);

    // Nothing of the other volunteer, nor the request's contact or notes, nor the coordinators' names.
    for (const value of [
      ...personalValues({
        name: 'Other Person Name',
        phone: '070-7777-8888',
        email: 'other.p@example.jp',
        note: 'Nothing for Aiko to see',
        withdrawal: 'Withdrawal Aiko may not read',
      }),
      other.volunteer.id,
      other.user.id,
      '窓口 一郎',
      'Interpreter:',
      '調整 花子',
    ]) {
      expect(text).not.toContain(value);
    }

    const [audited] = await db()
      .select()
      .from(schema.auditLog)
      .where(sql`${schema.auditLog.subjectId} = ${asked.user.id} and 'disclosure' = any(${schema.auditLog.fields})`);
    expect(audited).toMatchObject({ action: 'read', subjectType: 'user', actorUserId: asked.user.id });
  });

  test('a requester’s download holds the requests they filed, with the contact and notes they wrote, and not a colleague’s', async () => {
    const requester = await insertUser(db(), { displayName: '依頼 花子' });
    const colleague = await insertUser(db(), { displayName: '依頼 次郎' });
    for (const user of [requester, colleague]) {
      await db().insert(schema.organizationStaff).values({ userId: user.id, organizationId: world.organizationId });
    }
    const mine = await insertRequest(db(), world.associationId, world.organizationId, {
      filedBy: requester.id,
      contactName: '依頼 花子',
      notes: '相談者は車いすを使います。',
    });
    await insertRequest(db(), world.associationId, world.organizationId, {
      filedBy: colleague.id,
      contactName: '依頼 次郎',
      notes: 'Not for Hanako to see',
    });
    const response = await fetch(`${api.url}/account/personal-data.json`, {
      headers: { cookie: `tsunagu_session=${await api.sessionFor(requester.id)}` },
    });
    const text = await response.text();
    const disclosure = JSON.parse(text);
    expect(disclosure.requestsFiled).toEqual([
      expect.objectContaining({ id: mine.id, contactName: '依頼 花子', notes: '相談者は車いすを使います。' }),
    ]);
    expect(text).not.toContain('Not for Hanako to see');
  });

  test('signed out, there is nothing to download', async () => {
    const response = await fetch(`${api.url}/account/personal-data.json`);
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('先にサインインしてください。\n');
    const english = await fetch(`${api.url}/account/personal-data.json`, { headers: { 'accept-language': 'en' } });
    expect(await english.text()).toBe('Sign in first.\n');
  });
});

describe('an admin erases a person on their request', () => {
  test('name, phone, e-mail and free text are gone from every table; the FY2025 totals and the audit log stay, under the pseudonym', async () => {
    const erased = await insertPerson(mai);
    const kept = await insertPerson(ken, '2025-06-11T10:00:00+09:00', '2025-06-11T12:00:00+09:00');
    await world.services.fiscalPeriods.close(world.coordinator, world.associationId, { fiscalYear: 2025, month: null });
    const totalsBefore = await reconciliation(2025);
    const auditBefore = await db()
      .select({ id: schema.auditLog.id, actor: schema.auditLog.actorUserId, subjectId: schema.auditLog.subjectId })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.subjectId, erased.volunteer.id));
    expect(await columnsHolding(personalValues(mai))).not.toEqual([]);

    const answer = await api.graphql<{ erasePerson: { __typename: string; data?: { pseudonym: string } } }>(
      'mutation ($id: ID!) { erasePerson(personId: $id) { __typename ... on MutationErasePersonSuccess { data { pseudonym } } } }',
      { id: globalId('Volunteer', erased.volunteer.id) },
      { session: await api.sessionFor(world.admin.userId as string) },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.erasePerson).toEqual({
      __typename: 'MutationErasePersonSuccess',
      data: { pseudonym: pseudonymOf(erased.user.id) },
    });

    expect(await columnsHolding(personalValues(mai))).toEqual([]);
    // The reasons from the lists stay for the cancellations report; her own note goes.
    expect(await db().query.assignments.findFirst({ where: { id: erased.assignment.id } })).toMatchObject({
      withdrawalReason: 'other',
      withdrawalNote: null,
      releaseNote: `${pseudonymOf(erased.user.id)} asked to swap`,
    });
    // The other volunteer is untouched.
    expect((await columnsHolding(personalValues(ken))).length).toBeGreaterThan(0);
    const keptVolunteer = await db().query.volunteers.findFirst({ where: { id: kept.volunteer.id } });
    expect(keptVolunteer?.fullName).toBe(ken.name);

    // The money for the grant-tax claim: the same lines, the same totals.
    expect(await reconciliation(2025)).toEqual(totalsBefore);
    const lines = await db().query.expenseLines.findMany({
      where: { assignmentId: erased.assignment.id },
      orderBy: { id: 'asc' },
    });
    const byId = [...erased.lines].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(
      lines.map((line) => [line.amountYen, line.grantTaxCategory, line.bearingGovernmentCode, line.fiscalYear]),
    ).toEqual(byId.map((line) => [line.amountYen, line.grantTaxCategory, line.bearingGovernmentCode, line.fiscalYear]));

    // The pledge stays; the profile is a pseudonym; sign-in is gone.
    const volunteer = await db().query.volunteers.findFirst({
      where: { id: erased.volunteer.id },
      with: { user: true },
    });
    expect(volunteer).toMatchObject({
      fullName: pseudonymOf(erased.user.id),
      phone: null,
      status: 'retired',
      confidentialityPledgeSignedAt: new Date('2024-04-01T09:00:00+09:00'),
    });
    expect(volunteer?.user).toMatchObject({ displayName: pseudonymOf(erased.user.id), passwordHash: null });
    expect(volunteer?.user.erasedAt).not.toBeNull();

    // The audit log: every row still there and pointing at the same (now pseudonymous) records, plus the erasure.
    const auditAfter = await db()
      .select({ id: schema.auditLog.id, actor: schema.auditLog.actorUserId, subjectId: schema.auditLog.subjectId })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.subjectId, erased.volunteer.id));
    expect(auditAfter).toEqual(auditBefore);
    const erasure = await db().query.auditLog.findFirst({
      where: { subjectType: 'user', subjectId: erased.user.id, action: 'delete' },
    });
    expect(erasure).toMatchObject({ actorUserId: world.admin.userId, reason: 'erased on request (APPI)' });
  });

  test('a person with a booking still to come is not erased: a typed error, in the reader’s language, and nothing changes', async () => {
    const { user, volunteer } = await insertAvailableVolunteer(db(), world.associationId, {
      values: { fullName: 'Booked Still Person' },
    });
    const request = await insertRequest(db(), world.associationId, world.organizationId, {
      startsAt: new Date('2026-12-10T10:00:00+09:00'),
      endsAt: new Date('2026-12-10T12:00:00+09:00'),
      status: 'filled',
    });
    await db().insert(schema.assignments).values({
      requestId: request.id,
      volunteerId: volunteer.id,
      busyFrom: request.startsAt,
      busyUntil: request.endsAt,
    });
    await db()
      .update(schema.users)
      .set({ locale: 'ja' })
      .where(eq(schema.users.id, world.admin.userId as string));

    const answer = await api.graphql<{ erasePerson: { __typename: string; reason?: string; explanation?: string } }>(
      'mutation ($id: ID!) { erasePerson(personId: $id) { __typename ... on ErasureRefusedError { reason explanation } } }',
      { id: globalId('User', user.id) },
      { session: await api.sessionFor(world.admin.userId as string) },
    );
    await db()
      .update(schema.users)
      .set({ locale: 'en' })
      .where(eq(schema.users.id, world.admin.userId as string));
    expect(answer.data?.erasePerson).toEqual({
      __typename: 'ErasureRefusedError',
      reason: 'booking_to_come',
      explanation: 'この方にはこれからの予定（確定済みの派遣）があります。先に解除または取り消してください。',
    });
    const unchanged = await db().query.volunteers.findFirst({ where: { id: volunteer.id }, with: { user: true } });
    expect(unchanged?.fullName).toBe('Booked Still Person');
    expect(unchanged?.user.erasedAt).toBeNull();
  });

  test('an admin of another association may not erase them, and a second erasure is refused', async () => {
    const { user } = await insertAvailableVolunteer(db(), world.associationId, {
      values: { fullName: 'Scoped Person' },
    });
    const elsewhere = await insertAssociation(db(), { nameEn: 'Sakai International Association' });
    const otherAdmin = await insertStaffMember(db(), elsewhere.id, 'admin');
    await expect(
      world.services.privacy.erasePerson(adminOf(elsewhere.id, otherAdmin.id), { userId: user.id }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db().query.users.findFirst({ where: { id: user.id } }))?.erasedAt).toBeNull();

    await world.services.privacy.erasePerson(world.admin, { userId: user.id });
    await expect(world.services.privacy.erasePerson(world.admin, { userId: user.id })).rejects.toEqual(
      new ErasureRefusedError('already_erased'),
    );
  });
});

describe('retention: the periodic job anonymises what its association’s policy says is due', () => {
  test('a volunteer retired 25 months ago is anonymised, one retired 23 months ago is kept; the FY2024 totals and audit rows stay', async () => {
    const gone = await insertPerson(
      {
        name: 'Long Retired Volunteer',
        phone: '06-1234-0000',
        email: 'retired.long@example.jp',
        note: 'Handled a tax office visit',
        withdrawal: 'The tax office moved the date',
      },
      '2024-06-05T10:00:00+09:00',
      '2024-06-05T12:00:00+09:00',
    );
    const recent = await insertPerson(
      {
        name: 'Recently Retired Volunteer',
        phone: '06-1234-1111',
        email: 'retired.recent@example.jp',
        note: 'Helped at the school',
        withdrawal: 'The school closed for flu',
      },
      '2024-08-06T10:00:00+09:00',
      '2024-08-06T12:00:00+09:00',
    );
    // Retired by hand in the past: 25 and 23 months before 1 December 2026 (the default keeps 24).
    await db()
      .update(schema.volunteers)
      .set({ status: 'retired', retiredAt: new Date('2024-11-01T09:00:00+09:00') })
      .where(eq(schema.volunteers.id, gone.volunteer.id));
    await db()
      .update(schema.volunteers)
      .set({ status: 'retired', retiredAt: new Date('2025-01-01T09:00:00+09:00') })
      .where(eq(schema.volunteers.id, recent.volunteer.id));
    const totalsBefore = await reconciliation(2024);
    const auditRows = await db().$count(schema.auditLog, eq(schema.auditLog.subjectId, gone.volunteer.id));

    const run = await world.services.privacy.applyRetention();

    expect(run.people).toBeGreaterThanOrEqual(1);
    expect(
      await columnsHolding([
        'Long Retired Volunteer',
        '06-1234-0000',
        'retired.long@example.jp',
        'Handled a tax office visit',
      ]),
    ).toEqual([]);
    expect((await db().query.volunteers.findFirst({ where: { id: recent.volunteer.id } }))?.fullName).toBe(
      'Recently Retired Volunteer',
    );
    expect(await reconciliation(2024)).toEqual(totalsBefore);
    expect(await db().$count(schema.auditLog, eq(schema.auditLog.subjectId, gone.volunteer.id))).toBe(auditRows);
    const erasure = await db().query.auditLog.findFirst({
      where: { subjectType: 'user', subjectId: gone.user.id, action: 'delete' },
    });
    expect(erasure).toMatchObject({ actorUserId: null, reason: 'retention period over (APPI)' });

    // A second run finds nothing more to do for them.
    const again = await world.services.privacy.applyRetention();
    expect(again.people).toBe(0);
  });

  test('a request’s contact person and notes, and its reasons’ notes, are erased 90 days after the activity, not before', async () => {
    const old = await insertRequest(db(), world.associationId, world.organizationId, {
      startsAt: new Date('2026-08-01T10:00:00+09:00'),
      endsAt: new Date('2026-08-01T12:00:00+09:00'),
      status: 'cancelled',
      contactName: 'Contact Old Request',
      contactPhone: '06-9999-0000',
      notes: 'Resident Ms. Pham, room 3',
      cancelledBy: 'requester',
      cancellationReason: 'other',
      cancellationNote: 'Ms. Pham moved to Sakai',
    });
    const { volunteer } = await insertAvailableVolunteer(db(), world.associationId);
    const booking = await insertAssignment(db(), old, volunteer.id, 'released');
    await db()
      .update(schema.assignments)
      .set({
        withdrawalReason: 'other',
        withdrawalNote: 'Ms. Pham’s clinic is my own doctor',
        releaseCause: 'other',
        releaseNote: 'Ms. Pham asked for a woman',
      })
      .where(eq(schema.assignments.id, booking.id));
    await db()
      .insert(schema.outbox)
      .values({
        idempotencyKey: `assignmentCancelled:${booking.id}`,
        toAddress: 'volunteer@example.jp',
        locale: 'en',
        template: 'assignmentCancelled',
        payload: { stated: { by: 'requester', reason: 'other', note: 'Ms. Pham moved to Sakai' } },
        status: 'sent',
      });
    const recent = await insertRequest(db(), world.associationId, world.organizationId, {
      startsAt: new Date('2026-10-01T10:00:00+09:00'),
      endsAt: new Date('2026-10-01T12:00:00+09:00'),
      status: 'completed',
      contactName: 'Contact Recent Request',
      notes: 'Resident Mr. Le',
    });

    await world.services.privacy.applyRetention();

    const [oldAfter, recentAfter] = await Promise.all(
      [old, recent].map((request) => db().query.requests.findFirst({ where: { id: request.id } })),
    );
    expect(oldAfter).toMatchObject({
      contactName: '',
      contactPhone: null,
      notes: null,
      cancellationReason: 'other',
      cancellationNote: null,
    });
    expect(await db().query.assignments.findFirst({ where: { id: booking.id } })).toMatchObject({
      withdrawalReason: 'other',
      withdrawalNote: null,
      releaseCause: 'other',
      releaseNote: null,
    });
    expect(await columnsHolding(['Ms. Pham'])).toEqual([]);
    expect(oldAfter?.particularsErasedAt).not.toBeNull();
    expect(recentAfter).toMatchObject({ contactName: 'Contact Recent Request', notes: 'Resident Mr. Le' });
  });

  test('a closed organization’s contact and staff are anonymised after the association’s period', async () => {
    const organization = (
      await db()
        .insert(schema.organizations)
        .values({
          associationId: world.associationId,
          name: '池田市 国際交流課',
          type: 'municipality',
          localGovernmentCode: '272035',
          contactName: 'Closed Org Contact',
          contactEmail: 'closed.contact@city.example.jp',
          contactPhone: '072-000-1111',
          status: 'closed',
          closedAt: new Date('2024-10-01T09:00:00+09:00'),
        })
        .returning()
    )[0];
    if (!organization) throw new Error('no organization');
    const staff = await insertUser(db(), { displayName: 'Closed Org Clerk', email: 'clerk@city.example.jp' });
    await db().insert(schema.organizationStaff).values({ userId: staff.id, organizationId: organization.id });

    await world.services.privacy.applyRetention();

    expect(
      await columnsHolding([
        'Closed Org Contact',
        'closed.contact@city.example.jp',
        '072-000-1111',
        'Closed Org Clerk',
        'clerk@city.example.jp',
      ]),
    ).toEqual([]);
    expect((await db().query.users.findFirst({ where: { id: staff.id } }))?.displayName).toBe(pseudonymOf(staff.id));
    const after = await db().query.organizations.findFirst({ where: { id: organization.id } });
    expect(after).toMatchObject({ name: '池田市 国際交流課', contactName: pseudonymOf(organization.id) });
  });
});

describe('the retention period starts when a coordinator retires a volunteer or closes an organization', () => {
  // Runs last: it moves the file's clock on by two years.
  test('retired and closed today, both are kept for 24 months and anonymised after', async () => {
    const { volunteer } = await insertAvailableVolunteer(db(), world.associationId, {
      values: { fullName: 'Retiring Today Volunteer' },
    });
    const organization = (
      await db()
        .insert(schema.organizations)
        .values({
          associationId: world.associationId,
          name: '箕面市 国際課',
          type: 'municipality',
          localGovernmentCode: '272035',
          contactName: 'Closing Today Contact',
          contactEmail: 'closing.today@city.example.jp',
          status: 'approved',
        })
        .returning()
    )[0];
    if (!organization) throw new Error('no organization');

    await world.services.volunteers.changeStatus(world.coordinator, volunteer.id, 'retired');
    await world.services.organizations.decide(world.coordinator, organization.id, 'close');
    expect((await db().query.volunteers.findFirst({ where: { id: volunteer.id } }))?.retiredAt).toEqual(
      world.clock.now().toJSDate(),
    );
    expect((await db().query.organizations.findFirst({ where: { id: organization.id } }))?.closedAt).toEqual(
      world.clock.now().toJSDate(),
    );

    world.clock.advance({ days: 365 });
    await world.services.privacy.applyRetention();
    expect(await columnsHolding(['Retiring Today Volunteer', 'Closing Today Contact'])).not.toEqual([]);

    world.clock.advance({ days: 366 });
    await world.services.privacy.applyRetention();
    expect(await columnsHolding(['Retiring Today Volunteer', 'Closing Today Contact'])).toEqual([]);
  });
});
