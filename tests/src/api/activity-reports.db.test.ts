import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { fixedClock } from '@tsunagu/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { insertAvailableVolunteer, insertDispatchWorld, insertFiledRequest } from '../support/dispatch-world';
import { insertAssignment } from '../support/fixtures';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const tokyo = (dateTime: string) => `${dateTime}:00+09:00`;

const fileReport = /* GraphQL */ `
  mutation File($id: ID!, $input: ActivityReportInput!) {
    fileActivityReport(assignmentId: $id, input: $input) {
      __typename
      ... on MutationFileActivityReportSuccess { data { actualStart actualEnd } }
      ... on ValidationError { problems { path message } }
    }
  }
`;

type Answer = {
  fileActivityReport: {
    __typename: string;
    data?: { actualStart: string; actualEnd: string };
    problems?: Array<{ path: string[]; message: string }>;
  };
};

/**
 * Activity reports stay near their booking: the reported times decide the month and fiscal year
 * of the expense, so they may not wander months away, nor be reported before they happen.
 */
describe('activity reports over GraphQL', () => {
  let testDb: TestDatabase;
  let api: TestApi;
  // Wednesday 3 February 2027, the morning after a booking on Tuesday 10:00–12:00.
  const clock = fixedClock('2027-02-03T09:00');
  let world: Awaited<ReturnType<typeof insertDispatchWorld>>;
  let booking: { id: string };
  let sessions: { lan: string; minh: string; requester: string };

  beforeAll(async () => {
    testDb = await openTestDatabase();
    const { db } = testDb.database;
    api = await startTestApi(testDb.database, { clock });
    world = await insertDispatchWorld(db);
    const lan = await insertAvailableVolunteer(db, world.associationId, 'Lan');
    const minh = await insertAvailableVolunteer(db, world.associationId, 'Minh', { locale: 'en' });
    const request = await insertFiledRequest(db, world, {
      status: 'filled',
      startsAt: new Date(tokyo('2027-02-02T10:00')),
      endsAt: new Date(tokyo('2027-02-02T12:00')),
    });
    booking = await insertAssignment(db, request, lan.volunteer.id);
    const tomorrow = await insertFiledRequest(db, world, {
      status: 'filled',
      startsAt: new Date(tokyo('2027-02-04T10:00')),
      endsAt: new Date(tokyo('2027-02-04T12:00')),
    });
    await insertAssignment(db, tomorrow, minh.volunteer.id);
    sessions = {
      lan: await api.sessionFor(lan.user.id),
      minh: await api.sessionFor(minh.user.id),
      requester: await api.sessionFor(world.requesterUser.id),
    };
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await testDb?.dispose();
  });

  const reportsOf = (assignmentId: string) =>
    testDb.database.db
      .select()
      .from(schema.activityReports)
      .where(eq(schema.activityReports.assignmentId, assignmentId));
  const volunteerReport = (start: string, end: string) => ({
    volunteer: { actualStart: tokyo(start), actualEnd: tokyo(end), transportFareYen: 460 },
  });

  test('a volunteer who puts the activity months before the booking is told which days to use, and nothing is filed', async () => {
    const months = await api.graphql<Answer>(
      fileReport,
      { id: globalId('Assignment', booking.id), input: volunteerReport('2026-11-10T10:00', '2026-11-10T12:00') },
      { session: sessions.lan },
    );
    const window = '2027年2月1日から2027年2月3日までの日時を入力してください（予約日とその前後1日）。';
    expect(months.data?.fileActivityReport).toEqual({
      __typename: 'ValidationError',
      problems: [
        { path: ['input', 'volunteer', 'actualStart'], message: window },
        { path: ['input', 'volunteer', 'actualEnd'], message: window },
      ],
    });
    // A report that ends hours from now has not happened yet.
    const ahead = await api.graphql<Answer>(
      fileReport,
      { id: globalId('Assignment', booking.id), input: volunteerReport('2027-02-02T10:00', '2027-02-03T11:00') },
      { session: sessions.lan },
    );
    expect(ahead.data?.fileActivityReport.problems).toEqual([
      { path: ['input', 'volunteer', 'actualEnd'], message: 'これからの日時は報告できません。' },
    ]);
    expect(await reportsOf(booking.id)).toEqual([]);

    // It ran late: still the booked day, and filed.
    const late = await api.graphql<Answer>(
      fileReport,
      { id: globalId('Assignment', booking.id), input: volunteerReport('2027-02-02T10:00', '2027-02-02T13:30') },
      { session: sessions.lan },
    );
    expect(late.data?.fileActivityReport).toEqual({
      __typename: 'MutationFileActivityReportSuccess',
      data: { actualStart: '2027-02-02T01:00:00.000Z', actualEnd: '2027-02-02T04:30:00.000Z' },
    });
  });

  test('a report on an activity still to come is refused, in the reader’s language, for the volunteer and the requester', async () => {
    const { db } = testDb.database;
    const [tomorrowsBooking] = await db
      .select({ id: schema.assignments.id })
      .from(schema.assignments)
      .innerJoin(schema.requests, eq(schema.requests.id, schema.assignments.requestId))
      .where(eq(schema.requests.startsAt, new Date(tokyo('2027-02-04T10:00'))));
    const id = globalId('Assignment', tomorrowsBooking?.id ?? '');
    const byVolunteer = await api.graphql<Answer>(
      fileReport,
      { id, input: volunteerReport('2027-02-04T10:00', '2027-02-04T12:00') },
      { session: sessions.minh },
    );
    expect(byVolunteer.data?.fileActivityReport.problems).toEqual([
      { path: ['input', 'volunteer'], message: 'The activity has not started yet: report on it once it has.' },
    ]);
    const byRequester = await api.graphql<Answer>(
      fileReport,
      { id, input: { requester: { tookPlace: true, satisfaction: 5 } } },
      { session: sessions.requester },
    );
    expect(byRequester.data?.fileActivityReport.problems).toEqual([
      { path: ['input', 'requester'], message: '活動はまだ始まっていません。活動の後に報告してください。' },
    ]);
    expect(await reportsOf(tomorrowsBooking?.id ?? '')).toEqual([]);
  });
});
