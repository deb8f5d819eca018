import {
  expenseKinds,
  expenseStatuses,
  type GrantTaxCategory,
  grantTaxCategoryNames,
  honorariumKinds,
  lineEligibilities,
  PeriodClosedError,
  payers,
  type RateRules,
  type RateRulesInput,
  readRateRules,
  roundingModes,
} from '@tsunagu/services';
import { builder } from '../builder';
import type { Context } from '../context';
import { associationsOf } from '../tenancy';
import { Association } from './association';
import { ErrorInterface } from './errors';
import { Request } from './request';
import { selected } from './selection';

export const ExpenseKindEnum = builder.enumType('ExpenseKind', { values: expenseKinds });
export const ExpenseStatusEnum = builder.enumType('ExpenseStatus', {
  values: expenseStatuses,
  description: 'draft → submitted → approved → paid.',
});
export const PayerEnum = builder.enumType('ExpensePayer', {
  values: payers,
  description: 'Who pays a line: the requesting body, the association, or the person served.',
});
export const EligibilityEnum = builder.enumType('ExpenseEligibility', {
  values: lineEligibilities,
  description:
    'What the grant-tax table says of the category and the bearing body: eligible, not claimed (category N), or flagged (the table does not allow it).',
});
export const MeasureEnum = builder.enumType('GrantTaxMeasure', {
  values: ['special_grant_tax', 'ordinary_grant_tax'] as const,
});
export const BearingBodyKindEnum = builder.enumType('BearingBodyKind', {
  values: ['prefecture', 'municipality'] as const,
});
const ExpenseSourceEnum = builder.enumType('ExpenseSource', {
  values: ['rate_schedule', 'manual', 'reversal'] as const,
  description: 'Priced from the rates by an approved report or a late cancellation, entered by hand, or a reversal.',
});
const LineActionEnum = builder.enumType('ExpenseLineAction', {
  values: ['created', 'edited', 'submitted', 'approved', 'paid', 'category_overridden', 'reversed'] as const,
});

builder.objectType(PeriodClosedError, {
  name: 'PeriodClosedError',
  description: 'The line is in a closed period: reverse it in an open one, or ask an admin to reopen the period.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fiscalYear: t.exposeInt('fiscalYear'),
    month: t.exposeInt('month', { nullable: true, description: 'Null when the whole fiscal year is closed.' }),
  }),
});

export const categoryName = (category: string, context: Context) =>
  grantTaxCategoryNames[category as GrantTaxCategory]?.[context.viewer.locale] ?? category;

builder.drizzleObject('expenseLineEvents', {
  name: 'ExpenseLineEvent',
  description: 'Who changed a line, when, and how.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    action: t.expose('action', { type: LineActionEnum }),
    detail: t.exposeString('detail', { nullable: true }),
    actor: t.relation('actor', { nullable: true, description: 'Null for the workflow, or an account deleted since.' }),
  }),
});

