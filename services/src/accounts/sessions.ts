import { createHash, randomBytes } from 'node:crypto';
import { type Db, schema } from '@tsunagu/db';
import { and, eq, gt } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { anonymous, type Viewer } from '../viewer';

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

/** The viewer behind a session cookie, in one SQL statement; anonymous when the session is unknown or expired. */
export async function viewerForSession(db: Db, token: string | undefined, now: DateTime): Promise<Viewer> {
  if (!token) return anonymous;
  const session = await db.query.sessions.findFirst({
    where: { tokenHash: hashToken(token), expiresAt: { gt: now.toJSDate() } },
    columns: { userId: true },
    with: {
      user: {
        columns: { id: true, locale: true, disabledAt: true },
        with: {
          volunteer: { columns: { id: true } },
          staffOf: { columns: { organizationId: true } },
          associationRoles: { columns: { associationId: true, role: true } },
        },
      },
    },
  });
  if (!session || session.user.disabledAt) return anonymous;
  const { user } = session;
  return {
    userId: user.id,
    locale: user.locale,
    organizationId: user.staffOf?.organizationId ?? null,
    volunteerId: user.volunteer?.id ?? null,
    // Admins coordinate too.
    coordinatorOf: user.associationRoles.map((role) => role.associationId),
    adminOf: user.associationRoles.filter((role) => role.role === 'admin').map((role) => role.associationId),
  };
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
