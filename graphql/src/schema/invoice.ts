import type { schema } from '@tsunagu/db';
import { invoiceStatuses } from '@tsunagu/domain';
import { invoiceFileName, type PendingInvoice } from '@tsunagu/services';
import { builder } from '../builder';
import type { Context } from '../context';
import { associationsOf, organizationsOf } from '../tenancy';
import { Association, InvoiceGroupingEnum, TaxTreatmentEnum } from './association';
import { ExpenseKindEnum } from './expense-line';
import { Organization } from './organization';
import { selected } from './selection';

const InvoiceStatusEnum = builder.enumType('InvoiceStatus', {
  values: invoiceStatuses,
  description: 'issued → paid; a reissued invoice is superseded by its correction.',
});

type RateTotal = (typeof schema.invoices.$inferSelect)['byRate'][number];

const InvoiceRateTotal = builder.objectRef<RateTotal>('InvoiceRateTotal').implement({
  description: 'The items at one tax rate, tax included, and the tax in them (rounded down once per invoice).',
  fields: (t) => ({
    ratePercent: t.exposeInt('ratePercent', { description: '10, or 0 when exempt.' }),
    amountYen: t.exposeFloat('amountYen'),
    taxYen: t.exposeFloat('taxYen'),
  }),
});

builder.drizzleObject('invoiceItems', {
  name: 'InvoiceItem',
  description: 'A line the invoice bills, as it was when issued.',
  fields: (t) => ({
    activityDate: t.expose('activityDate', { type: 'Date' }),
    kind: t.expose('kind', { type: ExpenseKindEnum }),
    amountYen: t.exposeInt('amountYen', { description: 'Tax included; negative on a reversing line.' }),
    taxTreatment: t.expose('taxTreatment', { type: TaxTreatmentEnum }),
  }),
});

export const Invoice = builder.drizzleNode('invoices', {
  name: 'Invoice',
  description:
    'A qualified invoice (適格請求書) to a requesting organization. Seen by its staff and its association’s coordinators.',
  id: { column: (invoice) => invoice.id },
  select: { columns: { associationId: true, organizationId: true } },
  authScopes: (invoice) => ({
    coordinatorOf: invoice.associationId,
    staffOf: { associationId: invoice.associationId, organizationId: invoice.organizationId },
  }),
  fields: (t) => ({
    number: t.exposeString('number', { description: 'Per association and fiscal year of the issue date: 2026-00001.' }),
    issueDate: t.expose('issueDate', { type: 'Date' }),
    month: t.exposeString('month', { description: 'YYYY-MM of the lines it bills.' }),
    grouping: t.expose('grouping', { type: InvoiceGroupingEnum }),
    status: t.expose('status', { type: InvoiceStatusEnum }),
    issuerName: t.exposeString('issuerNameJa', { description: 'The association, as the invoice names it.' }),
    registrationNumber: t.exposeString('registrationNumber'),
    recipientName: t.exposeString('recipientName'),
    taxTreatment: t.expose('taxTreatment', { type: TaxTreatmentEnum }),
    totalYen: t.exposeFloat('totalYen', { description: 'Tax included.' }),
    taxYen: t.exposeFloat('taxYen'),
    byRate: t.field({ type: [InvoiceRateTotal], select: { columns: { byRate: true } }, resolve: (row) => row.byRate }),
    issuedAt: t.expose('issuedAt', { type: 'DateTime' }),
    paidAt: t.expose('paidAt', { type: 'DateTime', nullable: true }),
    organization: t.relation('organization'),
    items: t.relation('items', { query: { orderBy: { position: 'asc' } } }),
    corrects: t.relation('corrects', { nullable: true, description: 'The invoice this one corrects.' }),
    correctedBy: t.relation('correctedBy', { nullable: true, description: 'The correction that superseded it.' }),
    downloadUrl: t.string({
      description: 'Its PDF: a GET with the session cookie.',
      select: { columns: { id: true } },
      resolve: (invoice) => `/downloads/invoices/${invoice.id}.pdf`,
    }),
    fileName: t.string({ select: { columns: { number: true } }, resolve: (invoice) => invoiceFileName(invoice) }),
  }),
});

builder.queryField('invoices', (t) =>
  t.drizzleConnection({
    type: 'invoices',
    description:
      'Coordinators: their associations’ invoices (of one month, when given). Requesting staff: their organization’s. Newest first.',
    authScopes: { coordinator: true, requester: true },
    args: {
      associationId: t.arg.globalID({ required: false, for: Association }),
      month: t.arg.string({ required: false, description: 'YYYY-MM of the lines billed.' }),
    },
    resolve: (query, _root, args, { db, viewer }) =>
      db.query.invoices.findMany(
        query({
          where: {
            OR: [{ associationId: associationsOf(viewer, 'coordinator') }, { organizationId: organizationsOf(viewer) }],
            ...(args.associationId ? { associationId: args.associationId.id } : {}),
            ...(args.month ? { month: args.month } : {}),
          },
          orderBy: { issuedAt: 'desc', sequence: 'desc' },
        }),
      ),
  }),
);

