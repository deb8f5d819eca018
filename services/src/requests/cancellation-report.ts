import type { Db } from '@tsunagu/db';
import { ForbiddenError, mayActOn, ValidationError, type Viewer } from '@tsunagu/domain';
import { sql } from 'drizzle-orm';

/** Whose decision a counted cancellation was: a request cancelled by either side, or a booking ended. */
export const cancellationKinds = [
  'requester_cancelled',
  'coordinator_cancelled',
  'coordinator_released',
  'volunteer_withdrew',
] as const;
export type CancellationKind = (typeof cancellationKinds)[number];

/** How many times one organization's requests met one reason of one kind in the period. */
export interface CancellationCount {
  organizationId: string;
  organizationName: string;
  kind: CancellationKind;
  /** A value of the cancellation list, or of the volunteers' list for `volunteer_withdrew`. */
  reason: string;
  count: number;
}

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

/**
 * Cancellations per reason and per organization over a fiscal year, for an association's
 * coordinators: requests cancelled by their requester or a coordinator, bookings a coordinator
 * released, and volunteers who withdrew, each with the reason they gave. Counted by when it
 * happened (the request's cancellation, the booking's release), in Japan; one statement.
 */
export async function cancellationReport(
  db: Db,
  viewer: Viewer,
  { associationId, fiscalYear }: { associationId: string; fiscalYear: number },
): Promise<CancellationCount[]> {
  if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100) {
    throw ValidationError.of(['fiscalYear'], {
      en: 'Give a fiscal year such as 2025.',
      ja: '年度を 2025 のように入力してください。',
    });
  }
  if (!mayActOn(viewer, { associationId }, 'coordinator')) throw new ForbiddenError('coordinators_only');
  // Japan keeps +09:00 all year: the fiscal year's bounds are fixed instants.
  const from = new Date(`${fiscalYear}-04-01T00:00:00+09:00`);
  const to = new Date(`${fiscalYear + 1}-04-01T00:00:00+09:00`);
  const result = await db.execute(sql`
    with counted as (
      select r.organization_id, r.cancelled_by::text || '_cancelled' as kind, r.cancellation_reason::text as reason
        from requests r
       where r.association_id = ${associationId}::uuid and r.status = 'cancelled'
         and r.cancellation_reason is not null
         and r.cancelled_at >= ${from} and r.cancelled_at < ${to}
      union all
      select r.organization_id,
             case when a.withdrawal_reason is not null then 'volunteer_withdrew' else 'coordinator_released' end,
             coalesce(a.withdrawal_reason::text, a.release_cause::text)
        from assignments a
        join requests r on r.id = a.request_id
       where r.association_id = ${associationId}::uuid and a.status = 'released'
         and (a.withdrawal_reason is not null or a.release_cause is not null)
         and a.released_at >= ${from} and a.released_at < ${to}
    )
    select o.id as "organizationId", o.name as "organizationName", c.kind, c.reason, count(*)::int as count
      from counted c
      join organizations o on o.id = c.organization_id
     group by o.id, o.name, c.kind, c.reason
     order by o.name, c.kind, count desc, c.reason
  `);
  return rowsOf<CancellationCount>(result);
}
