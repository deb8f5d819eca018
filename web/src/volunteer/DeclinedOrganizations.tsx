import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { FailureNotice } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { ErrorFields, type Failure, outcomeOf } from '../forms/failure';
import { graphql } from '../graphql';
import { useMessages } from '../i18n';
import { DeclinedList, DeclineReasonField, useLiftDecline } from '../ui/Declined';
import { Empty } from '../ui/states';
import { declineMessages } from './declineMessages';

const DeclinedQuery = graphql(`
  query MyDeclinedOrganizations {
    bans(first: 100) {
      nodes {
        direction
        createdAt
        organizationId
        organizationName
        volunteerId
      }
    }
    myAssignments(first: 100) {
      nodes {
        id
        organizationId
        organizationName
      }
    }
  }
`);

const DeclineOrganizationMutation = graphql(
  `
    mutation DeclineOrganization($organizationId: ID!, $reason: String) {
      declineOrganization(organizationId: $organizationId, reason: $reason) {
        __typename
        ... on MutationDeclineOrganizationSuccess {
          data {
            direction
            createdAt
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/**
 * The organizations the volunteer asked not to be sent to, each with a way to undo it, and a form
 * to decline one more among those they have been sent to.
 */
export function DeclinedOrganizations() {
  const t = useMessages(declineMessages);
  const [{ data }] = useQuery({ query: DeclinedQuery, requestPolicy: 'cache-and-network' });
  const [{ fetching: busy }, decline] = useMutation(DeclineOrganizationMutation);
  const lift = useLiftDecline();
  const [organizationId, setOrganizationId] = useState('');
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const declined = (data?.bans.nodes ?? []).filter((ban) => ban.direction === 'volunteer_declines_organization');
  const declinedIds = new Set(declined.map((ban) => ban.organizationId));
  const choices = [
    ...new Map(
      (data?.myAssignments.nodes ?? [])
        .filter((assignment) => !declinedIds.has(assignment.organizationId))
        .map((assignment) => [assignment.organizationId, assignment.organizationName]),
    ),
  ];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (organizationId === '') return;
    const outcome = outcomeOf(
      await decline({ organizationId, reason: reason || null }),
      (result) => result.declineOrganization,
    );
    setFailure(outcome.ok ? null : outcome.failure);
    setNotice(outcome.ok ? t.declined : null);
    if (outcome.ok) {
      setOrganizationId('');
      setReason('');
    }
  }

  return (
    <section className="card" aria-labelledby="declined-title">
      <h2 id="declined-title">{t.title}</h2>
      <p className="hint">{t.intro}</p>
      {data && declined.length === 0 ? <Empty>{t.none}</Empty> : null}
      {declined.length > 0 ? (
        <DeclinedList
          since={t.since}
          lift={t.lift}
          declined={declined.map((ban) => ({
            key: ban.organizationId,
            name: ban.organizationName,
            createdAt: ban.createdAt,
            lift: () => lift(ban),
          }))}
        />
      ) : null}
      <form className="form" onSubmit={submit} noValidate>
        <FailureNotice failure={failure} labels={{ reason: t.reason }} />
        {notice ? (
          <p role="status" className="saved">
            {notice}
          </p>
        ) : null}
        <Field name="declineOrganization" label={t.organization} required>
          {(control) => (
            <select {...control} value={organizationId} onChange={(event) => setOrganizationId(event.target.value)}>
              <option value="">{choices.length === 0 ? t.noneToChoose : t.choose}</option>
              {choices.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <DeclineReasonField
          reason={reason}
          onChange={setReason}
          failure={failure}
          label={t.reason}
          hint={t.reasonHint}
        />
        <div className="form-actions">
          <button type="submit" disabled={busy || organizationId === ''}>
            {t.decline}
          </button>
        </div>
      </form>
    </section>
  );
}
