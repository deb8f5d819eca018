import { type Db, schema } from '@tsunagu/db';
import {
  activityDateOf,
  adviseCategory,
  bearingBodyOf,
  bilingual,
  type CancellationFacts,
  type Clock,
  ConflictError,
  categoryForPayer,
  classify,
  type DispatchFacts,
  type DocumentCountUnit,
  type ExpenseKind,
  type ExpenseStatus,
  expenseKinds,
  type FeeLine,
  ForbiddenError,
  feesForCancellation,
  feesForDispatch,
  fiscalYearOfDate,
  found,
  type GrantTaxCategory,
  grantTaxCategories,
  isEditable,
  isReversible,
  type Localized,
  mayActOn,
  NotFoundError,
  nextStatus,
  type Payer,
  PeriodClosedError,
  parseInput,
  payableKinds,
  payers,
  RateRuleGap,
  type RateRules,
  splitByPayer,
  tokyo,
  translationFeeFor,
  ValidationError,
  type Viewer,
  volumeOfCount,
  wholeNumber,
} from '@tsunagu/domain';
import { and, eq, inArray, isNull, ne, notExists, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { recordAudit } from '../audit';
import { assertOpen, isClosedPeriodViolation } from './periods';
import { rateScheduleInForce, readRateRules } from './rate-schedules';

export type ExpenseLineRow = typeof schema.expenseLines.$inferSelect;
type NewLine = typeof schema.expenseLines.$inferInsert;
type LineAction = (typeof schema.expenseLineAction.enumValues)[number];

const minutesBetween = (start: Date, end: Date) => Math.max(0, Math.floor((end.getTime() - start.getTime()) / 60_000));
const inTokyo = (date: Date) => DateTime.fromJSDate(date, { zone: tokyo });

/** What every line of one dispatch shares: where it is booked, and what it is about. */
async function dispatchOf(tx: Db, assignmentId: string) {
  const assignment = found(
    await tx.query.assignments.findFirst({
      where: { id: assignmentId },
      with: {
        request: {
          columns: {
            associationId: true,
            modality: true,
            languageCode: true,
            startsAt: true,
            endsAt: true,
            deadline: true,
            volume: true,
            volumeUnit: true,
            grantTaxCategory: true,
          },
          with: {
            organization: {
              columns: { id: true },
              with: { localGovernment: { columns: { code: true, kind: true, parentCode: true } } },
            },
          },
        },
        reports: { where: { kind: 'volunteer' } },
      },
    }),
    'Assignment',
    assignmentId,
  );
  const { request } = assignment;
  const report = assignment.reports[0] ?? null;
  const start = report?.actualStart ?? request.startsAt;
  const end = report?.actualEnd ?? request.endsAt;
  // A translation counts on the day it was delivered, or else on its deadline.
  const day = request.modality === 'translation' ? (report?.actualEnd ?? request.deadline) : start;
  if (!day) throw new ConflictError('assignment_has_no_date');
  const activityDate = activityDateOf(inTokyo(day));
  const bearing = bearingBodyOf(request.organization.localGovernment);
  return {
    assignment,
    request,
    report,
    associationId: request.associationId,
    activityDate,
    activityMinutes: request.modality !== 'translation' && start && end ? minutesBetween(start, end) : 0,
    bearing,
    category: request.grantTaxCategory as GrantTaxCategory,
  };
}

type Dispatch = Awaited<ReturnType<typeof dispatchOf>>;

/** The columns of a line of this dispatch, classified by the grant-tax table. */
function lineFor(
  dispatch: Dispatch,
  fee: { kind: ExpenseKind; amountYen: number; payer: Payer; note: string | null; basis?: Localized },
  extra: Partial<NewLine> & { source: NewLine['source'] },
  actorUserId: string | null,
): NewLine {
  const category = categoryForPayer(dispatch.category, fee.payer);
  const classification = classify(category, dispatch.bearing.kind);
  return {
    associationId: dispatch.associationId,
    assignmentId: dispatch.assignment.id,
    kind: fee.kind,
    amountYen: fee.amountYen,
    payer: fee.payer,
    bearingGovernmentCode: dispatch.bearing.code,
    bearingKind: dispatch.bearing.kind,
    activityDate: dispatch.activityDate,
    fiscalYear: fiscalYearOfDate(dispatch.activityDate),
    grantTaxCategory: category,
    measure: classification.measure,
    eligibility: classification.eligibility,
    languageCode: dispatch.request.languageCode,
    activityMinutes: dispatch.activityMinutes,
    note: fee.note,
    basis: fee.basis ?? null,
    createdBy: actorUserId,
    updatedBy: actorUserId,
    ...extra,
  };
}

/** Lines of one assignment that no reversing line cancels. */
const live = (alias = schema.expenseLines) =>
  notExists(sql`(select 1 from ${schema.expenseLines} as reversal where reversal.reverses_line_id = ${alias.id})`);

/** Another live, non-reversing line with the same assignment, kind, payer and amount. */
async function duplicateOf(
  tx: Db,
  line: Pick<NewLine, 'assignmentId' | 'kind' | 'payer' | 'amountYen'>,
  except?: string,
) {
  const [twin] = await tx
    .select({ id: schema.expenseLines.id })
    .from(schema.expenseLines)
    .where(
      and(
        eq(schema.expenseLines.assignmentId, line.assignmentId),
        eq(schema.expenseLines.kind, line.kind),
        eq(schema.expenseLines.payer, line.payer),
        eq(schema.expenseLines.amountYen, line.amountYen),
        isNull(schema.expenseLines.reversesLineId),
        live(),
        ...(except ? [ne(schema.expenseLines.id, except)] : []),
      ),
    )
    .limit(1);
  return twin?.id ?? null;
}

async function recordEvents(
  tx: Db,
  actorUserId: string | null,
  at: Date,
  events: Array<{ lineId: string; action: LineAction; detail?: string | null }>,
) {
  if (events.length === 0) return;
  await tx
    .insert(schema.expenseLineEvents)
    .values(events.map((event) => ({ ...event, detail: event.detail ?? null, actorUserId, at })));
}

/** Runs a write; the database's guard refusing it (a period closed meanwhile) becomes a typed error. */
async function guarded<T>(line: { fiscalYear: number; activityDate: string }, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isClosedPeriodViolation(error)) throw new PeriodClosedError(line.fiscalYear, null);
    throw error;
  }
}

