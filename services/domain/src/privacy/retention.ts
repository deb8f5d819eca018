import type { DateTime } from 'luxon';
import type { AssociationPolicy } from '../associations/policy';

export type RetentionPolicy = AssociationPolicy['retention'];

/** A person with an account, as retention sees them: when they stopped serving, and where they served. */
export interface RetentionPerson {
  userId: string;
  /** A confirmed booking that has not ended: the person is kept until it has (and a coordinator sorts it out). */
  bookingToCome?: boolean;
  /** The volunteer profile, if they have one. */
  volunteer: {
    status: 'applied' | 'active' | 'suspended' | 'retired';
    retiredAt: Date | null;
    memberships: ReadonlyArray<{
      associationId: string;
      status: 'applied' | 'active' | 'suspended' | 'left';
      leftAt: Date | null;
    }>;
  } | null;
}

export interface RetentionOrganization {
  id: string;
  associationId: string;
  closedAt: Date | null;
}

export interface RetentionRequest {
  id: string;
  associationId: string;
  /** When the activity ended (a translation: its deadline); null if it never got a date. */
  activityEndedAt: Date | null;
}

export interface RetentionRecords {
  /** People not yet erased. */
  people: readonly RetentionPerson[];
  /** Organizations not yet anonymised. */
  organizations: readonly RetentionOrganization[];
  /** Requests whose particulars are not yet erased. */
  requests: readonly RetentionRequest[];
}

export interface RetentionDue {
  people: string[];
  organizations: string[];
  requests: string[];
}

/**
 * Since when a volunteer no longer serves: retired (from the day they retired), or gone from every
 * association they were a member of (from the last departure). Null while they serve anywhere.
 */
export function servedUntil(volunteer: NonNullable<RetentionPerson['volunteer']>): Date | null {
  if (volunteer.status === 'retired') return volunteer.retiredAt;
  const { memberships } = volunteer;
  if (memberships.length === 0 || memberships.some((membership) => membership.status !== 'left')) return null;
  const departures = memberships.map((membership) => membership.leftAt);
  if (departures.some((leftAt) => leftAt === null)) return null;
  return new Date(Math.max(...departures.map((leftAt) => (leftAt as Date).getTime())));
}

/**
 * What is due for anonymisation or erasure at `now`, by the retention policy of each association
 * involved. A person who served several associations is kept for the longest of their periods (each
 * may still be asked about their work); an association without a policy in `policies` keeps its
 * records (nothing is erased on a guess). A date of departure or closure not recorded keeps the
 * record too, and so does a booking still to come.
 */
export function retentionDue(
  records: RetentionRecords,
  policies: ReadonlyMap<string, RetentionPolicy>,
  now: DateTime,
): RetentionDue {
  // Months and days on Tokyo's calendar: 24 months after 31 March is 31 March two years on.
  const reached = (since: Date, period: { months?: number; days?: number }) =>
    since.getTime() <= now.setZone('Asia/Tokyo').minus(period).toMillis();

  const people = records.people.flatMap((person) => {
    if (!person.volunteer || person.bookingToCome) return [];
    const since = servedUntil(person.volunteer);
    if (!since) return [];
    const months = person.volunteer.memberships.map(
      (membership) => policies.get(membership.associationId)?.retiredPersonMonths,
    );
    if (months.length === 0 || months.some((value) => value === undefined)) return [];
    return reached(since, { months: Math.max(...(months as number[])) }) ? [person.userId] : [];
  });

  const organizations = records.organizations.flatMap((organization) => {
    const policy = policies.get(organization.associationId);
    if (!organization.closedAt || !policy) return [];
    return reached(organization.closedAt, { months: policy.closedOrganizationMonths }) ? [organization.id] : [];
  });

  const requests = records.requests.flatMap((request) => {
    const policy = policies.get(request.associationId);
    if (!request.activityEndedAt || !policy) return [];
    return reached(request.activityEndedAt, { days: policy.requestParticularsDays }) ? [request.id] : [];
  });

  return { people, organizations, requests };
}
