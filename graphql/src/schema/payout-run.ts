import { schema } from '@tsunagu/db';
import { payoutRunStatuses } from '@tsunagu/domain';
import { sql } from 'drizzle-orm';
import { builder } from '../builder';
import { Association } from './association';
import { auditRead } from './audit';
import { ExpenseLine } from './expense-line';
import { selected } from './selection';
import { Volunteer } from './volunteer';

/*
 * Payout runs (issue 16): a month's payments that payout staff build, approve, confirm and correct
 * (a volunteer reads their own transfers through myPaymentYear). The entry points ask the service
 * whether the viewer is payout staff; what the client selects below them is read through the Drizzle
 * plugin in the same statement.
 */

const PayoutRunStatusEnum = builder.enumType('PayoutRunStatus', {
  values: payoutRunStatuses,
  description:
    'built (may be discarded) → approved (its transfer file fixed) → confirmed (the bank paid; its lines are paid).',
});

/**
 * The lines of the payment's run that are its volunteer's (for a correction, those it reverses):
 * counted in the statement that reads the payment.
 */
const linesPaid = (payment: typeof schema.payoutPayments) =>
  sql<number>`(select count(*)::int from ${schema.payoutRunLines} where (${schema.payoutRunLines.runId} = ${payment.runId} or ${schema.payoutRunLines.reversedByRunId} = ${payment.runId}) and ${schema.payoutRunLines.volunteerId} = ${payment.volunteerId})`;

/** A confirmed run, not itself a correction, with lines no correction has taken yet. */
const correctable = (run: typeof schema.payoutRuns) =>
  sql<boolean>`(${run.status} = 'confirmed' and ${run.reversesRunId} is null and exists (select 1 from ${schema.payoutRunLines} where ${schema.payoutRunLines.runId} = ${run.id} and ${schema.payoutRunLines.reversedByRunId} is null))`;

const PayoutPayment = builder.drizzleObject('payoutPayments', {
  name: 'PayoutPayment',
  description: 'One volunteer’s payment in a run: withheld on once.',
  fields: (t) => ({
    volunteer: t.globalID({ resolve: (payment) => ({ type: 'Volunteer', id: payment.volunteerId }) }),
    volunteerName: t.string({
      description: 'Reading it is audited.',
      select: {
        columns: { volunteerId: true },
        with: { volunteer: { columns: { fullName: true } }, run: { columns: { associationId: true } } },
      },
      resolve: async (payment, _args, context) => {
        await auditRead(
          context,
          { type: 'volunteer', id: payment.volunteerId, associationIds: [payment.run.associationId] },
          'fullName',
        );
        return payment.volunteer.fullName;
      },
    }),
    lines: t.int({
      description: 'How many lines it pays.',
      select: { extras: { linesPaid } },
      resolve: (payment) => payment.linesPaid,
    }),
    grossYen: t.exposeInt('grossYen'),
    withheldYen: t.exposeInt('withheldYen', { description: 'Income tax withheld: 10.21 %, 20.42 % above ¥1,000,000.' }),
    netYen: t.exposeInt('netYen', { description: 'What is transferred.' }),
  }),
});

builder.drizzleObject('payoutRuns', {
  name: 'PayoutRun',
  description: 'A month’s payments to volunteers. Payout staff only.',
  fields: (t) => ({
    id: t.exposeID('id'),
    year: t.exposeInt('year'),
    month: t.exposeInt('month'),
    status: t.expose('status', { type: PayoutRunStatusEnum }),
    transferDate: t.exposeString('transferDate'),
    linesCount: t.exposeInt('linesCount'),
    grossYen: t.exposeInt('grossYen'),
    withheldYen: t.exposeInt('withheldYen'),
    netYen: t.exposeInt('netYen'),
    reverses: t.relation('reverses', {
      nullable: true,
      description:
        'For a correction: the confirmed run it corrects. Its entries are negative, and it has no transfer file (money paid back is not a transfer).',
    }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why a correction was made.' }),
    correctable: t.boolean({
      description: 'A confirmed run with lines that no correction has taken yet.',
      select: { extras: { correctable } },
      resolve: (run) => run.correctable,
    }),
    payments: t.relation('payments', {
      type: PayoutPayment,
      description: 'Per volunteer.',
      query: { orderBy: { volunteerId: 'asc' } },
    }),
    transferFileUrl: t.string({
      description:
        'Where the Zengin file of an approved or confirmed run downloads (null while built, and for a correction).',
      nullable: true,
      select: { columns: { id: true, status: true, reversesRunId: true } },
      resolve: (run) => (run.status === 'built' || run.reversesRunId ? null : `/payout-runs/${run.id}/zengin.txt`),
    }),
  }),
});

builder.queryField('payoutRuns', (t) =>
  t.drizzleField({
    type: ['payoutRuns'],
    description: 'Payout staff: the association’s runs, latest month first.',
    authScopes: { coordinator: true },
    errors: {},
    args: { associationId: t.arg.globalID({ required: true, for: Association }) },
    resolve: async (query, _root, { associationId }, { db, services, viewer }) => {
      await services.payoutRuns.mayList(viewer, associationId.id);
      return db.query.payoutRuns.findMany(
        query({
          where: { associationId: associationId.id },
          orderBy: { year: 'desc', month: 'desc', createdAt: 'desc' },
        }),
      );
    },
  }),
);

builder.queryField('payoutRun', (t) =>
  t.drizzleField({
    type: 'payoutRuns',
    description: 'Payout staff: one run with its payments.',
    authScopes: { coordinator: true },
    errors: {},
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, { db, services, viewer }) => {
      const run = await services.payoutRuns.mayRead(viewer, String(id));
      return selected(db.query.payoutRuns.findFirst(query({ where: { id: run.id } })), 'PayoutRun', run.id);
    },
  }),
);

