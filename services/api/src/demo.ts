import { type Db, type DemoProgress, type DemoReport, schema, seedDemoData } from '@tsunagu/db';
import { type Clock, fiscalYearOf, hashPassword, illustrativeRateRules, systemClock } from '@tsunagu/services';

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
  if (report.added) await addIllustrativeRates(db, `${fiscalYearOf(now) - 1}-04-01`);
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
        note: 'Illustrative demo rates: not any association’s real rates.',
      })),
    )
    .onConflictDoNothing();
}
