import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { WorkFields } from '../dispatch/WorkSummary';
import { readFragment } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import { fromInstant, todayInJapan } from '../jst';
import { enumLabels } from '../labels';
import { useLocalName } from '../pickers/names';
import { Empty } from '../ui/states';
import type { Assignment } from './AssignmentsPage';
import { calendarMessages } from './calendarMessages';
import { volunteerMessages } from './messages';
import { isDate, isMonth, monthOf, monthWeeks, shiftMonth } from './month';
import { volunteerWorkMessages } from './workMessages';

/** When a booking is on the calendar: its start, or a translation's deadline. */
const whenOf = (assignment: Assignment) => {
  const work = readFragment(WorkFields, assignment.request);
  return work.startsAt ?? work.deadline ?? work.endsAt;
};

/** The loaded bookings by their day in Japan, each day's in the order of the clock. */
function byDay(assignments: readonly Assignment[]): Map<string, Assignment[]> {
  const days = new Map<string, Assignment[]>();
  const dated = assignments
    .filter((assignment) => whenOf(assignment) !== null)
    .sort((a, b) => Date.parse(whenOf(a) ?? '') - Date.parse(whenOf(b) ?? ''));
  for (const assignment of dated) {
    const day = fromInstant(whenOf(assignment) ?? '').date;
    days.set(day, [...(days.get(day) ?? []), assignment]);
  }
  return days;
}

/** A booking as a calendar cell can hold it: time, language, place. */
function BookingLine({ assignment }: { assignment: Assignment }) {
  const t = useMessages(calendarMessages);
  const w = useMessages(volunteerWorkMessages);
  const format = useFormat();
  const localName = useLocalName();
  const request = readFragment(WorkFields, assignment.request);
  const time = request.startsAt
    ? format.time(request.startsAt)
    : request.deadline
      ? t.deadline(format.time(request.deadline))
      : '';
  const place =
    request.venue ??
    (request.localGovernment ? localName(request.localGovernment) : request.modality === 'remote' ? t.remote : null);
  const standing = assignment.status === 'confirmed' || assignment.status === 'completed';
  return (
    <>
      <span className="calendar-time">{time}</span> {localName(request.language)}
      {place ? ` · ${place}` : null}
      {standing ? null : ` (${w.assignmentStatus[assignment.status]})`}
    </>
  );
}

/**
 * The volunteer's bookings on a month of Japan's calendar, weeks from Monday like the availability
 * grid. Month and day live in the address (back button, reload). Under the grid, the chosen day's
 * bookings (or the month's) as full cards: on a phone the cells only count them.
 */