export const ExpenseLine = builder.drizzleNode('expenseLines', {
  name: 'ExpenseLine',
  description: 'One amount of one dispatch, against a grant-tax category and the local government that bears it.',
  id: { column: (line) => line.id },
  select: { columns: { associationId: true } },
  authScopes: (line) => ({ coordinatorOf: line.associationId }),
  fields: (t) => ({
    assignmentId: t.exposeString('assignmentId', { description: 'The assignment (dispatch), as stored.' }),
    kind: t.expose('kind', { type: ExpenseKindEnum }),
    amountYen: t.exposeInt('amountYen', { description: 'Whole yen; negative on a reversing line.' }),
    payer: t.expose('payer', { type: PayerEnum }),
    bearingGovernment: t.relation('bearingGovernment'),
    bearingKind: t.expose('bearingKind', { type: BearingBodyKindEnum }),
    activityDate: t.expose('activityDate', { type: 'Date', description: 'In Japan; the fiscal year follows from it.' }),
    fiscalYear: t.exposeInt('fiscalYear'),
    grantTaxCategory: t.exposeString('grantTaxCategory', { description: '1–7, G or N.' }),
    grantTaxCategoryName: t.string({
      select: { columns: { grantTaxCategory: true } },
      resolve: (line, _args, context) => categoryName(line.grantTaxCategory, context),
    }),
    measure: t.expose('measure', { type: MeasureEnum, nullable: true }),
    eligibility: t.expose('eligibility', { type: EligibilityEnum }),
    categoryOverrideReason: t.exposeString('categoryOverrideReason', { nullable: true }),
    status: t.expose('status', { type: ExpenseStatusEnum }),
    language: t.relation('language'),
    activityMinutes: t.exposeInt('activityMinutes'),
    source: t.expose('source', { type: ExpenseSourceEnum }),
    reverses: t.relation('reverses', { nullable: true, description: 'The line this one reverses.' }),
    note: t.string({
      nullable: true,
      description: "Why, as written; else how the rates reached the amount, in the viewer's language.",
      select: { columns: { note: true, basis: true } },
      resolve: (line, _args, context) => line.note ?? line.basis?.[context.viewer.locale] ?? null,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    history: t.relation('events', { query: { orderBy: { id: 'asc' } } }),
  }),
});

/* Rate schedules: the rules as typed objects, one flat object per part (fields that a kind does not use are null). */

const HonorariumKindEnum = builder.enumType('HonorariumKind', { values: honorariumKinds });
const RoundingEnum = builder.enumType('RoundingMode', { values: roundingModes });
const TransportKindEnum = builder.enumType('TransportRuleKind', { values: ['none', 'actual_fare'] as const });
const PaidByEnum = builder.enumType('PaidBy', { values: ['requester', 'association'] as const });

type Honorarium = RateRules['honorarium'];
const field = <Key extends string>(rule: object, key: Key): number | null =>
  key in rule ? ((rule as Record<Key, number>)[key] ?? null) : null;

const HonorariumRule = builder.objectRef<Honorarium>('HonorariumRule').implement({
  description:
    'unpaid; flat_per_activity (amountYen); per_job (amountYen per started block of limitMinutes); first_block_then_hourly.',
  fields: (t) => ({
    kind: t.expose('kind', { type: HonorariumKindEnum }),
    amountYen: t.int({ nullable: true, resolve: (rule) => field(rule, 'amountYen') }),
    limitMinutes: t.int({ nullable: true, resolve: (rule) => field(rule, 'limitMinutes') }),
    firstBlockMinutes: t.int({ nullable: true, resolve: (rule) => field(rule, 'firstBlockMinutes') }),
    firstBlockYen: t.int({ nullable: true, resolve: (rule) => field(rule, 'firstBlockYen') }),
    perHourYen: t.int({ nullable: true, resolve: (rule) => field(rule, 'perHourYen') }),
    roundingUnitMinutes: t.int({ nullable: true, resolve: (rule) => field(rule, 'roundingUnitMinutes') }),
    rounding: t.field({
      type: RoundingEnum,
      nullable: true,
      resolve: (rule) => (rule.kind === 'first_block_then_hourly' ? rule.rounding : null),
    }),
  }),
});

const TranslationRates = builder.objectRef<NonNullable<RateRules['translation']>>('TranslationRates').implement({
  fields: (t) => ({
    perPageYen: t.exposeInt('perPageYen', { nullable: true, description: 'Per page (A4), for volumes in pages.' }),
    perManuscriptPageYen: t.exposeInt('perManuscriptPageYen', {
      nullable: true,
      description: 'Per manuscript page, for volumes in characters.',
    }),
    manuscriptPageCharacters: t.exposeInt('manuscriptPageCharacters'),
    minimumYen: t.exposeInt('minimumYen'),
  }),
});

const TransportRule = builder.objectRef<RateRules['transport']>('TransportRule').implement({
  fields: (t) => ({
    kind: t.expose('kind', { type: TransportKindEnum }),
    receiptRequired: t.boolean({
      nullable: true,
      resolve: (rule) => (rule.kind === 'actual_fare' ? rule.receipt === 'required' : null),
    }),
    capYen: t.int({ nullable: true, resolve: (rule) => (rule.kind === 'actual_fare' ? rule.capYen : null) }),
  }),
});

const CancellationTier = builder.objectRef<RateRules['cancellation'][number]>('CancellationTier').implement({
  description: 'With less notice than noticeHoursUnder, a share of the fee or a fixed amount is owed.',
  fields: (t) => ({
    noticeHoursUnder: t.exposeInt('noticeHoursUnder'),
    percentOfFee: t.exposeInt('percentOfFee', { nullable: true }),
    fixedYen: t.exposeInt('fixedYen', { nullable: true }),
  }),
});

const PayerRule = builder.objectRef<RateRules['payers']['honorarium']>('PayerRule').implement({
  description: 'The person served pays their share (capped); the requester or the association pays the rest.',
  fields: (t) => ({
    paidBy: t.expose('paidBy', { type: PaidByEnum }),
    personServedSharePercent: t.exposeInt('personServedSharePercent'),
    personServedCapYen: t.exposeInt('personServedCapYen', { nullable: true }),
  }),
});

const PayerRules = builder.objectRef<RateRules['payers']>('PayerRules').implement({
  fields: (t) => ({
    honorarium: t.expose('honorarium', { type: PayerRule }),
    translation: t.expose('translation', { type: PayerRule }),
    remote: t.expose('remote', { type: PayerRule }),
    transport: t.expose('transport', { type: PayerRule }),
    cancellation: t.expose('cancellation', { type: PayerRule }),
  }),
});

const RateRulesRef = builder.objectRef<RateRules>('RateRules').implement({
  fields: (t) => ({
    honorarium: t.expose('honorarium', { type: HonorariumRule }),
    translation: t.expose('translation', { type: TranslationRates, nullable: true }),
    remoteSessionYen: t.exposeInt('remoteSessionYen', { nullable: true }),
    transport: t.expose('transport', { type: TransportRule }),
    cancellation: t.expose('cancellation', { type: [CancellationTier] }),
    payers: t.expose('payers', { type: PayerRules }),
  }),
});

export const RateSchedule = builder.drizzleNode('rateSchedules', {
  name: 'RateSchedule',
  description: 'An association’s rates from a date on, until a later schedule takes over.',
  id: { column: (schedule) => schedule.id },
  select: { columns: { associationId: true } },
  authScopes: (schedule) => ({ coordinatorOf: schedule.associationId }),
  fields: (t) => ({
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date' }),
    illustrative: t.exposeBoolean('illustrative', {
      description: 'Made-up rates (the demo’s): show them as an illustration, never as real.',
    }),
    note: t.exposeString('note', { nullable: true }),
    rules: t.field({
      type: RateRulesRef,
      select: { columns: { rules: true } },
      resolve: (schedule) => readRateRules(schedule.rules),
    }),
    association: t.relation('association'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const HonorariumRuleInput = builder.inputType('HonorariumRuleInput', {
  description: 'The fields the kind uses; the others are left out.',
  fields: (t) => ({
    kind: t.field({ type: HonorariumKindEnum, required: true }),
    amountYen: t.int({ required: false }),
    limitMinutes: t.int({ required: false }),
    firstBlockMinutes: t.int({ required: false }),
    firstBlockYen: t.int({ required: false }),
    perHourYen: t.int({ required: false }),
    roundingUnitMinutes: t.int({ required: false }),
    rounding: t.field({ type: RoundingEnum, required: false }),
  }),
});

const TranslationRatesInput = builder.inputType('TranslationRatesInput', {
  fields: (t) => ({
    perPageYen: t.int({ required: false }),
    perManuscriptPageYen: t.int({ required: false }),
    manuscriptPageCharacters: t.int({ required: false, description: '400 unless told.' }),
    minimumYen: t.int({ required: false }),
  }),
});

const TransportRuleInput = builder.inputType('TransportRuleInput', {
  fields: (t) => ({
    kind: t.field({ type: TransportKindEnum, required: true }),
    receiptRequired: t.boolean({ required: false }),
    capYen: t.int({ required: false }),
  }),
});

const CancellationTierInput = builder.inputType('CancellationTierInput', {
  fields: (t) => ({
    noticeHoursUnder: t.int({ required: true }),
    percentOfFee: t.int({ required: false }),
    fixedYen: t.int({ required: false }),
  }),
});

const PayerRuleInput = builder.inputType('PayerRuleInput', {
  fields: (t) => ({
    paidBy: t.field({ type: PaidByEnum, required: true }),
    personServedSharePercent: t.int({ required: false }),
    personServedCapYen: t.int({ required: false }),
  }),
});

const PayerRulesInput = builder.inputType('PayerRulesInput', {
  fields: (t) => ({
    honorarium: t.field({ type: PayerRuleInput, required: true }),
    translation: t.field({ type: PayerRuleInput, required: true }),
    remote: t.field({ type: PayerRuleInput, required: true }),
    transport: t.field({ type: PayerRuleInput, required: true }),
    cancellation: t.field({ type: PayerRuleInput, required: true }),
  }),
});

const RateScheduleInput = builder.inputType('RateScheduleInput', {
  fields: (t) => ({
    effectiveFrom: t.field({ type: 'Date', required: true }),
    illustrative: t.boolean({ required: false }),
    note: t.string({ required: false }),
    honorarium: t.field({ type: HonorariumRuleInput, required: true }),
    translation: t.field({ type: TranslationRatesInput, required: false }),
    remoteSessionYen: t.int({ required: false }),
    transport: t.field({ type: TransportRuleInput, required: true }),
    cancellation: t.field({ type: [CancellationTierInput], required: false }),
    payers: t.field({ type: PayerRulesInput, required: true }),
  }),
});

type ScheduleInput = typeof RateScheduleInput.$inferInput;
const orUndefined = <T>(value: T | null | undefined) => (value === null ? undefined : value);

/** The input as the domain's rules; the domain validates it and names each problem's field. */
function rulesOf(input: ScheduleInput): RateRulesInput {
  const payer = (rule: ScheduleInput['payers']['honorarium']) => ({
    paidBy: rule.paidBy,
    personServedSharePercent: orUndefined(rule.personServedSharePercent),
    personServedCapYen: orUndefined(rule.personServedCapYen),
  });
  const { transport } = input;
  return {
    honorarium: Object.fromEntries(
      Object.entries(input.honorarium).filter(([, value]) => value !== null),
    ) as RateRulesInput['honorarium'],
    translation: input.translation
      ? {
          perPageYen: input.translation.perPageYen ?? null,
          perManuscriptPageYen: input.translation.perManuscriptPageYen ?? null,
          manuscriptPageCharacters: orUndefined(input.translation.manuscriptPageCharacters),
          minimumYen: orUndefined(input.translation.minimumYen),
        }
      : null,
    remoteSessionYen: input.remoteSessionYen ?? null,
    transport:
      transport.kind === 'none'
        ? { kind: 'none' }
        : {
            kind: 'actual_fare',
            receipt: transport.receiptRequired ? 'required' : 'not_required',
            capYen: transport.capYen ?? null,
          },
    cancellation: (input.cancellation ?? []).map((tier) => ({
      noticeHoursUnder: tier.noticeHoursUnder,
      percentOfFee: tier.percentOfFee ?? null,
      fixedYen: tier.fixedYen ?? null,
    })),
    payers: {
      honorarium: payer(input.payers.honorarium),
      translation: payer(input.payers.translation),
      remote: payer(input.payers.remote),
      transport: payer(input.payers.transport),
      cancellation: payer(input.payers.cancellation),
    },
  };
}

const scheduleOf = (input: ScheduleInput) => ({
  effectiveFrom: input.effectiveFrom,
  illustrative: input.illustrative ?? false,
  note: input.note ?? null,
  rules: rulesOf(input),
});

/** Lists show an association's rows to its coordinators only: to anyone else, the association has none. */
export const visibleAssociation = (context: Context, associationId: string) => ({
  AND: [{ associationId }, { associationId: associationsOf(context.viewer, 'coordinator') }],
});

builder.queryField('rateSchedules', (t) =>
  t.drizzleField({
    type: ['rateSchedules'],
    description: 'Coordinators and admins: the association’s rate schedules, latest first.',
    authScopes: { coordinator: true },
    args: { associationId: t.arg.globalID({ required: true, for: Association }) },
    resolve: (query, _root, { associationId }, context) =>
      context.db.query.rateSchedules.findMany(
        query({ where: visibleAssociation(context, associationId.id), orderBy: { effectiveFrom: 'desc' } }),
      ),
  }),
);

builder.mutationField('createRateSchedule', (t) =>
  t.drizzleField({
    type: 'rateSchedules',
    description: 'An admin adds rates taking effect on a date. Assignments confirmed before keep their copies.',
    authScopes: { admin: true },
    args: {
      associationId: t.arg.globalID({ required: true, for: Association }),
      input: t.arg({ type: RateScheduleInput, required: true }),
    },
    errors: {},
    resolve: async (query, _root, { associationId, input }, { db, services, viewer }) => {
      const row = await services.rateSchedules.create(viewer, associationId.id, scheduleOf(input));
      return selected(db.query.rateSchedules.findFirst(query({ where: { id: row.id } })), 'RateSchedule', row.id);
    },
  }),
);

builder.mutationField('updateRateSchedule', (t) =>
  t.drizzleField({
    type: 'rateSchedules',
    description: 'An admin replaces a schedule. Assignments keep the copies they were confirmed with.',
    authScopes: { admin: true },
    args: {
      rateScheduleId: t.arg.globalID({ required: true, for: RateSchedule }),
      input: t.arg({ type: RateScheduleInput, required: true }),
    },
    errors: {},
    resolve: async (query, _root, { rateScheduleId, input }, { db, services, viewer }) => {
      const row = await services.rateSchedules.update(viewer, rateScheduleId.id, scheduleOf(input));
      return selected(db.query.rateSchedules.findFirst(query({ where: { id: row.id } })), 'RateSchedule', row.id);
    },
  }),
);

builder.mutationField('deleteRateSchedule', (t) =>
  t.field({
    type: 'Boolean',
    authScopes: { admin: true },
    args: { rateScheduleId: t.arg.globalID({ required: true, for: RateSchedule }) },
    errors: {},
    resolve: async (_root, { rateScheduleId }, { services, viewer }) => {
      await services.rateSchedules.remove(viewer, rateScheduleId.id);
      return true;
    },
  }),
);

/* Expense lines. */

const ExpenseLineInput = builder.inputType('ExpenseLineInput', {
  fields: (t) => ({
    assignmentId: t.string({ required: true, description: 'The assignment (dispatch), as stored.' }),
    kind: t.field({ type: ExpenseKindEnum, required: true }),
    amountYen: t.int({ required: true }),
    payer: t.field({ type: PayerEnum, required: true }),
    note: t.string({ required: false }),
  }),
});

const ExpenseLineChangesInput = builder.inputType('ExpenseLineChangesInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    amountYen: t.int({ required: false }),
    payer: t.field({ type: PayerEnum, required: false }),
    note: t.string({ required: false }),
  }),
});

const closedErrors = { types: [PeriodClosedError] };

builder.queryField('expenseLines', (t) =>
  t.drizzleConnection({
    type: 'expenseLines',
    description:
      'Coordinators: the lines behind any total of the reconciliation — by bearing body, category, kind and status — by date.',
    authScopes: { coordinator: true },
    args: {
      associationId: t.arg.globalID({ required: true, for: Association }),
      fiscalYear: t.arg.int({ required: true }),
      bearingGovernmentCode: t.arg.string({ required: false }),
      grantTaxCategory: t.arg.string({ required: false }),
      kind: t.arg({ type: ExpenseKindEnum, required: false }),
      status: t.arg({ type: ExpenseStatusEnum, required: false }),
      assignmentId: t.arg.string({ required: false }),
    },
    resolve: (query, _root, args, context) =>
      context.db.query.expenseLines.findMany(
        query({
          where: {
            ...visibleAssociation(context, args.associationId.id),
            fiscalYear: args.fiscalYear,
            ...(args.bearingGovernmentCode ? { bearingGovernmentCode: args.bearingGovernmentCode } : {}),
            ...(args.grantTaxCategory ? { grantTaxCategory: args.grantTaxCategory } : {}),
            ...(args.kind ? { kind: args.kind } : {}),
            ...(args.status ? { status: args.status } : {}),
            ...(args.assignmentId ? { assignmentId: args.assignmentId } : {}),
          },
          orderBy: { activityDate: 'asc', id: 'asc' },
        }),
      ),
  }),
);

builder.mutationField('createExpenseLine', (t) =>
  t.drizzleField({
    type: 'expenseLines',
    description:
      'A coordinator enters a line by hand (equipment, other costs, a corrected amount). It starts as a draft.',
    authScopes: { coordinator: true },
    args: { input: t.arg({ type: ExpenseLineInput, required: true }) },
    errors: closedErrors,
    resolve: async (query, _root, { input }, context) => {
      const line = await context.services.expenses.createLine(context.viewer, { ...input, note: input.note ?? null });
      return selected(
        context.db.query.expenseLines.findFirst(query({ where: { id: line.id } })),
        'ExpenseLine',
        line.id,
      );
    },
  }),
);

builder.mutationField('editExpenseLine', (t) =>
  t.drizzleField({
    type: 'expenseLines',
    description: 'Changes a draft or submitted line of an open period.',
    authScopes: { coordinator: true },
    args: {
      lineId: t.arg.globalID({ required: true, for: ExpenseLine }),
      changes: t.arg({ type: ExpenseLineChangesInput, required: true }),
    },
    errors: closedErrors,
    resolve: async (query, _root, { lineId, changes }, context) => {
      await context.services.expenses.editLine(context.viewer, lineId.id, {
        amountYen: orUndefined(changes.amountYen),
        payer: orUndefined(changes.payer),
        ...(changes.note !== undefined ? { note: changes.note } : {}),
      });
      return selected(
        context.db.query.expenseLines.findFirst(query({ where: { id: lineId.id } })),
        'ExpenseLine',
        lineId.id,
      );
    },
  }),
);

builder.mutationField('advanceExpenseLines', (t) =>
  t.drizzleField({
    type: ['expenseLines'],
    description: 'Submits, approves or marks paid some lines, one step each, all or none.',
    authScopes: { coordinator: true },
    args: {
      lineIds: t.arg.globalIDList({ required: true, for: ExpenseLine }),
      to: t.arg({ type: ExpenseStatusEnum, required: true }),
    },
    errors: closedErrors,
    resolve: async (query, _root, { lineIds, to }, context) => {
      const ids = lineIds.map((id) => id.id);
      await context.services.expenses.advanceLines(context.viewer, ids, to);
      return context.db.query.expenseLines.findMany(query({ where: { id: { in: ids } }, orderBy: { id: 'asc' } }));
    },
  }),
);

builder.mutationField('overrideExpenseLineCategory', (t) =>
  t.drizzleField({
    type: 'expenseLines',
    description:
      'A coordinator books a line under another category, saying why (audited). A combination the table does not allow is flagged.',
    authScopes: { coordinator: true },
    args: {
      lineId: t.arg.globalID({ required: true, for: ExpenseLine }),
      category: t.arg.string({ required: true, description: '1–7, G or N.' }),
      reason: t.arg.string({ required: true }),
    },
    errors: closedErrors,
    resolve: async (query, _root, { lineId, category, reason }, context) => {
      await context.services.expenses.overrideLineCategory(context.viewer, lineId.id, category, reason);
      return selected(
        context.db.query.expenseLines.findFirst(query({ where: { id: lineId.id } })),
        'ExpenseLine',
        lineId.id,
      );
    },
  }),
);

const CategoryOverride = builder
  .objectRef<{ changedLines: number; keptClosedLines: number }>('RequestCategoryOverride')
  .implement({
    fields: (t) => ({
      changedLines: t.exposeInt('changedLines'),
      keptClosedLines: t.exposeInt('keptClosedLines', {
        description: 'Lines of closed periods, which keep their category: reverse them to correct.',
      }),
    }),
  });

builder.mutationField('overrideRequestCategory', (t) =>
  t.field({
    type: CategoryOverride,
    description:
      'A coordinator overrides the category a request’s purpose suggested, saying why (audited); its lines of open periods follow.',
    authScopes: { coordinator: true },
    args: {
      requestId: t.arg.globalID({ required: true, for: Request }),
      category: t.arg.string({ required: true }),
      reason: t.arg.string({ required: true }),
    },
    errors: {},
    resolve: (_root, { requestId, category, reason }, { services, viewer }) =>
      services.expenses.overrideRequestCategory(viewer, requestId.id, category, reason),
  }),
);

builder.mutationField('reverseExpenseLine', (t) =>
  t.drizzleField({
    type: 'expenseLines',
    description:
      'Corrects an approved or paid line with a reversing line of the opposite amount, in an open period. Returns the reversal.',
    authScopes: { coordinator: true },
    args: {
      lineId: t.arg.globalID({ required: true, for: ExpenseLine }),
      reason: t.arg.string({ required: true }),
    },
    errors: closedErrors,
    resolve: async (query, _root, { lineId, reason }, context) => {
      const reversal = await context.services.expenses.reverseLine(context.viewer, lineId.id, reason);
      return selected(
        context.db.query.expenseLines.findFirst(query({ where: { id: reversal.id } })),
        'ExpenseLine',
        reversal.id,
      );
    },
  }),
);

builder.mutationField('deleteExpenseLine', (t) =>
  t.field({
    type: 'Boolean',
    description: 'Deletes a draft of an open period.',
    authScopes: { coordinator: true },
    args: { lineId: t.arg.globalID({ required: true, for: ExpenseLine }) },
    errors: closedErrors,
    resolve: async (_root, { lineId }, { services, viewer }) => {
      await services.expenses.deleteLine(viewer, lineId.id);
      return true;
    },
  }),
);

/* Fiscal periods. */

export const FiscalPeriodClosure = builder.drizzleObject('fiscalPeriodClosures', {
  name: 'FiscalPeriodClosure',
  description: 'A fiscal year, or a month of it, that a coordinator closed; reopened by an admin, with a reason.',
  fields: (t) => ({
    fiscalYear: t.exposeInt('fiscalYear'),
    month: t.int({
      nullable: true,
      description: '1–12; null for the whole fiscal year.',
      select: { columns: { month: true } },
      resolve: (closure) => (closure.month === 0 ? null : closure.month),
    }),
    closedAt: t.expose('closedAt', { type: 'DateTime' }),
    closedBy: t.relation('closer', { nullable: true }),
    reopenedAt: t.expose('reopenedAt', { type: 'DateTime', nullable: true }),
    reopenedBy: t.relation('reopener', { nullable: true }),
    reopenReason: t.exposeString('reopenReason', { nullable: true }),
  }),
});

builder.queryField('fiscalPeriodClosures', (t) =>
  t.drizzleField({
    type: ['fiscalPeriodClosures'],
    description: 'Coordinators: the closings of the association’s periods (and reopenings), latest first.',
    authScopes: { coordinator: true },
    args: {
      associationId: t.arg.globalID({ required: true, for: Association }),
      fiscalYear: t.arg.int({ required: false }),
    },
    resolve: (query, _root, { associationId, fiscalYear }, context) =>
      context.db.query.fiscalPeriodClosures.findMany(
        query({
          where: { ...visibleAssociation(context, associationId.id), ...(fiscalYear ? { fiscalYear } : {}) },
          orderBy: { closedAt: 'desc' },
        }),
      ),
  }),
);

builder.mutationField('closeFiscalPeriod', (t) =>
  t.drizzleField({
    type: 'fiscalPeriodClosures',
    description:
      'A coordinator closes a fiscal year (no month) or a month of it: its lines never change after. Lines still draft or submitted are reported as anomalies.',
    authScopes: { coordinator: true },
    args: {
      associationId: t.arg.globalID({ required: true, for: Association }),
      fiscalYear: t.arg.int({ required: true }),
      month: t.arg.int({ required: false, description: '1–12; leave out to close the whole fiscal year.' }),
    },
    errors: {},
    resolve: async (query, _root, { associationId, fiscalYear, month }, context) => {
      const closure = await context.services.fiscalPeriods.close(context.viewer, associationId.id, {
        fiscalYear,
        month: month ?? null,
      });
      return selected(
        context.db.query.fiscalPeriodClosures.findFirst(query({ where: { id: closure.id } })),
        'FiscalPeriodClosure',
        closure.id,
      );
    },
  }),
);

builder.mutationField('reopenFiscalPeriod', (t) =>
  t.field({
    type: 'Boolean',
    description: 'An admin reopens a closed period, saying why (audited).',
    authScopes: { admin: true },
    args: {
      associationId: t.arg.globalID({ required: true, for: Association }),
      fiscalYear: t.arg.int({ required: true }),
      month: t.arg.int({ required: false }),
      reason: t.arg.string({ required: true }),
    },
    errors: {},
    resolve: async (_root, { associationId, fiscalYear, month, reason }, { services, viewer }) => {
      await services.fiscalPeriods.reopen(viewer, associationId.id, { fiscalYear, month: month ?? null }, reason);
      return true;
    },
  }),
);
