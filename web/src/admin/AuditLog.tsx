import { useState } from 'react';
import { useQuery } from 'urql';
import { Field } from '../forms/Field';
import { graphql, type VariablesOf } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import { toInstant } from '../jst';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import { AdminAssociationsQuery } from './documents';
import { adminMessages } from './messages';

const AuditLogQuery = graphql(`
  query AuditLog($subjectType: String, $subjectId: String, $actorId: ID, $from: DateTime, $to: DateTime) {
    auditLog(subjectType: $subjectType, subjectId: $subjectId, actorId: $actorId, from: $from, to: $to, first: 100) {
      nodes {
        at
        action
        subjectType
        subjectId
        fields
        reason
        actor {
          id
          displayName
        }
      }
    }
  }
`);

type Filters = VariablesOf<typeof AuditLogQuery>;

/** The day after a date (YYYY-MM-DD), so that "to" includes the whole day in Japan. */
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00+09:00`) + 86_400_000).toISOString();

/** Admins: who read or changed whose personal data, and when, in their associations. */
export function AuditLogPage() {
  const t = useMessages(adminMessages);
  const format = useFormat();
  const [person, setPerson] = useState<{ subjectType: string; subjectId: string } | null>(null);
  const [actorId, setActorId] = useState('');
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const variables: Filters = {
    subjectType: person?.subjectType ?? null,
    subjectId: person?.subjectId ?? null,
    actorId: actorId || null,
    from: fromDate ? toInstant(fromDate, '00:00') : null,
    to: toDate ? dayAfter(toDate) : null,
  };
  const [{ data, fetching, error }] = useQuery({ query: AuditLogQuery, variables, requestPolicy: 'network-only' });
  const [{ data: associations }] = useQuery({ query: AdminAssociationsQuery });
  const staff = new Map<string, string>();
  for (const association of associations?.associations ?? []) {
    for (const member of association.staff ?? []) staff.set(member.user.id, member.user.displayName);
  }
  const entries = data?.auditLog.nodes ?? [];

  return (
    <Page title={t.audit.title}>
      <section className="card" aria-labelledby="audit-filters">
        <h2 id="audit-filters">{t.audit.filters}</h2>
        <p className="hint">{t.audit.intro}</p>
        <div className="filters">
          <Field name="actorId" label={t.audit.actor}>
            {(control) => (
              <select {...control} value={actorId} onChange={(event) => setActorId(event.target.value)}>
                <option value="">{t.audit.anyone}</option>
                {[...staff].map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
                {actorId && !staff.has(actorId) ? (
                  <option value={actorId}>
                    {entries.find((entry) => entry.actor?.id === actorId)?.actor?.displayName ?? actorId}
                  </option>
                ) : null}
              </select>
            )}
          </Field>
          <Field name="from" label={t.audit.from}>
            {(control) => (
              <input {...control} type="date" value={fromDate} onChange={(event) => setFromDate(event.target.value)} />
            )}
          </Field>
          <Field name="to" label={t.audit.to}>
            {(control) => (
              <input {...control} type="date" value={toDate} onChange={(event) => setToDate(event.target.value)} />
            )}
          </Field>
        </div>
        {person ? (
          <p role="status">
            {t.audit.onlyPerson(t.audit.subjectTypes[person.subjectType] ?? person.subjectType, person.subjectId)}{' '}
            <button type="button" className="secondary small" onClick={() => setPerson(null)}>
              {t.audit.everyone}
            </button>
          </p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="audit-entries">
        <h2 id="audit-entries">{t.audit.entries}</h2>
        {fetching && !data ? <Loading /> : null}
        {error ? <LoadError error={error} /> : null}
        {data && entries.length === 0 ? <Empty>{t.audit.none}</Empty> : null}
        {entries.length > 0 ? (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.audit.at}</th>
                  <th scope="col">{t.audit.actor}</th>
                  <th scope="col">{t.audit.action}</th>
                  <th scope="col">{t.audit.subject}</th>
                  <th scope="col">{t.audit.fields}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={`${entry.at}-${entry.subjectType}-${entry.subjectId}-${entry.action}-${entry.actor?.id}`}>
                    <td>{format.dateTime(entry.at)}</td>
                    <td>
                      {entry.actor ? (
                        <button type="button" className="link-button" onClick={() => setActorId(entry.actor?.id ?? '')}>
                          {entry.actor.displayName}
                        </button>
                      ) : (
                        t.audit.deletedAccount
                      )}
                    </td>
                    <td>{t.audit.actions[entry.action]}</td>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => setPerson({ subjectType: entry.subjectType, subjectId: entry.subjectId })}
                      >
                        {t.audit.subjectTypes[entry.subjectType] ?? entry.subjectType} {entry.subjectId.slice(0, 8)}
                      </button>
                    </td>
                    <td>
                      {entry.fields.join(', ')}
                      {entry.reason ? <span className="hint"> — {entry.reason}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </Page>
  );
}