/**
 * Writes new lines of open periods, marks duplicates, records who made them. Lines with a source
 * key already written are left as they are (making a report's lines twice does nothing).
 */
async function insertLines(tx: Db, lines: NewLine[], actorUserId: string | null, now: Date): Promise<ExpenseLineRow[]> {
  if (lines.length === 0) return [];
  for (const line of lines) {
    await assertOpen(tx, line.associationId, line.activityDate);
    line.duplicateOfLineId ??= await duplicateOf(tx, line);
  }
  const first = lines[0] as NewLine;
  const written = await guarded({ fiscalYear: first.fiscalYear, activityDate: first.activityDate }, () =>
    tx
      .insert(schema.expenseLines)
      .values(lines.map((line) => ({ ...line, createdAt: now, updatedAt: now })))
      .onConflictDoNothing({ target: schema.expenseLines.sourceKey })
      .returning(),
  );
  await recordEvents(
    tx,
    actorUserId,
    now,
    written.map((line) => ({ lineId: line.id, action: 'created', detail: line.note })),
  );
  return written;
}

/** The assignment's copy of the rates, or (none was in force at confirmation) the schedule in force on the day, copied now. */
async function ratesFor(tx: Db, dispatch: Dispatch, now: DateTime): Promise<RateRules> {
  const copy =
    (await tx.query.assignmentRates.findFirst({ where: { assignmentId: dispatch.assignment.id } })) ??
    (await copyRatesOnActivityDate(tx, dispatch, now));
  if (!copy) {
    throw new ConflictError('no_rate_schedule');
  }
  return readRateRules(copy.rules);
}

async function copyRatesOnActivityDate(tx: Db, dispatch: Dispatch, now: DateTime) {
  const schedule = await rateScheduleInForce(tx, dispatch.associationId, dispatch.activityDate);
  if (!schedule) return null;
  const [copy] = await tx
    .insert(schema.assignmentRates)
    .values({
      assignmentId: dispatch.assignment.id,
      rateScheduleId: schedule.id,
      effectiveFrom: schedule.effectiveFrom,
      rules: schedule.rules,
      illustrative: schedule.illustrative,
      copiedAt: now.toJSDate(),
    })
    .onConflictDoNothing()
    .returning();
  return copy ?? null;
}

