import { cancellationReasonWords, wordsIn } from '@tsunagu/domain';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useNow } from '../dispatch/Countdown';
import { ActionButton } from '../forms/ActionButton';
import { outcomeOf } from '../forms/failure';
import { ReasonInPlace } from '../forms/ReasonInPlace';
import { cancellationSchema } from '../forms/rules';
import { useFormat, useLocale, useMessages } from '../i18n';
import { type Booking, standing, useBookings } from '../requests/Bookings';
import { requestMessages } from '../requests/messages';
import { StatedReason } from '../requests/StatedReason';
import { Fact } from '../ui/Facts';
import { Empty, LoadError, Loading } from '../ui/states';
import {
  ApproveActivityReportsMutation,
  DispatchStateQuery,
  RecordNoShowMutation,
  ReleaseAssignmentMutation,
} from './dispatchDocuments';
import { dispatchConsoleMessages } from './dispatchMessages';

function BookingReports({ booking }: { booking: Booking }) {
  const t = useMessages(dispatchConsoleMessages);
  const format = useFormat();
  const volunteer = booking.reports.find((report) => report.kind === 'volunteer');
  const requester = booking.reports.find((report) => report.kind === 'requester');
  return (
    <dl className="facts">
      <Fact label={t.volunteerReport}>
        {volunteer
          ? [
              volunteer.actualStart && volunteer.actualEnd
                ? format.window(volunteer.actualStart, volunteer.actualEnd)
                : null,
              volunteer.transportFareYen === null ? null : t.fare(volunteer.transportFareYen),
              volunteer.notes,
              volunteer.approvedAt ? t.approvedOn(format.dateTime(volunteer.approvedAt)) : t.waitingApproval,
            ]
              .filter(Boolean)
              .join(' · ')
          : t.notFiled}
      </Fact>
      <Fact label={t.requesterReport}>
        {requester
          ? [
              requester.tookPlace ? t.tookPlace : t.didNotTakePlace,
              requester.satisfaction === null ? null : t.satisfaction(requester.satisfaction),
              requester.remarks,
            ]
              .filter(Boolean)
              .join(' · ')
          : t.notFiled}
      </Fact>
    </dl>
  );
}

/**
 * Where the dispatch stands: its stage, the offers made, who is booked and what they reported, and
 * what a coordinator does: before the day, release a booked volunteer (cover is sought at once);
 * after it, record a no-show and approve the reports.
 */
