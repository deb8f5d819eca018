import type { Db } from '@tsunagu/db';

import {
  calendarYearOf,
  type ExpenseKind,
  type ExpenseStatus,
  ForbiddenError,
  found,
  mayActOn,
  type Payer,
  tenancyOf,
  ValidationError,
  type Viewer,
} from '@tsunagu/domain';
import { type SQL, sql } from 'drizzle-orm';

/**
 * What the requesting organization and a volunteer see of the expense lines. Drafts are the
 * coordinators' work in progress (a reversal starts as one too): only submitted, approved and paid
 * lines are shown outside coordination, with their status.
 */
export const shownStatuses = ['submitted', 'approved', 'paid'] as const satisfies readonly ExpenseStatus[];
export type ShownStatus = (typeof shownStatuses)[number];

/** The kinds of line a volunteer is paid: equipment and other costs go to others. */
export const volunteerPaidKinds = [
  'honorarium',
  'transport',
  'translation_fee',
  'remote_fee',
  'cancellation_fee',
] as const satisfies readonly ExpenseKind[];

export interface CostLine {
  lineId: string;
  assignmentId: string;
  requestId: string;
  /** YYYY-MM-DD in Japan. */
  activityDate: string;
  kind: ExpenseKind;
  payer: Payer;
  status: ShownStatus;
  /** Whole yen; negative on a reversing line. */
  amountYen: number;
  reversal: boolean;
}

/** Who bears a sum of lines: the requesting organization, the association, the person served. */
export interface CostShares {
  totalYen: number;
  requesterYen: number;
  associationYen: number;
  personServedYen: number;
}

const payerShare = {
  requester: 'requesterYen',
  association: 'associationYen',
  person_served: 'personServedYen',
} as const satisfies Record<Payer, keyof CostShares>;

export function sharesOf(lines: ReadonlyArray<Pick<CostLine, 'payer' | 'amountYen'>>): CostShares {
  const shares: CostShares = { totalYen: 0, requesterYen: 0, associationYen: 0, personServedYen: 0 };
  for (const line of lines) {
    shares.totalYen += line.amountYen;
    shares[payerShare[line.payer]] += line.amountYen;
  }
  return shares;
}

export interface RequestCosts {
  requestId: string;
  lines: CostLine[];
  totals: CostShares;
}

/** One calendar month of a fiscal year, YYYY-MM. */
export interface MonthCosts extends CostShares {
  month: string;
}

export interface RequestCostSummary extends CostShares {
  requestId: string;
  /** The first and last activity dates of the request's lines in the fiscal year. */
  firstDate: string;
  lastDate: string;
  lines: number;
}

export interface OrganizationCosts {
  organizationId: string;
  fiscalYear: number;
  totals: CostShares;
  /** The twelve months, April to March, empty ones included. */
  months: MonthCosts[];
  /** Each request with a line in the fiscal year, by its first activity date. */
  requests: RequestCostSummary[];
}

/** The months of a fiscal year in order, April to March, as YYYY-MM. */
export function monthsOfFiscalYear(fiscalYear: number): string[] {
  return [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3].map(
    (month) => `${calendarYearOf({ fiscalYear, month })}-${String(month).padStart(2, '0')}`,
  );
}

/** A fiscal year of an organization's lines, per month and per request. The lines are that year's. */
export function organizationYear(
  organizationId: string,
  fiscalYear: number,
  lines: readonly CostLine[],
): OrganizationCosts {
  const byMonth = new Map<string, CostLine[]>(monthsOfFiscalYear(fiscalYear).map((month) => [month, []]));
  const byRequest = new Map<string, CostLine[]>();
  for (const line of lines) {
    byMonth.get(line.activityDate.slice(0, 7))?.push(line);
    const ofRequest = byRequest.get(line.requestId) ?? [];
    ofRequest.push(line);
    byRequest.set(line.requestId, ofRequest);
  }
  const requests = [...byRequest].map(([requestId, ofRequest]) => {
    const dates = ofRequest.map((line) => line.activityDate).sort();
    return {
      requestId,
      firstDate: dates[0] as string,
      lastDate: dates[dates.length - 1] as string,
      lines: ofRequest.length,
      ...sharesOf(ofRequest),
    };
  });
  requests.sort((a, b) => a.firstDate.localeCompare(b.firstDate) || a.requestId.localeCompare(b.requestId));
  return {
    organizationId,
    fiscalYear,
    totals: sharesOf(lines),
    months: [...byMonth].map(([month, ofMonth]) => ({ month, ...sharesOf(ofMonth) })),
    requests,
  };
}

export interface HonorariumLine extends Omit<CostLine, 'payer'> {}

/** A volunteer's fiscal year: what was paid, what is approved and to be paid, what awaits approval. */
export interface HonorariaYear {
  fiscalYear: number;
  lines: HonorariumLine[];
  totalYen: number;
  paidYen: number;
  /** Approved: to be paid. */
  approvedYen: number;
  /** Submitted: the coordinators have not approved it yet. */
  submittedYen: number;
}

