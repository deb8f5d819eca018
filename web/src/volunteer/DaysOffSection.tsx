import { useState } from 'react';
import { problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { Section } from '../forms/Section';
import { type FragmentOf, readFragment } from '../graphql';
import { useMessages } from '../i18n';
import { AvailabilityFields } from './documents';
import { volunteerMessages } from './messages';
import { useSaveProfile } from './save';

interface DayOff {
  startsOn: string;
  endsOn: string;
}

export function DaysOffSection({ volunteer: ref }: { volunteer: FragmentOf<typeof AvailabilityFields> }) {
  const volunteer = readFragment(AvailabilityFields, ref);
  const t = useMessages(volunteerMessages);
  const save = useSaveProfile();
  const [rows, setRows] = useState<DayOff[]>(() => volunteer.daysOff.map((dayOff) => ({ ...dayOff })));
  const update = (index: number, change: Partial<DayOff>) =>
    setRows((previous) => previous.map((row, at) => (at === index ? { ...row, ...change } : row)));
  const fieldLabels = Object.fromEntries(
    rows.flatMap((_, index) => [
      [`daysOff.${index}.startsOn`, `${t.startsOn} (${index + 1})`],
      [`daysOff.${index}.endsOn`, `${t.endsOn} (${index + 1})`],
    ]),
  );
  return (
    <Section
      id="days-off"
      title={t.daysOffTitle}
      intro={t.daysOffIntro}
      labels={fieldLabels}
      save={() => save({ daysOff: rows })}
    >
      {(failure) => (
        <>
          {rows.length === 0 ? <p className="empty-inline">{t.noDaysOff}</p> : null}
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are known by their place, as the API's problems name them
            <div className="list-row" key={index}>
              <Field
                name={`daysOff.${index}.startsOn`}
                label={t.startsOn}
                errors={problemsFor(failure, `daysOff.${index}.startsOn`)}
              >
                {(control) => (
                  <input
                    {...control}
                    type="date"
                    value={row.startsOn}
                    onChange={(event) => update(index, { startsOn: event.target.value })}
                  />
                )}
              </Field>
              <Field
                name={`daysOff.${index}.endsOn`}
                label={t.endsOn}
                errors={problemsFor(failure, `daysOff.${index}.endsOn`)}
              >
                {(control) => (
                  <input
                    {...control}
                    type="date"
                    value={row.endsOn}
                    onChange={(event) => update(index, { endsOn: event.target.value })}
                  />
                )}
              </Field>
              <button
                type="button"
                className="secondary small"
                onClick={() => setRows((previous) => previous.filter((_, at) => at !== index))}
              >
                {t.remove}
                <span className="visually-hidden"> ({`${row.startsOn}–${row.endsOn}`})</span>
              </button>
            </div>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() => setRows((previous) => [...previous, { startsOn: '', endsOn: '' }])}
          >
            {t.addDayOff}
          </button>
        </>
      )}
    </Section>
  );
}
