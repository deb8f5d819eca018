import { DateTime } from 'luxon';

/**
 * The one clock: domain code takes `now` from here (or from a test), never from `new Date()`.
 *
 * Times in the domain are luxon `DateTime`s in Tokyo (what the clock hands out); at the edges they
 * are what the edge speaks: `Date` in database rows, ISO strings in GraphQL and in the workflow's
 * activities. The adapter converts, once. (Not yet so: dispatch/rules.ts reckons in `Date` instants.)
 */
export interface Clock {
  now(): DateTime;
}

export const tokyo = 'Asia/Tokyo';

export const systemClock: Clock = {
  now: () => DateTime.now().setZone(tokyo),
};

/** A clock that stands still until moved, for tests. */
export function fixedClock(
  iso: string,
): Clock & { advance(duration: { minutes?: number; hours?: number; days?: number }): void } {
  let current = DateTime.fromISO(iso, { zone: tokyo });
  if (!current.isValid) throw new Error(`not an ISO date-time: ${iso}`);
  return {
    now: () => current,
    advance: (duration) => {
      current = current.plus(duration);
    },
  };
}
