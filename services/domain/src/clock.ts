import { DateTime } from 'luxon';

/** The one clock: domain code takes `now` from here (or from a test), never from `new Date()`. */
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
