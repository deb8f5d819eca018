import {
  bearingBodyKinds,
  expenseKinds,
  expenseStatuses,
  type GrantTaxCategory,
  grantTaxCategoryNames,
  grantTaxMeasures,
  lineEligibilities,
  PeriodClosedError,
  payers,
} from '@tsunagu/domain';
import { builder } from '../builder';
import type { Context } from '../context';
import { associationsOf } from '../tenancy';
import { Association } from './association';
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
  values: grantTaxMeasures,
});
export const BearingBodyKindEnum = builder.enumType('BearingBodyKind', {
  values: bearingBodyKinds,
});
const ExpenseSourceEnum = builder.enumType('ExpenseSource', {
  values: ['rate_schedule', 'manual', 'reversal'] as const,
  description: 'Priced from the rates by an approved report or a late cancellation, entered by hand, or a reversal.',
});
const LineActionEnum = builder.enumType('ExpenseLineAction', {
  values: ['created', 'edited', 'submitted', 'approved', 'paid', 'category_overridden', 'reversed'] as const,
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

/** An input left null is left as it is. */
export const orUndefined = <T>(value: T | null | undefined) => (value === null ? undefined : value);

/** Lists show an association's rows to its coordinators only: to anyone else, the association has none. */
export const visibleAssociation = (context: Context, associationId: string) => ({
  AND: [{ associationId }, { associationId: associationsOf(context.viewer, 'coordinator') }],
});

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