type PendingWithOrganization = PendingInvoice & { organization: typeof schema.organizations.$inferSelect };

const PendingInvoiceRef = builder.objectRef<PendingWithOrganization>('PendingInvoice').implement({
  description: 'An invoice a month would give: the lines of one organization (or dispatch) not invoiced yet.',
  fields: (t) => ({
    organization: t.field({ type: Organization, resolve: (pending) => pending.organization }),
    month: t.exposeString('month'),
    assignmentId: t.exposeString('assignmentId', {
      nullable: true,
      description: 'The dispatch, when the association invoices per dispatch (as stored).',
    }),
    lines: t.exposeInt('lines'),
    totalYen: t.exposeFloat('totalYen', { description: 'Tax included.' }),
    taxYen: t.exposeFloat('taxYen'),
  }),
});

async function withOrganizations(context: Context, pending: PendingInvoice[]): Promise<PendingWithOrganization[]> {
  if (pending.length === 0) return [];
  const ids = [...new Set(pending.map((entry) => entry.organizationId))];
  const rows = await context.db.query.organizations.findMany({ where: { id: { in: ids } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return pending.flatMap((entry) => {
    const organization = byId.get(entry.organizationId);
    return organization ? [{ ...entry, organization }] : [];
  });
}

builder.queryField('pendingInvoices', (t) =>
  t.field({
    type: [PendingInvoiceRef],
    description: 'Coordinators: the invoices a month would give, from its approved lines the organizations pay.',
    authScopes: (_root, args) => ({ coordinatorOf: args.associationId.id }),
    args: {
      associationId: t.arg.globalID({ required: true, for: Association }),
      month: t.arg.string({ required: true, description: 'YYYY-MM.' }),
    },
    errors: {},
    resolve: async (_root, args, context) =>
      withOrganizations(
        context,
        await context.services.invoices.pending(context.viewer, args.associationId.id, args.month),
      ),
  }),
);

const IssueInvoiceInput = builder.inputType('IssueInvoiceInput', {
  fields: (t) => ({
    associationId: t.globalID({ required: true, for: Association }),
    organizationId: t.globalID({ required: true, for: Organization }),
    month: t.string({ required: true, description: 'YYYY-MM.' }),
    assignmentId: t.string({ required: false, description: 'The dispatch, when invoicing per dispatch.' }),
  }),
});

builder.mutationField('issueInvoice', (t) =>
  t.drizzleField({
    type: 'invoices',
    description:
      'A coordinator issues the invoice of an organization’s month (or one dispatch), numbered next in the association’s fiscal year.',
    authScopes: { coordinator: true },
    args: { input: t.arg({ type: IssueInvoiceInput, required: true }) },
    errors: {},
    resolve: async (query, _root, { input }, { db, services, viewer }) => {
      const invoice = await services.invoices.issue(viewer, {
        associationId: input.associationId.id,
        organizationId: input.organizationId.id,
        month: input.month,
        assignmentId: input.assignmentId ?? null,
      });
      return selected(db.query.invoices.findFirst(query({ where: { id: invoice.id } })), 'Invoice', invoice.id);
    },
  }),
);

builder.mutationField('markInvoicePaid', (t) =>
  t.drizzleField({
    type: 'invoices',
    description: 'A coordinator records that the organization paid an issued invoice.',
    authScopes: { coordinator: true },
    args: { invoiceId: t.arg.globalID({ required: true, for: Invoice }) },
    errors: {},
    resolve: async (query, _root, { invoiceId }, { db, services, viewer }) => {
      await services.invoices.markPaid(viewer, invoiceId.id);
      return selected(db.query.invoices.findFirst(query({ where: { id: invoiceId.id } })), 'Invoice', invoiceId.id);
    },
  }),
);

builder.mutationField('reissueInvoice', (t) =>
  t.drizzleField({
    type: 'invoices',
    description:
      'A coordinator corrects an issued invoice: a new invoice under a new number names the first, which is superseded. Returns the correction.',
    authScopes: { coordinator: true },
    args: { invoiceId: t.arg.globalID({ required: true, for: Invoice }) },
    errors: {},
    resolve: async (query, _root, { invoiceId }, { db, services, viewer }) => {
      const corrected = await services.invoices.reissue(viewer, invoiceId.id);
      return selected(db.query.invoices.findFirst(query({ where: { id: corrected.id } })), 'Invoice', corrected.id);
    },
  }),
);
