import { type Db, schema } from '@tsunagu/db';
import { type Clock, ForbiddenError, pathTo, type Viewer } from '@tsunagu/domain';
import { and, gte, or, sql } from 'drizzle-orm';
import { hashToken, newToken } from '../accounts/sessions';
import { type CalendarEvent, calendarSequence, renderCalendarFeed } from '../notifications/calendar-event';

/** The feed shows the last month too, so a calendar keeps what was done recently. */
const pastDays = 30;
/** A translation is shown as half an hour ending at its deadline. */
const deadlineMinutes = 30;

type Locale = 'ja' | 'en';

interface FeedAssignment {
  id: string;
  updatedAt: Date;
  request: {
    modality: 'on_site' | 'remote' | 'translation';
    startsAt: Date | null;
    endsAt: Date | null;
    deadline: Date | null;
    venue: string | null;
    address: string | null;
    remoteJoinInstructions: string | null;
    contactName: string;
    contactPhone: string | null;
    updatedAt: Date;
    language: { nameJa: string; nameEn: string };
  };
}

const work: Record<FeedAssignment['request']['modality'], Record<Locale, string>> = {
  on_site: { ja: '通訳', en: 'Interpreting' },
  remote: { ja: 'リモート通訳', en: 'Remote interpreting' },
  translation: { ja: '翻訳の締切', en: 'Translation due' },
};

/** One confirmed assignment as a calendar event, in the volunteer's language. */
export function assignmentEvent(assignment: FeedAssignment, locale: Locale, publicUrl: string | null): CalendarEvent {
  const { request } = assignment;
  const language = locale === 'ja' ? request.language.nameJa : request.language.nameEn;
  const end = request.endsAt ?? request.deadline;
  const start = request.startsAt ?? (end && new Date(end.getTime() - deadlineMinutes * 60_000));
  if (!start || !end) throw new Error('an assignment’s request has a window or a deadline');
  const label =
    locale === 'ja' ? `${work[request.modality].ja}（${language}）` : `${work[request.modality].en} (${language})`;
  const contact = [request.contactName, request.contactPhone].filter(Boolean).join(' ');
  const description = [
    `${locale === 'ja' ? '連絡先' : 'Contact'}: ${contact}`,
    request.modality === 'remote' && request.remoteJoinInstructions ? request.remoteJoinInstructions : null,
  ]
    .filter(Boolean)
    .join('\n');
  const changedAt = new Date(Math.max(assignment.updatedAt.getTime(), request.updatedAt.getTime()));
  return {
    uid: `assignment-${assignment.id}@tsunagu`,
    sequence: calendarSequence(changedAt),
    cancelled: false,
    start: start.toISOString(),
    end: end.toISOString(),
    // 「通訳（ベトナム語）豊中市役所」 reads right in Japanese; English takes a comma.
    summary: request.venue ? `${label}${locale === 'ja' ? '' : ', '}${request.venue}` : label,
    location: [request.venue, request.address].filter(Boolean).join(', ') || null,
    description,
    url: publicUrl === null ? null : `${publicUrl}${pathTo('assignments', { id: assignment.id })}`,
  };
}

/**
 * A volunteer's calendar subscription: their confirmed and completed assignments from a month ago
 * on, at a secret URL that calendar programs fetch without signing in.
 */
export function createCalendarFeedService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** A new secret for the volunteer's feed; the old URL stops working. The token is shown once. */
    async renew(viewer: Viewer): Promise<{ token: string }> {
      if (!viewer.volunteerId) throw new ForbiddenError('volunteers_only');
      const { token, tokenHash } = newToken();
      await db
        .insert(schema.calendarFeeds)
        .values({ volunteerId: viewer.volunteerId, tokenHash })
        .onConflictDoUpdate({
          target: schema.calendarFeeds.volunteerId,
          set: { tokenHash, createdAt: clock.now().toJSDate() },
        });
      return { token };
    },

    /** The feed's iCalendar text, or null for a token that is unknown or was renewed away. */
    async feed(token: string, publicUrl: string | null): Promise<string | null> {
      const subscription = await db.query.calendarFeeds.findFirst({ where: { tokenHash: hashToken(token) } });
      if (!subscription) return null;
      const volunteer = await db.query.volunteers.findFirst({
        where: { id: subscription.volunteerId },
        columns: { id: true },
        with: { user: { columns: { locale: true } } },
      });
      const locale: Locale = volunteer?.user?.locale ?? 'ja';
      const since = clock.now().minus({ days: pastDays }).toJSDate();
      const assignments = await db.query.assignments.findMany({
        where: {
          volunteerId: subscription.volunteerId,
          status: { in: ['confirmed', 'completed'] },
          request: {
            RAW: (requests) =>
              or(
                gte(requests.startsAt, since),
                and(sql`${requests.startsAt} is null`, gte(requests.deadline, since)),
              ) ?? sql`false`,
          },
        },
        columns: { id: true, updatedAt: true },
        with: {
          request: {
            columns: {
              modality: true,
              startsAt: true,
              endsAt: true,
              deadline: true,
              venue: true,
              address: true,
              remoteJoinInstructions: true,
              contactName: true,
              contactPhone: true,
              updatedAt: true,
            },
            with: { language: { columns: { nameJa: true, nameEn: true } } },
          },
        },
      });
      const events = assignments.map((assignment) => assignmentEvent(assignment, locale, publicUrl));
      return renderCalendarFeed(events, {
        name: locale === 'ja' ? 'つなぐ 通訳・翻訳の予定' : 'Tsunagu assignments',
        stamp: clock.now().toJSDate(),
      });
    },
  };
}
