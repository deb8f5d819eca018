import { useState } from 'react';
import { useQuery } from 'urql';
import { useNow } from '../dispatch/Countdown';
import { RequesterReportForm } from '../dispatch/RequesterReportForm';
import type { ResultOf } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import { DeclineVolunteer } from '../requester/DeclinedVolunteersPage';
import { Empty, LoadError, Loading } from '../ui/states';
import { RequestBookingsQuery } from './documents';
import { requestMessages } from './messages';

type Booked = Extract<NonNullable<ResultOf<typeof RequestBookingsQuery>['node']>, { __typename: 'Request' }>;
export type Booking = Booked['assignments'][number];

/** Bookings that count: the ones that stand or took place, not the released or cancelled. */
export const standing = (booking: Booking) =>
  booking.status === 'confirmed' || booking.status === 'completed' || booking.status === 'no_show';

/** The request's bookings, as its organization and its coordinators read them. */
export function useBookings(requestId: string) {
  const [{ data, fetching, error }, refresh] = useQuery({
    query: RequestBookingsQuery,
    variables: { id: requestId },
    requestPolicy: 'cache-and-network',
  });
  const request: Booked | null = data?.node?.__typename === 'Request' ? data.node : null;
  const startedAt = request ? Date.parse(request.startsAt ?? request.deadline ?? '') : Number.NaN;
  return { request, data, fetching, error, refresh, startedAt };
}

/**
 * For the requesting organization: who goes, once someone is booked, and after the activity the
 * organization's report on each booking.
 */
export function Bookings({ requestId }: { requestId: string }) {
  const t = useMessages(requestMessages);
  const format = useFormat();
  const now = useNow(60_000);
  const { request, data, fetching, error, refresh, startedAt } = useBookings(requestId);
  const [reporting, setReporting] = useState<string | null>(null);
  // A cancelled request shows whom its cancellation released, as cancelled, rather than nobody.
  const bookings = (request?.assignments ?? []).filter((booking) =>
    request?.status === 'cancelled' ? booking.status === 'cancelled' : standing(booking),
  );
  return (
    <section className="card" aria-labelledby="bookings-title">
      <h2 id="bookings-title">{t.bookingsTitle}</h2>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {request && bookings.length === 0 ? <Empty>{t.nobodyBooked}</Empty> : null}
      {bookings.length > 0 ? (
        <ul className="bookings">
          {bookings.map((booking) => {
            const report = booking.reports.find((one) => one.kind === 'requester') ?? null;
            const canReport = startedAt <= now && !report?.approvedAt;
            return (
              <li key={booking.id}>
                <p>
                  <strong className="booked-volunteer">{booking.volunteerName}</strong>{' '}
                  <span className={`status status-assignment-${booking.status}`}>
                    {t.bookingStatus[booking.status]}
                  </span>
                </p>
                {report ? <p className="hint">{t.yourReportFiled(format.dateTime(report.filedAt))}</p> : null}
                <DeclineVolunteer volunteerId={booking.volunteerId} volunteerName={booking.volunteerName} />
                {canReport ? (
                  <button
                    type="button"
                    className="secondary"
                    aria-expanded={reporting === booking.id}
                    onClick={() => setReporting(reporting === booking.id ? null : booking.id)}
                  >
                    {reporting === booking.id ? t.closeReport : report ? t.changeReport : t.writeReport}
                  </button>
                ) : null}
                {canReport && reporting === booking.id ? (
                  <RequesterReportForm assignmentId={booking.id} volunteerName={booking.volunteerName} filed={report} />
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
