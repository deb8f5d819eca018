import { withdrawalReasonWords, wordsIn } from '@tsunagu/domain';
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link, useLocation, useParams, useSearch } from 'wouter';
import { useNow } from '../dispatch/Countdown';
import { VolunteerReportForm } from '../dispatch/VolunteerReportForm';
import { WorkFields, WorkSummary } from '../dispatch/WorkSummary';
import { ActionButton } from '../forms/ActionButton';
import { outcomeOf } from '../forms/failure';
import { ReasonInPlace } from '../forms/ReasonInPlace';
import { withdrawalSchema } from '../forms/rules';
import { type ResultOf, readFragment } from '../graphql';
import { useFormat, useLocale, useMessages } from '../i18n';
import { idFromPath } from '../requests/ids';
import { requestMessages } from '../requests/messages';
import { StatedReason } from '../requests/StatedReason';
import { translationMessages } from '../translations/messages';
import { Fact } from '../ui/Facts';
import { LoadMore } from '../ui/LoadMore';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import { BookingCalendar, bookingElementId } from './BookingCalendar';
import { CalendarFeed } from './CalendarFeed';
import { calendarMessages } from './calendarMessages';
import { MyAssignmentsQuery, ReconfirmMutation, WithdrawMutation } from './workDocuments';
import { volunteerWorkMessages } from './workMessages';

export type Assignment = ResultOf<typeof MyAssignmentsQuery>['myAssignments']['nodes'][number];

/** When the work begins (a translation: when it is due) and ends, in milliseconds. */
const startOf = (assignment: Assignment) => {
  const work = readFragment(WorkFields, assignment.request);
  return Date.parse(work.startsAt ?? work.deadline ?? work.endsAt ?? '');
};
const endOf = (assignment: Assignment) => {
  const work = readFragment(WorkFields, assignment.request);
  return Date.parse(work.endsAt ?? work.deadline ?? work.startsAt ?? '');
};

/** Bookings a report can be filed on: confirmed or completed, once the work has begun. */
const reportable = (assignment: Assignment, now: number) =>
  (assignment.status === 'confirmed' || assignment.status === 'completed') && startOf(assignment) <= now;

/** Where to go and whom to ask: the booked volunteer's alone, while the booking stands. */
function Particulars({ particulars }: { particulars: NonNullable<Assignment['particulars']> }) {
  const t = useMessages(requestMessages);
  const phone = particulars.contactPhone;
  return (
    <dl className="facts">
      <Fact label={t.address}>{particulars.address}</Fact>
      <Fact label={t.remoteJoinInstructions}>{particulars.remoteJoinInstructions}</Fact>
      <Fact label={t.contactName}>{particulars.contactName}</Fact>
      <Fact label={t.contactPhone}>{phone ? <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a> : null}</Fact>
    </dl>
  );
}

function AssignmentCard({
  assignment,
  now,
  reporting,
  onReport,
  onWithdrawn,
}: {
  assignment: Assignment;
  now: number;
  reporting: boolean;
  onReport(open: boolean): void;
  /** Said by the page: the card moves from the upcoming bookings to the others. */
  onWithdrawn(): void;
}) {
  const t = useMessages(volunteerWorkMessages);
  const j = useMessages(translationMessages);
  const format = useFormat();
  const { locale } = useLocale();
  const [, reconfirm] = useMutation(ReconfirmMutation);
  const [, withdraw] = useMutation(WithdrawMutation);
  const report = assignment.reports.find((one) => one.kind === 'volunteer') ?? null;
  const upcoming = startOf(assignment) > now;
  // Asked by the workflow a day or two before (a booking made inside that time needs none).
  const reconfirmBy =
    upcoming && assignment.status === 'confirmed' && !assignment.reconfirmedAt ? assignment.reconfirmBy : null;
  const canReport = reportable(assignment, now) && !report?.approvedAt;
  return (
    // The calendar moves the focus here when the booking is chosen in a cell.
    <li className="card" id={bookingElementId(assignment.id)} tabIndex={-1}>
      <WorkSummary request={assignment.request}>
        <p>
          <span className={`status status-assignment-${assignment.status}`}>
            {t.assignmentStatus[assignment.status]}
          </span>
          {assignment.releaseReason ? ` ${t.releaseReasons[assignment.releaseReason] ?? ''}` : null}
        </p>
        {assignment.status === 'cancelled' && assignment.request.cancelledBy ? (
          <StatedReason
            stated={{
              by: assignment.request.cancelledBy,
              reason: assignment.request.cancellationReason,
              note: assignment.request.cancellationNote,
            }}
          />
        ) : null}
        {assignment.status === 'released' && assignment.releaseCause ? (
          <StatedReason stated={{ by: 'coordinator', reason: assignment.releaseCause, note: assignment.releaseNote }} />
        ) : null}
        {assignment.status === 'released' && assignment.withdrawalReason ? (
          <StatedReason
            stated={{ by: 'volunteer', reason: assignment.withdrawalReason, note: assignment.withdrawalNote }}
          />
        ) : null}
        {assignment.particulars ? <Particulars particulars={assignment.particulars} /> : null}
        {assignment.reconfirmedAt ? (
          <p className="hint">{t.reconfirmedAt(format.dateTime(assignment.reconfirmedAt))}</p>
        ) : null}
        {report ? (
          <p className="hint">
            {report.approvedAt
              ? t.reportApprovedAt(format.dateTime(report.approvedAt))
              : t.reportFiledAt(format.dateTime(report.filedAt))}
          </p>
        ) : null}
      </WorkSummary>
      {readFragment(WorkFields, assignment.request).modality === 'translation' &&
      (assignment.status === 'confirmed' || assignment.status === 'completed') ? (
        <Link className="button" href={`/assignments/${encodeURIComponent(assignment.id)}/translation`}>
          {j.openJob}
        </Link>
      ) : null}
      {reconfirmBy ? <p className="notice">{t.reconfirmBy(format.dateTime(reconfirmBy))}</p> : null}
      {reconfirmBy ? (
        <ActionButton
          done={t.reconfirmed}
          run={async () => {
            const outcome = outcomeOf(
              await reconfirm({ assignmentId: assignment.id }),
              (result) => result.reconfirmAssignment,
            );
            return outcome.ok ? null : outcome.failure;
          }}
        >
          {t.reconfirm}
        </ActionButton>
      ) : null}
      {upcoming && assignment.status === 'confirmed' ? (
        <ReasonInPlace
          action={t.withdrawBooking}
          question={t.withdrawConfirm}
          yes={t.yesWithdrawBooking}
          keep={t.keepBooking}
          reasons={wordsIn(withdrawalReasonWords, locale)}
          schema={withdrawalSchema}
          run={async (cancellation) => {
            const outcome = outcomeOf(
              await withdraw({ assignmentId: assignment.id, cancellation }),
              (result) => result.releaseAssignment,
            );
            if (!outcome.ok) return outcome.failure;
            onWithdrawn();
            return null;
          }}
        />
      ) : null}
      {canReport ? (
        <button
          type="button"
          className={reporting ? 'secondary' : undefined}
          aria-expanded={reporting}
          onClick={() => onReport(!reporting)}
        >
          {reporting ? t.closeReport : report ? t.changeReport : t.openReport}
        </button>
      ) : null}
      {canReport && reporting ? (
        <VolunteerReportForm
          assignmentId={assignment.id}
          planned={readFragment(WorkFields, assignment.request)}
          filed={report}
        />
      ) : null}
    </li>
  );
}

