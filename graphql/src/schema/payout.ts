import { bankAccountTypes } from '@tsunagu/domain';
import type { PayoutDetails } from '@tsunagu/services';
import { setPayoutRole } from '@tsunagu/services';
import { builder } from '../builder';
import { Association } from './association';

/*
 * Payouts (issue 16): a volunteer's payout details, the payout role and the association's payout
 * settings (the runs are in payout-run.ts). The individual number is written here and never read
 * back: no field answers it.
 */

export const BankAccountTypeEnum = builder.enumType('BankAccountType', {
  values: bankAccountTypes,
  description: 'ordinary (普通) or current (当座).',
});
const PayoutAccount = builder.objectRef<NonNullable<PayoutDetails['account']>>('PayoutAccount').implement({
  description: 'A bank account, the bank’s and branch’s kana names from the bank code data.',
  fields: (t) => ({
    bankCode: t.exposeString('bankCode'),
    bankKana: t.exposeString('bankKana'),
    branchCode: t.exposeString('branchCode'),
    branchKana: t.exposeString('branchKana'),
    accountType: t.expose('accountType', { type: BankAccountTypeEnum }),
    accountNumber: t.exposeString('accountNumber'),
    holderKana: t.exposeString('holderKana'),
  }),
});

const PayoutDetailsRef = builder.objectRef<PayoutDetails>('PayoutDetails').implement({
  description:
    'Where a volunteer is paid, or that they decline payment; whether an individual number is on file (never the number).',
  fields: (t) => ({
    declinesPayment: t.exposeBoolean('declinesPayment'),
    account: t.field({ type: PayoutAccount, nullable: true, resolve: (details) => details.account }),
    hasIndividualNumber: t.exposeBoolean('hasIndividualNumber'),
    calendarYearYen: t.exposeInt('calendarYearYen', {
      description: 'Approved and paid fees and fares of this calendar year (January–December).',
    }),
    needsIndividualNumber: t.exposeBoolean('needsIndividualNumber', {
      description: 'More than ¥50,000 this calendar year: the payment statement needs the individual number.',
    }),
  }),
});

const PayoutAccountInput = builder.inputType('PayoutAccountInput', {
  fields: (t) => ({
    bankCode: t.string({ required: true }),
    branchCode: t.string({ required: true }),
    accountType: t.field({ type: BankAccountTypeEnum, required: true }),
    accountNumber: t.string({ required: true }),
    holderKana: t.string({ required: true, description: 'As on the bankbook, in katakana.' }),
  }),
});

builder.queryField('myPayoutDetails', (t) =>
  t.field({
    type: PayoutDetailsRef,
    description: 'The signed-in volunteer’s payout details.',
    authScopes: { volunteer: true },
    errors: {},
    resolve: (_root, _args, context) =>
      context.services.payoutDetails.payoutDetails(context.viewer, context.viewer.volunteerId ?? ''),
  }),
);

builder.mutationField('savePayoutDetails', (t) =>
  t.field({
    type: PayoutDetailsRef,
    description: 'A volunteer enters their bank account (checked against the bank code data), or declines payment.',
    authScopes: { volunteer: true },
    errors: {},
    args: {
      declinesPayment: t.arg.boolean({ required: true }),
      account: t.arg({ type: PayoutAccountInput, required: false }),
    },
    resolve: (_root, args, context) =>
      context.services.payoutDetails.savePayoutDetails(
        context.viewer,
        args.declinesPayment ? { declinesPayment: true } : { declinesPayment: false, account: args.account ?? {} },
      ),
  }),
);

builder.mutationField('saveIndividualNumber', (t) =>
  t.field({
    type: PayoutDetailsRef,
    description:
      'A volunteer gives their individual number, once this calendar year’s payments pass ¥50,000. Stored encrypted; never answered back.',
    authScopes: { volunteer: true },
    errors: {},
    args: { individualNumber: t.arg.string({ required: true }) },
    resolve: (_root, { individualNumber }, context) =>
      context.services.payoutDetails.saveIndividualNumber(context.viewer, { individualNumber }),
  }),
);

builder.mutationField('setPayoutRole', (t) =>
  t.field({
    type: 'Boolean',
    description: 'An admin makes a staff member of the association payout staff, or takes it back (audited).',
    authScopes: { admin: true },
    errors: {},
    args: {
      associationId: t.arg.globalID({ required: true, for: Association }),
      userId: t.arg.globalID({ required: true }),
      granted: t.arg.boolean({ required: true }),
    },
    resolve: async (_root, { associationId, userId, granted }, context) => {
      await setPayoutRole(context.db, context.viewer, { associationId: associationId.id, userId: userId.id, granted });
      return true;
    },
  }),
);

builder.mutationField('savePayoutSettings', (t) =>
  t.field({
    type: 'Boolean',
    description:
      'An admin enters the association’s own bank account for transfer files, and whether fares are withheld on.',
    authScopes: { admin: true },
    errors: {},
    args: {
      associationId: t.arg.globalID({ required: true, for: Association }),
      requesterCode: t.arg.string({ required: true }),
      requesterKana: t.arg.string({ required: true }),
      bankCode: t.arg.string({ required: true }),
      branchCode: t.arg.string({ required: true }),
      accountType: t.arg({ type: BankAccountTypeEnum, required: true }),
      accountNumber: t.arg.string({ required: true }),
      withholdOnTransport: t.arg.boolean({
        required: true,
        description:
          'True (the NTA’s rule, 所得税基本通達 204-2) unless the association pays carriers directly (204-4).',
      }),
    },
    resolve: async (_root, { associationId, ...settings }, context) => {
      await context.services.payoutRuns.saveSettings(context.viewer, { associationId: associationId.id, ...settings });
      return true;
    },
  }),
);
