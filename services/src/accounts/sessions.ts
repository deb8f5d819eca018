import { createHash, randomBytes } from 'node:crypto';
import { type Db, schema } from '@tsunagu/db';
import { anonymous, type Viewer } from '@tsunagu/domain';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';

/** How long a session lasts without signing in again. */
export const sessionDays = 14;

/** A random token for a cookie or an e-mailed link; only its hash is ever stored. */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Db,
  userId: string,
  now: DateTime,
): Promise<{ token: string; expiresAt: Date }> {
  const { token, tokenHash } = newToken();
  const expiresAt = now.plus({ days: sessionDays }).toJSDate();
  await db.insert(schema.sessions).values({ tokenHash, userId, expiresAt });
  return { token, expiresAt };
}

/**
 * The viewer behind a session cookie, in one SQL statement; anonymous when the session is unknown or
 * expired, or its user is disabled. Every request runs it, so it is a plain indexed join (a row per
 * association role, none aggregated) prepared once per database handle: Drizzle builds its SQL text
 * once, and PostgreSQL plans it once per connection.
 */
export async function viewerForSession(db: Db, token: string | undefined, now: DateTime): Promise<Viewer> {
  if (!token) return anonymous;
  const rows = await sessionLookup(db).execute({ tokenHash: hashToken(token), now: now.toJSDate() });
  const [first] = rows;
  if (!first) return anonymous;
  const coordinatorOf: string[] = [];
  const adminOf: string[] = [];
  for (const row of rows) {
    if (row.associationId === null) continue;
    // Admins coordinate too.
    coordinatorOf.push(row.associationId);
    if (row.role === 'admin') adminOf.push(row.associationId);
  }
  return {
    userId: first.userId,
    locale: first.locale,
    organizationId: first.organizationId,
    volunteerId: first.volunteerId,
    coordinatorOf,
    adminOf,
  };
}

const sessionLookups = new WeakMap<Db, ReturnType<typeof prepareSessionLookup>>();

function sessionLookup(db: Db) {
  let lookup = sessionLookups.get(db);
  if (!lookup) {
    lookup = prepareSessionLookup(db);
    sessionLookups.set(db, lookup);
  }
  return lookup;
}

function prepareSessionLookup(db: Db) {
  const { sessions, users, volunteers, organizationStaff, associationStaff } = schema;
  return db
    .select({
      userId: users.id,
      locale: users.locale,
      volunteerId: volunteers.id,
      organizationId: organizationStaff.organizationId,
      associationId: associationStaff.associationId,
      role: associationStaff.role,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), isNull(users.disabledAt)))
    .leftJoin(volunteers, eq(volunteers.userId, users.id))
    .leftJoin(organizationStaff, eq(organizationStaff.userId, users.id))
    .leftJoin(associationStaff, eq(associationStaff.userId, users.id))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare('viewer_for_session');
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(schema.sessions).where(eq(schema.sessions.tokenHash, hashToken(token)));
}

export async function deleteSessionsOf(db: Db, userId: string): Promise<void> {
  await db.delete(schema.sessions).where(eq(schema.sessions.userId, userId));
}

export async function activeSessionCount(db: Db, userId: string, now: DateTime): Promise<number> {
  const rows = await db
    .select({ tokenHash: schema.sessions.tokenHash })
    .from(schema.sessions)
    .where(and(eq(schema.sessions.userId, userId), gt(schema.sessions.expiresAt, now.toJSDate())));
  return rows.length;
}

/** Sessions as a use case: what sign-in, sign-up and sign-out call. */
export function createSessionService({ db, clock }: { db: Db; clock: { now(): DateTime } }) {
  return {
    start: (userId: string) => createSession(db, userId, clock.now()),
    viewer: (token: string | undefined) => viewerForSession(db, token, clock.now()),
    end: (token: string) => deleteSession(db, token),
    endEverywhere: (userId: string) => deleteSessionsOf(db, userId),
  };
}
