import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { z } from 'zod';

/**
 * An appointment as a calendar program sees it. It travels inside an outbox payload (JSON), so its
 * instants are ISO strings.
 */
export interface CalendarEvent {
  /** The same for every message about one appointment, so a calendar updates it instead of adding one. */
  uid: string;
  /** Grows with every change; a calendar keeps the version with the highest. See `calendarSequence`. */
  sequence: number;
  cancelled: boolean;
  start: string;
  end: string;
  summary: string;
  location: string | null;
  description: string | null;
  url: string | null;
}

/** The iCalendar method (RFC 5546) and text of a message about an appointment. */
export interface RenderedCalendar {
  method: 'REQUEST' | 'CANCEL';
  content: string;
}

/** 2025-01-01T00:00Z: sequences count minutes from here, which keeps them well inside 32 bits. */
const sequenceEpoch = Date.UTC(2025, 0, 1);

/**
 * A sequence number from the time of the change it announces: later changes get higher numbers
 * without a counter to keep, and a message repeated for the same change gets the same one.
 */
export function calendarSequence(changedAt: Date): number {
  return Math.max(0, Math.floor((changedAt.getTime() - sequenceEpoch) / 60_000));
}

/** The instant the message was written (DTSTAMP), and the organizer (`Name <address>`): the sender. */
export function renderCalendarEvent(
  event: CalendarEvent,
  { stamp, organizer }: { stamp: Date; organizer: string },
): RenderedCalendar {
  const method = event.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const calendar = ical({ prodId: { company: 'Tsunagu', product: 'dispatch', language: 'JA' }, method });
  calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    stamp,
    start: new Date(event.start),
    end: new Date(event.end),
    summary: event.summary,
    location: event.location,
    description: event.description,
    url: event.url,
    organizer,
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return { method: event.cancelled ? 'CANCEL' : 'REQUEST', content: calendar.toString() };
}

/**
 * A subscription feed (METHOD:PUBLISH) of appointments: what a calendar program shows for the
 * feed's URL. An appointment that leaves the feed leaves the subscriber's calendar at its next fetch.
 */
export function renderCalendarFeed(events: CalendarEvent[], { name, stamp }: { name: string; stamp: Date }): string {
  const calendar = ical({
    prodId: { company: 'Tsunagu', product: 'dispatch', language: 'JA' },
    method: ICalCalendarMethod.PUBLISH,
    name,
    // Calendar programs that honour it fetch the feed again after an hour.
    ttl: 60 * 60,
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      stamp,
      start: new Date(event.start),
      end: new Date(event.end),
      summary: event.summary,
      location: event.location,
      description: event.description,
      url: event.url,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

const calendarEventSchema = z.object({
  uid: z.string().min(1),
  sequence: z.int().min(0),
  cancelled: z.boolean(),
  start: z.iso.datetime({ offset: true }),
  end: z.iso.datetime({ offset: true }),
  summary: z.string(),
  location: z.string().nullable(),
  description: z.string().nullable(),
  url: z.string().nullable(),
});

/**
 * The appointment an outbox payload carries under `calendar`, or null when it carries none. A
 * malformed one throws: a message that cannot be written is a bug to see, not one to send without.
 */
export function calendarEventOf(payload: Record<string, unknown>): CalendarEvent | null {
  if (payload.calendar === undefined || payload.calendar === null) return null;
  return calendarEventSchema.parse(payload.calendar);
}
