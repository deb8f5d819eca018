import { type Db, schema } from '@tsunagu/db';
import {
  type Clock,
  ConflictError,
  type FiscalPeriod,
  ForbiddenError,
  fiscalYearOfDate,
  isInClosedPeriod,
  mayActOn,
  monthOfDate,
  NotFoundError,
  PeriodClosedError,
  ValidationError,
  type Viewer,
} from '@tsunagu/domain';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit';

/** The SQLSTATE the migration's guard raises when a statement touches a line of a closed period. */
const closedPeriodState = 'TS001';

/** Whether a database error is the guard refusing a write to a closed period (Drizzle wraps the driver's error in `cause`). */
export function isClosedPeriodViolation(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if ((current as Error & { code?: unknown }).code === closedPeriodState) return true;
  }
  return false;
}

/**
 * Closing and writing lines take the same advisory lock (exclusive and shared) per association and
 * fiscal year, so that a period is never closed under a transaction still writing into it. The
 * migration's guard takes the shared one; `hashtext` and the two-key form are the guard's too.
 */
async function lockForClosing(tx: Db, associationId: string, fiscalYear: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${associationId}::text), ${fiscalYear}::int)`);
}

/** The periods of an association closed now, for some fiscal years (all when none are given). */
export async function closedPeriods(db: Db, associationId: string, fiscalYears?: number[]): Promise<FiscalPeriod[]> {
  const rows = await db.query.fiscalPeriodClosures.findMany({
    where: {
      associationId,
      reopenedAt: { isNull: true },
      ...(fiscalYears ? { fiscalYear: { in: fiscalYears } } : {}),
    },
    columns: { fiscalYear: true, month: true },
  });
  return rows.map((row) => ({ fiscalYear: row.fiscalYear, month: row.month === 0 ? null : row.month }));
}

/** Throws a PeriodClosedError when the date falls in a closed period of the association. */
export async function assertOpen(db: Db, associationId: string, date: string): Promise<void> {
  const fiscalYear = fiscalYearOfDate(date);
  const closed = await closedPeriods(db, associationId, [fiscalYear]);
  if (isInClosedPeriod(date, closed)) {
    const wholeYear = closed.some((period) => period.fiscalYear === fiscalYear && period.month === null);
    throw new PeriodClosedError(fiscalYear, wholeYear ? null : monthOfDate(date));
  }
}

function checkPeriod(period: FiscalPeriod): void {
  if (!Number.isInteger(period.fiscalYear) || period.fiscalYear < 2000 || period.fiscalYear > 2100) {
    throw ValidationError.of(['input', 'fiscalYear'], {
      en: 'Give a fiscal year such as 2025.',
      ja: '年度を 2025 のように入力してください。',
    });
  }
  if (period.month !== null && (!Number.isInteger(period.month) || period.month < 1 || period.month > 12)) {
    throw ValidationError.of(['input', 'month'], {
      en: 'Give a month from 1 to 12, or none for the whole year.',
      ja: '月は1〜12で入力してください。年度全体の場合は空欄にしてください。',
    });
  }
}

export interface ClosedPeriodRow {
  id: string;
  fiscalYear: number;
  month: number | null;
  closedAt: Date;
  closedBy: string | null;
}

export function createFiscalPeriodService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /**
     * A coordinator closes a fiscal year or a month of it: from then on its lines never change. Lines
     * still in draft or submitted stay as they are and are reported as anomalies.
     */
    async close(viewer: Viewer, associationId: string, period: FiscalPeriod): Promise<ClosedPeriodRow> {
      if (!mayActOn(viewer, { associationId: associationId }, 'coordinator')) {
        throw new ForbiddenError('coordinators_only');
      }
      checkPeriod(period);
      return db.transaction(async (tx) => {
        await lockForClosing(tx, associationId, period.fiscalYear);
        const closed = await closedPeriods(tx, associationId, [period.fiscalYear]);
        if (closed.some((other) => other.month === null || other.month === period.month)) {
          throw new ConflictError(
            period.month === null || closed.some((other) => other.month === period.month)
              ? 'period_already_closed'
              : 'fiscal_year_already_closed',
          );
        }
        const [row] = await tx
          .insert(schema.fiscalPeriodClosures)
          .values({
            associationId,
            fiscalYear: period.fiscalYear,
            month: period.month ?? 0,
            closedAt: clock.now().toJSDate(),
            closedBy: viewer.userId,
          })
          .returning();
        if (!row) throw new Error('insert returned no row');
        await recordAudit(tx, viewer, [
          {
            action: 'create',
            subjectType: 'fiscal_period_closure',
            subjectId: row.id,
            fields: ['closedAt'],
            associationIds: [associationId],
          },
        ]);
        return { ...row, month: row.month === 0 ? null : row.month };
      });
    },

    /** An admin reopens a closed period, saying why; the reason is in the audit log. */
    async reopen(viewer: Viewer, associationId: string, period: FiscalPeriod, reason: string): Promise<void> {
      if (!mayActOn(viewer, { associationId: associationId }, 'admin')) {
        throw new ForbiddenError('admins_only');
      }
      checkPeriod(period);
      const why = reason.trim();
      if (!why)
        throw ValidationError.of(['input', 'reason'], {
          en: 'Say why the period is reopened.',
          ja: '期間を再開する理由を入力してください。',
        });
      await db.transaction(async (tx) => {
        await lockForClosing(tx, associationId, period.fiscalYear);
        const [row] = await tx
          .update(schema.fiscalPeriodClosures)
          .set({ reopenedAt: clock.now().toJSDate(), reopenedBy: viewer.userId, reopenReason: why })
          .where(
            and(
              eq(schema.fiscalPeriodClosures.associationId, associationId),
              eq(schema.fiscalPeriodClosures.fiscalYear, period.fiscalYear),
              eq(schema.fiscalPeriodClosures.month, period.month ?? 0),
              isNull(schema.fiscalPeriodClosures.reopenedAt),
            ),
          )
          .returning({ id: schema.fiscalPeriodClosures.id });
        if (!row) throw new NotFoundError('Closed period', `FY${period.fiscalYear}/${period.month ?? 'year'}`);
        await recordAudit(tx, viewer, [
          {
            action: 'update',
            subjectType: 'fiscal_period_closure',
            subjectId: row.id,
            fields: ['reopenedAt'],
            reason: why,
            associationIds: [associationId],
          },
        ]);
      });
    },
  };
}