function priced(compute: () => FeeLine[]): FeeLine[] {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RateRuleGap) throw new ConflictError('rates_incomplete');
    throw error;
  }
}

/** What happened on a dispatch, from the volunteer's report and the request. */
export function dispatchFacts(dispatch: Dispatch): DispatchFacts {
  const { request, report } = dispatch;
  return {
    modality: request.modality,
    workedMinutes: request.modality === 'translation' ? null : dispatch.activityMinutes,
    translation:
      request.modality === 'translation' && request.volume && request.volumeUnit
        ? { volume: request.volume, unit: request.volumeUnit }
        : null,
    transportFareYen: report?.transportFareYen ?? null,
    receiptProvided: null,
  };
}

/**
 * Report approved → expense lines. Prices the dispatch from the volunteer's activity report with
 * the assignment's copy of the rates and writes one line per kind and payer (status `submitted`:
 * the report was the submission; a coordinator approves the money). Called by the dispatch
 * workflow in the transaction that approves the report; calling it again returns the same lines.
 */
export async function createExpenseLinesForReport(
  tx: Db,
  assignmentId: string,
  options: { actorUserId: string | null; now: DateTime },
): Promise<ExpenseLineRow[]> {
  const existing = await tx.query.expenseLines.findMany({
    where: { assignmentId, source: 'rate_schedule', sourceKey: { like: 'report:%' } },
  });
  if (existing.length > 0) return existing;
  const dispatch = await dispatchOf(tx, assignmentId);
  if (!dispatch.report) throw new ConflictError('report_not_filed');
  const rules = await ratesFor(tx, dispatch, options.now);
  // A translation accepted through its job was priced then, on the counted document.
  const pricedOnAcceptance = await tx.query.expenseLines.findFirst({
    where: { assignmentId, source: 'rate_schedule', sourceKey: { like: 'translation:%' } },
    columns: { id: true },
  });
  const fees = priced(() => feesForDispatch(rules, dispatchFacts(dispatch))).filter(
    (fee) => !(pricedOnAcceptance && fee.kind === 'translation_fee'),
  );
  return insertLines(
    tx,
    fees.map((fee) =>
      lineFor(
        dispatch,
        { ...fee, note: null },
        { source: 'rate_schedule', status: 'submitted', sourceKey: `report:${assignmentId}:${fee.kind}:${fee.payer}` },
        options.actorUserId,
      ),
    ),
    options.actorUserId,
    options.now.toJSDate(),
  );
}

/**
 * Translation accepted → its fee, under the assignment's copy of the rates, on the count of the
 * document the rule names (the source's or the accepted translation's): one line per payer, status
 * `submitted` (the acceptance was the claim; a coordinator approves the money). Idempotent.
 */
export async function createTranslationFeeLines(
  tx: Db,
  assignmentId: string,
  options: {
    counts: Record<'source' | 'target', { count: number; unit: DocumentCountUnit } | null>;
    actorUserId: string | null;
    now: DateTime;
  },
): Promise<ExpenseLineRow[]> {
  const existing = await tx.query.expenseLines.findMany({
    where: { assignmentId, source: 'rate_schedule', sourceKey: { like: 'translation:%' } },
  });
  if (existing.length > 0) return existing;
  const dispatch = await dispatchOf(tx, assignmentId);
  const rules = await ratesFor(tx, dispatch, options.now);
  const counted = options.counts[rules.translation?.countedOn ?? 'source'];
  if (!counted) throw new ConflictError('translation_not_counted');
  const fees = priced(() => {
    const fee = translationFeeFor(rules.translation, volumeOfCount(counted.count, counted.unit));
    return splitByPayer('translation_fee', fee.amountYen, fee.basis, rules.payers.translation);
  });
  return insertLines(
    tx,
    fees.map((fee) =>
      lineFor(
        dispatch,
        { ...fee, note: null },
        { source: 'rate_schedule', status: 'submitted', sourceKey: `translation:${assignmentId}:${fee.payer}` },
        options.actorUserId,
      ),
    ),
    options.actorUserId,
    options.now.toJSDate(),
  );
}

