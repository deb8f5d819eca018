import { bilingual, useMessages } from '../i18n';
import { useLocalName } from '../pickers/names';

const associationSelectMessages = bilingual({
  ja: { association: '協会' },
  en: { association: 'Association' },
});

/** Which of the viewer's associations a page is about, labelled; nothing to choose when there is one. */
export function AssociationSelect({
  associations,
  value,
  onChange,
}: {
  associations: ReadonlyArray<{ id: string; nameJa: string; nameEn: string }>;
  value: string;
  onChange(id: string): void;
}) {
  const t = useMessages(associationSelectMessages);
  const localName = useLocalName();
  if (associations.length < 2) return null;
  return (
    <label>
      {t.association}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {associations.map((association) => (
          <option key={association.id} value={association.id}>
            {localName(association)}
          </option>
        ))}
      </select>
    </label>
  );
}
