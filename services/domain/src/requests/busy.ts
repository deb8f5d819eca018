import type { Modality } from './policy';

/**
 * Minutes an on-site interpreter is kept free before and after the appointment to get there and
 * back. One constant for now; the association policy may grow a setting for it later.
 */
export const travelBufferMinutes = 30;

/** A half-open time range `[from, until)`: one that ends at 12:00 and one that starts at 12:00 do not overlap. */
export interface BusyRange {
  from: Date;
  until: Date;
}

/** The parts of a request that decide how long an assigned volunteer is taken. */
export interface RequestWindow {
  modality: Modality;
  startsAt: Date | null;
  endsAt: Date | null;
}

/**
 * The time an assignment to the request takes from the volunteer: the window itself for remote
 * interpretation, widened by the travel buffer before and after for on-site interpretation.
 *
 * A translation takes none (`null`): it is done at the volunteer's own pace before the deadline,
 * so it never stops them interpreting and two translations never collide.
 */
export function busyRange(request: RequestWindow, bufferMinutes: number = travelBufferMinutes): BusyRange | null {
  if (request.modality === 'translation') return null;
  if (!request.startsAt || !request.endsAt) {
    throw new Error('an interpreting request has a start and an end');
  }
  const buffer = request.modality === 'on_site' ? bufferMinutes * 60_000 : 0;
  return {
    from: new Date(request.startsAt.getTime() - buffer),
    until: new Date(request.endsAt.getTime() + buffer),
  };
}

/** Whether two busy ranges share any instant (half-open, so touching ranges do not). */
export function rangesOverlap(a: BusyRange, b: BusyRange): boolean {
  return a.from < b.until && b.from < a.until;
}