export function honorariaYear(fiscalYear: number, lines: readonly HonorariumLine[]): HonorariaYear {
  const sum = (status?: ShownStatus) =>
    lines.filter((line) => !status || line.status === status).reduce((total, line) => total + line.amountYen, 0);
  return {
    fiscalYear,
    lines: [...lines],
    totalYen: sum(),
    paidYen: sum('paid'),
    approvedYen: sum('approved'),
    submittedYen: sum('submitted'),
  };
}

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

function checkFiscalYear(fiscalYear: number): void {
  if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100) {
    throw ValidationError.of(['fiscalYear'], {
      en: 'Give a fiscal year such as 2025.',
      ja: '年度を 2025 のように入力してください。',
    });
  }
}

const listOf = (values: readonly string[]) =>
  sql`(${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )})`;

/** The shown lines of some assignments' requests, in date order. */
async function costLines(db: Db, where: SQL): Promise<CostLine[]> {
  const result = await db.execute(sql`
    select l.id as "lineId", l.assignment_id as "assignmentId", a.request_id as "requestId",
           l.activity_date::text as "activityDate", l.kind, l.payer, l.status, l.amount_yen as "amountYen",
           l.reverses_line_id is not null as reversal
      from expense_lines l
      join assignments a on a.id = l.assignment_id
      join requests r on r.id = a.request_id
     where l.status in ${listOf(shownStatuses)} and ${where}
     order by l.activity_date, l.reverses_line_id is not null, l.created_at, l.kind, l.id
  `);
  return rowsOf<CostLine>(result);
}

/** The shown lines of one request, with who bears them. */
export async function requestCosts(db: Db, requestId: string): Promise<RequestCosts> {
  const lines = await costLines(db, sql`a.request_id = ${requestId}`);
  return { requestId, lines, totals: sharesOf(lines) };
}

/** An organization's fiscal year; `associationIds` limits it to the lines of those associations. */
export async function organizationCosts(
  db: Db,
  organizationId: string,
  fiscalYear: number,
  associationIds: readonly string[] | null,
): Promise<OrganizationCosts> {
  const ofAssociations =
    associationIds === null
      ? sql`true`
      : associationIds.length === 0
        ? sql`false`
        : sql`l.association_id in ${listOf(associationIds)}`;
  const lines = await costLines(
    db,
    sql`r.organization_id = ${organizationId} and l.fiscal_year = ${fiscalYear} and ${ofAssociations}`,
  );
  return organizationYear(organizationId, fiscalYear, lines);
}

/** What a volunteer was paid or will be paid in a fiscal year, line by line. */
export async function volunteerHonoraria(db: Db, volunteerId: string, fiscalYear: number): Promise<HonorariaYear> {
  const lines = await costLines(
    db,
    sql`a.volunteer_id = ${volunteerId} and l.fiscal_year = ${fiscalYear} and l.kind in ${listOf(volunteerPaidKinds)}`,
  );
  return honorariaYear(
    fiscalYear,
    lines.map(({ payer: _payer, ...line }) => line),
  );
}

export function createCostService({ db }: { db: Db }) {
  /** Requesting staff see their organization's; coordinators the organizations of their associations. */
  async function mayReadOrganization(viewer: Viewer, organizationId: string): Promise<boolean> {
    const organization = await db.query.organizations.findFirst({
      where: { id: organizationId },
      columns: { id: true, associationId: true },
    });
    return (
      organization !== undefined &&
      mayActOn(viewer, { associationId: organization.associationId, organizationId }, ['requester', 'coordinator'])
    );
  }

  return {
    mayReadOrganization,

    /** A request's costs, for its organization's staff and its association's coordinators. */
    async ofRequest(viewer: Viewer, requestId: string): Promise<RequestCosts> {
      const request = found(
        await db.query.requests.findFirst({
          where: { id: requestId },
          columns: { organizationId: true, associationId: true },
        }),
        'Request',
        requestId,
      );
      if (!mayActOn(viewer, request, ['requester', 'coordinator'])) {
        throw new ForbiddenError('organization_or_coordinators');
      }
      return requestCosts(db, requestId);
    },

    /** A fiscal year of an organization's costs. Its staff see every line; a coordinator, their associations'. */
    async ofOrganization(viewer: Viewer, organizationId: string, fiscalYear: number): Promise<OrganizationCosts> {
      checkFiscalYear(fiscalYear);
      if (!(await mayReadOrganization(viewer, organizationId))) {
        throw new ForbiddenError('organization_or_coordinators');
      }
      const associations =
        viewer.organizationId === organizationId ? null : tenancyOf(viewer, 'coordinator').associationIds;
      return organizationCosts(db, organizationId, fiscalYear, associations);
    },

    /** The viewer's own honoraria, as a volunteer. */
    async honorariaOf(viewer: Viewer, fiscalYear: number): Promise<HonorariaYear> {
      checkFiscalYear(fiscalYear);
      if (!viewer.volunteerId) throw new ForbiddenError('volunteers_only');
      return volunteerHonoraria(db, viewer.volunteerId, fiscalYear);
    },
  };
}
