import { type Db, schema } from '@tsunagu/db';
import type { Viewer } from '@tsunagu/domain';
import { eq } from 'drizzle-orm';
import {
  insertCoordinatorWorld,
  insertRateSchedule,
  insertRequest,
  insertRequester,
  insertVolunteer,
} from './fixtures';

/**
 * What dispatch tests start from: an association with a coordinator, an approved organization in
 * Toyonaka with a requesting staff member, Yabu City's rates, and whatever policy the test sets.
 */
export async function insertDispatchWorld(
  db: Db,
  options: { trusted?: boolean; policy?: Record<string, unknown> } = {},
) {
  const { associationId, organizationId, coordinator } = await insertCoordinatorWorld(db, 'ja');
  if (options.trusted) {
    await db.update(schema.organizations).set({ trusted: true }).where(eq(schema.organizations.id, organizationId));
  }
  if (options.policy) {
    await db
      .update(schema.associations)
      .set({ policy: options.policy })
      .where(eq(schema.associations.id, associationId));
  }
  const requesterUser = await insertRequester(db, organizationId);
  await insertRateSchedule(db, associationId);
  const requester: Viewer = {
    userId: requesterUser.id,
    locale: 'ja',
    organizationId,
    volunteerId: null,
    coordinatorOf: [],
    adminOf: [],
  };
  return { associationId, organizationId, coordinator, requester, requesterUser };
}

/**
 * An active volunteer who interprets Vietnamese at business level, lives in Toyonaka and is free
 * every day from `fromMinute` to `toMinute` (all day unless told).
 */
export async function insertAvailableVolunteer(
  db: Db,
  associationId: string,
  fullName: string,
  { fromMinute = 0, toMinute = 1440, locale = 'ja' as 'ja' | 'en' } = {},
) {
  const { user, volunteer } = await insertVolunteer(db, associationId, { fullName, status: 'active', maxTravelKm: 30 });
  await db.update(schema.users).set({ locale }).where(eq(schema.users.id, user.id));
  await db
    .insert(schema.volunteerLanguages)
    .values({ volunteerId: volunteer.id, languageCode: 'vi', level: 'business', directions: ['interpretation'] });
  await db.insert(schema.availabilityWindows).values(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      volunteerId: volunteer.id,
      weekday,
      startMinute: fromMinute,
      endMinute: toMinute,
    })),
  );
  const viewer: Viewer = {
    userId: user.id,
    locale,
    organizationId: null,
    volunteerId: volunteer.id,
    coordinatorOf: [],
    adminOf: [],
  };
  return { user, volunteer, viewer };
}

/** A filed on-site Vietnamese request at Toyonaka city hall, waiting for screening. */
export function insertFiledRequest(
  db: Db,
  world: { associationId: string; organizationId: string; requesterUser: { id: string } },
  values: Partial<typeof schema.requests.$inferInsert>,
) {
  return insertRequest(db, world.associationId, world.organizationId, {
    status: 'filed',
    filedBy: world.requesterUser.id,
    ...values,
  });
}

/** A filed request to translate a Japanese document into Vietnamese by `deadline` (3 pages unless told). */
export function insertFiledTranslation(
  db: Db,
  world: { associationId: string; organizationId: string; requesterUser: { id: string } },
  deadline: Date,
  values: Partial<typeof schema.requests.$inferInsert> = {},
) {
  return insertFiledRequest(db, world, {
    modality: 'translation',
    translationDirection: 'from_japanese',
    startsAt: null,
    endsAt: null,
    deadline,
    volume: 3,
    volumeUnit: 'pages',
    venue: null,
    localGovernmentCode: null,
    ...values,
  });
}

/** The messages the outbox holds, as (template, recipient address) pairs, in the order written. */
export async function outboxMessages(db: Db, requestId?: string) {
  const rows = await db.select().from(schema.outbox).orderBy(schema.outbox.createdAt);
  return rows
    .filter((row) => !requestId || (row.payload as { requestId?: string }).requestId === requestId)
    .map((row) => ({ template: row.template, to: row.toAddress, payload: row.payload as Record<string, unknown> }));
}
