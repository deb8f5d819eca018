import { useState } from 'react';
import { problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { maxLengthOf, volunteerReportSchema } from '../forms/rules';
import { Section } from '../forms/Section';
import type { ResultOf } from '../graphql';
import { useMessages } from '../i18n';
import { fromInstant, toInstant } from '../jst';
import type { ReportFields } from './documents';
import { dispatchMessages } from './messages';
import { useFileReport } from './useFileReport';

type Report = ResultOf<typeof ReportFields>;

/** The form's fields as the API's problems name them (`input.volunteer.actualEnd` → `volunteer.actualEnd`). */
const notesLimit = maxLengthOf(volunteerReportSchema.shape.notes);

const names = {
  day: 'volunteer.day',
  actualStart: 'volunteer.actualStart',
  actualEnd: 'volunteer.actualEnd',
  transportFareYen: 'volunteer.transportFareYen',
  notes: 'volunteer.notes',
} as const;

/**
 * The volunteer's activity report: when it really began and ended (Japan time), the transport
 * fare, and notes for the coordinator. Filled in from the booking (or the report already filed),
 * so that a report that went as planned takes one tap.
 */
export function VolunteerReportForm({
  assignmentId,
  planned,
  filed,
}: {
  assignmentId: string;
  planned: { startsAt: string | null; endsAt: string | null; deadline: string | null };
  filed: Report | null;
}) {
  const t = useMessages(dispatchMessages);
  const file = useFileReport(assignmentId);
  const start = filed?.actualStart ?? planned.startsAt;
  const end = filed?.actualEnd ?? planned.endsAt;
  const [form, setForm] = useState({
    day: start ? fromInstant(start).date : planned.deadline ? fromInstant(planned.deadline).date : '',
    actualStart: start ? fromInstant(start).time : '',
    actualEnd: end ? fromInstant(end).time : '',
    transportFareYen: filed?.transportFareYen === null || !filed ? '' : String(filed.transportFareYen),
    notes: filed?.notes ?? '',
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((previous) => ({ ...previous, [key]: value }));

  function submit() {
    const actualStart = toInstant(form.day, form.actualStart);
    const actualEnd = toInstant(form.day, form.actualEnd);
    const fare = form.transportFareYen.trim() === '' ? 0 : Number(form.transportFareYen);
    const found = [
      ...(/^\d{4}-\d{2}-\d{2}$/.test(form.day) ? [] : [{ field: names.day, message: t.enterDay }]),
      ...(actualStart ? [] : [{ field: names.actualStart, message: t.enterTime }]),
      ...(actualEnd ? [] : [{ field: names.actualEnd, message: t.enterTime }]),
      ...(Number.isInteger(fare) ? [] : [{ field: names.transportFareYen, message: t.wholeYen }]),
    ];
    return file(
      {
        volunteer: {
          actualStart: actualStart ?? '',
          actualEnd: actualEnd ?? '',
          transportFareYen: Number.isInteger(fare) ? fare : 0,
          notes: form.notes.trim() === '' ? null : form.notes,
        },
      },
      found,
    );
  }

  const labels = {
    [names.day]: t.actualDay,
    [names.actualStart]: t.actualStart,
    [names.actualEnd]: t.actualEnd,
    [names.transportFareYen]: t.transportFare,
    [names.notes]: t.notes,
  };
  return (
    <Section
      id={`report-${assignmentId}`}
      title={t.volunteerReportTitle}
      intro={t.volunteerReportIntro}
      labels={labels}
      save={submit}
      submitLabel={filed ? t.fileAgain : t.fileReport}
      savedLabel={t.reportFiled}
    >
      {(failure) => (
        <>
          <Field name={names.day} label={t.actualDay} errors={problemsFor(failure, names.day)} required>
            {(control) => (
              <input {...control} type="date" value={form.day} onChange={(event) => set('day')(event.target.value)} />
            )}
          </Field>
          <div className="row">
            <Field
              name={names.actualStart}
              label={t.actualStart}
              errors={problemsFor(failure, names.actualStart)}
              required
            >
              {(control) => (
                <input
                  {...control}
                  type="time"
                  value={form.actualStart}
                  onChange={(event) => set('actualStart')(event.target.value)}
                />
              )}
            </Field>
            <Field name={names.actualEnd} label={t.actualEnd} errors={problemsFor(failure, names.actualEnd)} required>
              {(control) => (
                <input
                  {...control}
                  type="time"
                  value={form.actualEnd}
                  onChange={(event) => set('actualEnd')(event.target.value)}
                />
              )}
            </Field>
          </div>
          <Field
            name={names.transportFareYen}
            label={t.transportFare}
            hint={t.transportFareHint}
            errors={problemsFor(failure, names.transportFareYen)}
          >
            {(control) => (
              <input
                {...control}
                type="number"
                min={0}
                step={1}
                inputMode="numeric"
                value={form.transportFareYen}
                onChange={(event) => set('transportFareYen')(event.target.value)}
              />
            )}
          </Field>
          <Field
            name={names.notes}
            label={t.notes}
            hint={t.notesHint}
            errors={problemsFor(failure, names.notes)}
            counter={{ value: form.notes, max: notesLimit }}
          >
            {(control) => (
              <textarea
                {...control}
                rows={3}
                value={form.notes}
                onChange={(event) => set('notes')(event.target.value)}
              />
            )}
          </Field>
        </>
      )}
    </Section>
  );
}