export function DispatchPanel({ requestId }: { requestId: string }) {
  const t = useMessages(dispatchConsoleMessages);
  const r = useMessages(requestMessages);
  const format = useFormat();
  const { locale } = useLocale();
  const now = useNow(60_000);
  const [state, refreshState] = useQuery({
    query: DispatchStateQuery,
    variables: { id: requestId },
    requestPolicy: 'cache-and-network',
  });
  const { request, data, fetching, error, refresh, startedAt } = useBookings(requestId);
  const [, recordNoShow] = useMutation(RecordNoShowMutation);
  const [, approveReports] = useMutation(ApproveActivityReportsMutation);
  const [, release] = useMutation(ReleaseAssignmentMutation);
  const [releasedName, setReleasedName] = useState<string | null>(null);
  const dispatch = state.data?.node?.__typename === 'Request' ? state.data.node : null;
  const bookings = (request?.assignments ?? []).filter(standing);
  // Released by a coordinator or withdrawn by the volunteer, with the reason they gave.
  const ended = (request?.assignments ?? []).filter(
    (booking) => booking.status === 'released' && (booking.releaseCause || booking.withdrawalReason),
  );
  const started = startedAt <= now;
  const confirmed = bookings.filter((booking) => booking.status === 'confirmed');
  const reportsIn =
    confirmed.length > 0 && confirmed.every((booking) => booking.reports.some((report) => report.kind === 'volunteer'));
  const approvable = started && reportsIn && (request?.status === 'filled' || request?.status === 'open');
  return (
    <section className="card" aria-labelledby="dispatch-title">
      <h2 id="dispatch-title">{t.dispatchTitle}</h2>
      {dispatch ? (
        <dl className="facts">
          <Fact label={t.stage}>
            <span className={`status stage-${dispatch.dispatchStage}`}>{t.stages[dispatch.dispatchStage]}</span>
          </Fact>
          <Fact label={t.wave}>{dispatch.dispatchWave > 0 ? String(dispatch.dispatchWave) : null}</Fact>
          <Fact label={t.escalatedAt}>{dispatch.escalatedAt ? format.dateTime(dispatch.escalatedAt) : null}</Fact>
          <Fact label={t.rejectionReason}>{dispatch.rejectionReason}</Fact>
        </dl>
      ) : null}
      <h3>{r.bookingsTitle}</h3>
      {releasedName ? <p role="status">{t.released(releasedName)}</p> : null}
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {request && bookings.length === 0 ? <Empty>{r.nobodyBooked}</Empty> : null}
      {bookings.length > 0 ? (
        <ul className="bookings">
          {bookings.map((booking) => (
            <li key={booking.id}>
              <p>
                <strong className="booked-volunteer">{booking.volunteerName}</strong>{' '}
                <span className={`status status-assignment-${booking.status}`}>{r.bookingStatus[booking.status]}</span>
                {booking.reconfirmedAt ? (
                  <span className="hint"> {t.reconfirmedOn(format.dateTime(booking.reconfirmedAt))}</span>
                ) : null}
              </p>
              <BookingReports booking={booking} />
              {!started && booking.status === 'confirmed' ? (
                <ReasonInPlace
                  action={t.release}
                  question={t.releaseConfirm(booking.volunteerName)}
                  yes={t.yesRelease}
                  keep={t.keepBooked}
                  reasons={wordsIn(cancellationReasonWords, locale)}
                  schema={cancellationSchema}
                  run={async (cancellation) => {
                    const outcome = outcomeOf(
                      await release({ assignmentId: booking.id, cancellation }),
                      (result) => result.releaseAssignment,
                    );
                    if (!outcome.ok) return outcome.failure;
                    setReleasedName(booking.volunteerName);
                    // The request is open again and offers go out: both views read it anew.
                    refresh({ requestPolicy: 'network-only' });
                    refreshState({ requestPolicy: 'network-only' });
                    return null;
                  }}
                />
              ) : null}
              {started && booking.status === 'confirmed' ? (
                <ActionButton
                  className="danger secondary"
                  done={t.noShowRecorded}
                  run={async () => {
                    const outcome = outcomeOf(
                      await recordNoShow({ assignmentId: booking.id }),
                      (result) => result.recordNoShow,
                    );
                    return outcome.ok ? null : outcome.failure;
                  }}
                >
                  {t.recordNoShow}
                  <span className="visually-hidden"> {booking.volunteerName}</span>
                </ActionButton>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {ended.length > 0 ? (
        <>
          <h3>{t.endedTitle}</h3>
          <ul className="bookings ended-bookings">
            {ended.map((booking) => (
              <li key={booking.id}>
                <strong>{booking.volunteerName}</strong>
                <StatedReason
                  stated={
                    booking.withdrawalReason
                      ? { by: 'volunteer', reason: booking.withdrawalReason, note: booking.withdrawalNote }
                      : { by: 'coordinator', reason: booking.releaseCause, note: booking.releaseNote }
                  }
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {approvable ? (
        <div className="card-actions">
          <ActionButton
            done={t.reportsApproved}
            run={async () => {
              const outcome = outcomeOf(
                await approveReports({ id: requestId }),
                (result) => result.approveActivityReports,
              );
              return outcome.ok ? null : outcome.failure;
            }}
          >
            {t.approveReports}
          </ActionButton>
        </div>
      ) : null}
      {dispatch && dispatch.offers.length > 0 ? (
        <>
          <h3>{t.offersTitle}</h3>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.volunteer}</th>
                  <th scope="col">{t.wave}</th>
                  <th scope="col">{t.offerStatus}</th>
                  <th scope="col">{t.deadline}</th>
                </tr>
              </thead>
              <tbody>
                {dispatch.offers.map((offer) => (
                  <tr key={offer.id}>
                    <th scope="row">{offer.volunteer.fullName}</th>
                    <td>{offer.wave === 0 ? t.byHand : offer.wave}</td>
                    <td>{t.offerStatuses[offer.status]}</td>
                    <td>{format.dateTime(offer.deadline)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
