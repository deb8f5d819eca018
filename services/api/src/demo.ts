import { type Db, type DemoProgress, type DemoReport, seedDemoData } from '@tsunagu/db';
import { type Clock, hashPassword, systemClock } from '@tsunagu/services';

/** The password of every demo account. Demo data is for trying the app, never for real use. */
export const demoPassword = 'tsunagu-demo';

/** What the embedded default loads on first start, and `pnpm seed` without --volunteers. */
export const defaultDemoVolunteers = 200;

/** The demo population, once per database (see seedDemoData), dated around today in Japan. */
export async function loadDemoData(
  db: Db,
  options: { volunteers: number; clock?: Clock; onProgress?: (progress: DemoProgress) => void },
): Promise<DemoReport> {
  const today = (options.clock ?? systemClock).now().toISODate();
  if (!today) throw new Error('the clock gave an invalid date');
  return seedDemoData(db, {
    volunteers: options.volunteers,
    today,
    passwordHash: await hashPassword(demoPassword),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
