import { useQuery } from 'urql';
import { Field } from '../forms/Field';
import type { FieldProblem } from '../forms/failure';
import { graphql } from '../graphql';
import { useMessages } from '../i18n';
import { pickerMessages } from './messages';
import { useLocalName } from './names';

const LanguagesQuery = graphql(`
  query Languages {
    languages {
      code
      nameJa
      nameEn
    }
  }
`);

interface LanguageSelectProps {
  name: string;
  label: string;
  value: string;
  onChange(code: string): void;
  errors?: readonly FieldProblem[];
  required?: boolean;
  /** Leave Japanese out (the other side of a Japanese ↔ X pair). */
  withoutJapanese?: boolean;
  /** What the empty choice says: "choose a language" unless told (a filter says "any language"). */
  placeholder?: string;
}

/** The languages served, most asked for first, named in the page's language. */
export function LanguageSelect({
  name,
  label,
  value,
  onChange,
  errors,
  required,
  withoutJapanese,
  placeholder,
}: LanguageSelectProps) {
  const t = useMessages(pickerMessages);
  const localName = useLocalName();
  const [{ data, fetching }] = useQuery({ query: LanguagesQuery });
  const languages = (data?.languages ?? []).filter((language) => !withoutJapanese || language.code !== 'ja');
  return (
    <Field name={name} label={label} errors={errors} required={required}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{fetching ? t.loading : (placeholder ?? t.chooseLanguage)}</option>
          {languages.map((language) => (
            <option key={language.code} value={language.code}>
              {localName(language)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
