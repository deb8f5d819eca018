import { createHash } from 'node:crypto';
import { type Db, type DemoProgress, type DemoReport, demoLogins, schema, seedDemoData } from '@tsunagu/db';
import {
  bearingBodyOf,
  busyRange,
  type Clock,
  countText,
  defaultPolicy,
  fiscalYearOf,
  illustrativeRateRules,
  suggestCategory,
  systemClock,
  volumeOf,
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
    await addBookedTranslation(db, now);
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
  const demo = await demoPair(db);
  if (!demo) return;
  const { volunteer, requester, organization } = demo;
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
        localGovernmentCode: volunteer.homeLocalGovernmentCode,
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
      volunteerId: volunteer.id,
      busyFrom: busy?.from ?? null,
      busyUntil: busy?.until ?? null,
      reconfirmedAt: day.minus({ days: 1 }).toJSDate(),
    });
  }
}

/** The demo translation's source: a short notice in Japanese, counted as an upload would count it. */
const demoSource = {
  fileName: 'ごみの出し方のお知らせ.txt',
  text: '外国人住民のみなさまへ。燃えるごみは火曜日と金曜日の朝八時までに、決められた場所に出してください。'.repeat(8),
};

/**
 * A translation the demo volunteer was booked for yesterday, due in ten days, with a counted
 * source from the demo requester: the translator's job page and the requester's review page have
 * something to show (and to try: download, upload, propose a change). No workflow runs for it.
 */
async function addBookedTranslation(db: Db, now: ReturnType<Clock['now']>): Promise<void> {
  const demo = await demoPair(db);
  if (!demo) return;
  const { volunteer, requester, organization } = demo;
  const purpose = 'administrative_translation';
  const booked = now.minus({ days: 1 }).toJSDate();
  const bytes = Buffer.from(demoSource.text, 'utf8');
  const volume = volumeOf('txt', countText(demoSource.text));
  const [request] = await db
    .insert(schema.requests)
    .values({
      associationId: organization.associationId,
      organizationId: organization.id,
      filedBy: requester.id,
      status: 'filled',
      modality: 'translation',
      translationDirection: 'from_japanese',
      languageCode: 'vi',
      deadline: now
        .setZone('Asia/Tokyo')
        .plus({ days: 10 })
        .set({ hour: 17, minute: 0, second: 0, millisecond: 0 })
        .toJSDate(),
      volume: volume.counted,
      volumeUnit: 'characters',
      purpose,
      contactName: requester.displayName,
      grantTaxCategory: suggestCategory(purpose, bearingBodyOf(organization.localGovernment).kind),
      dispatchStage: 'confirmed',
      dispatchWave: 1,
      screenedAt: now.minus({ days: 2 }).toJSDate(),
    })
    .returning({ id: schema.requests.id });
  if (!request) return;
  const [assignment] = await db
    .insert(schema.assignments)
    .values({ requestId: request.id, volunteerId: volunteer.id, reconfirmedAt: booked })
    .returning({ id: schema.assignments.id });
  if (!assignment) return;
  await db.insert(schema.translationJobs).values({
    associationId: organization.associationId,
    requestId: request.id,
    assignmentId: assignment.id,
    roundsAllowed: defaultPolicy.translation.revisionRounds,
    createdAt: booked,
    updatedAt: booked,
  });
  const [source] = await db
    .insert(schema.documents)
    .values({
      associationId: organization.associationId,
      organizationId: organization.id,
      requestId: request.id,
      role: 'source',
      uploadedBy: requester.id,
      fileName: demoSource.fileName,
      mediaType: 'text/plain',
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      countUnit: volume.countUnit,
      counted: volume.counted,
      pageCount: volume.pageCount,
      countProblem: volume.problem,
      createdAt: booked,
    })
    .returning({ id: schema.documents.id });
  if (source) await db.insert(schema.documentChunks).values({ documentId: source.id, seq: 0, bytes });
}

/** The demo volunteer, and the demo requester with their body: the two sides of the demo's own bookings. */
async function demoPair(db: Db) {
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
  if (!volunteer?.volunteer || !requester || !organization) return null;
  return { volunteer: volunteer.volunteer, requester, organization };
}
