import { type FormEvent, useState } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { Field } from '../forms/Field';
import { graphql, type VariablesOf } from '../graphql';
import { useMessages } from '../i18n';
import { type EnumValues, enumLabels } from '../labels';
import { LanguageSelect } from '../pickers/LanguageSelect';
import { MunicipalityPicker } from '../pickers/MunicipalityPicker';
import { useLocalName } from '../pickers/names';
import { LoadMore } from '../ui/LoadMore';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import { directoryMessages } from './directoryMessages';

const VolunteerDirectoryQuery = graphql(`
  query VolunteerDirectory(
    $name: String
    $languageCode: String
    $level: LanguageLevel
    $regionCode: String
    $specialty: Specialty
    $status: VolunteerStatus
    $after: String
  ) {
    volunteerDirectory(
      name: $name
      languageCode: $languageCode
      level: $level
      regionCode: $regionCode
      specialty: $specialty
      status: $status
      first: 25
      after: $after
    ) {
      nodes {
        id
        fullName
        status
        specialties
        homeLocalGovernment {
          code
          nameJa
          nameEn
        }
        languages {
          level
          language {
            code
            nameJa
            nameEn
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type Search = Omit<VariablesOf<typeof VolunteerDirectoryQuery>, 'after'>;
const emptyForm = { name: '', languageCode: '', level: '', regionCode: '', specialty: '', status: '' };
type Form = typeof emptyForm;

/** Only what was chosen: an empty field searches nothing. */
function searchOf(form: Form): Search {
  return {
    name: form.name.trim() || null,
    languageCode: form.languageCode || null,
    level: (form.level || null) as Search['level'],
    regionCode: form.regionCode || null,
    specialty: (form.specialty || null) as Search['specialty'],
    status: (form.status || null) as Search['status'],
  };
}

/**
 * The volunteers a coordinator may see, found by name, language and level, area, specialty and
 * status, 25 at a time. The search runs when asked (not at each keystroke), since every name shown
 * is a personal read written to the audit log.
 */
export function VolunteerDirectoryPage() {
  const t = useMessages(directoryMessages);
  const labels = useMessages(enumLabels);
  const localName = useLocalName();
  // The choices are the schema's values, as labelled (labels.ts lists every one, best level first).
  const levels = Object.keys(labels.level) as EnumValues<'LanguageLevel'>[];
  const specialties = Object.keys(labels.specialty) as EnumValues<'Specialty'>[];
  const statuses = Object.keys(labels.volunteerStatus) as EnumValues<'VolunteerStatus'>[];
  const [form, setForm] = useState<Form>(emptyForm);
  const [search, setSearch] = useState<Search>(searchOf(emptyForm));
  // "Show more" belongs to the search it was asked under.
  const [paging, setPaging] = useState<{ search: Search; after: string | null }>({ search, after: null });
  const after = paging.search === search ? paging.after : null;
  const [{ data, fetching, error }, refresh] = useQuery({
    query: VolunteerDirectoryQuery,
    variables: { ...search, after },
    requestPolicy: 'cache-and-network',
  });
  const connection = data?.volunteerDirectory;
  const set = (field: keyof Form) => (value: string) => setForm({ ...form, [field]: value });

  function submit(event: FormEvent) {
    event.preventDefault();
    setSearch(searchOf(form));
  }

  return (
    <Page title={t.title}>
      <p className="hint">{t.intro}</p>
      <form className="filters" onSubmit={submit} aria-label={t.title}>
        <Field name="directoryName" label={t.name}>
          {(control) => (
            <input
              {...control}
              type="search"
              maxLength={100}
              value={form.name}
              onChange={(event) => set('name')(event.target.value)}
            />
          )}
        </Field>
        <LanguageSelect
          name="directoryLanguage"
          label={t.language}
          value={form.languageCode}
          onChange={set('languageCode')}
          placeholder={t.anyLanguage}
        />
        <Field name="directoryLevel" label={t.level}>
          {(control) => (
            <select {...control} value={form.level} onChange={(event) => set('level')(event.target.value)}>
              <option value="">{t.anyLevel}</option>
              {levels.map((level) => (
                <option key={level} value={level}>
                  {labels.level[level]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <MunicipalityPicker
          name="directoryRegion"
          label={t.region}
          value={form.regionCode}
          onChange={set('regionCode')}
          allowWholePrefecture
        />
        <Field name="directorySpecialty" label={t.specialty}>
          {(control) => (
            <select {...control} value={form.specialty} onChange={(event) => set('specialty')(event.target.value)}>
              <option value="">{t.anySpecialty}</option>
              {specialties.map((specialty) => (
                <option key={specialty} value={specialty}>
                  {labels.specialty[specialty]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="directoryStatus" label={t.status}>
          {(control) => (
            <select {...control} value={form.status} onChange={(event) => set('status')(event.target.value)}>
              <option value="">{t.anyStatus}</option>
              {statuses.map((status) => (
                <option key={status} value={status}>
                  {labels.volunteerStatus[status]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="filter-actions">
          <button type="submit">{t.search}</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setForm(emptyForm);
              setSearch(searchOf(emptyForm));
            }}
          >
            {t.clear}
          </button>
        </div>
      </form>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {connection && connection.nodes.length === 0 ? <Empty>{t.none}</Empty> : null}
      {connection && connection.nodes.length > 0 ? (
        <div className="table-scroll">
          <table className="directory">
            <thead>
              <tr>
                <th scope="col">{t.fullName}</th>
                <th scope="col">{t.languages}</th>
                <th scope="col">{t.home}</th>
                <th scope="col">{t.specialties}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.paperwork}</th>
              </tr>
            </thead>
            <tbody>
              {connection.nodes.map((volunteer) => (
                <tr key={volunteer.id}>
                  <th scope="row">{volunteer.fullName}</th>
                  <td>
                    {volunteer.languages
                      .map((spoken) => `${localName(spoken.language)} (${labels.level[spoken.level]})`)
                      .join(' · ')}
                  </td>
                  <td>{localName(volunteer.homeLocalGovernment)}</td>
                  <td>
                    {volunteer.specialties.length === 0
                      ? t.noSpecialty
                      : volunteer.specialties.map((specialty) => labels.specialty[specialty]).join(' · ')}
                  </td>
                  <td>{labels.volunteerStatus[volunteer.status]}</td>
                  <td>
                    <Link
                      href={`/volunteers/${encodeURIComponent(volunteer.id)}`}
                      aria-label={t.paperworkOf(volunteer.fullName)}
                    >
                      {t.paperwork}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pageInfo={connection?.pageInfo} fetching={fetching} onMore={(after) => setPaging({ search, after })} />
    </Page>
  );
}