/** List or calendar, in the address so that a reload and the back button keep it. */
function ViewSwitch({ calendar }: { calendar: boolean }) {
  const t = useMessages(calendarMessages);
  const [location] = useLocation();
  return (
    <nav className="view-switch" aria-label={t.viewLabel}>
      <Link href={location} aria-current={calendar ? undefined : 'page'}>
        {t.list}
      </Link>
      <Link href={`${location}?view=calendar`} aria-current={calendar ? 'page' : undefined}>
        {t.calendar}
      </Link>
    </nav>
  );
}

/**
 * The volunteer's bookings: what is coming (to reconfirm), then what is done (to report on), as a
 * list or on a month calendar, with the calendar feed to carry them into a phone's calendar.
 */
export function AssignmentsPage() {
  const t = useMessages(volunteerWorkMessages);
  const k = useMessages(calendarMessages);
  const now = useNow(60_000);
  const calendar = new URLSearchParams(useSearch()).get('view') === 'calendar';
  // A calendar event's or an e-mail's link names one booking: its card takes the focus once loaded.
  const params = useParams<{ id?: string }>();
  const chosen = params.id ? idFromPath(params.id, 'Assignment') : null;
  // Older bookings on demand: the cache joins the pages (client.ts).
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refresh] = useQuery({
    query: MyAssignmentsQuery,
    variables: { after },
    requestPolicy: 'cache-and-network',
  });
  // One report form open at a time: its fields are named as the API names them.
  const [reporting, setReporting] = useState<string | null>(null);
  const [withdrawn, setWithdrawn] = useState(false);
  const assignments = data?.myAssignments.nodes ?? [];
  const chosenLoaded = chosen !== null && assignments.some((assignment) => assignment.id === chosen);
  useEffect(() => {
    if (chosen && chosenLoaded) document.getElementById(bookingElementId(chosen))?.focus();
  }, [chosen, chosenLoaded]);
  const upcoming = assignments
    .filter((assignment) => endOf(assignment) > now && assignment.status === 'confirmed')
    .sort((a, b) => startOf(a) - startOf(b));
  const past = assignments
    .filter((assignment) => !upcoming.includes(assignment))
    .sort((a, b) => startOf(b) - startOf(a));
  const card = (assignment: Assignment) => (
    <AssignmentCard
      key={assignment.id}
      assignment={assignment}
      now={now}
      reporting={reporting === assignment.id}
      onReport={(open) => setReporting(open ? assignment.id : null)}
      onWithdrawn={() => setWithdrawn(true)}
    />
  );
  const loadMore = <LoadMore pageInfo={data?.myAssignments.pageInfo} fetching={fetching} onMore={setAfter} />;
  return (
    <Page title={t.assignmentsTitle}>
      <ViewSwitch calendar={calendar} />
      {withdrawn ? <p role="status">{t.withdrawn}</p> : null}
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {data && calendar ? (
        <>
          <BookingCalendar assignments={assignments} now={now} card={card} />
          {loadMore ? (
            <>
              <p className="hint">{k.partial}</p>
              {loadMore}
            </>
          ) : null}
        </>
      ) : null}
      {data && !calendar ? (
        <>
          <section aria-labelledby="upcoming-title">
            <h2 id="upcoming-title">{t.upcomingTitle}</h2>
            {upcoming.length === 0 ? (
              <Empty>{t.noUpcoming}</Empty>
            ) : (
              <ul className="work-list">{upcoming.map(card)}</ul>
            )}
          </section>
          <section aria-labelledby="past-title">
            <h2 id="past-title">{t.pastTitle}</h2>
            {past.length === 0 ? <Empty>{t.noPast}</Empty> : <ul className="work-list">{past.map(card)}</ul>}
            {loadMore}
          </section>
        </>
      ) : null}
      <CalendarFeed />
    </Page>
  );
}
