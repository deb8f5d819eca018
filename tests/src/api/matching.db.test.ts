import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { ForbiddenError, fixedClock, type Viewer } from '@tsunagu/domain';
import {
  createDispatchSteps,
  createLogger,
  createServices,
  detachedDispatcher,
  type Services,
} from '@tsunagu/services';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { globalId, startTestApi, type TestApi } from '../support/api';
import {
  type AvailableVolunteerOptions,
  insertAssignment,
  insertAssociation,
  insertAvailableVolunteer,
  insertCoordinatorWorld,
  insertRequest,
  insertRequester,
} from '../support/fixtures';

const tokyo = (dateTime: string) => new Date(`${dateTime}:00+09:00`);

/** The office points of Osaka city and Toyonaka in the fixtures. */
const osakaCity = { latitude: 34.6937, longitude: 135.5023 };
const toyonaka = { latitude: 34.7813, longitude: 135.4699 };

/** An independent haversine, to set travel distances just either side of the real one. */
function kmBetween(a: typeof osakaCity, b: typeof osakaCity): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const h =
    Math.sin(radians(b.latitude - a.latitude) / 2) ** 2 +
    Math.cos(radians(a.latitude)) *
      Math.cos(radians(b.latitude)) *
      Math.sin(radians(b.longitude - a.longitude) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

describe('matching finds the volunteers who can take a request', () => {
  let testDb: TestDatabase;
  let services: Services;
  let associationId: string;
  let organizationId: string;
  let coordinator: Viewer;

  beforeAll(async () => {
    testDb = await openTestDatabase();
    const { db } = testDb.database;
    services = createServices({ db, clock: fixedClock('2027-01-15T09:00'), logger: createLogger({ level: 'silent' }) });
    ({ associationId, organizationId, coordinator } = await insertCoordinatorWorld(db, 'en'));
  });
  afterAll(async () => {
    await testDb?.dispose();
  });

  /** An on-site Vietnamese request at Toyonaka city hall, 10:00–12:00 on Tuesday 2 February 2027 unless told. */
  const request = (values: Partial<typeof schema.requests.$inferInsert> = {}, association = associationId) =>
    insertRequest(testDb.database.db, association, organizationId, values);

  /**
   * An active volunteer living in Toyonaka and covering it, fluent in Vietnamese for interpreting,
   * free 09:00–17:00 every day, unless told otherwise.
   */
  const volunteer = async (options: AvailableVolunteerOptions = {}) =>
    (await insertAvailableVolunteer(testDb.database.db, associationId, options)).volunteer;

  /** The volunteers matching offers for a request, best first. */
  const candidateIds = async (requestId: string, viewer: Viewer = coordinator) =>
    (await services.matching.candidates(viewer, requestId, 200)).map((candidate) => candidate.volunteerId);

  test('the language must be at business level or better, for the direction the work needs', async () => {
    const business = await volunteer({ language: { level: 'business' } });
    const conversational = await volunteer({ language: { level: 'conversational' } });
    const translatorOnly = await volunteer({ language: { directions: ['translation_into_japanese'] } });
    const onSite = await request();
    const translation = await request({
      modality: 'translation',
      translationDirection: 'into_japanese',
      startsAt: null,
      endsAt: null,
      deadline: tokyo('2027-02-10T17:00'),
    });

    const forOnSite = await candidateIds(onSite.id);
    expect(forOnSite).toContain(business.id);
    expect(forOnSite).not.toContain(conversational.id);
    expect(forOnSite).not.toContain(translatorOnly.id);
    const forTranslation = await candidateIds(translation.id);
    expect(forTranslation).toContain(translatorOnly.id);
    expect(forTranslation).not.toContain(business.id);
  });

  test('a volunteer free from exactly the start to exactly the end is free; a minute short either side is not', async () => {
    const exact = await volunteer({ windows: [{ weekday: 2, startMinute: 600, endMinute: 720 }] });
    const lateStart = await volunteer({ windows: [{ weekday: 2, startMinute: 601, endMinute: 720 }] });
    const earlyEnd = await volunteer({ windows: [{ weekday: 2, startMinute: 600, endMinute: 719 }] });
    const otherDay = await volunteer({ windows: [{ weekday: 3, startMinute: 540, endMinute: 1020 }] });

    const ids = await candidateIds((await request()).id);
    expect(ids).toContain(exact.id);
    expect(ids).not.toContain(lateStart.id);
    expect(ids).not.toContain(earlyEnd.id);
    expect(ids).not.toContain(otherDay.id);
  });

  test('windows that touch are one stretch of free time, also over midnight', async () => {
    const split = await volunteer({
      windows: [
        { weekday: 2, startMinute: 600, endMinute: 660 },
        { weekday: 2, startMinute: 660, endMinute: 720 },
      ],
    });
    const gap = await volunteer({
      windows: [
        { weekday: 2, startMinute: 600, endMinute: 659 },
        { weekday: 2, startMinute: 660, endMinute: 720 },
      ],
    });
    const [held] = await services.matching
      .candidates(coordinator, (await request()).id, 200)
      .then((candidates) => candidates.filter((candidate) => candidate.volunteerId === split.id));
    expect(held?.reasons).toContain('free 10:00–12:00');
    expect(await candidateIds((await request()).id)).not.toContain(gap.id);

    // Saturday 23:00 to Sunday 01:00, a night shift at a consultation desk.
    const nightOwl = await volunteer({
      windows: [
        { weekday: 6, startMinute: 22 * 60, endMinute: 24 * 60 },
        { weekday: 7, startMinute: 0, endMinute: 2 * 60 },
      ],
    });
    const saturdayOnly = await volunteer({ windows: [{ weekday: 6, startMinute: 18 * 60, endMinute: 24 * 60 }] });
    const night = await request({ startsAt: tokyo('2027-02-06T23:00'), endsAt: tokyo('2027-02-07T01:00') });
    const ids = await candidateIds(night.id);
    expect(ids).toContain(nightOwl.id);
    expect(ids).not.toContain(saturdayOnly.id);
  });

  test('a change of weekly availability reaches matching at once', async () => {
    const { db } = testDb.database;
    const mornings = await volunteer({ windows: [{ weekday: 2, startMinute: 540, endMinute: 600 }] });
    const desk = (await request()).id;
    expect(await candidateIds(desk)).not.toContain(mornings.id);
    await db
      .update(schema.availabilityWindows)
      .set({ endMinute: 720 })
      .where(eq(schema.availabilityWindows.volunteerId, mornings.id));
    expect(await candidateIds(desk)).toContain(mornings.id);
    await db.delete(schema.availabilityWindows).where(eq(schema.availabilityWindows.volunteerId, mornings.id));
    expect(await candidateIds(desk)).not.toContain(mornings.id);
  });

  test('a volunteer on a day off that day is not offered the work; one whose day off was the day before is', async () => {
    const { db } = testDb.database;
    const away = await volunteer();
    const back = await volunteer();
    await db.insert(schema.daysOff).values([
      { volunteerId: away.id, startsOn: '2027-01-30', endsOn: '2027-02-02' },
      { volunteerId: back.id, startsOn: '2027-01-30', endsOn: '2027-02-01' },
    ]);

    const ids = await candidateIds((await request()).id);
    expect(ids).not.toContain(away.id);
    expect(ids).toContain(back.id);
  });

  test('a volunteer who takes national holidays off is not offered work on one', async () => {
    await testDb.database.db
      .insert(schema.holidays)
      .values({ date: '2027-02-11', nameJa: '建国記念の日', nameEn: 'National Foundation Day' })
      .onConflictDoNothing();
    const holidaysOff = await volunteer({ values: { holidaysOff: true } });
    const worksHolidays = await volunteer();

    const onHoliday = await request({ startsAt: tokyo('2027-02-11T10:00'), endsAt: tokyo('2027-02-11T12:00') });
    const dayAfter = await request({ startsAt: tokyo('2027-02-12T10:00'), endsAt: tokyo('2027-02-12T12:00') });
    const idsOnHoliday = await candidateIds(onHoliday.id);
    expect(idsOnHoliday).not.toContain(holidaysOff.id);
    expect(idsOnHoliday).toContain(worksHolidays.id);
    expect(await candidateIds(dayAfter.id)).toContain(holidaysOff.id);
  });

  test('on site needs a travel buffer: a remote call ending 20 minutes before blocks, one ending 40 minutes before does not', async () => {
    const { db } = testDb.database;
    const tight = await volunteer();
    const relaxed = await volunteer();
    const tightCall = await request({
      modality: 'remote',
      startsAt: tokyo('2027-02-02T08:40'),
      endsAt: tokyo('2027-02-02T09:40'),
    });
    const relaxedCall = await request({
      modality: 'remote',
      startsAt: tokyo('2027-02-02T08:20'),
      endsAt: tokyo('2027-02-02T09:20'),
    });
    await db.insert(schema.assignments).values([
      {
        requestId: tightCall.id,
        volunteerId: tight.id,
        busyFrom: tokyo('2027-02-02T08:40'),
        busyUntil: tokyo('2027-02-02T09:40'),
      },
      {
        requestId: relaxedCall.id,
        volunteerId: relaxed.id,
        busyFrom: tokyo('2027-02-02T08:20'),
        busyUntil: tokyo('2027-02-02T09:20'),
      },
    ]);

    const ids = await candidateIds((await request()).id);
    expect(ids).not.toContain(tight.id);
    expect(ids).toContain(relaxed.id);
  });

  test('a volunteer at their monthly cap in Japan is not offered more that month', async () => {
    const { db } = testDb.database;
    const atCap = await volunteer({ values: { monthlyCap: 1 } });
    const capLastMonth = await volunteer({ values: { monthlyCap: 1 } });
    const roomLeft = await volunteer({ values: { monthlyCap: 2 } });
    // 00:30 on 1 February in Japan is still January in UTC: it counts for February.
    const firstOfMonth = await request({
      startsAt: tokyo('2027-02-01T00:30'),
      endsAt: tokyo('2027-02-01T01:30'),
      status: 'completed',
    });
    const endOfJanuary = await request({
      startsAt: tokyo('2027-01-31T22:00'),
      endsAt: tokyo('2027-01-31T23:00'),
      status: 'completed',
    });
    const busy = (requestId: string, volunteerId: string, startsAt: Date) => ({
      requestId,
      volunteerId,
      status: 'completed' as const,
      busyFrom: startsAt,
      busyUntil: new Date(startsAt.getTime() + 60 * 60_000),
    });
    await db
      .insert(schema.assignments)
      .values([
        busy(firstOfMonth.id, atCap.id, firstOfMonth.startsAt as Date),
        busy(firstOfMonth.id, roomLeft.id, firstOfMonth.startsAt as Date),
        busy(endOfJanuary.id, capLastMonth.id, endOfJanuary.startsAt as Date),
      ]);

    const ids = await candidateIds((await request()).id);
    expect(ids).not.toContain(atCap.id);
    expect(ids).toContain(capLastMonth.id);
    expect(ids).toContain(roomLeft.id);
  });

  test('the monthly cap counts a booking by its start, not by its travel buffer', async () => {
    const { db } = testDb.database;
    const afterMidnight = await volunteer({ values: { monthlyCap: 1 } });
    const beforeMidnight = await volunteer({ values: { monthlyCap: 1 } });
    // On site at 00:15 on 1 February: busy from 23:45 in January, but the work is February's.
    const onSite = await request({
      startsAt: tokyo('2027-02-01T00:15'),
      endsAt: tokyo('2027-02-01T01:15'),
      status: 'completed',
    });
    // A remote call from 23:40 on 31 January into February is January's.
    const remote = await request({
      modality: 'remote',
      startsAt: tokyo('2027-01-31T23:40'),
      endsAt: tokyo('2027-02-01T00:10'),
      status: 'completed',
    });
    await db.insert(schema.assignments).values([
      {
        requestId: onSite.id,
        volunteerId: afterMidnight.id,
        status: 'completed',
        busyFrom: tokyo('2027-01-31T23:45'),
        busyUntil: tokyo('2027-02-01T01:45'),
      },
      {
        requestId: remote.id,
        volunteerId: beforeMidnight.id,
        status: 'completed',
        busyFrom: tokyo('2027-01-31T23:40'),
        busyUntil: tokyo('2027-02-01T00:10'),
      },
    ]);

    const ids = await candidateIds((await request()).id);
    expect(ids).not.toContain(afterMidnight.id);
    expect(ids).toContain(beforeMidnight.id);
  });

  test('a certified-only request needs the certificate valid on the day: expiring the day before fails, the day of passes', async () => {
    const { db } = testDb.database;
    const lapsed = await volunteer();
    const lastDay = await volunteer();
    const uncertified = await volunteer();
    await db.insert(schema.certificates).values([
      {
        volunteerId: lapsed.id,
        name: '医療通訳士',
        issuer: 'JAMI',
        kind: 'medical_interpreter',
        expiresOn: '2027-02-01',
      },
      {
        volunteerId: lastDay.id,
        name: '医療通訳士',
        issuer: 'JAMI',
        kind: 'medical_interpreter',
        expiresOn: '2027-02-02',
      },
    ]);
    const medical = await request({
      specialty: 'medical',
      routing: 'certified_only',
      requiredCertificateKind: 'medical_interpreter',
    });

    const ids = await candidateIds(medical.id);
    expect(ids).toContain(lastDay.id);
    expect(ids).not.toContain(lapsed.id);
    expect(ids).not.toContain(uncertified.id);
  });

  test('a request the association does not offer to volunteers has no candidates', async () => {
    await volunteer();
    const legal = await request({ specialty: 'legal', routing: 'not_offered' });
    expect(await candidateIds(legal.id)).toEqual([]);
  });

  test('a volunteer without the region goes when the office is just within their travel distance, not just beyond', async () => {
    const km = kmBetween(osakaCity, toyonaka);
    const fromOsaka = (maxTravelKm: number) =>
      volunteer({ values: { homeLocalGovernmentCode: '271004', maxTravelKm }, regions: [] });
    const justWithin = await fromOsaka(Math.ceil(km));
    const justBeyond = await fromOsaka(Math.floor(km));
    const wholePrefecture = await volunteer({ values: { homeLocalGovernmentCode: '271004' }, regions: ['270008'] });

    const candidates = await services.matching.candidates(coordinator, (await request()).id, 200);
    const ids = candidates.map((candidate) => candidate.volunteerId);
    expect(ids).toContain(justWithin.id);
    expect(ids).not.toContain(justBeyond.id);
    expect(ids).toContain(wholePrefecture.id);
    expect(candidates.find((candidate) => candidate.volunteerId === justWithin.id)?.distanceKm).toBeCloseTo(km, 3);
  });

  test('remote interpretation goes to remote-capable volunteers wherever they are', async () => {
    const remote = await volunteer({ values: { remoteCapable: true }, regions: [] });
    const inPersonOnly = await volunteer();
    const call = await request({ modality: 'remote', localGovernmentCode: null, venue: null });

    const candidates = await services.matching.candidates(coordinator, call.id, 200);
    const ids = candidates.map((candidate) => candidate.volunteerId);
    expect(ids).toContain(remote.id);
    expect(ids).not.toContain(inPersonOnly.id);
    expect(candidates.find((candidate) => candidate.volunteerId === remote.id)?.distanceKm).toBeNull();
  });

  test('suspended volunteers, suspended members and volunteers banned either way are left out', async () => {
    const { db } = testDb.database;
    const suspended = await volunteer({ values: { status: 'suspended' } });
    const membershipSuspended = await volunteer();
    await db
      .update(schema.volunteerMemberships)
      .set({ status: 'suspended' })
      .where(eq(schema.volunteerMemberships.volunteerId, membershipSuspended.id));
    const declinedByOrganization = await volunteer();
    const declinesOrganization = await volunteer();
    await db.insert(schema.bans).values([
      { organizationId, volunteerId: declinedByOrganization.id, direction: 'organization_declines_volunteer' },
      { organizationId, volunteerId: declinesOrganization.id, direction: 'volunteer_declines_organization' },
    ]);
    const fine = await volunteer();

    const ids = await candidateIds((await request()).id);
    expect(ids).toContain(fine.id);
    for (const excluded of [suspended, membershipSuspended, declinedByOrganization, declinesOrganization]) {
      expect(ids).not.toContain(excluded.id);
    }
  });

  test('joining, leaving and being suspended by the association reach matching at once', async () => {
    const { db } = testDb.database;
    const elsewhere = await insertAssociation(db);
    const newcomer = await volunteer({ association: elsewhere.id });
    const desk = (await request()).id;
    const membership = and(
      eq(schema.volunteerMemberships.volunteerId, newcomer.id),
      eq(schema.volunteerMemberships.associationId, associationId),
    );
    expect(await candidateIds(desk)).not.toContain(newcomer.id);

    await db.insert(schema.volunteerMemberships).values({ volunteerId: newcomer.id, associationId, status: 'active' });
    expect(await candidateIds(desk)).toContain(newcomer.id);
    await db.update(schema.volunteerMemberships).set({ status: 'suspended' }).where(membership);
    expect(await candidateIds(desk)).not.toContain(newcomer.id);
    await db.update(schema.volunteerMemberships).set({ status: 'active' }).where(membership);
    expect(await candidateIds(desk)).toContain(newcomer.id);
    await db.delete(schema.volunteerMemberships).where(membership);
    expect(await candidateIds(desk)).not.toContain(newcomer.id);
  });

  test('the speakers matching reads are always what the languages, memberships and windows say', async () => {
    const { db } = testDb.database;
    // Every test before this one wrote volunteers, memberships and windows; add a language, change
    // one, drop a window and delete a volunteer outright.
    const polyglot = await volunteer({ association: (await insertAssociation(db)).id });
    await db.insert(schema.volunteerMemberships).values({ volunteerId: polyglot.id, associationId, status: 'active' });
    await db
      .insert(schema.volunteerLanguages)
      .values({ volunteerId: polyglot.id, languageCode: 'zh', level: 'native', directions: ['interpretation'] });
    await db
      .update(schema.volunteerLanguages)
      .set({ level: 'business' })
      .where(eq(schema.volunteerLanguages.volunteerId, polyglot.id));
    await db
      .delete(schema.availabilityWindows)
      .where(and(eq(schema.availabilityWindows.volunteerId, polyglot.id), eq(schema.availabilityWindows.weekday, 3)));
    const leaving = await volunteer();
    await db.delete(schema.volunteers).where(eq(schema.volunteers.id, leaving.id));

    // postgres.js returns the rows as the result, PGlite as `result.rows`.
    const rows = async (query: SQL) => {
      const result = (await db.execute(query)) as unknown;
      return Array.isArray(result) ? [...result] : (result as { rows: unknown[] }).rows;
    };
    const derived = await rows(sql`
      select m.association_id, l.volunteer_id, l.language_code, l.level::text, l.directions::text,
        (select coalesce(range_agg(int4range((w.weekday - 1) * 1440 + w.start_minute, (w.weekday - 1) * 1440 + w.end_minute)), '{}')
           from availability_windows w where w.volunteer_id = l.volunteer_id)::text as weekly_free
      from volunteer_languages l
      join volunteer_memberships m on m.volunteer_id = l.volunteer_id and m.status = 'active'
      order by 1, 2, 3`);
    const kept = await rows(sql`
      select association_id, volunteer_id, language_code, level::text, directions::text, weekly_free::text
      from matching_speakers order by 1, 2, 3`);
    expect(derived.length).toBeGreaterThan(20);
    expect(kept).toEqual(derived);
  });

  test('only coordinators of the request’s association may see its candidates', async () => {
    const onSite = await request();
    await expect(services.matching.candidates({ ...coordinator, coordinatorOf: [] }, onSite.id)).rejects.toThrow(
      ForbiddenError,
    );
  });

  test('candidates are ranked by level, specialty, distance and recent work, each with reasons in words', async () => {
    const { db } = testDb.database;
    const ranking = (await insertAssociation(db)).id;
    const rankingCoordinator = { ...coordinator, coordinatorOf: [ranking] };
    const nearNativeMedical = await volunteer({
      association: ranking,
      language: { level: 'native' },
      values: { specialties: ['medical'] },
    });
    const farBusyBusiness = await volunteer({
      association: ranking,
      language: { level: 'business' },
      values: { homeLocalGovernmentCode: '271004' },
    });
    const lastMonth = await request(
      { startsAt: tokyo('2027-01-20T10:00'), endsAt: tokyo('2027-01-20T11:00') },
      ranking,
    );
    await db.insert(schema.assignments).values({
      requestId: lastMonth.id,
      volunteerId: farBusyBusiness.id,
      status: 'completed',
      busyFrom: tokyo('2027-01-20T09:30'),
      busyUntil: tokyo('2027-01-20T11:30'),
    });
    const medical = await request({ specialty: 'medical' }, ranking);

    const candidates = await services.matching.candidates(rankingCoordinator, medical.id);
    expect(candidates.map((candidate) => candidate.volunteerId)).toEqual([nearNativeMedical.id, farBusyBusiness.id]);
    expect(candidates[0]?.reasons).toBe(
      'native Vietnamese, interpretation; free 09:00–17:00; medical specialty; 0.0 km; 0 assignments in 30 days',
    );
    expect(candidates[1]?.reasons).toBe(
      `business-level Vietnamese, interpretation; free 09:00–17:00; ${kmBetween(osakaCity, toyonaka).toFixed(1)} km; 1 assignment in 30 days`,
    );
    expect(candidates[0]?.score).toBeGreaterThan(candidates[1]?.score ?? Number.POSITIVE_INFINITY);

    const inJapanese = await services.matching.candidates({ ...rankingCoordinator, locale: 'ja' }, medical.id, 1);
    expect(inJapanese).toHaveLength(1);
    expect(inJapanese[0]?.reasons).toBe(
      'ベトナム語（母語）・通訳／09:00〜17:00 対応可／専門: 医療／0.0 km／直近30日の派遣 0件',
    );
  });

  test('a coordinator reads the candidates on the request through GraphQL; its requester may not', async () => {
    const { db } = testDb.database;
    const api: TestApi = await startTestApi(testDb.database, { clock: fixedClock('2027-01-15T09:00') });
    try {
      const lan = await volunteer();
      const onSite = await request({ startsAt: tokyo('2027-02-09T10:00'), endsAt: tokyo('2027-02-09T12:00') });
      const query = /* GraphQL */ `
        query ($id: ID!) {
          node(id: $id) { ... on Request { candidates(limit: 200) { volunteer { id } score reasons distanceKm } } }
        }`;
      type Result = { node: { candidates: { volunteer: { id: string }; reasons: string }[] } | null };
      const asCoordinator = await api.graphql<Result>(
        query,
        { id: globalId('Request', onSite.id) },
        { session: await api.sessionFor(coordinator.userId as string) },
      );
      expect(asCoordinator.errors).toBeUndefined();
      const mine = asCoordinator.data?.node?.candidates.find(
        (candidate) => candidate.volunteer.id === globalId('Volunteer', lan.id),
      );
      expect(mine?.reasons).toMatch(/^ベトナム語（流暢）・通訳／09:00〜17:00 対応可／0\.0 km／/);

      const requester = await api.sessionFor((await insertRequester(db, organizationId)).id);
      const asRequester = await api.graphql<Result>(
        query,
        { id: globalId('Request', onSite.id) },
        { session: requester },
      );
      expect(asRequester.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await api.close();
    }
  });

  test('the candidates show who is booked or offered already, offer only what can succeed, and a repeat says why', async () => {
    const { db } = testDb.database;
    // Offers and bookings by hand run dispatch's own steps, in this process instead of a workflow.
    const steps = createDispatchSteps({ db });
    const at = '2027-01-15T00:00:00Z';
    const api: TestApi = await startTestApi(testDb.database, {
      clock: fixedClock('2027-01-15T09:00'),
      dispatcher: {
        ...detachedDispatcher,
        offer: (requestId, { volunteerId, by }) => steps.offerByHand(requestId, volunteerId, by, at),
        assign: (requestId, { volunteerId, by }) => steps.assignByHand(requestId, volunteerId, by, at),
      },
    });
    try {
      const [booked, asked, free] = [await volunteer(), await volunteer(), await volunteer()];
      const pair = await request({
        startsAt: tokyo('2027-02-16T10:00'),
        endsAt: tokyo('2027-02-16T12:00'),
        interpretersNeeded: 3,
      });
      await insertAssignment(db, pair, booked.id);
      const session = await api.sessionFor(coordinator.userId as string);
      const byHand = (name: 'offerToVolunteer' | 'assignVolunteer', volunteerId: string) =>
        api.graphql<Record<string, { __typename: string; explanation?: string | null }>>(
          `mutation ($requestId: ID!, $volunteerId: ID!) {
            ${name}(requestId: $requestId, volunteerId: $volunteerId) {
              __typename ... on ConflictError { explanation: message }
            }
          }`,
          { requestId: globalId('Request', pair.id), volunteerId: globalId('Volunteer', volunteerId) },
          { session },
        );
      expect((await byHand('offerToVolunteer', asked.id)).data?.offerToVolunteer?.__typename).toBe(
        'MutationOfferToVolunteerSuccess',
      );

      type Standing = {
        volunteer: { id: string };
        booked: boolean;
        offered: boolean;
        canOffer: boolean;
        canAssign: boolean;
      };
      const { data } = await api.graphql<{ node: { candidates: Standing[] } }>(
        `query ($id: ID!) {
          node(id: $id) { ... on Request { candidates(limit: 200) { volunteer { id } booked offered canOffer canAssign } } }
        }`,
        { id: globalId('Request', pair.id) },
        { session },
      );
      const standing = (id: string) => {
        const { volunteer: _, ...rest } =
          data?.node.candidates.find((candidate) => candidate.volunteer.id === globalId('Volunteer', id)) ?? {};
        return rest;
      };
      expect(standing(booked.id)).toEqual({ booked: true, offered: false, canOffer: false, canAssign: false });
      expect(standing(asked.id)).toEqual({ booked: false, offered: true, canOffer: false, canAssign: true });
      expect(standing(free.id)).toEqual({ booked: false, offered: false, canOffer: true, canAssign: true });

      // The coordinator's account reads Japanese.
      const again = await byHand('assignVolunteer', booked.id);
      expect(again.data?.assignVolunteer).toEqual({
        __typename: 'ConflictError',
        explanation: 'このボランティアは、すでにこの依頼の担当です。',
      });
    } finally {
      await api.close();
    }
  });
});