/**
 * Late cancellation → the cancellation fee the rates owe for the notice given (none when the notice
 * was long enough). A percentage the coordinator set on the assignment (`cancellation_fee_percent`)
 * wins over the schedule's tiers. Booked on the day the activity was planned. Idempotent.
 */
export async function createCancellationFeeLines(
  tx: Db,
  assignmentId: string,
  options: { actorUserId: string | null; now: DateTime },
): Promise<ExpenseLineRow[]> {
  const existing = await tx.query.expenseLines.findMany({
    where: { assignmentId, source: 'rate_schedule', sourceKey: { like: 'cancellation:%' } },
  });
  if (existing.length > 0) return existing;
  const dispatch = await dispatchOf(tx, assignmentId);
  const { assignment, request } = dispatch;
  if (!assignment.cancelledAt || assignment.cancellationNoticeHours === null) {
    throw new ConflictError('not_cancelled_late');
  }
  const rules = await ratesFor(tx, dispatch, options.now);
  const plannedMinutes = request.startsAt && request.endsAt ? minutesBetween(request.startsAt, request.endsAt) : null;
  const facts: CancellationFacts = {
    noticeHours: assignment.cancellationNoticeHours,
    planned: { ...dispatchFacts(dispatch), workedMinutes: request.modality === 'translation' ? null : plannedMinutes },
  };
  const percent = assignment.cancellationFeePercent;
  const effective: RateRules =
    percent === null
      ? rules
      : {
          ...rules,
          cancellation: [{ noticeHoursUnder: facts.noticeHours + 1, percentOfFee: percent, fixedYen: null }],
        };
  const fees = priced(() => feesForCancellation(effective, facts));
  return insertLines(
    tx,
    fees.map((fee) =>
      lineFor(
        { ...dispatch, activityMinutes: 0 },
        { ...fee, note: null },
        { source: 'rate_schedule', status: 'submitted', sourceKey: `cancellation:${assignmentId}:${fee.payer}` },
        options.actorUserId,
      ),
    ),
    options.actorUserId,
    options.now.toJSDate(),
  );
}

const manualLineSchema = z.object({
  assignmentId: z.string().uuid(),
  kind: z.enum(expenseKinds),
  amountYen: wholeNumber(bilingual({ en: 'Use whole yen.', ja: '円単位の整数で入力してください。' }))
    .min(
      1,
      bilingual({
        en: 'Use at least ¥1; corrections are reversing lines.',
        ja: '1円以上で入力してください。訂正は取消の明細で行います。',
      }),
    )
    .max(10_000_000),
  payer: z.enum(payers),
  note: z.string().trim().max(1000).nullish(),
});
export type ManualLineInput = z.input<typeof manualLineSchema>;

const lineChangesSchema = z.object({
  amountYen: wholeNumber(bilingual({ en: 'Use whole yen.', ja: '円単位の整数で入力してください。' }))
    .min(1, bilingual({ en: 'Use at least ¥1.', ja: '1円以上で入力してください。' }))
    .max(10_000_000)
    .optional(),
  payer: z.enum(payers).optional(),
  note: z.string().trim().max(1000).nullish(),
});
export type LineChanges = z.input<typeof lineChangesSchema>;

const reasonSchema = z
  .string()
  .trim()
  .min(1, bilingual({ en: 'Say why.', ja: '理由を入力してください。' }))
  .max(1000);

