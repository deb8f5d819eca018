import { sqlStateOf } from '../database-errors';

/** The constraint in the migration that keeps a volunteer's confirmed busy ranges apart. */
const neverOverlap = 'assignments_never_overlap';
/** PostgreSQL's SQLSTATEs: a row an exclusion constraint refuses; a transaction chosen to break a deadlock. */
const exclusionViolation = '23P01';
const deadlockDetected = '40P01';

/**
 * Whether the database refused the row because the volunteer's busy range overlaps another
 * confirmed one.
 */
export function isDoubleBooking(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state?.code === exclusionViolation && state.constraint === neverOverlap;
}

/**
 * Whether PostgreSQL broke a deadlock by aborting this statement. Two overlapping bookings
 * inserted at the same moment can each wait on the other's exclusion check; one of them is then
 * aborted, and trying it again finds the other committed (a double booking) or gone (free).
 */
export function isDeadlock(error: unknown): boolean {
  return sqlStateOf(error)?.code === deadlockDetected;
}
