import { cancellationReasonWords, wordsIn } from '@tsunagu/domain';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { ErrorFields, type Failure, outcomeOf, renamed } from '../forms/failure';
import { formMessages } from '../forms/messages';
import { type StatedReason, StatedReasonFields } from '../forms/ReasonInPlace';
import { graphql } from '../graphql';
import { useFormat, useLocale, useMessages } from '../i18n';
import { fromInstant, todayInJapan } from '../jst';
import { enumLabels } from '../labels';
import { Loading } from '../ui/states';
import { requestPath } from './ids';
import { requestMessages } from './messages';

const SeriesQuery = graphql(`
  query Series($id: ID!) {
    node(id: $id) {
      __typename
      ... on RequestSeries {
        id
        weekday
        startTime
        endTime
        firstDate
        lastDate
        requests {
          id
          status
          startsAt
          endsAt
        }
      }
    }
  }
`);

const EditSeriesFromMutation = graphql(
  `
    mutation EditSeriesFrom(
      $id: ID!
      $fromDate: Date!
      $changes: RequestSeriesChangesInput!
      $cancellation: CancellationInput
    ) {
      editRequestSeriesFrom(seriesId: $id, fromDate: $fromDate, changes: $changes, cancellation: $cancellation) {
        __typename
        ... on MutationEditRequestSeriesFromSuccess {
          data {
            id
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** The other occurrences of a weekly series, and changing the times from one of them on. */
export function SeriesPanel({ seriesId, currentId }: { seriesId: string; currentId: string }) {
  const t = useMessages(requestMessages);
  const labels = useMessages(enumLabels);
  const format = useFormat();
  const [{ data, fetching }, refresh] = useQuery({ query: SeriesQuery, variables: { id: seriesId } });
  const series = data?.node?.__typename === 'RequestSeries' ? data.node : null;
  if (fetching && !series) return <Loading />;
  if (!series) return null;
  const movable = series.requests.filter(
    (request) =>
      (request.status === 'filed' || request.status === 'open') &&
      request.startsAt !== null &&
      fromInstant(request.startsAt).date >= todayInJapan(),
  );
  return (
    <section className="card" aria-labelledby="series-title">
      <h2 id="series-title">{t.series}</h2>
      <p>
        {t.seriesSummary(
          labels.weekdays[series.weekday - 1] ?? '',
          series.startTime,
          series.endTime,
          format.day(series.firstDate),
          format.day(series.lastDate),
        )}
      </p>
      <h3>{t.occurrences}</h3>
      <ul className="occurrences">
        {series.requests.map((request) => (
          <li key={request.id}>
            {request.id === currentId ? (
              <strong aria-current="page">
                {request.startsAt ? format.weekdayDay(request.startsAt) : '—'} ({t.thisOne})
              </strong>
            ) : (
              <Link href={requestPath(request.id)}>{request.startsAt ? format.weekdayDay(request.startsAt) : '—'}</Link>
            )}{' '}
            <span className={`status status-${request.status}`}>{labels.status[request.status]}</span>
          </li>
        ))}
      </ul>
      {movable.length > 0 ? (
        <ChangeFrom
          seriesId={series.id}
          dates={movable.map((request) => fromInstant(request.startsAt ?? '').date)}
          startTime={series.startTime}
          endTime={series.endTime}
          lastDate={series.lastDate}
          onChanged={() => refresh({ requestPolicy: 'network-only' })}
        />
      ) : null}
    </section>
  );
}

/** The occurrences a change moves are checked as a series: their problems belong to this form's fields. */
const seriesChangeFields = {
  'series.weekday': 'fromDate',
  'series.firstDate': 'fromDate',
  'series.startTime': 'startTime',
  'series.endTime': 'endTime',
  'series.lastDate': 'lastDate',
};

interface ChangeFromProps {
  seriesId: string;
  dates: string[];
  startTime: string;
  endTime: string;
  lastDate: string;
  onChanged(): void;
}

function ChangeFrom({ seriesId, dates, startTime, endTime, lastDate, onChanged }: ChangeFromProps) {
  const t = useMessages(requestMessages);
  const reasonLabels = useMessages(formMessages);
  const format = useFormat();
  const { locale } = useLocale();
  const [form, setForm] = useState({ fromDate: dates[0] ?? '', startTime, endTime, lastDate });
  const [stated, setStated] = useState<StatedReason>({ reason: '', note: '' });
  // An earlier last date drops weeks, and their requests are cancelled: the API asks why.
  const drops = form.lastDate < lastDate;
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState(false);
  const [{ fetching }, editFrom] = useMutation(EditSeriesFromMutation);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((previous) => ({ ...previous, [key]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const changes = {
      ...(form.startTime !== startTime ? { startTime: form.startTime } : {}),
      ...(form.endTime !== endTime ? { endTime: form.endTime } : {}),
      ...(form.lastDate !== lastDate ? { lastDate: form.lastDate } : {}),
    };
    const outcome = outcomeOf(
      await editFrom({
        id: seriesId,
        fromDate: form.fromDate,
        changes,
        ...(drops && stated.reason ? { cancellation: stated } : {}),
      }),
      (data) => data.editRequestSeriesFrom,
    );
    setFailure(outcome.ok ? null : renamed(outcome.failure, seriesChangeFields));
    if (outcome.ok) {
      setDone(true);
      onChanged();
    }
  }

  const labels = {
    fromDate: t.fromDate,
    startTime: t.newStartTime,
    endTime: t.newEndTime,
    lastDate: t.newLastDate,
    'cancellation.reason': reasonLabels.reason,
    'cancellation.note': reasonLabels.reasonNote,
  };
  return (
    <details className="change-from">
      <summary>{t.changeFrom}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <FailureNotice failure={failure} labels={labels} />
        {done ? (
          <p className="notice notice-ok" role="status">
            {t.seriesChanged}
          </p>
        ) : null}
        <Field name="fromDate" label={t.fromDate} errors={problemsFor(failure, 'fromDate')}>
          {(control) => (
            <select {...control} value={form.fromDate} onChange={set('fromDate')}>
              {dates.map((date) => (
                <option key={date} value={date}>
                  {format.day(date)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="row">
          <Field name="startTime" label={t.newStartTime} errors={problemsFor(failure, 'startTime')}>
            {(control) => <input {...control} type="time" value={form.startTime} onChange={set('startTime')} />}
          </Field>
          <Field name="endTime" label={t.newEndTime} errors={problemsFor(failure, 'endTime')}>
            {(control) => <input {...control} type="time" value={form.endTime} onChange={set('endTime')} />}
          </Field>
        </div>
        <Field name="lastDate" label={t.newLastDate} errors={problemsFor(failure, 'lastDate')}>
          {(control) => <input {...control} type="date" value={form.lastDate} onChange={set('lastDate')} />}
        </Field>
        {drops ? (
          <>
            <p className="notice">{t.droppedWeeksCancelled}</p>
            <StatedReasonFields
              reasons={wordsIn(cancellationReasonWords, locale)}
              stated={stated}
              failure={failure}
              onChange={setStated}
            />
          </>
        ) : null}
        <button type="submit" disabled={fetching}>
          {t.applyFrom}
        </button>
      </form>
    </details>
  );
}
