import { useState } from 'react';
import { problemsFor } from '../forms/FailureNotice';
import { Field, Problems } from '../forms/Field';
import { Section } from '../forms/Section';
import { type FragmentOf, readFragment } from '../graphql';
import { useMessages } from '../i18n';
import { minutesToTime, timeToMinutes } from '../jst';
import { AvailabilityFields } from './documents';
import { volunteerMessages } from './messages';
import { useSaveProfile } from './save';

interface Window {
  weekday: number;
  start: string;
  end: string;
}

const weekdays = [1, 2, 3, 4, 5, 6, 7];

/** A day's windows drawn on a bar from midnight to midnight; the times beside it say the same in words. */
function DayBar({ windows }: { windows: Window[] }) {
  return (
    <div className="day-bar" aria-hidden="true">
      {windows.map((window) => {
        const start = timeToMinutes(window.start);
        const end = timeToMinutes(window.end);
        if (start === null || end === null || end <= start) return null;
        return (
          <span
            key={`${window.start}-${window.end}`}
            style={{ left: `${(start / 1440) * 100}%`, width: `${((end - start) / 1440) * 100}%` }}
          />
        );
      })}
    </div>
  );
}

/** The weekly availability grid: each weekday with its windows, Monday first, plus holidays. */
export function AvailabilitySection({ volunteer: ref }: { volunteer: FragmentOf<typeof AvailabilityFields> }) {
  const volunteer = readFragment(AvailabilityFields, ref);
  const t = useMessages(volunteerMessages);
  const save = useSaveProfile();
  const [windows, setWindows] = useState<Window[]>(() =>
    volunteer.availability.map((window) => ({
      weekday: window.weekday,
      start: minutesToTime(window.startMinute),
      end: minutesToTime(window.endMinute),
    })),
  );
  const [holidaysOff, setHolidaysOff] = useState(volunteer.holidaysOff);
  const update = (index: number, change: Partial<Window>) =>
    setWindows((previous) => previous.map((window, at) => (at === index ? { ...window, ...change } : window)));

  function submit() {
    const found = windows.flatMap((window, index) =>
      (['start', 'end'] as const).flatMap((edge) =>
        timeToMinutes(window[edge]) === null
          ? [{ field: `availability.${index}.${edge === 'start' ? 'startMinute' : 'endMinute'}`, message: t.badTime }]
          : [],
      ),
    );
    return save(
      {
        holidaysOff,
        availability: windows.map((window) => ({
          weekday: window.weekday,
          startMinute: timeToMinutes(window.start) ?? 0,
          endMinute: timeToMinutes(window.end) ?? 0,
        })),
      },
      found,
    );
  }

  const fieldLabels = Object.fromEntries(
    windows.flatMap((window, index) => {
      const day = t.weekdayNames[window.weekday - 1] ?? '';
      return [
        [`availability.${index}.startMinute`, `${day} ${t.start}`],
        [`availability.${index}.endMinute`, `${day} ${t.end}`],
        [`availability.${index}.weekday`, day],
      ];
    }),
  );
  return (
    <Section
      id="availability"
      title={t.availabilityTitle}
      intro={t.availabilityIntro}
      labels={fieldLabels}
      save={submit}
    >
      {(failure) => (
        <>
          <div className="week-grid">
            {weekdays.map((weekday) => {
              const day = t.weekdayNames[weekday - 1] ?? '';
              const mine = windows
                .map((window, index) => ({ window, index }))
                .filter(({ window }) => window.weekday === weekday);
              return (
                <fieldset key={weekday} className="day">
                  <legend>{day}</legend>
                  <DayBar windows={mine.map(({ window }) => window)} />
                  {mine.length === 0 ? <p className="empty-inline">{t.unavailable}</p> : null}
                  {mine.map(({ window, index }) => (
                    <div className="window" key={index}>
                      <Field
                        name={`availability.${index}.startMinute`}
                        label={t.start}
                        errors={problemsFor(failure, `availability.${index}.startMinute`)}
                      >
                        {(control) => (
                          <input
                            {...control}
                            type="time"
                            step={900}
                            value={window.start}
                            onChange={(event) => update(index, { start: event.target.value })}
                          />
                        )}
                      </Field>
                      <Field
                        name={`availability.${index}.endMinute`}
                        label={t.end}
                        errors={problemsFor(failure, `availability.${index}.endMinute`)}
                      >
                        {(control) => (
                          <input
                            {...control}
                            type="time"
                            step={900}
                            value={window.end}
                            onChange={(event) => update(index, { end: event.target.value })}
                          />
                        )}
                      </Field>
                      <Problems problems={problemsFor(failure, `availability.${index}.weekday`)} />
                      <button
                        type="button"
                        className="secondary small"
                        onClick={() => setWindows((previous) => previous.filter((_, at) => at !== index))}
                      >
                        {t.remove}
                        <span className="visually-hidden"> ({`${day} ${window.start}–${window.end}`})</span>
                      </button>
                    </div>
                  ))}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setWindows((previous) => [...previous, { weekday, start: '09:00', end: '17:00' }])}
                  >
                    {t.addWindow}
                    <span className="visually-hidden"> ({day})</span>
                  </button>
                </fieldset>
              );
            })}
          </div>
          <div className="check">
            <input
              id="holidays-off"
              type="checkbox"
              checked={holidaysOff}
              onChange={(event) => setHolidaysOff(event.target.checked)}
            />
            <label htmlFor="holidays-off">{t.holidaysOff}</label>
          </div>
        </>
      )}
    </Section>
  );
}
