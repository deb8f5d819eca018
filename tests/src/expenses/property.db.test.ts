import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import {
  ConflictError,
  expenseKinds,
  type FiscalPeriod,
  grantTaxCategories,
  NotFoundError,
  PeriodClosedError,
  payableKinds,
  payers,
  ValidationError,
} from '@tsunagu/domain';
import { closedPeriods, createExpenseLinesForReport } from '@tsunagu/services';
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ExpenseWorld, insertDispatch, insertExpenseWorld, totalsAgainstLines } from './world';

/**
 * Random sequences of what coordinators and admins do to expenses — create, edit, approve, reverse,
 * override, close and reopen — and after every step: every kept total equals the sum of its lines,
 * the report's totals equal the lines, and no line of a closed period changed.
 */

let testDb: TestDatabase;
const db = () => testDb.database.db;

beforeAll(async () => {
  testDb = await openTestDatabase();
});
afterAll(async () => {
  await testDb?.dispose();
});

const periods: FiscalPeriod[] = [
  { fiscalYear: 2025, month: null },
  { fiscalYear: 2025, month: 10 },
  { fiscalYear: 2026, month: 4 },
  { fiscalYear: 2026, month: 6 },
];

const step = fc.oneof(
  fc.record({
    op: fc.constant('create' as const),
    dispatch: fc.nat(),
    kind: fc.constantFrom(...expenseKinds),
    amountYen: fc.integer({ min: 1, max: 50_000 }),
    payer: fc.constantFrom(...payers),
  }),
  fc.record({ op: fc.constant('edit' as const), line: fc.nat(), amountYen: fc.integer({ min: 1, max: 50_000 }) }),
  fc.record({ op: fc.constant('advance' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('reverse' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('override' as const), line: fc.nat(), category: fc.constantFrom(...grantTaxCategories) }),
  fc.record({
    op: fc.constant('overrideRequest' as const),
    dispatch: fc.nat(),
    category: fc.constantFrom(...grantTaxCategories),
  }),
  fc.record({ op: fc.constant('close' as const), period: fc.constantFrom(...periods) }),
  fc.record({ op: fc.constant('reopen' as const), closed: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const), line: fc.nat() }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** Errors a user can act on; anything else thrown by a step is a bug. */
const expected = (error: unknown) =>
  error instanceof ConflictError ||
  error instanceof PeriodClosedError ||
  error instanceof ValidationError ||
  error instanceof NotFoundError;

function rows<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/** The lines of the association that sit in a closed period now, as they are. */
async function closedLines(associationId: string) {
  return rows<Record<string, unknown>>(
    await db().execute(sql`
      select l.* from expense_lines l
       where l.association_id = ${associationId}
         and exists (select 1 from fiscal_period_closures c
                      where c.association_id = l.association_id and c.fiscal_year = l.fiscal_year
                        and c.month in (0, extract(month from l.activity_date)) and c.reopened_at is null)
       order by l.id`),
  );
}

async function run(world: ExpenseWorld, dispatches: Array<{ requestId: string; assignmentId: string }>, action: Step) {
  const { services, coordinator, admin, associationId } = world;
  // Each step picks among the lines it could apply to (closed periods aside), so that few are refused.
  const lines = await db().query.expenseLines.findMany({
    where: { associationId },
    columns: { id: true, kind: true, status: true, reversesLineId: true },
    orderBy: { id: 'asc' },
  });
  const fits: Record<string, (candidate: (typeof lines)[number]) => boolean> = {
    edit: (candidate) => ['draft', 'submitted'].includes(candidate.status) && !candidate.reversesLineId,
    // A volunteer's fee or fare becomes paid only by a payout run, never by hand (expenses.db tests it).
    advance: (candidate) =>
      candidate.status !== 'paid' && !(candidate.status === 'approved' && payableKinds.includes(candidate.kind)),
    reverse: (candidate) => ['approved', 'paid'].includes(candidate.status) && !candidate.reversesLineId,
    delete: (candidate) => candidate.status === 'draft',
  };
  const candidates = lines.filter(fits[action.op] ?? (() => true)).map((candidate) => candidate.id);
  const line = 'line' in action ? candidates[action.line % Math.max(1, candidates.length)] : undefined;
  const dispatch = 'dispatch' in action ? dispatches[action.dispatch % dispatches.length] : undefined;
  switch (action.op) {
    case 'create':
      if (dispatch) {
        await services.expenses.createLine(coordinator, {
          assignmentId: dispatch.assignmentId,
          kind: action.kind,
          amountYen: action.amountYen,
          payer: action.payer,
        });
      }
      return;
    case 'edit':
      if (line) await services.expenses.editLine(coordinator, line, { amountYen: action.amountYen });
      return;
    case 'advance': {
      if (!line) return;
      const current = await db().query.expenseLines.findFirst({ where: { id: line }, columns: { status: true } });
      const next = { draft: 'submitted', submitted: 'approved', approved: 'paid', paid: 'paid' } as const;
      await services.expenses.advanceLines(coordinator, [line], next[current?.status ?? 'paid']);
      return;
    }
    case 'reverse':
      if (line) await services.expenses.reverseLine(coordinator, line, 'Corrected');
      return;
    case 'override':
      if (line) await services.expenses.overrideLineCategory(coordinator, line, action.category, 'Reclassified');
      return;
    case 'overrideRequest':
      if (dispatch) {
        await services.expenses.overrideRequestCategory(coordinator, dispatch.requestId, action.category, 'Purpose');
      }
      return;
    case 'close':
      await services.fiscalPeriods.close(coordinator, associationId, action.period);
      return;
    case 'reopen': {
      const closed = await closedPeriods(db(), associationId);
      const period = closed[action.closed % Math.max(1, closed.length)];
      if (period) await services.fiscalPeriods.reopen(admin, associationId, period, 'Late receipt');
      return;
    }
    case 'delete':
      if (line) await services.expenses.deleteLine(coordinator, line);
      return;
  }
}

describe('expenses under random sequences of changes', () => {
  test('every total equals the sum of its lines after each step, and no closed line changes', async () => {
    // Which steps got through, so that the property is not vacuously true of refused steps alone.
    const succeeded = new Map<Step['op'], number>();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const world = await insertExpenseWorld(db(), '2026-06-15T10:00:00');
        const dispatches: Array<{ requestId: string; assignmentId: string }> = [];
        for (const [startsAt, endsAt] of [
          ['2025-10-06T10:00:00+09:00', '2025-10-06T13:00:00+09:00'],
          ['2026-02-10T09:00:00+09:00', '2026-02-10T10:30:00+09:00'],
          ['2026-04-02T14:00:00+09:00', '2026-04-02T19:00:00+09:00'],
          ['2026-06-01T10:00:00+09:00', '2026-06-01T11:00:00+09:00'],
        ] as const) {
          const { request, assignment } = await insertDispatch(db(), world, { startsAt, endsAt });
          const made = await db().transaction((tx) =>
            createExpenseLinesForReport(tx, assignment.id, { actorUserId: null, now: world.clock.now() }),
          );
          // Some lines start approved, some paid: reversals need them.
          await world.services.expenses.advanceLines(
            world.coordinator,
            made.map((line) => line.id),
            'approved',
          );
          // Paid as a confirmed payout run pays a line (by hand, fees and fares cannot be).
          if (made[0])
            await db()
              .update(schema.expenseLines)
              .set({ status: 'paid' })
              .where(eq(schema.expenseLines.id, made[0].id));
          dispatches.push({ requestId: request.id, assignmentId: assignment.id });
        }

        for (const action of steps) {
          const frozen = await closedLines(world.associationId);
          try {
            await run(world, dispatches, action);
            succeeded.set(action.op, (succeeded.get(action.op) ?? 0) + 1);
          } catch (error) {
            if (!expected(error)) throw error;
          }

          const totals = await totalsAgainstLines(db());
          expect(totals.kept).toEqual(totals.summed);
          expect(totals.keptDispatches).toEqual(totals.dispatches);
          expect(totals.keptDispatchTotals).toEqual(totals.dispatchTotals);

          const stillThere = new Map(
            rows<Record<string, unknown>>(
              await db().execute(sql`select * from expense_lines where association_id = ${world.associationId}`),
            ).map((row) => [row.id, row]),
          );
          for (const line of frozen) expect(stillThere.get(line.id), JSON.stringify(action)).toEqual(line);

          for (const fiscalYear of [2025, 2026]) {
            const report = await world.services.reconciliation.report(world.coordinator, {
              associationId: world.associationId,
              fiscalYear,
            });
            const lines = [...stillThere.values()].filter((line) => line.fiscal_year === fiscalYear);
            expect(report.totals.totalYen).toBe(lines.reduce((sum, line) => sum + Number(line.amount_yen), 0));
            expect(report.totals.lines).toBe(lines.length);
            for (const row of report.rows) {
              const behind = lines.filter(
                (line) =>
                  line.bearing_government_code === row.bearingGovernment.code &&
                  line.grant_tax_category === row.category,
              );
              expect(row.totalYen).toBe(behind.reduce((sum, line) => sum + Number(line.amount_yen), 0));
              expect(row.byStatus.draft + row.byStatus.submitted + row.byStatus.approved + row.byStatus.paid).toBe(
                row.totalYen,
              );
            }
          }
        }
      }),
      { numRuns: 20 },
    );
    expect([...succeeded.keys()].sort()).toEqual([
      'advance',
      'close',
      'create',
      'delete',
      'edit',
      'override',
      'overrideRequest',
      'reopen',
      'reverse',
    ]);
  }, 600_000);
});
