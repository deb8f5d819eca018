import { PeriodClosedError } from '@tsunagu/domain';
import { builder } from '../builder';
import { Association } from './association';
import { ErrorInterface } from './errors';
import { visibleAssociation } from './expense-line';
import { selected } from './selection';

builder.objectType(PeriodClosedError, {
  name: 'PeriodClosedError',
  description: 'The line is in a closed period: reverse it in an open one, or ask an admin to reopen the period.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fiscalYear: t.exposeInt('fiscalYear'),
    month: t.exposeInt('month', { nullable: true, description: 'Null when the whole fiscal year is closed.' }),
  }),
});

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
