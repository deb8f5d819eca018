import { type Db, schema } from '@tsunagu/db';
import { and, eq } from 'drizzle-orm';
import type { Clock } from '../clock';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import type { Viewer } from '../viewer';
import { busyRange } from './busy';

/** The constraint in the migration that keeps a volunteer's confirmed busy ranges apart. */
const neverOverlap = 'assignments_never_overlap';
/** PostgreSQL's SQLSTATEs: a row an exclusion constraint refuses; a transaction chosen to break a deadlock. */
const exclusionViolation = '23P01';
const deadlockDetected = '40P01';
/** A deadlock victim tries again this often before the error is let through as unexpected. */
const attempts = 3;

export const doubleBookingMessage = 'This volunteer is already booked at that time.';

const staffable = new Set(['filed', 'open']);

export function createAssignmentService({ db, clock }: { db: Db; clock: Clock }) {
  /** One attempt at booking, in one transaction: written whole or not at all. */
  const book = (viewer: Viewer, requestId: string, volunteerId: string) =>
    db.transaction(async (tx) => {
      const [request] = await tx
        .select({
          associationId: schema.requests.associationId,
          status: schema.requests.status,
          modality: schema.requests.modality,
          startsAt: schema.requests.startsAt,
          endsAt: schema.requests.endsAt,
          interpretersNeeded: schema.requests.interpretersNeeded,
        })
        .from(schema.requests)
        .where(eq(schema.requests.id, requestId))
        .for('update');
      if (!request) throw new NotFoundError('Request', requestId);
      if (!viewer.coordinatorOf.includes(request.associationId)) {
        throw new ForbiddenError('Only coordinators of the association can assign volunteers to this request.');
      }
      if (!staffable.has(request.status)) {
        throw new ConflictError(`A request that is ${request.status} takes no more volunteers.`);
      }
      // A translation books no time (null range): the volunteer stays free to interpret meanwhile.
      const busy = busyRange(request);
      const volunteer = await tx.query.volunteers.findFirst({ where: { id: volunteerId }, columns: { id: true } });
      if (!volunteer) throw new NotFoundError('Volunteer', volunteerId);

      const confirmed = await tx
        .select({ volunteerId: schema.assignments.volunteerId })
        .from(schema.assignments)
        .where(and(eq(schema.assignments.requestId, requestId), eq(schema.assignments.status, 'confirmed')));
      if (confirmed.some((assignment) => assignment.volunteerId === volunteerId)) {
        throw new ConflictError('This volunteer is already assigned to this request.');
      }
      if (confirmed.length >= request.interpretersNeeded) {
        throw new ConflictError('This request already has every interpreter it needs.');
      }

      const [assignment] = await tx
        .insert(schema.assignments)
        .values({
          requestId,
          volunteerId,
          status: 'confirmed',
          busyFrom: busy?.from ?? null,
          busyUntil: busy?.until ?? null,
        })
        .returning();
      if (!assignment) throw new Error('insert returned no row');
      if (confirmed.length + 1 === request.interpretersNeeded) {
        await tx
          .update(schema.requests)
          .set({ status: 'filled', updatedAt: clock.now().toJSDate() })
          .where(eq(schema.requests.id, requestId));
      }
      return assignment;
    });

  return {
    /**
     * A coordinator of the request's association books a volunteer for it. The request row is
     * locked so that two coordinators cannot both take its last place; the database's exclusion
     * constraint, not this code, is what keeps the volunteer from being booked twice at once.
     */
    async assign(viewer: Viewer, requestId: string, volunteerId: string) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await book(viewer, requestId, volunteerId);
        } catch (error) {
          if (isDoubleBooking(error)) throw new ConflictError(doubleBookingMessage);
          // Two overlapping bookings inserted at the same moment can each wait on the other's
          // exclusion check; PostgreSQL then aborts one as a deadlock. Its next attempt finds the
          // other committed (a double booking) or gone (free).
          if (attempt < attempts && sqlStateOf(error)?.code === deadlockDetected) continue;
          throw error;
        }
      }
    },

    /** A coordinator releases a volunteer from a request: the time is theirs again and the place reopens. */
    async release(viewer: Viewer, assignmentId: string) {
      return db.transaction(async (tx) => {
        const assignment = await tx.query.assignments.findFirst({
          where: { id: assignmentId },
          columns: { id: true, status: true, requestId: true },
          with: { request: { columns: { associationId: true, status: true } } },
        });
        if (!assignment) throw new NotFoundError('Assignment', assignmentId);
        if (!viewer.coordinatorOf.includes(assignment.request.associationId)) {
          throw new ForbiddenError('Only coordinators of the association can release this volunteer.');
        }
        if (assignment.status !== 'confirmed') {
          throw new ConflictError(`An assignment that is ${assignment.status} cannot be released.`);
        }
        const now = clock.now().toJSDate();
        const [released] = await tx
          .update(schema.assignments)
          .set({ status: 'released', updatedAt: now })
          .where(eq(schema.assignments.id, assignmentId))
          .returning();
        if (assignment.request.status === 'filled') {
          await tx
            .update(schema.requests)
            .set({ status: 'open', updatedAt: now })
            .where(eq(schema.requests.id, assignment.requestId));
        }
        return released ?? assignment;
      });
    },
  };
}

/**
 * Whether the database refused the row because the volunteer's busy range overlaps another
 * confirmed one.
 */
export function isDoubleBooking(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state?.code === exclusionViolation && state.constraint === neverOverlap;
}

/**
 * The SQLSTATE and constraint of a database error. Drizzle wraps the driver's error (postgres.js
 * or PGlite) in `cause`; both carry the SQLSTATE in `code`, and name the constraint in
 * `constraint_name` (postgres.js) or `constraint` (PGlite).
 */
function sqlStateOf(error: unknown): { code: string; constraint: string | undefined } | null {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const { code, constraint_name, constraint } = current as Error & {
      code?: unknown;
      constraint_name?: unknown;
      constraint?: unknown;
    };
    if (typeof code === 'string') {
      const name = constraint_name ?? constraint;
      return { code, constraint: typeof name === 'string' ? name : undefined };
    }
  }
  return null;
}
