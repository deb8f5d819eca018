import { cancellationParties, cancellationReasons, mayActOn, withdrawalReasons } from '@tsunagu/domain';
import { type CancellationCount, cancellationKinds } from '@tsunagu/services';
import { builder } from '../builder';
import { Association } from './association';

export const CancellationReasonEnum = builder.enumType('CancellationReason', {
  values: cancellationReasons,
  description: 'Why a requester or a coordinator cancelled a request, or a coordinator released a booking.',
});
export const WithdrawalReasonEnum = builder.enumType('WithdrawalReason', {
  values: withdrawalReasons,
  description: 'Why a booked volunteer withdrew.',
});
export const CancellationPartyEnum = builder.enumType('CancellationParty', { values: cancellationParties });
const CancellationKindEnum = builder.enumType('CancellationKind', {
  values: cancellationKinds,
  description: 'A request cancelled by its requester or a coordinator, a booking released, or a volunteer withdrawing.',
});

/** A string, not an enum, so that a reason off the list gets a typed error in the reader's words. */
export const CancellationInput = builder.inputType('CancellationInput', {
  fields: (t) => ({
    reason: t.string({
      required: true,
      description:
        'A value of CancellationReason; a volunteer withdrawing gives one of WithdrawalReason. "other" needs a note.',
    }),
    note: t.string({ required: false, description: 'In the person’s own words; at most 500 characters.' }),
  }),
});

const CancellationCountRef = builder.objectRef<CancellationCount>('CancellationCount').implement({
  description: 'How often one organization’s requests met one reason of one kind in the period.',
  fields: (t) => ({
    organization: t.globalID({ resolve: (row) => ({ type: 'Organization', id: row.organizationId }) }),
    organizationName: t.exposeString('organizationName'),
    kind: t.expose('kind', { type: CancellationKindEnum }),
    reason: t.exposeString('reason', {
      description: 'A value of CancellationReason, or of WithdrawalReason for volunteer_withdrew.',
    }),
    count: t.exposeInt('count'),
  }),
});

builder.queryField('cancellationReport', (t) =>
  t.field({
    type: [CancellationCountRef],
    description:
      'Coordinators: cancellations per reason and per organization over a fiscal year (April to March), by when they happened.',
    authScopes: { coordinator: true },
    args: {
      associationId: t.arg.globalID({ required: true, for: Association }),
      fiscalYear: t.arg.int({ required: true }),
    },
    resolve: async (_root, { associationId, fiscalYear }, context) => {
      // An association the viewer does not coordinate has nothing to show them.
      if (!mayActOn(context.viewer, { associationId: associationId.id }, 'coordinator')) return [];
      return context.services.reconciliation.cancellationReport(context.viewer, {
        associationId: associationId.id,
        fiscalYear,
      });
    },
  }),
);
