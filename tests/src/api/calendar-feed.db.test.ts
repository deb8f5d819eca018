import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { fixedClock, type Viewer } from '@tsunagu/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { insertAssignment, insertAvailableVolunteer, insertCoordinatorWorld, insertRequest } from '../support/fixtures';

const tokyo = (dateTime: string) => new Date(`${dateTime}:00+09:00`);
const clock = fixedClock('2027-01-15T09:00');

/** The unfolded content lines of an iCalendar text. */
const lines = (content: string) => content.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('a volunteer’s calendar feed', () => {
  let testDb: TestDatabase;
  let api: TestApi;
  let associationId: string;
  let organizationId: string;
  let coordinator: Viewer;

  beforeAll(async () => {
    testDb = await openTestDatabase();
    const { db } = testDb.database;
    ({ associationId, organizationId, coordinator } = await insertCoordinatorWorld(db, 'ja'));
    api = await startTestApi(testDb.database, { clock });
  });
  afterAll(async () => {
    await api?.close();
    await testDb?.dispose();
  });

  async function renewFeed(userId: string): Promise<string> {
    const result = await api.graphql<{ renewMyCalendarFeed: { data: { path: string } } }>(
      'mutation { renewMyCalendarFeed { ... on MutationRenewMyCalendarFeedSuccess { data { path } } } }',
      {},
      { session: await api.sessionFor(userId) },
    );
    expect(result.errors).toBeUndefined();
    return result.data?.renewMyCalendarFeed.data.path as string;
  }

  test('lists the confirmed assignments from a month ago on, in the volunteer’s language, without a session', async () => {
    const { db } = testDb.database;
    const { user, volunteer } = await insertAvailableVolunteer(db, associationId);
    const desk = await insertRequest(db, associationId, organizationId, {
      startsAt: tokyo('2027-02-02T10:00'),
      endsAt: tokyo('2027-02-02T12:00'),
      venue: '豊中市役所 市民課窓口',
      contactPhone: '06-6858-0000',
    });
    const school = await insertRequest(db, associationId, organizationId, {
      startsAt: tokyo('2027-02-03T10:00'),
      endsAt: tokyo('2027-02-03T12:00'),
    });
    const longAgo = await insertRequest(db, associationId, organizationId, {
      startsAt: tokyo('2026-11-02T10:00'),
      endsAt: tokyo('2026-11-02T12:00'),
    });
    const booked = await insertAssignment(db, desk, volunteer.id);
    await insertAssignment(db, school, volunteer.id, 'released');
    await db.insert(schema.assignments).values({
      requestId: longAgo.id,
      volunteerId: volunteer.id,
      status: 'completed',
      busyFrom: tokyo('2026-11-02T09:30'),
      busyUntil: tokyo('2026-11-02T12:30'),
    });

    const path = await renewFeed(user.id);
    expect(path).toMatch(/^\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    const response = await fetch(`${api.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const feed = lines(await response.text());

    expect(feed).toContain('METHOD:PUBLISH');
    expect(feed.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(feed).toContain(`UID:assignment-${booked.id}@tsunagu`);
    expect(feed).toContain('DTSTART:20270202T010000Z');
    expect(feed).toContain('SUMMARY:通訳（ベトナム語）豊中市役所 市民課窓口');
    expect(feed.find((line) => line.startsWith('DESCRIPTION:'))).toContain('06-6858-0000');
  });

  test('renewing the address retires the old one; an unknown or malformed one is a plain 404', async () => {
    const { db } = testDb.database;
    const { user, volunteer } = await insertAvailableVolunteer(db, associationId);
    const first = await renewFeed(user.id);
    const second = await renewFeed(user.id);

    expect((await fetch(`${api.url}${first}`)).status).toBe(404);
    expect((await fetch(`${api.url}${second}`)).status).toBe(200);
    expect((await fetch(`${api.url}/calendar/not-a-token.ics`)).status).toBe(404);
    expect((await fetch(`${api.url}/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    const stored = await db
      .select()
      .from(schema.calendarFeeds)
      .where(eq(schema.calendarFeeds.volunteerId, volunteer.id));
    // Only the hash is kept: the address cannot be read back from the database.
    expect(stored).toHaveLength(1);
    expect(second).not.toContain(stored[0]?.tokenHash);
  });

  test('someone without a volunteer profile has no feed', async () => {
    const result = await api.graphql<{ renewMyCalendarFeed: unknown }>(
      'mutation { renewMyCalendarFeed { __typename } }',
      {},
      { session: await api.sessionFor(coordinator.userId as string) },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