export function createExpenseService({ db, clock }: { db: Db; clock: Clock }) {
  /** The line, locked for the rest of the transaction, if the viewer coordinates its association. */
  async function lockedLine(tx: Db, viewer: Viewer, lineId: string): Promise<ExpenseLineRow> {
    const [line] = await tx.select().from(schema.expenseLines).where(eq(schema.expenseLines.id, lineId)).for('update');
    if (!line) throw new NotFoundError('ExpenseLine', lineId);
    if (!mayActOn(viewer, { associationId: line.associationId }, 'coordinator')) {
      throw new ForbiddenError('coordinators_only');
    }
    return line;
  }

  async function isReversed(tx: Db, lineId: string) {
    const reversal = await tx.query.expenseLines.findFirst({
      where: { reversesLineId: lineId },
      columns: { id: true },
    });
    return reversal !== undefined;
  }

  async function update(tx: Db, line: ExpenseLineRow, values: Partial<NewLine>, viewer: Viewer, now: Date) {
    const [updated] = await guarded(line, () =>
      tx
        .update(schema.expenseLines)
        .set({ ...values, updatedBy: viewer.userId, updatedAt: now })
        .where(eq(schema.expenseLines.id, line.id))
        .returning(),
    );
    if (!updated) throw new NotFoundError('ExpenseLine', line.id);
    return updated;
  }

  /** Re-categorizes lines (of open periods, neither reversed nor reversing) and records why. */
  async function recategorize(
    tx: Db,
    viewer: Viewer,
    lines: ExpenseLineRow[],
    category: GrantTaxCategory,
    reason: string,
    now: Date,
  ): Promise<ExpenseLineRow[]> {
    const changed: ExpenseLineRow[] = [];
    for (const line of lines) {
      const target = categoryForPayer(category, line.payer);
      if (line.grantTaxCategory === target) continue;
      const classification = classify(target, line.bearingKind);
      changed.push(
        await update(
          tx,
          line,
          {
            grantTaxCategory: target,
            measure: classification.measure,
            eligibility: classification.eligibility,
            categoryOverrideReason: reason,
          },
          viewer,
          now,
        ),
      );
    }
    await recordEvents(
      tx,
      viewer.userId,
      now,
      changed.map((line) => ({
        lineId: line.id,
        action: 'category_overridden',
        detail: `${line.grantTaxCategory}: ${reason}`,
      })),
    );
    await recordAudit(
      tx,
      viewer,
      changed.map((line) => ({
        action: 'update',
        subjectType: 'expense_line',
        subjectId: line.id,
        fields: ['grantTaxCategory'],
        reason,
        associationIds: [line.associationId],
      })),
    );
    return changed;
  }

  function parseCategory(category: string): GrantTaxCategory {
    if (!(grantTaxCategories as readonly string[]).includes(category)) {
      throw ValidationError.of(['input', 'category'], {
        en: 'Use a category of the table: 1–7, G or N.',
        ja: '区分は表にあるもの（1〜7、G、N）から選んでください。',
      });
    }
    return category as GrantTaxCategory;
  }

  return {
    /** A coordinator enters a line by hand (equipment, other costs, a correction after a reversal); it starts as a draft. */
    async createLine(viewer: Viewer, input: ManualLineInput): Promise<ExpenseLineRow> {
      const fields = parseInput(manualLineSchema, input);
      return db.transaction(async (tx) => {
        const dispatch = await dispatchOf(tx, fields.assignmentId);
        if (!mayActOn(viewer, { associationId: dispatch.associationId }, 'coordinator')) {
          throw new ForbiddenError('coordinators_only');
        }
        const now = clock.now().toJSDate();
        const [line] = await insertLines(
          tx,
          [
            lineFor(
              dispatch,
              { kind: fields.kind, amountYen: fields.amountYen, payer: fields.payer, note: fields.note ?? null },
              { source: 'manual', status: 'draft' },
              viewer.userId,
            ),
          ],
          viewer.userId,
          now,
        );
        if (!line) throw new Error('insert returned no row');
        return line;
      });
    },

    /** Changes the amount, payer or note of a line nobody approved yet, in an open period. */
    async editLine(viewer: Viewer, lineId: string, changes: LineChanges): Promise<ExpenseLineRow> {
      const fields = parseInput(lineChangesSchema, changes);
      return db.transaction(async (tx) => {
        const line = await lockedLine(tx, viewer, lineId);
        await assertOpen(tx, line.associationId, line.activityDate);
        if (line.reversesLineId) throw new ConflictError('reversal_not_editable');
        if (!isEditable(line.status)) {
          throw new ConflictError('line_not_editable', line.status);
        }
        const payer = fields.payer ?? line.payer;
        const values: Partial<NewLine> = {
          ...(fields.amountYen !== undefined ? { amountYen: fields.amountYen } : {}),
          ...(fields.note !== undefined ? { note: fields.note ?? null } : {}),
        };
        if (payer !== line.payer) {
          const request = await tx.query.assignments.findFirst({
            where: { id: line.assignmentId },
            columns: {},
            with: { request: { columns: { grantTaxCategory: true } } },
          });
          const category = categoryForPayer((request?.request.grantTaxCategory ?? 'N') as GrantTaxCategory, payer);
          const { measure, eligibility } = classify(category, line.bearingKind);
          Object.assign(values, { payer, grantTaxCategory: category, measure, eligibility });
        }
        const now = clock.now().toJSDate();
        const next = { ...line, ...values } as ExpenseLineRow;
        values.duplicateOfLineId = await duplicateOf(tx, next, line.id);
        const updated = await update(tx, line, values, viewer, now);
        await recordEvents(tx, viewer.userId, now, [
          { lineId, action: 'edited', detail: `¥${updated.amountYen}, ${updated.payer}` },
        ]);
        return updated;
      });
    },

    /**
     * Moves lines one step along draft → submitted → approved → paid, all or none. Every line must
     * be at the step before `to`, and in an open period.
     */
    async advanceLines(viewer: Viewer, lineIds: string[], to: ExpenseStatus): Promise<ExpenseLineRow[]> {
      if (lineIds.length === 0) return [];
      if (to === 'draft')
        throw ValidationError.of(['input', 'to'], {
          en: 'A line cannot go back to draft.',
          ja: '明細を下書きに戻すことはできません。',
        });
      return db.transaction(async (tx) => {
        const now = clock.now().toJSDate();
        const updated: ExpenseLineRow[] = [];
        for (const lineId of [...new Set(lineIds)].sort()) {
          const line = await lockedLine(tx, viewer, lineId);
          await assertOpen(tx, line.associationId, line.activityDate);
          if (nextStatus(line.status) !== to) {
            throw new ConflictError('line_status_change', { from: line.status, to });
          }
          // What a volunteer is paid becomes paid when a payout run's transfer is confirmed, never by hand.
          if (to === 'paid' && payableKinds.includes(line.kind)) throw new ConflictError('paid_by_payout_run');
          updated.push(await update(tx, line, { status: to }, viewer, now));
        }
        await recordEvents(
          tx,
          viewer.userId,
          now,
          updated.map((line) => ({ lineId: line.id, action: to as LineAction })),
        );
        return updated;
      });
    },

    /** A coordinator books a line under another category, saying why; audited. */
    async overrideLineCategory(viewer: Viewer, lineId: string, category: string, reason: string) {
      const target = parseCategory(category);
      const why = parseInput(reasonSchema, reason, ['input', 'reason']);
      return db.transaction(async (tx) => {
        const line = await lockedLine(tx, viewer, lineId);
        await assertOpen(tx, line.associationId, line.activityDate);
        if (line.reversesLineId || (await isReversed(tx, line.id))) {
          throw new ConflictError('reversal_keeps_category');
        }
        if (line.payer === 'person_served' && target !== 'N') {
          throw new ConflictError('person_served_pays');
        }
        const [changed] = await recategorize(tx, viewer, [line], target, why, clock.now().toJSDate());
        return changed ?? line;
      });
    },

    /**
     * A coordinator overrides the category a request's purpose suggested, saying why (audited). Its
     * lines in open periods follow; lines of closed periods keep theirs (reverse them to correct).
     */
    async overrideRequestCategory(viewer: Viewer, requestId: string, category: string, reason: string) {
      const target = parseCategory(category);
      const why = parseInput(reasonSchema, reason, ['input', 'reason']);
      return db.transaction(async (tx) => {
        const [request] = await tx
          .select({
            associationId: schema.requests.associationId,
            organizationId: schema.requests.organizationId,
            purpose: schema.requests.purpose,
          })
          .from(schema.requests)
          .where(eq(schema.requests.id, requestId))
          .for('update');
        if (!request) throw new NotFoundError('Request', requestId);
        if (!mayActOn(viewer, { associationId: request.associationId }, 'coordinator')) {
          throw new ForbiddenError('coordinators_only');
        }
        // Refused like a filer's ineligible choice (see the request service): the override's reason
        // does not change what the table lets the bearing body claim.
        const organization = found(
          await tx.query.organizations.findFirst({
            where: { id: request.organizationId },
            columns: {},
            with: { localGovernment: { columns: { code: true, kind: true, parentCode: true } } },
          }),
          'Organization',
          request.organizationId,
        );
        const bearer = bearingBodyOf(organization.localGovernment).kind;
        const advice = adviseCategory(request.purpose, bearer, target);
        if (advice.instead) {
          throw new ConflictError('category_not_eligible', { category: target, bearer, instead: advice.instead });
        }
        const now = clock.now().toJSDate();
        await tx
          .update(schema.requests)
          .set({ grantTaxCategory: target, updatedAt: now })
          .where(eq(schema.requests.id, requestId));
        await recordAudit(tx, viewer, [
          {
            action: 'update',
            subjectType: 'request',
            subjectId: requestId,
            fields: ['grantTaxCategory'],
            reason: why,
            associationIds: [request.associationId],
          },
        ]);
        const assignmentIds = (
          await tx.query.assignments.findMany({ where: { requestId }, columns: { id: true } })
        ).map((assignment) => assignment.id);
        const lines =
          assignmentIds.length === 0
            ? []
            : await tx
                .select()
                .from(schema.expenseLines)
                .where(
                  and(
                    inArray(schema.expenseLines.assignmentId, assignmentIds),
                    isNull(schema.expenseLines.reversesLineId),
                    live(),
                  ),
                )
                .orderBy(schema.expenseLines.id)
                .for('update');
        const open: ExpenseLineRow[] = [];
        let keptClosed = 0;
        for (const line of lines) {
          try {
            await assertOpen(tx, line.associationId, line.activityDate);
            open.push(line);
          } catch (error) {
            if (!(error instanceof PeriodClosedError)) throw error;
            keptClosed++;
          }
        }
        const changed = await recategorize(tx, viewer, open, target, why, now);
        return { changedLines: changed.length, keptClosedLines: keptClosed };
      });
    },

    /**
     * Corrects an approved or paid line with a reversing line of the opposite amount, in the line's
     * own period if it is open, otherwise on today's date. The reversal starts as a draft.
     */
    async reverseLine(viewer: Viewer, lineId: string, reason: string): Promise<ExpenseLineRow> {
      const why = parseInput(reasonSchema, reason, ['input', 'reason']);
      return db.transaction(async (tx) => {
        const line = await lockedLine(tx, viewer, lineId);
        if (line.reversesLineId) throw new ConflictError('reversal_not_reversible');
        if (!isReversible(line.status)) {
          throw new ConflictError('line_not_reversible', line.status);
        }
        if (await isReversed(tx, line.id)) throw new ConflictError('already_reversed');
        const today = activityDateOf(clock.now());
        let activityDate = line.activityDate;
        try {
          await assertOpen(tx, line.associationId, line.activityDate);
        } catch (error) {
          if (!(error instanceof PeriodClosedError)) throw error;
          activityDate = today;
        }
        const now = clock.now().toJSDate();
        const [reversal] = await insertLines(
          tx,
          [
            {
              ...line,
              id: undefined,
              amountYen: -line.amountYen,
              activityDate,
              fiscalYear: fiscalYearOfDate(activityDate),
              status: 'draft',
              source: 'reversal',
              sourceKey: null,
              reversesLineId: line.id,
              duplicateOfLineId: null,
              note: why,
              createdBy: viewer.userId,
              updatedBy: viewer.userId,
            },
          ],
          viewer.userId,
          now,
        );
        if (!reversal) throw new Error('insert returned no row');
        await recordEvents(tx, viewer.userId, now, [{ lineId: line.id, action: 'reversed', detail: why }]);
        return reversal;
      });
    },

    /** A draft nobody submitted can be deleted outright. */
    async deleteLine(viewer: Viewer, lineId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const line = await lockedLine(tx, viewer, lineId);
        await assertOpen(tx, line.associationId, line.activityDate);
        if (line.status !== 'draft') throw new ConflictError('only_draft_deleted');
        await guarded(line, () => tx.delete(schema.expenseLines).where(eq(schema.expenseLines.id, lineId)));
      });
    },
  };
}
