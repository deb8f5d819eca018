import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { isDoubleBooking } from '@tsunagu/domain';
import { createDispatchSteps, type DispatchSteps } from '@tsunagu/services';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertCoordinatorWorld, insertRequest, insertVolunteer } from '../support/fixtures';

const tokyo = (dateTime: string) => new Date(`${dateTime}:00+09:00`);

describe('a volunteer is never booked twice at once', () => {
  let testDb: TestDatabase;
  let steps: DispatchSteps;
  let associationId: string;
  let organizationId: string;
  let coordinatorId: string;

  beforeAll(async () => {
    testDb = await openTestDatabase();
    const { db } = testDb.database;
    steps = createDispatchSteps({ db });
    let coordinator: { userId: string | null };
    ({ associationId, organizationId, coordinator } = await insertCoordinatorWorld(db, 'ja'));
    coordinatorId = coordinator.userId as string;
  });

  /** A coordinator books by hand, as the dispatch workflow does it: one transaction on the locked request. */
  const assign = (requestId: string, volunteerId: string) =>
    steps.assignByHand(requestId, volunteerId, coordinatorId, '2027-01-15T00:00:00Z');
  const assigned = async (requestId: string, volunteerId: string) => {
    const outcome = await assign(requestId, volunteerId);
    if (outcome.result !== 'assigned') throw new Error(`not assigned: ${outcome.result}`);
    const [assignment] = await testDb.database.db
      .select()
      .from(schema.assignments)
      .where(eq(schema.assignments.id, outcome.assignmentId));
    if (!assignment) throw new Error('no assignment row');
    return assignment;
  };
  afterAll(async () => {
    await testDb?.dispose();
  });

  const request = (startsAt: string, endsAt: string, values: Partial<typeof schema.requests.$inferInsert> = {}) =>
    insertRequest(testDb.database.db, associationId, organizationId, {
      startsAt: tokyo(startsAt),
      endsAt: tokyo(endsAt),
      ...values,
    });
  const volunteer = async () => (await insertVolunteer(testDb.database.db, associationId)).volunteer;
  const confirmedAssignmentsOf = (volunteerId: string) =>
    testDb.database.db
      .select()
      .from(schema.assignments)
      .where(and(eq(schema.assignments.volunteerId, volunteerId), eq(schema.assignments.status, 'confirmed')));

  // PostgreSQL may settle two simultaneous overlapping inserts as a deadlock, found only after
  // deadlock_timeout (1 s); the booking step retries the loser, so allow a few of those.
  test('twenty coordinators book one volunteer for twenty overlapping requests at once: one wins, nineteen are told', {
    timeout: 20_000,
  }, async () => {
    const lan = await volunteer();
    const requests = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        request(`2027-02-02T${String(9 + (index % 4)).padStart(2, '0')}:00`, '2027-02-02T14:00'),
      ),
    );

    const outcomes = await Promise.all(requests.map((each) => assign(each.id, lan.id)));

    expect(outcomes.filter((outcome) => outcome.result === 'assigned')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.result === 'busy')).toHaveLength(19);
    expect(await confirmedAssignmentsOf(lan.id)).toHaveLength(1);
    const statuses = await testDb.database.db
      .select({ status: schema.requests.status })
      .from(schema.requests)
      .where(
        sql`${schema.requests.id} in (${sql.join(
          requests.map((each) => sql`${each.id}`),
          sql`, `,
        )})`,
      );
    expect(statuses.filter((each) => each.status === 'filled')).toHaveLength(1);
    expect(statuses.filter((each) => each.status === 'open')).toHaveLength(19);
  });

  test('back-to-back visits fit when the travel buffers only touch, and not a minute closer', async () => {
    const lan = await volunteer();
    const morning = await request('2027-02-03T09:00', '2027-02-03T11:30');
    const afternoon = await request('2027-02-03T12:30', '2027-02-03T14:00');
    const tooSoon = await request('2027-02-03T14:59', '2027-02-03T16:00');

    const first = await assigned(morning.id, lan.id);
    const second = await assigned(afternoon.id, lan.id);
    expect(first.busyUntil).toEqual(tokyo('2027-02-03T12:00'));
    expect(second.busyFrom).toEqual(tokyo('2027-02-03T12:00'));

    expect(await assign(tooSoon.id, lan.id)).toEqual({ result: 'busy' });
    expect(await confirmedAssignmentsOf(lan.id)).toHaveLength(2);
  });

  test('a volunteer released for not reconfirming is free for another request, and the first reopens', async () => {
    const lan = await volunteer();
    const desk = await request('2027-02-04T10:00', '2027-02-04T12:00');
    const school = await request('2027-02-04T11:00', '2027-02-04T13:00');
    await assigned(desk.id, lan.id);
    expect(await assign(school.id, lan.id)).toEqual({ result: 'busy' });

    expect(await steps.releaseUnreconfirmed(desk.id, '2027-02-03T10:00:00Z')).toBe(1);

    expect(await assigned(school.id, lan.id)).toMatchObject({ requestId: school.id, status: 'confirmed' });
    const [reopened] = await testDb.database.db
      .select({ status: schema.requests.status })
      .from(schema.requests)
      .where(eq(schema.requests.id, desk.id));
    expect(reopened?.status).toBe('open');
  });

  test('a request with every interpreter it needs takes no one else', async () => {
    const [lan, minh] = [await volunteer(), await volunteer()];
    const desk = await request('2027-02-05T10:00', '2027-02-05T12:00');
    await assigned(desk.id, lan.id);

    expect(await assign(desk.id, minh.id)).toEqual({ result: 'full' });
    expect(await confirmedAssignmentsOf(minh.id)).toHaveLength(0);
  });

  test('a translation books no time: its translator still interprets on the same day, and takes another translation', async () => {
    const lan = await volunteer();
    const translation = (deadline: string) =>
      insertRequest(testDb.database.db, associationId, organizationId, {
        modality: 'translation',
        translationDirection: 'into_japanese',
        deadline: tokyo(deadline),
        startsAt: null,
        endsAt: null,
        volume: 3,
        volumeUnit: 'pages',
        localGovernmentCode: null,
      });
    const leaflet = await translation('2027-02-07T17:00');
    const letter = await translation('2027-02-07T17:00');
    const desk = await request('2027-02-07T10:00', '2027-02-07T12:00');

    const booked = await assigned(leaflet.id, lan.id);
    expect(booked).toMatchObject({ status: 'confirmed', busyFrom: null, busyUntil: null });
    await assigned(letter.id, lan.id);
    await assigned(desk.id, lan.id);

    expect(await confirmedAssignmentsOf(lan.id)).toHaveLength(3);
  });

  test('the database refuses an assignment with half a busy range', async () => {
    const lan = await volunteer();
    const desk = await request('2027-02-08T10:00', '2027-02-08T12:00');
    const halfRange = testDb.database.db.execute(sql`
      insert into assignments (request_id, volunteer_id, status, busy_from)
      values (${desk.id}, ${lan.id}, 'confirmed', ${tokyo('2027-02-08T09:30').toISOString()})
    `);
    await expect(halfRange).rejects.toThrow();
    expect(await confirmedAssignmentsOf(lan.id)).toHaveLength(0);
  });

  test('the database itself refuses an overlapping booking written around the service', async () => {
    const lan = await volunteer();
    const desk = await request('2027-02-06T10:00', '2027-02-06T12:00');
    const school = await request('2027-02-06T11:00', '2027-02-06T13:00');
    await assigned(desk.id, lan.id);

    const writeAround = testDb.database.db.execute(sql`
      insert into assignments (request_id, volunteer_id, status, busy_from, busy_until)
      values (${school.id}, ${lan.id}, 'confirmed', ${tokyo('2027-02-06T10:30').toISOString()}, ${tokyo('2027-02-06T13:30').toISOString()})
    `);

    await expect(writeAround).rejects.toSatisfy(isDoubleBooking);
    expect(await confirmedAssignmentsOf(lan.id)).toHaveLength(1);
  });
});
