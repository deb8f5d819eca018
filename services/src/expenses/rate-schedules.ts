import { type Db, schema } from '@tsunagu/db';

import {
  activityDateOf,
  type Clock,
  ConflictError,
  ForbiddenError,
  found,
  mayActOn,
  NotFoundError,
  parseInput,
  type RateRules,
  type RateRulesInput,
  rateRulesSchema,
  rateScheduleFieldsSchema,
  type Viewer,
} from '@tsunagu/domain';
import { and, desc, eq, lte } from 'drizzle-orm';
import type { DateTime } from 'luxon';

export type RateScheduleRow = typeof schema.rateSchedules.$inferSelect;

const scheduleSchema = rateScheduleFieldsSchema.extend({ rules: rateRulesSchema });

export interface RateScheduleInput {
  effectiveFrom: string;
  rules: RateRulesInput;
  illustrative?: boolean;
  note?: string | null;
}

/** Rules as stored are re-read through the schema: a stored value that no longer validates is a bug, so it throws. */
export const readRateRules = (stored: unknown): RateRules => rateRulesSchema.parse(stored);

/** The schedule of an association in force on a date: the latest that took effect on or before it. */
export async function rateScheduleInForce(db: Db, associationId: string, date: string) {
  const [schedule] = await db
    .select()
    .from(schema.rateSchedules)
    .where(and(eq(schema.rateSchedules.associationId, associationId), lte(schema.rateSchedules.effectiveFrom, date)))
    .orderBy(desc(schema.rateSchedules.effectiveFrom))
    .limit(1);
  return schedule ?? null;
}

export type AssignmentRates = typeof schema.assignmentRates.$inferSelect;

/**
 * Assignment confirmed → the rates in force that day (in Japan) are copied onto the assignment, so
 * that later edits of the schedule do not change what it pays. Called by the dispatch workflow in
 * the transaction that confirms the assignment; doing it twice keeps the first copy. Returns the
 * copy, or null when the association has no schedule in force yet (the lines are then priced with
 * the schedule in force on the activity's date, copied when they are made).
 */
export async function copyRatesForAssignment(
  tx: Db,
  assignmentId: string,
  confirmedAt: DateTime,
): Promise<AssignmentRates | null> {
  const existing = await tx.query.assignmentRates.findFirst({ where: { assignmentId } });
  if (existing) return existing;
  const assignment = found(
    await tx.query.assignments.findFirst({
      where: { id: assignmentId },
      columns: { id: true },
      with: { request: { columns: { associationId: true } } },
    }),
    'Assignment',
    assignmentId,
  );
  const schedule = await rateScheduleInForce(tx, assignment.request.associationId, activityDateOf(confirmedAt));
  if (!schedule) return null;
  const [copy] = await tx
    .insert(schema.assignmentRates)
    .values({
      assignmentId,
      rateScheduleId: schedule.id,
      effectiveFrom: schedule.effectiveFrom,
      rules: schedule.rules,
      illustrative: schedule.illustrative,
      copiedAt: confirmedAt.toJSDate(),
    })
    .onConflictDoNothing()
    .returning();
  return copy ?? (await tx.query.assignmentRates.findFirst({ where: { assignmentId } })) ?? null;
}

function requireAdmin(viewer: Viewer, associationId: string) {
  if (!mayActOn(viewer, { associationId: associationId }, 'admin')) {
    throw new ForbiddenError('admins_only');
  }
}

const isUniqueViolation = (error: unknown) => {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if ((current as Error & { code?: unknown }).code === '23505') return true;
  }
  return false;
};

export function createRateScheduleService({ db, clock }: { db: Db; clock: Clock }) {
  async function load(scheduleId: string) {
    return found(await db.query.rateSchedules.findFirst({ where: { id: scheduleId } }), 'RateSchedule', scheduleId);
  }

  async function write<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('schedule_same_day');
      throw error;
    }
  }

  return {
    /** An admin adds a schedule taking effect on a date; assignments confirmed earlier keep their copies. */
    async create(viewer: Viewer, associationId: string, input: RateScheduleInput): Promise<RateScheduleRow> {
      requireAdmin(viewer, associationId);
      const fields = parseInput(scheduleSchema, input);
      const [row] = await write(() =>
        db
          .insert(schema.rateSchedules)
          .values({
            associationId,
            effectiveFrom: fields.effectiveFrom,
            rules: fields.rules,
            illustrative: fields.illustrative,
            note: fields.note ?? null,
            createdBy: viewer.userId,
            updatedBy: viewer.userId,
          })
          .returning(),
      );
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    /** An admin replaces a schedule's date, rules or note. */
    async update(viewer: Viewer, scheduleId: string, input: RateScheduleInput): Promise<RateScheduleRow> {
      const schedule = await load(scheduleId);
      requireAdmin(viewer, schedule.associationId);
      const fields = parseInput(scheduleSchema, input);
      const [row] = await write(() =>
        db
          .update(schema.rateSchedules)
          .set({
            effectiveFrom: fields.effectiveFrom,
            rules: fields.rules,
            illustrative: fields.illustrative,
            note: fields.note ?? null,
            updatedBy: viewer.userId,
            updatedAt: clock.now().toJSDate(),
          })
          .where(eq(schema.rateSchedules.id, scheduleId))
          .returning(),
      );
      if (!row) throw new NotFoundError('RateSchedule', scheduleId);
      return row;
    },

    async remove(viewer: Viewer, scheduleId: string): Promise<void> {
      const schedule = await load(scheduleId);
      requireAdmin(viewer, schedule.associationId);
      await db.delete(schema.rateSchedules).where(eq(schema.rateSchedules.id, scheduleId));
    },
  };
}