builder.mutationField('buildPayoutRun', (t) =>
  t.drizzleField({
    type: 'payoutRuns',
    description: 'Payout staff build a month’s run from the approved fees and fares no run has taken.',
    authScopes: { coordinator: true },
    errors: {},
    args: {
      associationId: t.arg.globalID({ required: true, for: Association }),
      year: t.arg.int({ required: true }),
      month: t.arg.int({ required: true }),
      transferDate: t.arg.string({ required: true, description: 'YYYY-MM-DD, a banking day.' }),
    },
    resolve: async (query, _root, { associationId, ...month }, { db, services, viewer }) => {
      const id = await services.payoutRuns.build(viewer, { associationId: associationId.id, ...month });
      return selected(db.query.payoutRuns.findFirst(query({ where: { id } })), 'PayoutRun', id);
    },
  }),
);

for (const [name, description, act] of [
  ['approvePayoutRun', 'Payout staff approve a built run: its transfer file is fixed.', 'approve'],
  [
    'confirmPayoutRun',
    'Payout staff confirm the bank paid an approved run: its lines become paid, and it never changes again.',
    'confirm',
  ],
] as const) {
  builder.mutationField(name, (t) =>
    t.drizzleField({
      type: 'payoutRuns',
      description,
      authScopes: { coordinator: true },
      errors: {},
      args: { id: t.arg.id({ required: true }) },
      resolve: async (query, _root, { id }, { db, services, viewer }) => {
        await services.payoutRuns[act](viewer, String(id));
        return selected(db.query.payoutRuns.findFirst(query({ where: { id: String(id) } })), 'PayoutRun', String(id));
      },
    }),
  );
}

builder.mutationField('correctPayoutRun', (t) =>
  t.drizzleField({
    type: 'payoutRuns',
    description:
      'Payout staff correct a confirmed run: a new run of negative entries reverses its lines (all, or the chosen volunteers’ or lines); confirmed, those lines may be paid again.',
    authScopes: { coordinator: true },
    errors: {},
    args: {
      id: t.arg.id({ required: true, description: 'The confirmed run.' }),
      reason: t.arg.string({ required: true }),
      volunteerIds: t.arg.globalIDList({ required: false, for: Volunteer }),
      lineIds: t.arg.globalIDList({ required: false, for: ExpenseLine, description: 'Expense lines of the run.' }),
    },
    resolve: async (query, _root, { id, reason, volunteerIds, lineIds }, { db, services, viewer }) => {
      const correctionId = await services.payoutRuns.correct(viewer, {
        runId: String(id),
        reason,
        volunteerIds: volunteerIds?.map((volunteer) => volunteer.id) ?? undefined,
        lineIds: lineIds?.map((line) => line.id) ?? undefined,
      });
      return selected(db.query.payoutRuns.findFirst(query({ where: { id: correctionId } })), 'PayoutRun', correctionId);
    },
  }),
);

builder.mutationField('discardPayoutRun', (t) =>
  t.field({
    type: 'Boolean',
    description: 'Payout staff discard a built run; its lines are free again.',
    authScopes: { coordinator: true },
    errors: {},
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) => {
      await context.services.payoutRuns.discard(context.viewer, String(id));
      return true;
    },
  }),
);
