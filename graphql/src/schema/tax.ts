import type { PaymentSlip, StatementKind, StatementProblem } from '@tsunagu/domain';
import type { OwnYear, StatementSummary, WithholdingMonth } from '@tsunagu/services';
import { builder } from '../builder';
import { Association } from './association';

/*
 * The tax side of payouts (issue 16, item 3): the withholding of each month with its payment slip,
 * the yearly payment statements (their files are downloads: /downloads/payment-statements/…), and a
 * volunteer's own year. No field answers an individual number.
 */

const PaymentSlipRef = builder.objectRef<PaymentSlip>('PaymentSlip').implement({
  description:
    'The figures of a month’s 報酬・料金等の所得税徴収高計算書 for interpretation and translation fees (所得税法 204条1項1号).',
  fields: (t) => ({
    fiscalYear: t.exposeInt('fiscalYear', {
      description: '年度: the national fiscal year (April–March) of the month.',
    }),
    paymentMonth: t.exposeString('paymentMonth', { description: 'YYYY-MM the payments were made.' }),
    persons: t.exposeInt('persons', { description: '人員: the persons withheld on.' }),
    paidYen: t.exposeInt('paidYen', { description: '支払金額.' }),
    taxYen: t.exposeInt('taxYen', { description: '税額 (本税).' }),
    dueDate: t.expose('dueDate', {
      type: 'Date',
      description: 'The 10th of the next month, or the next business day.',
    }),
    totalYen: t.exposeInt('totalYen', { description: '合計額.' }),
  }),
});

const WithholdingMonthRef = builder.objectRef<WithholdingMonth>('WithholdingMonth').implement({
  fields: (t) => ({
    month: t.exposeInt('month'),
    slip: t.field({
      type: PaymentSlipRef,
      nullable: true,
      description: 'None when nothing was withheld that month (no slip is filed).',
      resolve: (month) => month.slip,
    }),
  }),
});

const StatementProblemEnum = builder.enumType('StatementProblem', {
  values: [
    'no_individual_number',
    'no_payee_address',
    'no_payer_address',
    'no_corporate_number',
    'too_long',
  ] satisfies StatementProblem[],
  description: 'What a payment statement needs that is not on file.',
});

/** 区分 as GraphQL names it (enum values are ASCII); the record and the PDF write the Japanese. */
const statementKindCodes = {
  通訳料: 'interpretation',
  翻訳料: 'translation',
  '通訳料・翻訳料': 'interpretation_and_translation',
} as const satisfies Record<StatementKind, string>;

const StatementKindEnum = builder.enumType('StatementKind', {
  values: Object.values(statementKindCodes),
  description: '区分 of a payment statement: 通訳料, 翻訳料, or both.',
});

const StatementSummaryRef = builder.objectRef<StatementSummary>('PaymentStatementSummary').implement({
  description: 'A person paid in the calendar year, and whether their payment statement is due and ready.',
  fields: (t) => ({
    volunteerId: t.exposeID('volunteerId'),
    name: t.exposeString('name'),
    kind: t.field({
      type: StatementKindEnum,
      description: '区分: 通訳料, 翻訳料, or both.',
      resolve: (summary) => statementKindCodes[summary.kind],
    }),
    paidYen: t.exposeInt('paidYen'),
    withheldYen: t.exposeInt('withheldYen'),
    payments: t.exposeInt('payments'),
    needsStatement: t.exposeBoolean('needsStatement', { description: 'Paid more than ¥50,000 in the year.' }),
    problems: t.field({ type: [StatementProblemEnum], resolve: (summary) => summary.problems }),
  }),
});

const OwnPaymentRef = builder.objectRef<OwnYear['payments'][number]>('OwnPayment').implement({
  fields: (t) => ({
    runId: t.exposeID('runId', { description: 'The payout run that paid it.' }),
    paidOn: t.expose('paidOn', { type: 'Date' }),
    grossYen: t.exposeInt('grossYen'),
    withheldYen: t.exposeInt('withheldYen'),
    netYen: t.exposeInt('netYen'),
  }),
});