export function BookingCalendar({
  assignments,
  now,
  card,
}: {
  assignments: readonly Assignment[];
  now: number;
  card(assignment: Assignment): ReactNode;
}) {
  const t = useMessages(calendarMessages);
  const v = useMessages(volunteerMessages);
  const labels = useMessages(enumLabels);
  const format = useFormat();
  const [location] = useLocation();
  const params = new URLSearchParams(useSearch());
  const today = todayInJapan(new Date(now));
  const month = isMonth(params.get('month')) ? (params.get('month') as string) : monthOf(today);
  const dayParam = params.get('day');
  const chosen = isDate(dayParam) && monthOf(dayParam) === month ? dayParam : null;
  const days = byDay(assignments);
  // After a click in the grid: a booking chosen in a cell takes the focus in its card below; a day
  // chosen on a phone (whose cells only count) brings its list into view if it is below the fold.
  const [after, setAfter] = useState<{ booking: string } | 'day' | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!after) return;
    if (after === 'day') {
      const top = listHeading.current?.getBoundingClientRect().top ?? 0;
      if (top > window.innerHeight - 96) listHeading.current?.scrollIntoView({ block: 'start' });
    } else {
      document.getElementById(bookingElementId(after.booking))?.focus();
    }
    setAfter(null);
  }, [after]);

  const href = (to: { month: string; day?: string }) =>
    `${location}?${new URLSearchParams({ view: 'calendar', ...to })}`;
  const monthTitle = (of: string) => t.monthTitle(Number(of.slice(0, 4)), Number(of.slice(5, 7)));
  const dayTitle = (date: string) => format.weekdayDay(`${date}T00:00:00+09:00`);
  const previous = shiftMonth(month, -1);
  const next = shiftMonth(month, 1);
  const shown = chosen
    ? (days.get(chosen) ?? [])
    : [...days.entries()].filter(([day]) => monthOf(day) === month).flatMap(([, ones]) => ones);

  return (
    <section className="booking-calendar" aria-labelledby="month-title">
      <div className="calendar-head">
        <Link href={href({ month: previous })} className="button secondary calendar-step">
          <span aria-hidden="true">‹ </span>
          <span className="visually-hidden">{t.previousMonth(monthTitle(previous))}</span>
          <span aria-hidden="true">{t.shortMonth(Number(previous.slice(5, 7)))}</span>
        </Link>
        <h2 id="month-title" aria-live="polite">
          {monthTitle(month)}
        </h2>
        <Link href={href({ month: next })} className="button secondary calendar-step">
          <span className="visually-hidden">{t.nextMonth(monthTitle(next))}</span>
          <span aria-hidden="true">{t.shortMonth(Number(next.slice(5, 7)))}</span>
          <span aria-hidden="true"> ›</span>
        </Link>
      </div>
      {month === monthOf(today) ? null : (
        <p className="calendar-today">
          <Link href={href({ month: monthOf(today) })}>{t.thisMonth}</Link>
        </p>
      )}
      <table className="calendar" aria-labelledby="month-title">
        <thead>
          <tr>
            {labels.weekdays.map((short, index) => (
              <th key={short} scope="col" className={`weekday-${index + 1}`}>
                <span aria-hidden="true">{short}</span>
                <span className="visually-hidden">{v.weekdayNames[index]}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(month).map((week) => (
            <tr key={week.find(Boolean)}>
              {week.map((date, index) => {
                if (!date) {
                  // biome-ignore lint/suspicious/noArrayIndexKey: blank days have only their place in the week
                  return <td key={index} className="calendar-blank" />;
                }
                const bookings = days.get(date) ?? [];
                const isToday = date === today;
                const label = t.dayLabel(dayTitle(date), bookings.length, isToday);
                const classes = [
                  `weekday-${index + 1}`,
                  isToday ? 'calendar-today-cell' : '',
                  date === chosen ? 'calendar-chosen' : '',
                ].join(' ');
                return (
                  <td key={date} className={classes}>
                    {bookings.length > 0 ? (
                      <Link
                        href={href({ month, day: date })}
                        replace
                        onClick={() => setAfter('day')}
                        className="calendar-day"
                        aria-label={label}
                        aria-current={date === chosen ? 'true' : isToday ? 'date' : undefined}
                      >
                        <span className="calendar-date">{Number(date.slice(8))}</span>
                        <span className="calendar-count">{bookings.length}</span>
                      </Link>
                    ) : (
                      <span className="calendar-day" aria-current={isToday ? 'date' : undefined}>
                        <span className="calendar-date" aria-hidden="true">
                          {Number(date.slice(8))}
                        </span>
                        <span className="visually-hidden">{label}</span>
                      </span>
                    )}
                    {bookings.length > 0 ? (
                      <ul className="calendar-bookings">
                        {bookings.map((assignment) => (
                          <li key={assignment.id}>
                            <Link
                              href={href({ month, day: date })}
                              replace
                              onClick={() => setAfter({ booking: assignment.id })}
                            >
                              <BookingLine assignment={assignment} />
                            </Link>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="month-list-title" className="calendar-list">
        <h3 id="month-list-title" ref={listHeading}>
          {chosen ? t.dayBookings(dayTitle(chosen)) : t.monthBookings(monthTitle(month))}
        </h3>
        {chosen ? (
          <p>
            <Link href={href({ month })} replace>
              {t.wholeMonth}
            </Link>
          </p>
        ) : null}
        {shown.length === 0 ? (
          <Empty>{chosen ? t.noBookingsOnDay : t.noBookingsInMonth}</Empty>
        ) : (
          <ul className="work-list">{shown.map(card)}</ul>
        )}
      </section>
    </section>
  );
}

/** The element of a booking's card, for the calendar to move the focus to. */
export const bookingElementId = (assignmentId: string) => `booking-${assignmentId}`;
