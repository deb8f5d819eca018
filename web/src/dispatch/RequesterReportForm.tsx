import { useState } from 'react';
import { problemsFor } from '../forms/FailureNotice';
import { Field, FieldSet } from '../forms/Field';
import { maxLengthOf, requesterReportSchema } from '../forms/rules';
import { Section } from '../forms/Section';
import type { ResultOf } from '../graphql';
import { useMessages } from '../i18n';
import type { ReportFields } from './documents';
import { dispatchMessages } from './messages';
import { useFileReport } from './useFileReport';

type Report = ResultOf<typeof ReportFields>;

const names = {
  tookPlace: 'requester.tookPlace',
  satisfaction: 'requester.satisfaction',
  remarks: 'requester.remarks',
} as const;

const scores = [5, 4, 3, 2, 1] as const;
const remarksLimit = maxLengthOf(requesterReportSchema.shape.remarks);

/** The requesting body's report on one booking: whether it took place, how satisfied they were, remarks. */
export function RequesterReportForm({
  assignmentId,
  volunteerName,
  filed,
}: {
  assignmentId: string;
  volunteerName: string;
  filed: Report | null;
}) {
  const t = useMessages(dispatchMessages);
  const file = useFileReport(assignmentId);
  const [form, setForm] = useState({
    tookPlace: filed?.tookPlace === null || !filed ? '' : filed.tookPlace ? 'yes' : 'no',
    satisfaction: filed?.satisfaction ? String(filed.satisfaction) : '',
    remarks: filed?.remarks ?? '',
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((previous) => ({ ...previous, [key]: value }));

  function submit() {
    const found = [
      ...(form.tookPlace ? [] : [{ field: names.tookPlace, message: t.chooseOne }]),
      ...(form.satisfaction ? [] : [{ field: names.satisfaction, message: t.chooseOne }]),
    ];
    return file(
      {
        requester: {
          tookPlace: form.tookPlace === 'yes',
          satisfaction: Number(form.satisfaction || 0),
          remarks: form.remarks.trim() === '' ? null : form.remarks,
        },
      },
      found,
    );
  }

  const labels = {
    [names.tookPlace]: t.tookPlace,
    [names.satisfaction]: t.satisfaction,
    [names.remarks]: t.remarks,
  };
  return (
    <Section
      id={`requester-report-${assignmentId}`}
      title={t.requesterReportTitle(volunteerName)}
      intro={t.requesterReportIntro}
      labels={labels}
      save={submit}
      submitLabel={filed ? t.fileAgain : t.fileReport}
      savedLabel={t.reportFiled}
    >
      {(failure) => (
        <>
          <FieldSet name={names.tookPlace} legend={t.tookPlace} errors={problemsFor(failure, names.tookPlace)}>
            <div className="choices">
              {(['yes', 'no'] as const).map((answer) => (
                <label key={answer} className="choice">
                  <input
                    type="radio"
                    name={`${assignmentId}-tookPlace`}
                    value={answer}
                    checked={form.tookPlace === answer}
                    onChange={() => set('tookPlace')(answer)}
                  />
                  {answer === 'yes' ? t.tookPlaceYes : t.tookPlaceNo}
                </label>
              ))}
            </div>
          </FieldSet>
          <FieldSet name={names.satisfaction} legend={t.satisfaction} errors={problemsFor(failure, names.satisfaction)}>
            <div className="choices">
              {scores.map((score) => (
                <label key={score} className="choice">
                  <input
                    type="radio"
                    name={`${assignmentId}-satisfaction`}
                    value={score}
                    checked={form.satisfaction === String(score)}
                    onChange={() => set('satisfaction')(String(score))}
                  />
                  {t.satisfactionScores[score]}
                </label>
              ))}
            </div>
          </FieldSet>
          <Field
            name={names.remarks}
            label={t.remarks}
            errors={problemsFor(failure, names.remarks)}
            counter={{ value: form.remarks, max: remarksLimit }}
          >
            {(control) => (
              <textarea
                {...control}
                rows={3}
                value={form.remarks}
                onChange={(event) => set('remarks')(event.target.value)}
              />
            )}
          </Field>
        </>
      )}
    </Section>
  );
}
