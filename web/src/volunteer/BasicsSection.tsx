import { useState } from 'react';
import { problemsFor } from '../forms/FailureNotice';
import { Field, FieldSet } from '../forms/Field';
import { maxLengthOf, profileSchema } from '../forms/rules';
import { Section } from '../forms/Section';
import { type FragmentOf, readFragment } from '../graphql';
import { useMessages } from '../i18n';
import { enumLabels } from '../labels';
import { MunicipalityPicker } from '../pickers/MunicipalityPicker';
import { BasicsFields } from './documents';
import { volunteerMessages } from './messages';
import { useSaveProfile, wholeOrNull } from './save';

const specialties = ['medical', 'legal', 'education', 'disaster', 'welfare', 'residence_procedures'] as const;
type Specialty = (typeof specialties)[number];
const fullNameLimit = maxLengthOf(profileSchema.shape.fullName);

export function BasicsSection({ volunteer: ref }: { volunteer: FragmentOf<typeof BasicsFields> }) {
  const volunteer = readFragment(BasicsFields, ref);
  const t = useMessages(volunteerMessages);
  const labels = useMessages(enumLabels);
  const save = useSaveProfile();
  const [form, setForm] = useState({
    fullName: volunteer.fullName,
    phone: volunteer.phone ?? '',
    homeLocalGovernmentCode: volunteer.homeLocalGovernment.code,
    remoteCapable: volunteer.remoteCapable,
    maxTravelKm: volunteer.maxTravelKm === null ? '' : String(volunteer.maxTravelKm),
    monthlyCap: volunteer.monthlyCap === null ? '' : String(volunteer.monthlyCap),
    specialties: [...volunteer.specialties] as Specialty[],
  });
  const set = <Key extends keyof typeof form>(key: Key, value: (typeof form)[Key]) =>
    setForm((previous) => ({ ...previous, [key]: value }));

  function submit() {
    const maxTravelKm = wholeOrNull(form.maxTravelKm);
    const monthlyCap = wholeOrNull(form.monthlyCap);
    const found = [
      ...(maxTravelKm === 'invalid' ? [{ field: 'maxTravelKm', message: t.wholeNumber }] : []),
      ...(monthlyCap === 'invalid' ? [{ field: 'monthlyCap', message: t.wholeNumber }] : []),
    ];
    return save(
      {
        fullName: form.fullName,
        phone: form.phone.trim() === '' ? null : form.phone,
        homeLocalGovernmentCode: form.homeLocalGovernmentCode,
        remoteCapable: form.remoteCapable,
        maxTravelKm: maxTravelKm === 'invalid' ? null : maxTravelKm,
        monthlyCap: monthlyCap === 'invalid' ? null : monthlyCap,
        specialties: form.specialties,
      },
      found,
    );
  }

  const fieldLabels = {
    fullName: t.fullName,
    phone: t.phone,
    homeLocalGovernmentCode: t.homeMunicipality,
    maxTravelKm: t.maxTravelKm,
    monthlyCap: t.monthlyCap,
    specialties: t.specialties,
  };
  return (
    <Section id="basics" title={t.basicsTitle} labels={fieldLabels} save={submit}>
      {(failure) => (
        <>
          <Field
            name="fullName"
            label={t.fullName}
            errors={problemsFor(failure, 'fullName')}
            counter={{ value: form.fullName, max: fullNameLimit }}
            required
          >
            {(control) => (
              <input
                {...control}
                autoComplete="name"
                value={form.fullName}
                onChange={(event) => set('fullName', event.target.value)}
              />
            )}
          </Field>
          <Field name="phone" label={t.phone} hint={t.phoneHint} errors={problemsFor(failure, 'phone')}>
            {(control) => (
              <input
                {...control}
                type="tel"
                autoComplete="tel"
                value={form.phone}
                onChange={(event) => set('phone', event.target.value)}
              />
            )}
          </Field>
          <MunicipalityPicker
            name="homeLocalGovernmentCode"
            label={t.homeMunicipality}
            value={form.homeLocalGovernmentCode}
            onChange={(code) => set('homeLocalGovernmentCode', code)}
            errors={problemsFor(failure, 'homeLocalGovernmentCode')}
            required
          />
          <div className="check">
            <input
              id="remote-capable"
              type="checkbox"
              checked={form.remoteCapable}
              onChange={(event) => set('remoteCapable', event.target.checked)}
            />
            <label htmlFor="remote-capable">{t.remoteCapable}</label>
          </div>
          <div className="row">
            <Field
              name="maxTravelKm"
              label={t.maxTravelKm}
              hint={t.maxTravelHint}
              errors={problemsFor(failure, 'maxTravelKm')}
            >
              {(control) => (
                <input
                  {...control}
                  type="number"
                  min={0}
                  inputMode="numeric"
                  value={form.maxTravelKm}
                  onChange={(event) => set('maxTravelKm', event.target.value)}
                />
              )}
            </Field>
            <Field
              name="monthlyCap"
              label={t.monthlyCap}
              hint={t.monthlyCapHint}
              errors={problemsFor(failure, 'monthlyCap')}
            >
              {(control) => (
                <input
                  {...control}
                  type="number"
                  min={1}
                  inputMode="numeric"
                  value={form.monthlyCap}
                  onChange={(event) => set('monthlyCap', event.target.value)}
                />
              )}
            </Field>
          </div>
          <FieldSet name="specialties" legend={t.specialties} errors={problemsFor(failure, 'specialties')}>
            <div className="choices">
              {specialties.map((specialty) => (
                <label key={specialty} className="choice">
                  <input
                    type="checkbox"
                    checked={form.specialties.includes(specialty)}
                    onChange={(event) =>
                      set(
                        'specialties',
                        event.target.checked
                          ? [...form.specialties, specialty]
                          : form.specialties.filter((chosen) => chosen !== specialty),
                      )
                    }
                  />
                  {labels.specialty[specialty]}
                </label>
              ))}
            </div>
          </FieldSet>
        </>
      )}
    </Section>
  );
}