const OwnYearRef = builder.objectRef<OwnYear>('OwnPaymentYear').implement({
  description: 'What one association paid the volunteer in a calendar year, and what it withheld.',
  fields: (t) => ({
    associationNameJa: t.exposeString('associationNameJa'),
    associationNameEn: t.exposeString('associationNameEn'),
    payments: t.field({ type: [OwnPaymentRef], resolve: (own) => own.payments }),
    grossYen: t.exposeInt('grossYen'),
    withheldYen: t.exposeInt('withheldYen'),
    netYen: t.exposeInt('netYen'),
  }),
});

const StatementPayerRef = builder
  .objectRef<{ address: string | null; phone: string | null; corporateNumber: string | null }>('StatementPayer')
  .implement({
    description: 'The association as payer on its statements.',
    fields: (t) => ({
      address: t.exposeString('address', { nullable: true }),
      phone: t.exposeString('phone', { nullable: true }),
      corporateNumber: t.exposeString('corporateNumber', { nullable: true }),
    }),
  });

builder.queryField('withholding', (t) =>
  t.field({
    type: [WithholdingMonthRef],
    description: 'Payout staff: the twelve months of a calendar year, each with its payment slip’s figures.',
    authScopes: { coordinator: true },
    errors: {},
    args: { associationId: t.arg.globalID({ required: true, for: Association }), year: t.arg.int({ required: true }) },
    resolve: (_root, { associationId, year }, context) =>
      context.services.tax.withholding(context.viewer, associationId.id, year),
  }),
);

builder.queryField('paymentStatements', (t) =>
  t.field({
    type: [StatementSummaryRef],
    description: 'Payout staff: everyone the association paid in a calendar year; reading their names is audited.',
    authScopes: { coordinator: true },
    errors: {},
    args: { associationId: t.arg.globalID({ required: true, for: Association }), year: t.arg.int({ required: true }) },
    resolve: (_root, { associationId, year }, context) =>
      context.services.tax.statements(context.viewer, associationId.id, year),
  }),
);

builder.queryField('statementPayer', (t) =>
  t.field({
    type: StatementPayerRef,
    description: 'Admins and payout staff: the association’s address, telephone and 法人番号 for its statements.',
    authScopes: { coordinator: true },
    errors: {},
    args: { associationId: t.arg.globalID({ required: true, for: Association }) },
    resolve: (_root, { associationId }, context) => context.services.tax.payer(context.viewer, associationId.id),
  }),
);

builder.queryField('myPaymentYear', (t) =>
  t.field({
    type: [OwnYearRef],
    description: 'The signed-in volunteer’s payments of a calendar year (this one by default), per association.',
    authScopes: { volunteer: true },
    errors: {},
    args: { year: t.arg.int({ required: false }) },
    resolve: (_root, { year }, context) => context.services.tax.ownYear(context.viewer, year),
  }),
);

builder.queryField('hasStatementAddress', (t) =>
  t.boolean({
    description: 'Whether the signed-in volunteer’s address for their payment statement is on file.',
    authScopes: { volunteer: true },
    errors: {},
    resolve: (_root, _args, context) => context.services.tax.hasStatementAddress(context.viewer),
  }),
);

builder.mutationField('saveStatementPayer', (t) =>
  t.boolean({
    description: 'An admin enters the association’s address, telephone and 法人番号 for its payment statements.',
    authScopes: { admin: true },
    errors: {},
    args: {
      associationId: t.arg.globalID({ required: true, for: Association }),
      address: t.arg.string({ required: true }),
      phone: t.arg.string({ required: true }),
      corporateNumber: t.arg.string({ required: true }),
    },
    resolve: async (_root, { associationId, ...payer }, context) => {
      await context.services.tax.savePayer(context.viewer, { associationId: associationId.id, ...payer });
      return true;
    },
  }),
);

builder.mutationField('saveStatementAddress', (t) =>
  t.boolean({
    description: 'A volunteer gives the address their payment statement names, after their individual number.',
    authScopes: { volunteer: true },
    errors: {},
    args: { address: t.arg.string({ required: true }) },
    resolve: async (_root, { address }, context) => {
      await context.services.tax.saveStatementAddress(context.viewer, { address });
      return true;
    },
  }),
);
