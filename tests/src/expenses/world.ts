import { type Db, schema } from '@tsunagu/db';
import { fixedClock, type Viewer } from '@tsunagu/domain';
import { createLogger, createServices } from '@tsunagu/services';
import { sql } from 'drizzle-orm';
import {
  insertCoordinatorWorld,
  insertOrganization,
  insertRequest,
  insertStaffMember,
  insertVolunteer,
  yabuRates,
} from '../support/fixtures';

export { yabuRates };

/**
 * An association with a coordinator and an admin, a municipal and a prefectural office that ask for
 * interpreters, a rate schedule from FY2024 on, and services on a clock pinned in April 2026.
 */
export async function insertExpenseWorld(db: Db, clockAt = '2026-04-15T10:00:00') {
  const world = await insertCoordinatorWorld(db, 'en');
  const admin = await insertStaffMember(db, world.associationId, 'admin');
  const adminViewer: Viewer = {
    ...world.coordinator,
    userId: admin.id,
    coordinatorOf: [world.associationId],
    adminOf: [world.associationId],
  };
  const prefecturalOffice = await insertOrganization(db, world.associationId, {
    name: '大阪府 国際交流課',
    type: 'prefecture',
    localGovernmentCode: '270008',
  });
  const clock = fixedClock(clockAt);
  const services = createServices({ db, clock, logger: createLogger({ level: 'silent' }) });
  await services.rateSchedules.create(adminViewer, world.associationId, {
    effectiveFrom: '2024-04-01',
    rules: yabuRates,
    note: 'Yabu City’s published rates, as an example',
  });
  return { ...world, admin: adminViewer, prefecturalOfficeId: prefecturalOffice.id, clock, services };
}

export type ExpenseWorld = Awaited<ReturnType<typeof insertExpenseWorld>>;

/**
 * A dispatch that took place: a request of the organization, a volunteer (one each, so that bookings
 * never overlap), a completed assignment, and the volunteer's activity report.
 */
export async function insertDispatch(
  db: Db,
  world: Pick<ExpenseWorld, 'associationId' | 'organizationId'>,
  options: {
    startsAt: string;
    endsAt: string;
    organizationId?: string;
    purpose?: (typeof schema.requestPurpose.enumValues)[number];
    grantTaxCategory?: string;
    transportFareYen?: number | null;
    status?: (typeof schema.assignmentStatus.enumValues)[number];
    report?: boolean;
    /** A volunteer who already has other dispatches; a new one unless told. */
    volunteerId?: string;
  },
) {
  const startsAt = new Date(options.startsAt);
  const endsAt = new Date(options.endsAt);
  const request = await insertRequest(db, world.associationId, options.organizationId ?? world.organizationId, {
    startsAt,
    endsAt,
    status: 'completed',
    purpose: options.purpose ?? 'consultation_desk',
    grantTaxCategory: options.grantTaxCategory ?? '1',
  });
  const volunteer = options.volunteerId
    ? await db.query.volunteers.findFirst({ where: { id: options.volunteerId } })
    : (await insertVolunteer(db, world.associationId)).volunteer;
  if (!volunteer) throw new Error('no volunteer');
  const [assignment] = await db
    .insert(schema.assignments)
    .values({
      requestId: request.id,
      volunteerId: volunteer.id,
      status: options.status ?? 'completed',
      busyFrom: startsAt,
      busyUntil: endsAt,
    })
    .returning();
  if (!assignment) throw new Error('no assignment');
  if (options.report !== false) {
    await db.insert(schema.activityReports).values({
      assignmentId: assignment.id,
      kind: 'volunteer',
      actualStart: startsAt,
      actualEnd: endsAt,
      transportFareYen: options.transportFareYen === undefined ? 640 : options.transportFareYen,
    });
  }
  return { request, assignment, volunteer };
}

/** Every cell of the kept totals against the sum of the lines themselves, and the same for dispatches. */
export async function totalsAgainstLines(db: Db) {
  const rows = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows);
  const kept = rows(
    await db.execute(sql`
      select association_id, fiscal_year, bearing_government_code, grant_tax_category, kind, status,
             amount_yen::float8 as amount, lines
        from expense_totals order by 1, 2, 3, 4, 5, 6`),
  );
  const summed = rows(
    await db.execute(sql`
      select association_id, fiscal_year, bearing_government_code, grant_tax_category, kind, status,
             sum(amount_yen)::float8 as amount, count(*)::int as lines
        from expense_lines group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6`),
  );
  const keptDispatches = rows(
    await db.execute(sql`
      select association_id, fiscal_year, bearing_government_code, grant_tax_category, assignment_id, lines
        from expense_dispatches order by 1, 2, 3, 4, 5`),
  );
  const dispatches = rows(
    await db.execute(sql`
      select association_id, fiscal_year, bearing_government_code, grant_tax_category, assignment_id,
             count(*)::int as lines
        from expense_lines group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`),
  );
  const keptDispatchTotals = rows(
    await db.execute(sql`
      select association_id, fiscal_year, bearing_government_code, grant_tax_category, language_code,
             dispatches, minutes::float8 as minutes
        from expense_dispatch_totals order by 1, 2, 3, 4, 5`),
  );
  const dispatchTotals = rows(
    await db.execute(sql`
      select association_id, fiscal_year, bearing_government_code, grant_tax_category, language_code,
             count(*)::int as dispatches, sum(minutes)::float8 as minutes
        from (select association_id, fiscal_year, bearing_government_code, grant_tax_category, assignment_id,
                     max(language_code) as language_code, max(activity_minutes) as minutes
                from expense_lines group by 1, 2, 3, 4, 5) as dispatch
       group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`),
  );
  return { kept, summed, keptDispatches, dispatches, keptDispatchTotals, dispatchTotals };
}

/** Signs a viewer in as the services see them: only the association links matter here. */
export function coordinatorOf(associationId: string, userId: string): Viewer {
  return {
    userId,
    locale: 'en',
    organizationId: null,
    volunteerId: null,
    coordinatorOf: [associationId],
    adminOf: [],
  };
}
