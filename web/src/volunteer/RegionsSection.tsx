import { useState } from 'react';
import { problemsFor } from '../forms/FailureNotice';
import { Problems } from '../forms/Field';
import { Section } from '../forms/Section';
import { type FragmentOf, readFragment } from '../graphql';
import { useMessages } from '../i18n';
import { MunicipalityPicker } from '../pickers/MunicipalityPicker';
import { useLocalName } from '../pickers/names';
import { RegionsFields } from './documents';
import { volunteerMessages } from './messages';
import { useSaveProfile } from './save';

interface Region {
  code: string;
  /** Shown until saved; a region just added is named by its code until the API answers. */
  name: string | null;
}

export function RegionsSection({ volunteer: ref }: { volunteer: FragmentOf<typeof RegionsFields> }) {
  const volunteer = readFragment(RegionsFields, ref);
  const t = useMessages(volunteerMessages);
  const localName = useLocalName();
  const save = useSaveProfile();
  const [regions, setRegions] = useState<Region[]>(() =>
    volunteer.regions.map((region) => ({ code: region.localGovernment.code, name: localName(region.localGovernment) })),
  );
  const [adding, setAdding] = useState('');
  const fieldLabels = Object.fromEntries(
    regions.map((region, index) => [`regions.${index}`, region.name ?? region.code]),
  );

  return (
    <Section
      id="regions"
      title={t.regionsTitle}
      intro={t.regionsIntro}
      labels={fieldLabels}
      save={() => save({ regions: regions.map((region) => region.code) })}
    >
      {(failure) => (
        <>
          {regions.length === 0 ? <p className="empty-inline">{t.noRegions}</p> : null}
          <ul className="chips">
            {regions.map((region, index) => (
              <li key={region.code} id={`field-regions-${index}`} tabIndex={-1}>
                <span>{region.name ?? region.code}</span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t.removeItem(region.name ?? region.code)}
                  onClick={() => setRegions((previous) => previous.filter((_, at) => at !== index))}
                >
                  ×
                </button>
                <Problems problems={problemsFor(failure, `regions.${index}`)} />
              </li>
            ))}
          </ul>
          <div className="add-row">
            <MunicipalityPicker
              name="region-to-add"
              label={t.region}
              value={adding}
              onChange={setAdding}
              allowWholePrefecture
            />
            <button
              type="button"
              className="secondary"
              disabled={adding === '' || regions.some((region) => region.code === adding)}
              onClick={() => {
                const select = document.getElementById('field-region-to-add') as HTMLSelectElement | null;
                const name = select?.selectedOptions[0]?.textContent ?? null;
                setRegions((previous) => [...previous, { code: adding, name }]);
                setAdding('');
              }}
            >
              {t.addRegion}
            </button>
          </div>
        </>
      )}
    </Section>
  );
}
