import { useState } from 'react';
import { problemsFor } from '../forms/FailureNotice';
import { Field, FieldSet } from '../forms/Field';
import { Section } from '../forms/Section';
import { type FragmentOf, readFragment } from '../graphql';
import { useMessages } from '../i18n';
import { enumLabels } from '../labels';
import { LanguageSelect } from '../pickers/LanguageSelect';
import { LanguagesFields } from './documents';
import { volunteerMessages } from './messages';
import { type ProfileInput, useSaveProfile } from './save';

type LanguageInput = NonNullable<ProfileInput['languages']>[number];
const levels = ['native', 'fluent', 'business', 'conversational'] as const;
const directions = ['interpretation', 'translation_into_japanese', 'translation_from_japanese'] as const;

export function LanguagesSection({ volunteer: ref }: { volunteer: FragmentOf<typeof LanguagesFields> }) {
  const volunteer = readFragment(LanguagesFields, ref);
  const t = useMessages(volunteerMessages);
  const labels = useMessages(enumLabels);
  const save = useSaveProfile();
  const [rows, setRows] = useState<LanguageInput[]>(() =>
    volunteer.languages.map((entry) => ({
      code: entry.language.code,
      level: entry.level,
      directions: [...entry.directions],
    })),
  );
  const update = (index: number, change: Partial<LanguageInput>) =>
    setRows((previous) => previous.map((row, at) => (at === index ? { ...row, ...change } : row)));

  const fieldLabels = Object.fromEntries(
    rows.flatMap((_, index) => [
      [`languages.${index}.code`, `${t.language} ${index + 1}`],
      [`languages.${index}.level`, `${t.level} ${index + 1}`],
      [`languages.${index}.directions`, `${t.directions} ${index + 1}`],
    ]),
  );
  return (
    <Section
      id="languages"
      title={t.languagesTitle}
      intro={t.languagesIntro}
      labels={fieldLabels}
      save={() => save({ languages: rows })}
    >
      {(failure) => (
        <>
          {rows.length === 0 ? <p className="empty-inline">{t.noLanguages}</p> : null}
          {rows.map((row, index) => (
            // Rows have no identity but their place: the API's problems name them by index too.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <div className="list-row" key={index}>
              <LanguageSelect
                name={`languages.${index}.code`}
                label={`${t.language} ${index + 1}`}
                value={row.code}
                onChange={(code) => update(index, { code })}
                errors={problemsFor(failure, `languages.${index}.code`)}
                withoutJapanese
                required
              />
              <Field
                name={`languages.${index}.level`}
                label={t.level}
                errors={problemsFor(failure, `languages.${index}.level`)}
              >
                {(control) => (
                  <select
                    {...control}
                    value={row.level}
                    onChange={(event) => update(index, { level: event.target.value as LanguageInput['level'] })}
                  >
                    {levels.map((level) => (
                      <option key={level} value={level}>
                        {labels.level[level]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <FieldSet
                name={`languages.${index}.directions`}
                legend={t.directions}
                errors={problemsFor(failure, `languages.${index}.directions`)}
              >
                <div className="choices">
                  {directions.map((direction) => (
                    <label key={direction} className="choice">
                      <input
                        type="checkbox"
                        checked={row.directions.includes(direction)}
                        onChange={(event) =>
                          update(index, {
                            directions: event.target.checked
                              ? [...row.directions, direction]
                              : row.directions.filter((chosen) => chosen !== direction),
                          })
                        }
                      />
                      {labels.direction[direction]}
                    </label>
                  ))}
                </div>
              </FieldSet>
              <button
                type="button"
                className="secondary small"
                onClick={() => setRows((previous) => previous.filter((_, at) => at !== index))}
              >
                {t.remove}
                <span className="visually-hidden"> ({`${t.language} ${index + 1}`})</span>
              </button>
            </div>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() =>
              setRows((previous) => [...previous, { code: '', level: 'fluent', directions: ['interpretation'] }])
            }
          >
            {t.addLanguage}
          </button>
        </>
      )}
    </Section>
  );
}
