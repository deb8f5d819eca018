import { type Db, schema } from '@tsunagu/db';
import {
  type Clock,
  ConflictError,
  correctionOf,
  defaultWithholdingSettings,
  ForbiddenError,
  found,
  isoDate,
  mayActOn,
  NotFoundError,
  type PayoutRunStatus,
  parseInput,
  payableKinds,
  payoutCorrectionSchema,
  payoutSettingsSchema,
  planRun,
  sqlStateOf,
  tokyo,
  totalsOf,
  type Viewer,
  type ZenginTotals,
  zenginTotalsOf,
  zenginTransferFile,
} from '@tsunagu/domain';
import { and, eq, gte, inArray, isNull, lt, not, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit';
import { isClosedPeriodViolation } from '../expenses/periods';
import { bankBranchOf } from './banks';
import { assertPayoutStaff } from './staff';

const buildInput = z.object({
  associationId: z.uuid(),
  year: z.int().min(2000).max(2100),
  month: z.int().min(1).max(12),
  transferDate: isoDate,
});

const monthStart = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01`;
const nextMonthStart = (year: number, month: number) =>
  month === 12 ? monthStart(year + 1, 1) : monthStart(year, month + 1);

export interface TransferFile {
  fileName: string;
  bytes: Uint8Array;
  totals: ZenginTotals;
}

export function createPayoutRunService({ db, clock }: { db: Db; clock: Clock }) {
  async function runFor(viewer: Viewer, runId: string) {
    if (!z.uuid().safeParse(runId).success) throw new NotFoundError('PayoutRun', runId);
    const run = found(await db.query.payoutRuns.findFirst({ where: { id: runId } }), 'PayoutRun', runId);
    await assertPayoutStaff(db, viewer, run.associationId);
    return run;
  }

  function assertStatus(status: PayoutRunStatus, wanted: PayoutRunStatus) {
    if (status !== wanted) throw new ConflictError('payout_run_status', status);
  }

  async function withholdingSettingsOf(associationId: string) {
    const settings = await db.query.payoutSettings.findFirst({ where: { associationId } });
    if (!settings) throw new ConflictError('no_payout_settings');
    return {
      settings,
      withholding: { ...defaultWithholdingSettings, withholdOnTransport: settings.withholdOnTransport },
    };
  }

  return {
    /**
     * Payout staff of the run's association may read it; its row (for the caller to read again with
     * what it selects), else NotFoundError or ForbiddenError.
     */
    mayRead: runFor,

    /** Payout staff of the association may read its runs; ForbiddenError otherwise. */
    async mayList(viewer: Viewer, associationId: string): Promise<void> {
      await assertPayoutStaff(db, viewer, associationId);
    },

    /**
     * Builds a month's run from the approved payable lines no run has taken: one payment per volunteer
     * with an account (volunteers who decline payment, or have no account yet, are left out). Runs of an
     * association are built one at a time (an advisory lock), and a line already in a run is refused by
     * the database's unique index should anything slip past.
     */
    async build(viewer: Viewer, input: unknown): Promise<string> {
      const { associationId, year, month, transferDate } = parseInput(buildInput, input);
      await assertPayoutStaff(db, viewer, associationId);
      const { withholding } = await withholdingSettingsOf(associationId);
      try {
        return await db.transaction(async (tx) => {
          await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`payout:${associationId}`}::text))`);
          const lines = await tx
            .select({
              id: schema.expenseLines.id,
              kind: schema.expenseLines.kind,
              amountYen: schema.expenseLines.amountYen,
              volunteerId: schema.assignments.volunteerId,
              declinesPayment: schema.payoutAccounts.declinesPayment,
              hasAccount: sql<boolean>`${schema.payoutAccounts.accountNumber} is not null`,
            })
            .from(schema.expenseLines)
            .innerJoin(schema.assignments, eq(schema.assignments.id, schema.expenseLines.assignmentId))
            .leftJoin(schema.payoutAccounts, eq(schema.payoutAccounts.volunteerId, schema.assignments.volunteerId))
            .leftJoin(
              schema.payoutRunLines,
              and(eq(schema.payoutRunLines.lineId, schema.expenseLines.id), not(schema.payoutRunLines.reversed)),
            )
            .where(
              and(
                eq(schema.expenseLines.associationId, associationId),
                eq(schema.expenseLines.status, 'approved'),
                inArray(schema.expenseLines.kind, [...payableKinds]),
                gte(schema.expenseLines.activityDate, monthStart(year, month)),
                lt(schema.expenseLines.activityDate, nextMonthStart(year, month)),
                isNull(schema.payoutRunLines.lineId),
              ),
            )
            .orderBy(schema.expenseLines.activityDate, schema.expenseLines.id);
          const declining = new Set(
            lines.filter((line) => line.declinesPayment || !line.hasAccount).map((line) => line.volunteerId),
          );
          const plan = planRun({
            lines,
            taken: new Set(),
            declining,
            settings: withholding,
          });
          if (plan.payments.length === 0) throw new ConflictError('payout_run_empty');
          const [run] = await tx
            .insert(schema.payoutRuns)
            .values({
              associationId,
              year,
              month,
              transferDate,
              linesCount: plan.totals.lines,
              grossYen: plan.totals.grossYen,
              withheldYen: plan.totals.withheldYen,
              netYen: plan.totals.netYen,
              builtBy: viewer.userId,
            })
            .returning({ id: schema.payoutRuns.id });
          if (!run) throw new Error('the run was not written');
          await tx.insert(schema.payoutPayments).values(
            plan.payments.map((payment) => ({
              runId: run.id,
              volunteerId: payment.volunteerId,
              grossYen: payment.grossYen,
              subjectYen: payment.subjectYen,
              withheldYen: payment.withheldYen,
              netYen: payment.netYen,
            })),
          );
          await tx
            .insert(schema.payoutRunLines)
            .values(
              plan.payments.flatMap((payment) =>
                payment.lineIds.map((lineId) => ({ runId: run.id, lineId, volunteerId: payment.volunteerId })),
              ),
            );
          return run.id;
        });
      } catch (error) {
        if (sqlStateOf(error)?.constraint === 'payout_run_lines_once') throw new ConflictError('payout_lines_taken');
        throw error;
      }
    },

    /**
     * Opens a correction of a confirmed run: a new run of negative entries that reverse the chosen
     * lines (all those not reversed yet, or the chosen volunteers' or lines), each volunteer's entry
     * withheld so that the payment and its corrections come to what the kept lines are paid. The
     * first run never changes; the lines are marked as being reversed, and a line is in one
     * correction at most (the update takes only unmarked lines, so two at once cannot both take it).
     */
    async correct(viewer: Viewer, input: unknown): Promise<string> {
      const { runId, reason, volunteerIds, lineIds } = parseInput(payoutCorrectionSchema, input);
      const run = await runFor(viewer, runId);
      if (run.reversesRunId) throw new ConflictError('payout_run_is_correction');
      assertStatus(run.status, 'confirmed');
      const { withholding } = await withholdingSettingsOf(run.associationId);
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`payout:${run.associationId}`}::text))`);
        const lines = await tx
          .select({
            id: schema.payoutRunLines.lineId,
            volunteerId: schema.payoutRunLines.volunteerId,
            standing: isNull(schema.payoutRunLines.reversedByRunId),
            kind: schema.expenseLines.kind,
            amountYen: schema.expenseLines.amountYen,
          })
          .from(schema.payoutRunLines)
          .innerJoin(schema.expenseLines, eq(schema.expenseLines.id, schema.payoutRunLines.lineId))
          .where(eq(schema.payoutRunLines.runId, runId));
        const standing = lines.filter((line) => line.standing);
        const everything = !volunteerIds && !lineIds;
        const chosen = standing.filter(
          (line) => everything || volunteerIds?.includes(line.volunteerId) || lineIds?.includes(line.id),
        );
        const chosenIds = new Set(chosen.map((line) => line.id));
        if (chosen.length === 0 || lineIds?.some((id) => !chosenIds.has(id)))
          throw new ConflictError('payout_lines_not_correctable');
        // What each volunteer's payment comes to now: the run's entry and those of its corrections so far.
        const entries = await tx
          .select({
            volunteerId: schema.payoutPayments.volunteerId,
            grossYen: sql<number>`sum(${schema.payoutPayments.grossYen})::int`,
            subjectYen: sql<number>`sum(${schema.payoutPayments.subjectYen})::int`,
            withheldYen: sql<number>`sum(${schema.payoutPayments.withheldYen})::int`,
            netYen: sql<number>`sum(${schema.payoutPayments.netYen})::int`,
          })
          .from(schema.payoutPayments)
          .innerJoin(schema.payoutRuns, eq(schema.payoutRuns.id, schema.payoutPayments.runId))
          .where(sql`${schema.payoutRuns.id} = ${runId} or ${schema.payoutRuns.reversesRunId} = ${runId}`)
          .groupBy(schema.payoutPayments.volunteerId);
        const corrections = entries
          .filter((now) => chosen.some((line) => line.volunteerId === now.volunteerId))
          .map((now) =>
            correctionOf(
              now,
              standing.filter((line) => line.volunteerId === now.volunteerId && !chosenIds.has(line.id)),
              chosen.filter((line) => line.volunteerId === now.volunteerId).map((line) => line.id),
              withholding,
            ),
          );
        const totals = totalsOf(corrections);
        const [correction] = await tx
          .insert(schema.payoutRuns)
          .values({
            associationId: run.associationId,
            year: run.year,
            month: run.month,
            transferDate: clock.now().setZone(tokyo).toISODate() ?? run.transferDate,
            reversesRunId: runId,
            reason,
            linesCount: totals.lines,
            grossYen: totals.grossYen,
            withheldYen: totals.withheldYen,
            netYen: totals.netYen,
            builtBy: viewer.userId,
          })
          .returning({ id: schema.payoutRuns.id });
        if (!correction) throw new Error('the correction was not written');
        await tx.insert(schema.payoutPayments).values(
          corrections.map((entry) => ({
            runId: correction.id,
            volunteerId: entry.volunteerId,
            grossYen: entry.grossYen,
            subjectYen: entry.subjectYen,
            withheldYen: entry.withheldYen,
            netYen: entry.netYen,
          })),
        );
        const marked = await tx
          .update(schema.payoutRunLines)
          .set({ reversedByRunId: correction.id })
          .where(
            and(
              eq(schema.payoutRunLines.runId, runId),
              inArray(schema.payoutRunLines.lineId, [...chosenIds]),
              isNull(schema.payoutRunLines.reversedByRunId),
            ),
          )
          .returning({ lineId: schema.payoutRunLines.lineId });
        if (marked.length !== chosenIds.size) throw new ConflictError('payout_lines_not_correctable');
        return correction.id;
      });
    },

    /** A built run that is not wanted goes away, and its lines are free again. */
    async discard(viewer: Viewer, runId: string): Promise<void> {
      const run = await runFor(viewer, runId);
      assertStatus(run.status, 'built');
      await db
        .delete(schema.payoutRuns)
        .where(and(eq(schema.payoutRuns.id, runId), eq(schema.payoutRuns.status, 'built')));
    },

    /** Fixes the run: its payments and its file no longer change. */
    async approve(viewer: Viewer, runId: string): Promise<void> {
      const run = await runFor(viewer, runId);
      assertStatus(run.status, 'built');
      const changed = await db
        .update(schema.payoutRuns)
        .set({
          status: 'approved',
          approvedBy: viewer.userId,
          approvedAt: clock.now().toJSDate(),
          updatedAt: clock.now().toJSDate(),
        })
        .where(and(eq(schema.payoutRuns.id, runId), eq(schema.payoutRuns.status, 'built')))
        .returning({ id: schema.payoutRuns.id });
      if (changed.length === 0) throw new ConflictError('changed_meanwhile');
    },

    /**
     * The bank paid the run: its lines become paid, and the run never changes again. A correction,
     * once the money is back: the lines it reverses are reversed, and approved again to be paid anew.
     */
    async confirm(viewer: Viewer, runId: string): Promise<void> {
      const run = await runFor(viewer, runId);
      assertStatus(run.status, 'approved');
      const now = clock.now().toJSDate();
      try {
        await db.transaction(async (tx) => {
          const changed = await tx
            .update(schema.payoutRuns)
            .set({ status: 'confirmed', confirmedBy: viewer.userId, confirmedAt: now, updatedAt: now })
            .where(and(eq(schema.payoutRuns.id, runId), eq(schema.payoutRuns.status, 'approved')))
            .returning({ id: schema.payoutRuns.id });
          if (changed.length === 0) throw new ConflictError('changed_meanwhile');
          const lineIds = run.reversesRunId
            ? (
                await tx
                  .update(schema.payoutRunLines)
                  .set({ reversed: true })
                  .where(eq(schema.payoutRunLines.reversedByRunId, runId))
                  .returning({ id: schema.payoutRunLines.lineId })
              ).map((line) => line.id)
            : (
                await tx
                  .select({ id: schema.payoutRunLines.lineId })
                  .from(schema.payoutRunLines)
                  .where(eq(schema.payoutRunLines.runId, runId))
              ).map((line) => line.id);
          const status = run.reversesRunId ? ('approved' as const) : ('paid' as const);
          const changedLines = await tx
            .update(schema.expenseLines)
            .set({ status, updatedBy: viewer.userId, updatedAt: now })
            .where(inArray(schema.expenseLines.id, lineIds))
            .returning({ id: schema.expenseLines.id });
          await tx.insert(schema.expenseLineEvents).values(
            changedLines.map((line) => ({
              lineId: line.id,
              actorUserId: viewer.userId,
              action: status,
              detail: run.reversesRunId ? `payment reversed by payout run ${runId}` : `payout run ${runId}`,
            })),
          );
        });
      } catch (error) {
        // A line of a month closed since the run was approved: the guard refuses, and nothing changed.
        if (isClosedPeriodViolation(error))
          throw run.reversesRunId
            ? new ConflictError('payout_correction_period_closed')
            : new ConflictError('payout_run_status', 'approved');
        throw error;
      }
    },

    /** The Zengin 総合振込 file of an approved (or confirmed) run, with its totals; reading the accounts is audited. */
    async transferFile(viewer: Viewer, runId: string): Promise<TransferFile> {
      const run = await runFor(viewer, runId);
      // Money paid back is not a transfer: a correction has no file (a file of negative amounts is none).
      if (run.reversesRunId) throw new ConflictError('payout_run_is_correction');
      if (run.status === 'built') throw new ConflictError('payout_run_status', 'built');
      const { settings } = await withholdingSettingsOf(run.associationId);
      const payments = await db
        .select({
          volunteerId: schema.payoutPayments.volunteerId,
          netYen: schema.payoutPayments.netYen,
          account: schema.payoutAccounts,
        })
        .from(schema.payoutPayments)
        .innerJoin(schema.payoutAccounts, eq(schema.payoutAccounts.volunteerId, schema.payoutPayments.volunteerId))
        .where(eq(schema.payoutPayments.runId, runId))
        .orderBy(schema.payoutPayments.volunteerId);
      const transfers = payments.map(({ netYen, account }) => {
        if (
          !account.bankCode ||
          !account.bankKana ||
          !account.branchCode ||
          !account.branchKana ||
          !account.accountType ||
          !account.accountNumber ||
          !account.holderKana
        ) {
          throw new Error(`payout account ${account.volunteerId} is incomplete`);
        }
        return {
          to: {
            bankCode: account.bankCode,
            bankKana: account.bankKana,
            branchCode: account.branchCode,
            branchKana: account.branchKana,
            accountType: account.accountType,
            accountNumber: account.accountNumber,
            holderKana: account.holderKana,
          },
          amountYen: netYen,
        };
      });
      const bytes = zenginTransferFile({
        requesterCode: settings.requesterCode,
        requesterKana: settings.requesterKana,
        from: settings,
        transferDate: run.transferDate,
        transfers,
        lineBreaks: 'crlf',
      });
      await recordAudit(
        db,
        viewer,
        payments.map((payment) => ({
          action: 'read' as const,
          subjectType: 'PayoutAccount',
          subjectId: payment.volunteerId,
          fields: ['bankCode', 'branchCode', 'accountType', 'accountNumber', 'holderKana'],
          reason: `transfer file of payout run ${runId}`,
          associationIds: [run.associationId],
        })),
      );
      return {
        fileName: `zengin-${run.year}-${String(run.month).padStart(2, '0')}-${run.id.slice(0, 8)}.txt`,
        bytes,
        totals: zenginTotalsOf(transfers),
      };
    },

    /** An admin enters the association's own account for the header and its withholding setting. */
    async saveSettings(viewer: Viewer, input: unknown): Promise<void> {
      const parsed = parseInput(payoutSettingsSchema, input);
      if (!mayActOn(viewer, { associationId: parsed.associationId }, 'admin')) throw new ForbiddenError('admins_only');
      const branch = await bankBranchOf(parsed.bankCode, parsed.branchCode);
      const values = { ...parsed, ...branch, updatedBy: viewer.userId };
      await db
        .insert(schema.payoutSettings)
        .values(values)
        .onConflictDoUpdate({
          target: schema.payoutSettings.associationId,
          set: { ...values, updatedAt: clock.now().toJSDate() },
        });
    },
  };
}

export type PayoutRunService = ReturnType<typeof createPayoutRunService>;
