import { type Db, type DemoProgress, type DemoReport, demoLogins, schema, seedDemoData } from '@tsunagu/db';
import {
  bearingBodyOf,
  busyRange,
  type Clock,
  fiscalYearOf,
  illustrativeRateRules,
  suggestCategory,
  systemClock,
} from '@tsunagu/domain';
import { hashPassword } from '@tsunagu/services';

/** The password of every demo account. Demo data is for trying the app, never for real use. */
export const demoPassword = 'tsunagu-demo';

/** What the embedded default loads on first start, and `pnpm seed` without --volunteers. */
export const defaultDemoVolunteers = 200;

/** The demo population, once per database (see seedDemoData), dated around today in Japan. */
export async function loadDemoData(
  db: Db,
  options: { volunteers: number; clock?: Clock; onProgress?: (progress: DemoProgress) => void },
): Promise<DemoReport> {
  const now = (options.clock ?? systemClock).now();
  const today = now.toISODate();
  if (!today) throw new Error('the clock gave an invalid date');
  const report = await seedDemoData(db, {
    volunteers: options.volunteers,
    today,
    passwordHash: await hashPassword(demoPassword),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (report.added) {
    await addIllustrativeRates(db, `${fiscalYearOf(now) - 1}-04-01`);
    await addPastBookings(db, now);
  }
  return report;
}

/**
 * Every demo association gets the same made-up rate schedule from the previous fiscal year on,
 * marked illustrative: screens say these are not any association's real rates.
 */
async function addIllustrativeRates(db: Db, effectiveFrom: string): Promise<void> {
  const associations = await db.select({ id: schema.associations.id }).from(schema.associations);
  if (associations.length === 0) return;
  await db
    .insert(schema.rateSchedules)
    .values(
      associations.map((association) => ({
        associationId: association.id,
        effectiveFrom,
        rules: illustrativeRateRules,
        illustrative: true,
        // A note an admin would write, in the demo's language (the screens flag `illustrative` in the reader's).
        note: '説明用のデモ単価です。実在の協会の単価ではありません。',
      })),
    )
    .onConflictDoNothing();
}

/** Days back, in Japan, of the demo volunteer's past bookings that wait for their activity report. */
const pastBookingDaysBack = [1, 2];

/**
 * The demo volunteer's bookings of the last two mornings with the demo requester's body, done and
 * waiting for the reports: what a visitor files a report on, and approves into expense lines,
 * without waiting for a day to pass. No workflow runs for them (they were never dispatched here).
 */
async function addPastBookings(db: Db, now: ReturnType<Clock['now']>): Promise<void> {
  const volunteer = await db.query.users.findFirst({
    where: { email: demoLogins.volunteer },
    columns: {},
    with: { volunteer: { columns: { id: true, homeLocalGovernmentCode: true } } },
  });
  const requester = await db.query.users.findFirst({
    where: { email: demoLogins.requester },
    columns: { id: true, displayName: true },
    with: {
      staffOf: {
        with: {
          organization: {
            columns: { id: true, associationId: true },
            with: { localGovernment: { columns: { code: true, kind: true, parentCode: true } } },
          },
        },
      },
    },
  });
  const organization = requester?.staffOf?.organization;
  if (!volunteer?.volunteer || !requester || !organization) return;
  const purpose = 'consultation_desk';
  for (const daysBack of pastBookingDaysBack) {
    const day = now.setZone('Asia/Tokyo').minus({ days: daysBack }).startOf('day');
    const startsAt = day.set({ hour: 10 }).toJSDate();
    const endsAt = day.set({ hour: 12 }).toJSDate();
    const [request] = await db
      .insert(schema.requests)
      .values({
        associationId: organization.associationId,
        organizationId: organization.id,
        filedBy: requester.id,
        status: 'filled',
        modality: 'on_site',
        languageCode: 'vi',
        startsAt,
        endsAt,
        localGovernmentCode: volunteer.volunteer.homeLocalGovernmentCode,
        venue: '市民相談室',
        purpose,
        contactName: requester.displayName,
        grantTaxCategory: suggestCategory(purpose, bearingBodyOf(organization.localGovernment).kind),
        dispatchStage: 'awaiting_reports',
        dispatchWave: 1,
        screenedAt: day.minus({ days: 7 }).toJSDate(),
      })
      .returning({ id: schema.requests.id });
    if (!request) continue;
    const busy = busyRange({ modality: 'on_site', startsAt, endsAt });
    await db.insert(schema.assignments).values({
      requestId: request.id,
      volunteerId: volunteer.volunteer.id,
      busyFrom: busy?.from ?? null,
      busyUntil: busy?.until ?? null,
      reconfirmedAt: day.minus({ days: 1 }).toJSDate(),
    });
  }
}
