import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { fixedClock } from '@tsunagu/domain';
import {
  createDispatchSteps,
  createLogger,
  createServices,
  type DispatchSteps,
  rankCandidates,
  type Services,
} from '@tsunagu/services';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  insertAvailableVolunteer,
  insertDispatchWorld,
  insertFiledRequest,
  outboxMessages,
} from '../support/dispatch-world';

const tokyo = (dateTime: string) => new Date(`${dateTime}:00+09:00`);
const at = (dateTime: string) => tokyo(dateTime).toISOString();

describe('dispatch steps on the database', () => {
  let testDb: TestDatabase;
  let steps: DispatchSteps;
  let world: Awaited<ReturnType<typeof insertDispatchWorld>>;
  const clock = fixedClock('2027-03-01T10:00');
  let services: Services;

  beforeAll(async () => {
    testDb = await openTestDatabase();
    const { db } = testDb.database;
    steps = createDispatchSteps({ db });
    services = createServices({ db, clock, logger: createLogger({ level: 'silent' }) });
    world = await insertDispatchWorld(db, {
      policy: {
        offers: { waveSize: 2, maxWaves: 1 },
        cancellation: { feeTiers: [{ withinHours: 48, feePercent: 50 }] },
      },
    });
  });
  afterAll(async () => {
    await testDb?.dispose();
  });
  beforeEach(async () => {
    const { db } = testDb.database;
    // Each test books its own volunteers: nobody may be busy with another test's request.
    await db.delete(schema.outbox);
    await db.update(schema.volunteers).set({ status: 'retired' });
  });

  const volunteer = (name: string, options?: Parameters<typeof insertAvailableVolunteer>[3]) =>
    insertAvailableVolunteer(testDb.database.db, world.associationId, name, options);
  const approvedRequest = async (values: Partial<typeof schema.requests.$inferInsert> = {}) => {
    const request = await insertFiledRequest(testDb.database.db, world, {
      startsAt: tokyo('2027-03-22T10:00'),
      endsAt: tokyo('2027-03-22T12:00'),
      ...values,
    });
    await steps.beginDispatch(request.id, at('2027-03-01T10:00'));
    await steps.approveRequest(request.id, world.coordinator.userId ?? '', at('2027-03-01T10:00'));
    return request;
  };
  const offersOf = (requestId: string) =>
    testDb.database.db.select().from(schema.offers).where(eq(schema.offers.requestId, requestId));
  const requestRow = async (requestId: string) =>
    (await testDb.database.db.select().from(schema.requests).where(eq(schema.requests.id, requestId)))[0];

  test('an untrusted organization’s request waits for screening, and the coordinator is asked', async () => {
    const request = await insertFiledRequest(testDb.database.db, world, {
      startsAt: tokyo('2027-03-22T10:00'),
      endsAt: tokyo('2027-03-22T12:00'),
    });
    const facts = await steps.beginDispatch(request.id, at('2027-03-01T10:00'));
    expect(facts?.stage).toBe('screening');
    expect((await outboxMessages(testDb.database.db, request.id)).map((message) => message.template)).toEqual([
      'screeningNeeded',
    ]);
    // Beginning again (a retried activity) asks nobody twice.
    await steps.beginDispatch(request.id, at('2027-03-01T10:00'));
    expect(await outboxMessages(testDb.database.db, request.id)).toHaveLength(1);
  });

  test('two volunteers accept the same single-interpreter request at once: one wins, the other is told it was taken', async () => {
    const [lan, minh, thao] = [await volunteer('Lan'), await volunteer('Minh'), await volunteer('Thao')];
    await testDb.database.db
      .update(schema.volunteers)
      .set({ status: 'retired' })
      .where(eq(schema.volunteers.id, thao.volunteer.id));
    const request = await approvedRequest();
    const wave = await steps.offerNextWave(request.id, at('2027-03-01T10:00'));
    expect(wave).toMatchObject({ kind: 'offered', wave: 1, offers: 2 });
    const offers = await offersOf(request.id);
    const offerOf = (volunteerId: string) => offers.find((offer) => offer.volunteerId === volunteerId)?.id ?? '';

    const outcomes = await Promise.all([
      steps.acceptOffer(offerOf(lan.volunteer.id), lan.volunteer.id, at('2027-03-01T11:00')),
      steps.acceptOffer(offerOf(minh.volunteer.id), minh.volunteer.id, at('2027-03-01T11:00')),
    ]);

    expect(outcomes.map((outcome) => outcome.result).sort()).toEqual(['taken', 'won']);
    const booked = await testDb.database.db
      .select()
      .from(schema.assignments)
      .where(and(eq(schema.assignments.requestId, request.id), eq(schema.assignments.status, 'confirmed')));
    expect(booked).toHaveLength(1);
    expect((await offersOf(request.id)).map((offer) => offer.status).sort()).toEqual(['accepted', 'withdrawn']);
    expect(await requestRow(request.id)).toMatchObject({ status: 'filled', dispatchStage: 'confirmed' });
    const templates = (await outboxMessages(testDb.database.db, request.id)).map((message) => message.template).sort();
    expect(templates).toEqual([
      'assignmentConfirmed',
      'offerMade',
      'offerMade',
      'offerWithdrawn',
      'requestApproved',
      'requestConfirmed',
      'screeningNeeded',
    ]);

    // The winner retrying their acceptance hears the same answer; nothing is written twice.
    const winner = outcomes[0]?.result === 'won' ? lan : minh;
    const again = await steps.acceptOffer(offerOf(winner.volunteer.id), winner.volunteer.id, at('2027-03-01T11:01'));
    expect(again).toEqual({ result: 'won', assignmentId: booked[0]?.id });
    expect(await outboxMessages(testDb.database.db, request.id)).toHaveLength(templates.length);
  });

  test('an offer accepted after its deadline has expired', async () => {
    const lan = await volunteer('Lan');
    const request = await approvedRequest();
    const wave = await steps.offerNextWave(request.id, at('2027-03-01T10:00'));
    expect(wave).toMatchObject({ kind: 'offered', nextDeadline: at('2027-03-03T10:00') });
    const [offer] = await offersOf(request.id);
    expect(await steps.acceptOffer(offer?.id ?? '', lan.volunteer.id, at('2027-03-03T10:01'))).toEqual({
      result: 'expired',
    });
  });

  test('all decline: the search widens for another wave; nobody left: coordinators are asked and the requester told', async () => {
    const volunteers = [await volunteer('Lan'), await volunteer('Minh'), await volunteer('Thao')];
    const request = await approvedRequest();
    expect(await steps.offerNextWave(request.id, at('2027-03-01T10:00'))).toMatchObject({ kind: 'offered', offers: 2 });
    // While offers are open, nothing more goes out.
    expect(await steps.offerNextWave(request.id, at('2027-03-01T10:05'))).toMatchObject({ kind: 'waiting' });
    const firstWave = await offersOf(request.id);
    for (const offer of firstWave) {
      expect(await steps.declineOffer(offer.id, offer.volunteerId, at('2027-03-01T12:00'))).toEqual({
        result: 'declined',
      });
    }
    // One wave is all the policy allows before widening: the third volunteer is asked in the widened search.
    expect(await steps.offerNextWave(request.id, at('2027-03-01T12:00'))).toMatchObject({
      kind: 'offered',
      wave: 2,
      offers: 1,
    });
    expect((await requestRow(request.id))?.widenedAt).not.toBeNull();
    const third = (await offersOf(request.id)).find((offer) => offer.status === 'offered');
    const notYetAsked = volunteers.filter(
      ({ volunteer }) => !firstWave.some((offer) => offer.volunteerId === volunteer.id),
    );
    expect(third?.volunteerId).toBe(notYetAsked[0]?.volunteer.id);

    // Nobody answers by the deadline: the offer expires and nobody is left.
    expect(await steps.offerNextWave(request.id, at('2027-03-03T12:00'))).toEqual({ kind: 'escalated' });
    expect((await offersOf(request.id)).map((offer) => offer.status).sort()).toEqual([
      'declined',
      'declined',
      'expired',
    ]);
    expect(await requestRow(request.id)).toMatchObject({ status: 'open', dispatchStage: 'escalated' });
    const templates = (await outboxMessages(testDb.database.db, request.id)).map((message) => message.template);
    expect(templates.filter((template) => template === 'escalated')).toHaveLength(1);
    expect(templates.filter((template) => template === 'stillLooking')).toHaveLength(1);
    // Escalated once: asking again tells nobody twice.
    await steps.offerNextWave(request.id, at('2027-03-03T13:00'));
    expect(await outboxMessages(testDb.database.db, request.id)).toHaveLength(templates.length);
  });

  test('a coordinator offers by hand and assigns by hand; a volunteer booked elsewhere then is refused', async () => {
    const lan = await volunteer('Lan');
    const minh = await volunteer('Minh');
    const request = await approvedRequest({ interpretersNeeded: 2 });
    const by = world.coordinator.userId ?? '';
    const manual = await steps.offerByHand(request.id, lan.volunteer.id, by, at('2027-03-01T10:00'));
    expect(manual).toMatchObject({ result: 'offered' });
    expect(await steps.offerByHand(request.id, lan.volunteer.id, by, at('2027-03-01T10:00'))).toEqual({
      result: 'already_offered',
    });
    expect(await steps.assignByHand(request.id, lan.volunteer.id, by, at('2027-03-01T10:30'))).toMatchObject({
      result: 'assigned',
    });
    // Lan's own offer was settled by the booking.
    expect((await offersOf(request.id)).map((offer) => offer.status)).toEqual(['withdrawn']);

    const other = await approvedRequest({
      startsAt: tokyo('2027-03-22T11:00'),
      endsAt: tokyo('2027-03-22T13:00'),
    });
    expect(await steps.assignByHand(other.id, lan.volunteer.id, by, at('2027-03-01T10:40'))).toEqual({
      result: 'busy',
    });
    expect(await steps.assignByHand(request.id, minh.volunteer.id, by, at('2027-03-01T10:45'))).toMatchObject({
      result: 'assigned',
    });
    expect(await requestRow(request.id)).toMatchObject({ status: 'filled', dispatchStage: 'confirmed' });
  });

  test('a late cancellation releases the volunteer and records the notice and the fee the policy sets', async () => {
    const lan = await volunteer('Lan');
    const request = await approvedRequest({ startsAt: tokyo('2027-03-02T16:00'), endsAt: tokyo('2027-03-02T18:00') });
    await steps.assignByHand(request.id, lan.volunteer.id, world.coordinator.userId ?? '', at('2027-03-01T09:00'));

    await services.requests.cancel(world.requester, request.id, { reason: 'no_longer_needed' }); // at 2027-03-01 10:00: 30 hours ahead

    const [assignment] = await testDb.database.db
      .select()
      .from(schema.assignments)
      .where(eq(schema.assignments.requestId, request.id));
    expect(assignment).toMatchObject({ status: 'cancelled', cancellationNoticeHours: 30, cancellationFeePercent: 50 });
    expect(assignment?.cancelledAt).toEqual(tokyo('2027-03-01T10:00'));
    expect(await requestRow(request.id)).toMatchObject({ status: 'cancelled', dispatchStage: 'cancelled' });
    const templates = (await outboxMessages(testDb.database.db, request.id)).map((message) => message.template);
    expect(templates).toContain('assignmentCancelled');
    expect(templates).toContain('lateCancellation');

    // The confirmation invited both to the appointment; the cancellation takes it out of Lan's calendar.
    const messages = await outboxMessages(testDb.database.db, request.id);
    const calendarOf = (template: string) =>
      messages.find((message) => message.template === template)?.payload.calendar as
        | { uid: string; sequence: number; cancelled: boolean; start: string; url: string }
        | undefined;
    const invited = calendarOf('assignmentConfirmed');
    const cancelled = calendarOf('assignmentCancelled');
    expect(invited).toMatchObject({
      uid: `assignment-${assignment?.id}@tsunagu`,
      cancelled: false,
      start: tokyo('2027-03-02T16:00').toISOString(),
      url: `/assignments/${assignment?.id}`,
    });
    expect(calendarOf('requestConfirmed')).toMatchObject({
      uid: invited?.uid,
      url: `/requests/${request.id}`,
    });
    expect(cancelled).toMatchObject({ uid: invited?.uid, cancelled: true });
    // Never older than the invitation (a CANCEL of the same sequence still applies, RFC 5546).
    expect(cancelled?.sequence).toBeGreaterThanOrEqual(invited?.sequence ?? Number.POSITIVE_INFINITY);
    expect(calendarOf('lateCancellation')).toBeUndefined();
  });

  test('a cancellation in good time owes nothing and withdraws the open offers', async () => {
    await volunteer('Lan');
    const request = await approvedRequest();
    await steps.offerNextWave(request.id, at('2027-03-01T10:00'));
    await services.requests.cancel(world.requester, request.id, { reason: 'no_longer_needed' });
    expect((await offersOf(request.id)).map((offer) => offer.status)).toEqual(['withdrawn']);
    const templates = (await outboxMessages(testDb.database.db, request.id)).map((message) => message.template);
    expect(templates).toContain('offerWithdrawn');
    expect(templates).not.toContain('lateCancellation');
    expect(await steps.offerNextWave(request.id, at('2027-03-01T10:05'))).toEqual({ kind: 'closed' });
  });

  test('no reconfirmation by the cutoff releases the volunteer and reopens the request for cover', async () => {
    const lan = await volunteer('Lan');
    const minh = await volunteer('Minh');
    const request = await approvedRequest({ interpretersNeeded: 2 });
    const by = world.coordinator.userId ?? '';
    const lanBooking = await steps.assignByHand(request.id, lan.volunteer.id, by, at('2027-03-01T10:00'));
    const minhBooking = await steps.assignByHand(request.id, minh.volunteer.id, by, at('2027-03-01T10:00'));
    expect(await steps.askReconfirmation(request.id, at('2027-03-21T10:00'))).toBe(2);
    expect(
      await steps.reconfirmAssignment(
        minhBooking.result === 'assigned' ? minhBooking.assignmentId : '',
        minh.volunteer.id,
        at('2027-03-20T12:00'),
      ),
    ).toEqual({ result: 'reconfirmed' });

    expect(await steps.releaseUnreconfirmed(request.id, at('2027-03-21T10:00'))).toBe(1);

    const rows = await testDb.database.db
      .select()
      .from(schema.assignments)
      .where(eq(schema.assignments.requestId, request.id));
    expect(rows.find((row) => row.volunteerId === lan.volunteer.id)).toMatchObject({
      id: lanBooking.result === 'assigned' ? lanBooking.assignmentId : '',
      status: 'released',
      releaseReason: 'not_reconfirmed',
    });
    expect(rows.find((row) => row.volunteerId === minh.volunteer.id)).toMatchObject({
      status: 'confirmed',
      // The app shows whom it asked, and by when.
      reconfirmBy: new Date(at('2027-03-21T10:00')),
    });
    expect(await requestRow(request.id)).toMatchObject({ status: 'open', dispatchStage: 'offering', dispatchWave: 0 });
    const templates = (await outboxMessages(testDb.database.db, request.id)).map((message) => message.template);
    expect(templates).toContain('assignmentReleased');
    expect(templates).toContain('coverNeeded');
  });

  test('a change of time keeps a volunteer who is still free and releases one who is not', async () => {
    const early = await volunteer('Early bird', { fromMinute: 8 * 60, toMinute: 13 * 60 });
    const allDay = await volunteer('All day');
    const request = await approvedRequest({ interpretersNeeded: 2 });
    const wave = await steps.offerNextWave(request.id, at('2027-03-01T10:00'));
    expect(wave).toMatchObject({ offers: 2 });
    for (const offer of await offersOf(request.id)) {
      await steps.acceptOffer(offer.id, offer.volunteerId, at('2027-03-01T11:00'));
    }
    await services.requests.edit(world.requester, request.id, {
      startsAt: tokyo('2027-03-22T15:00'),
      endsAt: tokyo('2027-03-22T17:00'),
    });

    expect(await steps.recheckAfterChange(request.id, at('2027-03-01T12:00'))).toEqual({ kept: 1, released: 1 });

    const rows = await testDb.database.db
      .select()
      .from(schema.assignments)
      .where(eq(schema.assignments.requestId, request.id));
    expect(rows.find((row) => row.volunteerId === early.volunteer.id)).toMatchObject({
      status: 'released',
      releaseReason: 'no_longer_fits',
    });
    expect(rows.find((row) => row.volunteerId === allDay.volunteer.id)).toMatchObject({
      status: 'confirmed',
      busyFrom: tokyo('2027-03-22T14:30'),
      busyUntil: tokyo('2027-03-22T17:30'),
    });
    expect(await requestRow(request.id)).toMatchObject({ status: 'open', dispatchStage: 'offering' });
    const templates = (await outboxMessages(testDb.database.db, request.id)).map((message) => message.template);
    expect(templates).toContain('requestChanged');
    expect(templates).toContain('assignmentReleased');
  });

  test('reminders go once per booking and time, whatever the retries', async () => {
    const lan = await volunteer('Lan');
    const request = await approvedRequest();
    await steps.assignByHand(request.id, lan.volunteer.id, world.coordinator.userId ?? '', at('2027-03-01T10:00'));
    expect(await steps.remindVolunteers(request.id, 24)).toBe(1);
    expect(await steps.remindVolunteers(request.id, 24)).toBe(1);
    const reminders = (await outboxMessages(testDb.database.db, request.id)).filter(
      (message) => message.template === 'reminder',
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.payload).toMatchObject({ event: 'reminder', requestId: request.id, hoursBefore: 24 });
  });

  test('a volunteer who declined offers ranks below one who has not been asked yet', async () => {
    const declines = await volunteer('Declines');
    const fresh = await volunteer('Fresh');
    const first = await approvedRequest();
    await steps.offerByHand(first.id, declines.volunteer.id, world.coordinator.userId ?? '', at('2027-03-01T10:00'));
    const [offer] = await offersOf(first.id);
    await steps.declineOffer(offer?.id ?? '', declines.volunteer.id, at('2027-03-01T10:30'));

    const next = await approvedRequest({ startsAt: tokyo('2027-03-23T10:00'), endsAt: tokyo('2027-03-23T12:00') });
    const ranked = await rankCandidates(testDb.database.db, next.id, {
      now: clock.now(),
      locale: 'en',
      limit: 10,
    });
    expect(ranked.map((candidate) => candidate.volunteerId)).toEqual([fresh.volunteer.id, declines.volunteer.id]);
  });
});
