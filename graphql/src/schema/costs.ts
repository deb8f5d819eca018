import type { schema } from '@tsunagu/db';
import {
  type CostLine,
  type CostShares,
  type HonorariaYear,
  type HonorariumLine,
  type MonthCosts,
  type OrganizationCosts,
  type RequestCostSummary,
  type RequestCosts,
  shownStatuses,
} from '@tsunagu/services';
import { GraphQLError } from 'graphql';
import { builder } from '../builder';
import type { Context } from '../context';
import { OfferedRequest } from './dispatch';
import { ExpenseKindEnum, PayerEnum } from './expense-line';
import { Organization } from './organization';
import { Request } from './request';

/** The statuses shown outside coordination: drafts are the coordinators' work in progress. */
const ShownStatusEnum = builder.enumType('ShownExpenseStatus', {
  values: shownStatuses,
  description: 'submitted (awaiting a coordinator’s approval) → approved (to be paid) → paid.',
});

/** A fiscal year out of range is the caller's mistake, said as such rather than masked. */
export function checkFiscalYear(fiscalYear: number) {
  if (fiscalYear < 2000 || fiscalYear > 2100) {
    throw new GraphQLError('fiscalYear must be a year between 2000 and 2100.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
}

/** A line's ExpenseLine global ID: the same line wherever it shows (only coordinators may fetch it as a node). */
const lineId = (line: { lineId: string }) => ({ type: 'ExpenseLine', id: line.lineId });

const CostAmounts = builder.interfaceRef<CostShares>('CostAmounts').implement({
  description:
    'A sum of expense lines in whole yen (a Float: sums may outgrow 32 bits), and who bears it: requesterYen is what the requesting organization pays.',
  fields: (t) => ({
    totalYen: t.exposeFloat('totalYen'),
    requesterYen: t.exposeFloat('requesterYen', { description: 'Paid by the requesting organization.' }),
    associationYen: t.exposeFloat('associationYen', { description: 'Borne by the association.' }),
    personServedYen: t.exposeFloat('personServedYen', { description: 'Paid by the person served.' }),
  }),
});

const CostTotals = builder.objectRef<CostShares>('CostTotals').implement({
  interfaces: [CostAmounts],
  fields: () => ({}),
});

const RequestCostLine = builder.objectRef<CostLine>('RequestCostLine').implement({
  description: 'One expense line of a request, as its organization sees it.',
  fields: (t) => ({
    id: t.globalID({ resolve: lineId }),
    activityDate: t.expose('activityDate', { type: 'Date', description: 'In Japan.' }),
    kind: t.expose('kind', { type: ExpenseKindEnum }),
    payer: t.expose('payer', { type: PayerEnum }),
    status: t.expose('status', { type: ShownStatusEnum }),
    amountYen: t.exposeInt('amountYen', { description: 'Whole yen; negative on a line that reverses another.' }),
    reversal: t.exposeBoolean('reversal'),
  }),
});

const RequestCostsRef = builder.objectRef<RequestCosts>('RequestCosts').implement({
  description: 'A request’s expense lines (not drafts) and their totals.',
  fields: (t) => ({
    lines: t.expose('lines', { type: [RequestCostLine] }),
    totals: t.expose('totals', { type: CostTotals }),
  }),
});

builder.drizzleObjectField(Request, 'costs', (t) =>
  t.field({
    type: RequestCostsRef,
    description:
      'What the request costs and who bears it: its submitted, approved and paid expense lines (drafts are left out).',
    resolve: (request, _args, { services, viewer }) => services.costs.ofRequest(viewer, request.id),
  }),
);

const MonthCostsRef = builder.objectRef<MonthCosts>('MonthCosts').implement({
  interfaces: [CostAmounts],
  fields: (t) => ({
    month: t.exposeString('month', { description: 'YYYY-MM, in Japan.' }),
  }),
});

type RequestRow = typeof schema.requests.$inferSelect;
type RequestSummary = RequestCostSummary & { request: RequestRow };

/** The requests these lines or summaries name, in one query, by id. */
async function requestsById(context: Context, ids: readonly string[]): Promise<Map<string, RequestRow>> {
  if (ids.length === 0) return new Map();
  const rows = await context.db.query.requests.findMany({ where: { id: { in: [...new Set(ids)] } } });
  return new Map(rows.map((row) => [row.id, row]));
}

async function withRequests(context: Context, summaries: readonly RequestCostSummary[]): Promise<RequestSummary[]> {
  const byId = await requestsById(
    context,
    summaries.map((summary) => summary.requestId),
  );
  return summaries.flatMap((summary) => {
    const request = byId.get(summary.requestId);
    return request ? [{ ...summary, request }] : [];
  });
}

const RequestCostSummaryRef = builder.objectRef<RequestSummary>('RequestCostSummary').implement({
  description: 'A request with expense lines in the fiscal year, and their totals.',
  interfaces: [CostAmounts],
  fields: (t) => ({
    request: t.field({ type: Request, resolve: (summary) => summary.request }),
    firstDate: t.expose('firstDate', { type: 'Date', description: 'Its first activity date in the fiscal year.' }),
    lastDate: t.expose('lastDate', { type: 'Date' }),
    lines: t.exposeInt('lines'),
  }),
});

const OrganizationCostsRef = builder.objectRef<OrganizationCosts>('OrganizationCosts').implement({
  description:
    'A fiscal year of an organization’s costs (expense lines that are not drafts), per month and per request.',
  fields: (t) => ({
    fiscalYear: t.exposeInt('fiscalYear'),
    organization: t.field({
      type: Organization,
      resolve: async (costs, _args, context) => {
        const organization = await context.db.query.organizations.findFirst({ where: { id: costs.organizationId } });
        if (!organization) throw new Error('the organization of its costs is gone');
        return organization;
      },
    }),
    totals: t.expose('totals', { type: CostTotals }),
    months: t.expose('months', { type: [MonthCostsRef], description: 'April to March, months without lines too.' }),
    requests: t.field({
      type: [RequestCostSummaryRef],
      description: 'By first activity date.',
      resolve: (costs, _args, context) => withRequests(context, costs.requests),
    }),
  }),
});

builder.queryField('organizationCosts', (t) =>
  t.field({
    type: OrganizationCostsRef,
    description:
      'Requesting staff of the organization, and coordinators of its association: a fiscal year of its costs. Coordinators see the lines of their associations.',
    authScopes: (_root, args, { services, viewer }) => {
      const organizationId = args.organizationId?.id ?? viewer.organizationId;
      return organizationId ? services.costs.mayReadOrganization(viewer, organizationId) : false;
    },
    args: {
      organizationId: t.arg.globalID({
        required: false,
        for: Organization,
        description: 'Left out: the signed-in requesting staff’s own organization.',
      }),
      fiscalYear: t.arg.int({ required: true, description: 'FY2026 runs from 2026-04-01 to 2027-03-31.' }),
    },
    resolve: (_root, args, { services, viewer }) => {
      checkFiscalYear(args.fiscalYear);
      const organizationId = args.organizationId?.id ?? viewer.organizationId;
      // authScopes refused anyone without one.
      if (!organizationId) throw new Error('an organization to read');
      return services.costs.ofOrganization(viewer, organizationId, args.fiscalYear);
    },
  }),
);

type Honorarium = HonorariumLine & { work: RequestRow };

const HonorariumLineRef = builder.objectRef<Honorarium>('HonorariumLine').implement({
  description: 'One line the volunteer is paid, with the work it pays for.',
  fields: (t) => ({
    id: t.globalID({ resolve: lineId }),
    activityDate: t.expose('activityDate', { type: 'Date', description: 'In Japan.' }),
    kind: t.expose('kind', { type: ExpenseKindEnum }),
    status: t.expose('status', { type: ShownStatusEnum }),
    amountYen: t.exposeInt('amountYen', { description: 'Whole yen; negative on a line that reverses another.' }),
    reversal: t.exposeBoolean('reversal'),
    assignmentId: t.globalID({
      description: 'The assignment (dispatch) it pays for: lines of one dispatch share it.',
      resolve: (line) => ({ type: 'Assignment', id: line.assignmentId }),
    }),
    work: t.field({ type: OfferedRequest, resolve: (line) => line.work }),
  }),
});

const HonorariaYearRef = builder.objectRef<HonorariaYear>('HonorariaYear').implement({
  description: 'What a volunteer was paid, or is to be paid, in a fiscal year (lines that are not drafts).',
  fields: (t) => ({
    fiscalYear: t.exposeInt('fiscalYear'),
    totalYen: t.exposeFloat('totalYen'),
    paidYen: t.exposeFloat('paidYen'),
    approvedYen: t.exposeFloat('approvedYen', { description: 'Approved: to be paid.' }),
    submittedYen: t.exposeFloat('submittedYen', { description: 'Awaiting a coordinator’s approval.' }),
    lines: t.field({
      type: [HonorariumLineRef],
      description: 'In date order.',
      resolve: async (year, _args, context) => {
        const byId = await requestsById(
          context,
          year.lines.map((line) => line.requestId),
        );
        return year.lines.flatMap((line) => {
          const work = byId.get(line.requestId);
          return work ? [{ ...line, work }] : [];
        });
      },
    }),
  }),
});

builder.queryField('myHonoraria', (t) =>
  t.field({
    type: HonorariaYearRef,
    description:
      'Volunteers: their own honoraria, fares and fees of a fiscal year (honorarium, transport, translation, remote and cancellation fees).',
    authScopes: { volunteer: true },
    args: { fiscalYear: t.arg.int({ required: true, description: 'FY2026 runs from 2026-04-01 to 2027-03-31.' }) },
    resolve: (_root, { fiscalYear }, { services, viewer }) => {
      checkFiscalYear(fiscalYear);
      return services.costs.honorariaOf(viewer, fiscalYear);
    },
  }),
);
