import { useState } from 'react';
import { problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { maxLengthOf, profileSchema } from '../forms/rules';
import { Section } from '../forms/Section';
import { type FragmentOf, readFragment } from '../graphql';
import { useMessages } from '../i18n';
import { CertificatesFields } from './documents';
import { volunteerMessages } from './messages';
import { useSaveProfile } from './save';

const certificate = profileSchema.shape.certificates.unwrap().element.shape;
const limits = { name: maxLengthOf(certificate.name), issuer: maxLengthOf(certificate.issuer) };

interface CertificateRow {
  kind: string;
  name: string;
  issuer: string;
  issuedOn: string;
  expiresOn: string;
}

const knownKinds = ['medical_interpreter', 'legal_interpreter', 'disaster_interpreter'];
const emptyRow: CertificateRow = { kind: '', name: '', issuer: '', issuedOn: '', expiresOn: '' };

export function CertificatesSection({ volunteer: ref }: { volunteer: FragmentOf<typeof CertificatesFields> }) {
  const volunteer = readFragment(CertificatesFields, ref);
  const t = useMessages(volunteerMessages);
  const save = useSaveProfile();
  const [rows, setRows] = useState<CertificateRow[]>(() =>
    volunteer.certificates.map((certificate) => ({
      kind: certificate.kind,
      name: certificate.name,
      issuer: certificate.issuer,
      issuedOn: certificate.issuedOn ?? '',
      expiresOn: certificate.expiresOn ?? '',
    })),
  );
  const update = (index: number, key: keyof CertificateRow, value: string) =>
    setRows((previous) => previous.map((row, at) => (at === index ? { ...row, [key]: value } : row)));
  const columns: Array<{ key: keyof CertificateRow; label: string; type?: string }> = [
    { key: 'kind', label: t.certificateKind },
    { key: 'name', label: t.certificateName },
    { key: 'issuer', label: t.issuer },
    { key: 'issuedOn', label: t.issuedOn, type: 'date' },
    { key: 'expiresOn', label: t.expiresOn, type: 'date' },
  ];
  const fieldLabels = Object.fromEntries(
    rows.flatMap((_, index) =>
      columns.map(({ key, label }) => [`certificates.${index}.${key}`, `${label} (${index + 1})`]),
    ),
  );

  return (
    <Section
      id="certificates"
      title={t.certificatesTitle}
      intro={t.certificatesIntro}
      labels={fieldLabels}
      save={() =>
        save({
          certificates: rows.map((row) => ({
            ...row,
            issuedOn: row.issuedOn || null,
            expiresOn: row.expiresOn || null,
          })),
        })
      }
    >
      {(failure) => (
        <>
          <datalist id="certificate-kinds">
            {knownKinds.map((kind) => (
              <option key={kind} value={kind} />
            ))}
          </datalist>
          {rows.length === 0 ? <p className="empty-inline">{t.noCertificates}</p> : null}
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are known by their place, as the API's problems name them
            <div className="list-row" key={index}>
              {columns.map(({ key, label, type }) => (
                <Field
                  key={key}
                  name={`certificates.${index}.${key}`}
                  label={label}
                  hint={key === 'kind' && index === 0 ? t.certificateKindHint : undefined}
                  errors={problemsFor(failure, `certificates.${index}.${key}`)}
                  required={key === 'kind' || key === 'name' || key === 'issuer'}
                  counter={key === 'name' || key === 'issuer' ? { value: row[key], max: limits[key] } : undefined}
                >
                  {(control) => (
                    <input
                      {...control}
                      type={type ?? 'text'}
                      list={key === 'kind' ? 'certificate-kinds' : undefined}
                      value={row[key]}
                      onChange={(event) => update(index, key, event.target.value)}
                    />
                  )}
                </Field>
              ))}
              <button
                type="button"
                className="secondary small"
                onClick={() => setRows((previous) => previous.filter((_, at) => at !== index))}
              >
                {t.remove}
                <span className="visually-hidden"> ({row.name || `${t.certificatesTitle} ${index + 1}`})</span>
              </button>
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => setRows((previous) => [...previous, emptyRow])}>
            {t.addCertificate}
          </button>
        </>
      )}
    </Section>
  );
}
