import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { ConflictError, ForbiddenError, fixedClock, ValidationError, type Viewer } from '@tsunagu/domain';
import { createLogger, createServices, type Services } from '@tsunagu/services';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { globalId, startTestApi } from '../support/api';
import {
  type AvailableVolunteerOptions,
  insertAcceptedPartnership,
  insertAssignment,
  insertAssociation,
  insertAvailableVolunteer,
  insertCoordinatorWorld,
  insertOrganization,
  insertRequest,
  insertRequester,
  insertStaffMember,
} from '../support/fixtures';

const tokyo = (dateTime: string) => new Date(`${dateTime}:00+09:00`);
const clock = fixedClock('2027-01-15T09:00');

describe('the open board', () => {
  let testDb: TestDatabase;
  let services: Services;
  let associationId: string;
  let organizationId: string;
  let coordinator: Viewer;

  beforeAll(async () => {
    testDb = await openTestDatabase();
    const { db } = testDb.database;
    services = createServices({ db, clock, logger: createLogger({ level: 'silent' }) });
    ({ associationId, organizationId, coordinator } = await insertCoordinatorWorld(db, 'en'));
  });
  afterAll(async () => {
    await testDb?.dispose();
  });

  /** An open on-site Vietnamese request at Toyonaka city hall, 10:00–12:00 on the given day. */
  const request = (day: string, values: Partial<typeof schema.requests.$inferInsert> = {}) =>
    insertRequest(testDb.database.db, associationId, organizationId, {
      startsAt: tokyo(`${day}T10:00`),
      endsAt: tokyo(`${day}T12:00`),
      ...values,
    });

  /** A volunteer who fits the default request, and the viewer they read the board as. */
  async function volunteer(options: AvailableVolunteerOptions = {}) {
    const { user, volunteer } = await insertAvailableVolunteer(testDb.database.db, associationId, options);
    const viewer: Viewer = {
      userId: user.id,
      locale: 'en',
      organizationId: null,
      volunteerId: volunteer.id,
      coordinatorOf: [],
      adminOf: [],
    };
    return { volunteer, viewer };
  }

  const boardIds = async (viewer: Viewer) =>
    (await services.openBoard.openBoard(viewer)).map((entry) => entry.request.id);

  test('a volunteer sees the open requests that pass every filter of matching for them, soonest first', async () => {
    const { db } = testDb.database;
    const { volunteer: lan, viewer } = await volunteer();
    await db.insert(schema.daysOff).values({ volunteerId: lan.id, startsOn: '2027-03-03', endsOn: '2027-03-03' });
    const later = await request('2027-03-02');
    const sooner = await request('2027-03-01');
    const dayOff = await request('2027-03-03');
    const chinese = await request('2027-03-04', { languageCode: 'zh' });
    const notScreened = await request('2027-03-05', { status: 'filed' });
    const notOffered = await request('2027-03-06', { routing: 'not_offered' });
    const past = await request('2027-01-14');
    const evening = await insertRequest(db, associationId, organizationId, {
      startsAt: tokyo('2027-03-08T18:00'),
      endsAt: tokyo('2027-03-08T20:00'),
    });

    const board = await services.openBoard.openBoard(viewer);
    const ids = board.map((entry) => entry.request.id);
    expect(ids.indexOf(sooner.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
    for (const unfit of [dayOff, chinese, notScreened, notOffered, past, evening]) {
      expect(ids).not.toContain(unfit.id);
    }
    const entry = board.find((each) => each.request.id === sooner.id);
    expect(entry?.reasons).toMatch(/^fluent Vietnamese, interpretation; free 09:00–17:00; 0\.0 km; /);
    expect(entry?.applied).toBe(false);
    // What only the booked interpreter needs is not on the board.
    expect(entry?.request).not.toHaveProperty('contactName');
    expect(entry?.request).not.toHaveProperty('notes');
    expect(entry?.request.language.code).toBe('vi');
  });

  test('a partner association’s request shows only when it is opened to partners', async () => {
    const { db } = testDb.database;
    const partner = await insertAssociation(db, { slug: 'partner-board' });
    const partnerOrganization = await insertOrganization(db, partner.id);
    await insertAcceptedPartnership(db, partner.id, associationId);
    const { viewer } = await volunteer();
    const opened = await insertRequest(db, partner.id, partnerOrganization.id, {
      startsAt: tokyo('2027-03-10T10:00'),
      endsAt: tokyo('2027-03-10T12:00'),
      openToPartners: true,
    });
    const kept = await insertRequest(db, partner.id, partnerOrganization.id, {
      startsAt: tokyo('2027-03-11T10:00'),
      endsAt: tokyo('2027-03-11T12:00'),
    });

    const ids = await boardIds(viewer);
    expect(ids).toContain(opened.id);
    expect(ids).not.toContain(kept.id);
  });

  test('applying puts the volunteer beside the ranked candidates; twice is once; withdrawing takes it back', async () => {
    const { volunteer: lan, viewer } = await volunteer();
    const desk = await request('2027-03-15');

    const first = await services.openBoard.apply(viewer, desk.id, '  I know this desk well.  ');
    const again = await services.openBoard.apply(viewer, desk.id, 'I know this desk well.');
    expect(again.createdAt).toEqual(first.createdAt);

    const applicants = await services.openBoard.applicants(coordinator, desk.id);
    expect(applicants).toHaveLength(1);
    expect(applicants[0]).toMatchObject({ volunteerId: lan.id, note: 'I know this desk well.' });
    expect(applicants[0]?.candidate?.reasons).toMatch(/^fluent Vietnamese/);
    expect((await services.openBoard.openBoard(viewer)).find((entry) => entry.request.id === desk.id)?.applied).toBe(
      true,
    );

    await services.openBoard.withdraw(viewer, desk.id);
    expect(await services.openBoard.applicants(coordinator, desk.id)).toEqual([]);
    await expect(services.openBoard.withdraw(viewer, desk.id)).rejects.toThrow(/Application/);
  });

  test('an applicant booked elsewhere meanwhile stays listed, marked as no longer fitting', async () => {
    const { volunteer: lan, viewer } = await volunteer();
    const desk = await request('2027-03-16');
    const school = await request('2027-03-16', {
      startsAt: tokyo('2027-03-16T11:00'),
      endsAt: tokyo('2027-03-16T13:00'),
    });
    await services.openBoard.apply(viewer, desk.id, null);
    await insertAssignment(testDb.database.db, school, lan.id);

    const [applicant] = await services.openBoard.applicants(coordinator, desk.id);
    expect(applicant).toMatchObject({ volunteerId: lan.id, candidate: null });
    expect(await boardIds(viewer)).not.toContain(desk.id);
  });

  test('a request that does not fit, is not open, or a note too long is refused and nothing is written', async () => {
    const { db } = testDb.database;
    const { volunteer: lan, viewer } = await volunteer();
    const chinese = await request('2027-03-17', { languageCode: 'zh' });
    const filled = await request('2027-03-18', { status: 'filled' });
    const desk = await request('2027-03-19');

    await expect(services.openBoard.apply(viewer, chinese.id, null)).rejects.toBeInstanceOf(ConflictError);
    await expect(services.openBoard.apply(viewer, filled.id, null)).rejects.toBeInstanceOf(ConflictError);
    await expect(services.openBoard.apply(viewer, desk.id, 'x'.repeat(1_001))).rejects.toBeInstanceOf(ValidationError);
    await expect(services.openBoard.apply(coordinator, desk.id, null)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.select().from(schema.applications).where(eq(schema.applications.volunteerId, lan.id))).toEqual([]);
  });

  test('through GraphQL: the volunteer reads the board and applies; the coordinator sees the applicant; the requester may not', async () => {
    const { db } = testDb.database;
    const api = await startTestApi(testDb.database, { clock });
    try {
      const { volunteer: lan, viewer } = await volunteer();
      const desk = await request('2027-03-22');
      const asVolunteer = await api.sessionFor(viewer.userId as string);

      const board = await api.graphql<{
        openBoard: { request: { requestId: string; language: { code: string } }; reasons: string; applied: boolean }[];
      }>(
        'query { openBoard { request { requestId language { code } } reasons applied } }',
        {},
        { session: asVolunteer },
      );
      expect(board.errors).toBeUndefined();
      expect(board.data?.openBoard.map((entry) => entry.request.requestId)).toContain(globalId('Request', desk.id));

      const applied = await api.graphql<{ applyToRequest: { __typename: string; note?: string } }>(
        `mutation ($id: ID!) {
          applyToRequest(requestId: $id, note: "Free all day") {
            __typename
            ... on MutationApplyToRequestSuccess { data { note } }
          }
        }`,
        { id: globalId('Request', desk.id) },
        { session: asVolunteer },
      );
      expect(applied.errors).toBeUndefined();
      expect(applied.data?.applyToRequest.__typename).toBe('MutationApplyToRequestSuccess');

      const query = `query ($id: ID!) {
        node(id: $id) { ... on Request { applicants { volunteer { id } note candidate { reasons } } } }
      }`;
      type Result = {
        node: { applicants: { volunteer: { id: string }; note: string; candidate: { reasons: string } | null }[] };
      };
      const asCoordinator = await api.graphql<Result>(
        query,
        { id: globalId('Request', desk.id) },
        { session: await api.sessionFor(coordinator.userId as string) },
      );
      expect(asCoordinator.errors).toBeUndefined();
      expect(asCoordinator.data?.node.applicants).toEqual([
        { volunteer: { id: globalId('Volunteer', lan.id) }, note: 'Free all day', candidate: expect.anything() },
      ]);

      const requester = await api.sessionFor((await insertRequester(db, organizationId)).id);
      const asRequester = await api.graphql<Result>(
        query,
        { id: globalId('Request', desk.id) },
        { session: requester },
      );
      expect(asRequester.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await api.close();
    }
  });

  test('coordinators see a partner’s volunteers among their candidates; coordinators of no partner do not', async () => {
    const { db } = testDb.database;
    const api = await startTestApi(testDb.database, { clock });
    try {
      const helping = await insertAssociation(db, { slug: 'helping-partner' });
      await insertAcceptedPartnership(db, associationId, helping.id);
      const { volunteer: partnerVolunteer } = await volunteer({ association: helping.id });
      const desk = await request('2027-03-23', { openToPartners: true });
      const unrelated = await insertStaffMember(
        db,
        (await insertAssociation(db, { slug: 'unrelated' })).id,
        'coordinator',
      );

      const candidates = await api.graphql<{ node: { candidates: { volunteer: { id: string; fullName: string } }[] } }>(
        `query ($id: ID!) { node(id: $id) { ... on Request { candidates(limit: 200) { volunteer { id fullName } } } } }`,
        { id: globalId('Request', desk.id) },
        { session: await api.sessionFor(coordinator.userId as string) },
      );
      expect(candidates.errors).toBeUndefined();
      expect(candidates.data?.node.candidates.map((candidate) => candidate.volunteer.id)).toContain(
        globalId('Volunteer', partnerVolunteer.id),
      );

      const profile = `query ($id: ID!) { node(id: $id) { ... on Volunteer { fullName } } }`;
      const asUnrelated = await api.graphql(
        profile,
        { id: globalId('Volunteer', partnerVolunteer.id) },
        { session: await api.sessionFor(unrelated.id) },
      );
      expect(asUnrelated.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await api.close();
    }
  });
});
