import { type Db, schema } from '@tsunagu/db';
import { type DispatchEvent, type DispatchNotice, type EmailMessage, pathTo, readPolicy } from '@tsunagu/domain';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { CalendarEvent } from '../notifications/calendar-event';
import { enqueueEmail } from '../notifications/outbox';
import { assignmentEvent } from '../volunteers/calendar-feed';

/** Who a dispatch message goes to: a user of the app, or an organization's contact address. */
export interface Recipient {
  userId: string | null;
  email: string;
  locale: 'ja' | 'en';
}

/**
 * A request with what dispatch needs to decide and to tell: its organization, policy and the names
 * its messages use. With `lock`, the request row is locked first (`for update`), so that every
 * step on one request runs one after the other.
 */
export async function loadDispatchRequest(tx: Db, requestId: string, { lock }: { lock: boolean }) {
  if (lock) {
    const [locked] = await tx
      .select({ id: schema.requests.id })
      .from(schema.requests)
      .where(eq(schema.requests.id, requestId))
      .for('update');
    if (!locked) return null;
  }
  const request = await tx.query.requests.findFirst({
    where: { id: requestId },
    with: {
      organization: { columns: { name: true, trusted: true, contactEmail: true } },
      association: { columns: { policy: true } },
      language: { columns: { nameJa: true, nameEn: true } },
      localGovernment: { columns: { nameJa: true, nameEn: true } },
    },
  });
  if (!request) return null;
  const policy = readPolicy(request.association.policy);
  // The instants the work is about: an interpreting request's window, a translation's deadline.
  const startsAt = request.startsAt ?? request.deadline;
  const endsAt = request.endsAt ?? request.deadline;
  if (!startsAt || !endsAt) throw new Error('a request has a start or a deadline');
  return { ...request, policy, workStartsAt: startsAt, workEndsAt: endsAt };
}

export type DispatchRequest = NonNullable<Awaited<ReturnType<typeof loadDispatchRequest>>>;

/** The request as every message describes it. */
export function noticeFor(
  request: DispatchRequest,
  event: DispatchEvent,
  extra: Omit<DispatchNotice, 'event' | 'requestId' | 'request'> = {},
): DispatchNotice {
  return {
    event,
    requestId: request.id,
    request: {
      organizationName: request.organization.name,
      language: { ja: request.language.nameJa, en: request.language.nameEn },
      modality: request.modality,
      startsAt: request.startsAt?.toISOString() ?? null,
      endsAt: request.endsAt?.toISOString() ?? null,
      deadline: request.deadline?.toISOString() ?? null,
      municipality: request.localGovernment
        ? { ja: request.localGovernment.nameJa, en: request.localGovernment.nameEn ?? request.localGovernment.nameJa }
        : null,
    },
    ...extra,
  };
}

/** Where and whom to ask: for the booked volunteer only. */
export function particularsOf(request: DispatchRequest): NonNullable<DispatchNotice['particulars']> {
  return {
    venue: request.venue,
    address: request.address,
    remoteJoinInstructions: request.remoteJoinInstructions,
    contactName: request.contactName,
    contactPhone: request.contactPhone,
  };
}

/**
 * Writes the message to the outbox in the caller's transaction; the same key twice is written once.
 * A confirmation, change or cancellation passes the appointment, sent along as an invitation.
 */
export async function notify(
  tx: Db,
  key: string,
  recipient: Recipient,
  notice: DispatchNotice,
  calendar?: CalendarEvent,
): Promise<void> {
  const [request] = await tx
    .select({ associationId: schema.requests.associationId })
    .from(schema.requests)
    .where(eq(schema.requests.id, notice.requestId));
  await enqueueEmail(tx, {
    idempotencyKey: key,
    to: recipient.email,
    locale: recipient.locale,
    recipientUserId: recipient.userId,
    associationId: request?.associationId ?? null,
    ...({ template: notice.event, payload: notice } as EmailMessage),
    ...(calendar ? { calendar } : {}),
  });
}

/**
 * A booking as an appointment in the recipient's language, the same event (uid) as in the
 * volunteer's calendar feed, so that an invitation, its change and its cancellation update one
 * entry. `changedAt` orders the versions; the link is resolved against the public URL on delivery.
 */
export function appointmentOf(
  request: DispatchRequest,
  assignmentId: string,
  recipient: Recipient,
  {
    changedAt,
    cancelled = false,
    forRequester = false,
  }: { changedAt: Date; cancelled?: boolean; forRequester?: boolean },
): CalendarEvent {
  const event = assignmentEvent({ id: assignmentId, updatedAt: changedAt, request }, recipient.locale, '');
  return { ...event, cancelled, ...(forRequester ? { url: pathTo('request', { id: request.id }) } : {}) };
}

/** The staff member who filed the request, or the organization's contact address when they are gone. */
export async function requesterOf(tx: Db, request: DispatchRequest): Promise<Recipient> {
  if (request.filedBy) {
    const user = await tx.query.users.findFirst({
      where: { id: request.filedBy, disabledAt: { isNull: true } },
      columns: { id: true, email: true, locale: true },
    });
    if (user) return { userId: user.id, email: user.email, locale: user.locale };
  }
  return { userId: null, email: request.organization.contactEmail, locale: 'ja' };
}

/** The association's coordinators; its admins when it has none. */
export async function coordinatorsOf(tx: Db, associationId: string): Promise<Recipient[]> {
  const staff = await tx
    .select({
      userId: schema.users.id,
      email: schema.users.email,
      locale: schema.users.locale,
      role: schema.associationStaff.role,
    })
    .from(schema.associationStaff)
    .innerJoin(schema.users, eq(schema.users.id, schema.associationStaff.userId))
    .where(and(eq(schema.associationStaff.associationId, associationId), isNull(schema.users.disabledAt)));
  const coordinators = staff.filter((member) => member.role === 'coordinator');
  return (coordinators.length > 0 ? coordinators : staff).map(({ userId, email, locale }) => ({
    userId,
    email,
    locale,
  }));
}

/** Tells every coordinator; `key` is made unique per coordinator. */
export async function notifyCoordinators(
  tx: Db,
  request: DispatchRequest,
  key: string,
  notice: DispatchNotice,
): Promise<void> {
  for (const coordinator of await coordinatorsOf(tx, request.associationId)) {
    await notify(tx, `${key}:${coordinator.userId}`, coordinator, notice);
  }
}

/** Volunteers as recipients, with their names, by volunteer id. */
export async function volunteersById(
  tx: Db,
  volunteerIds: string[],
): Promise<Map<string, Recipient & { fullName: string }>> {
  if (volunteerIds.length === 0) return new Map();
  const rows = await tx
    .select({
      volunteerId: schema.volunteers.id,
      fullName: schema.volunteers.fullName,
      userId: schema.users.id,
      email: schema.users.email,
      locale: schema.users.locale,
    })
    .from(schema.volunteers)
    .innerJoin(schema.users, eq(schema.users.id, schema.volunteers.userId))
    .where(inArray(schema.volunteers.id, volunteerIds));
  return new Map(rows.map(({ volunteerId, ...recipient }) => [volunteerId, recipient]));
}
