import type { Db } from '@tsunagu/db';
import { ForbiddenError, mayActOn, tenancyOf, ValidationError, type Viewer } from '@tsunagu/domain';
import { sql } from 'drizzle-orm';

/** Requests and how many were filled, for one language, month and association. */
export interface SupplyDemandCell {
  associationId: string;
  languageCode: string;
  /** YYYY-MM, in Japan. */
  month: string;
  requests: number;
  filled: number;
  unfilled: number;
  /** filled / requests, 0–1. */
  fillRate: number;
}

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

/**
 * Supply and demand by language over a fiscal year: per language, month (of the activity, or of a
 * translation's deadline, in Japan) and association, the requests filed, how many got every
 * interpreter they asked for (filled or completed), and the rest. Cancelled and rejected requests
 * are left out: nobody could have filled them. Coordinators see where to recruit.
 */
export async function supplyAndDemand(
  db: Db,
  viewer: Viewer,
  options: { fiscalYear: number; associationId?: string | null },
): Promise<SupplyDemandCell[]> {
  if (!Number.isInteger(options.fiscalYear) || options.fiscalYear < 2000 || options.fiscalYear > 2100) {
    throw ValidationError.of(['fiscalYear'], {
      en: 'Give a fiscal year such as 2025.',
      ja: '年度を 2025 のように入力してください。',
    });
  }
  const associations = options.associationId
    ? [options.associationId]
    : tenancyOf(viewer, 'coordinator').associationIds;
  if (associations.some((id) => !mayActOn(viewer, { associationId: id }, 'coordinator'))) {
    throw new ForbiddenError('coordinators_only');
  }
  if (associations.length === 0) return [];
  // Japan keeps +09:00 all year: the fiscal year's bounds are fixed instants.
  const from = new Date(`${options.fiscalYear}-04-01T00:00:00+09:00`);
  const to = new Date(`${options.fiscalYear + 1}-04-01T00:00:00+09:00`);
  const result = await db.execute(sql`
    select association_id as "associationId", language_code as "languageCode",
           to_char(coalesce(starts_at, deadline) at time zone 'Asia/Tokyo', 'YYYY-MM') as month,
           count(*)::int as requests,
           (count(*) filter (where status in ('filled', 'completed')))::int as filled
      from requests
     where association_id in (${sql.join(
       associations.map((id) => sql`${id}::uuid`),
       sql`, `,
     )})
       and status not in ('cancelled', 'rejected')
       and coalesce(starts_at, deadline) >= ${from} and coalesce(starts_at, deadline) < ${to}
     group by 1, 2, 3
     order by 3, 2, 1
  `);
  return rowsOf<Omit<SupplyDemandCell, 'unfilled' | 'fillRate'>>(result).map((row) => ({
    ...row,
    unfilled: row.requests - row.filled,
    fillRate: row.requests === 0 ? 0 : row.filled / row.requests,
  }));
}
