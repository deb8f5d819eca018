import { type Db, schema } from '@tsunagu/db';
import { and, desc, eq, gt, type SQL } from 'drizzle-orm';
import type { DateTime } from 'luxon';

/**
 * Sign-in is refused after this many failures within the window, for one e-mail address or from
 * one client address, until enough of them have aged out of the window. A success erases nothing:
 * failures someone else caused still count.
 */
export const loginLimits = { perEmail: 5, perClientAddress: 20, windowMinutes: 15 } as const;

/**
 * Seconds until one more attempt is allowed (0: now), given the failures seen so far. The
 * attempt is allowed once fewer than `limit` failures remain inside the window, that is when the
 * `limit`-th most recent failure leaves it.
 */
export function secondsUntilAllowed(failures: Date[], limit: number, windowMinutes: number, now: DateTime): number {
  const windowStart = now.minus({ minutes: windowMinutes }).toMillis();
  const recent = failures
    .map((at) => at.getTime())
    .filter((at) => at > windowStart && at <= now.toMillis())
    .sort((a, b) => b - a);
  const oldestThatCounts = recent[limit - 1];
  if (oldestThatCounts === undefined) return 0;
  return Math.ceil((oldestThatCounts - windowStart) / 1000);
}

/** How long the next sign-in for this e-mail, from this client, must wait (0: not at all). */
export async function loginRetryAfter(
  db: Db,
  email: string,
  clientAddress: string | null,
  now: DateTime,
): Promise<number> {
  const since = now.minus({ minutes: loginLimits.windowMinutes }).toJSDate();
  const failuresWhere = (key: SQL, limit: number) =>
    db
      .select({ at: schema.loginAttempts.at })
      .from(schema.loginAttempts)
      .where(and(key, eq(schema.loginAttempts.succeeded, false), gt(schema.loginAttempts.at, since)))
      .orderBy(desc(schema.loginAttempts.at))
      .limit(limit);
  const [byEmail, byAddress] = await Promise.all([
    failuresWhere(eq(schema.loginAttempts.email, email), loginLimits.perEmail),
    clientAddress === null
      ? Promise.resolve([])
      : failuresWhere(eq(schema.loginAttempts.clientAddress, clientAddress), loginLimits.perClientAddress),
  ]);
  return Math.max(
    secondsUntilAllowed(
      byEmail.map((row) => row.at),
      loginLimits.perEmail,
      loginLimits.windowMinutes,
      now,
    ),
    secondsUntilAllowed(
      byAddress.map((row) => row.at),
      loginLimits.perClientAddress,
      loginLimits.windowMinutes,
      now,
    ),
  );
}

export async function recordLoginAttempt(
  db: Db,
  attempt: { email: string; clientAddress: string | null; succeeded: boolean; at: DateTime },
): Promise<void> {
  await db.insert(schema.loginAttempts).values({ ...attempt, at: attempt.at.toJSDate() });
}
