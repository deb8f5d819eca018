import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { ActionButton } from '../forms/ActionButton';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { ErrorFields, type Failure, outcomeOf } from '../forms/failure';
import { graphql } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import { Page } from '../ui/Page';
import { Empty } from '../ui/states';
import { declinedVolunteerMessages } from './declineMessages';

const DeclinedVolunteersQuery = graphql(`
  query DeclinedVolunteers {
    bans(first: 100) {
      nodes {
        direction
        createdAt
        organizationId
        volunteerId
        volunteerName
        reason
      }
    }
  }
`);

const DeclineVolunteerMutation = graphql(
  `
    mutation DeclineVolunteer($volunteerId: ID!, $reason: String) {
      declineVolunteer(volunteerId: $volunteerId, reason: $reason) {
        __typename
        ... on MutationDeclineVolunteerSuccess {
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

const LiftDeclineMutation = graphql(
  `
    mutation LiftOurDecline($organizationId: ID!, $volunteerId: ID!) {
      liftBan(organizationId: $organizationId, volunteerId: $volunteerId, direction: organization_declines_volunteer) {
        __typename
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/**
 * On a booking: the organization asks not to be sent this volunteer again, with a reason only the
 * coordinators read. The declined volunteers page lists it and takes it back.
 */
export function DeclineVolunteer({ volunteerId, volunteerName }: { volunteerId: string; volunteerName: string }) {
  const t = useMessages(declinedVolunteerMessages);
  const [{ fetching: busy }, decline] = useMutation(DeclineVolunteerMutation);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = outcomeOf(
      await decline({ volunteerId, reason: reason || null }),
      (result) => result.declineVolunteer,
    );
    setFailure(outcome.ok ? null : outcome.failure);
    setNotice(outcome.ok ? t.declined : null);
    if (outcome.ok) setOpen(false);
  }

  return (
    <div className="decline-volunteer">
      {notice ? (
        <p role="status" className="saved">
          {notice} <Link href="/declined-volunteers">{t.seeDeclined}</Link>
        </p>
      ) : null}
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t.decline}
        <span className="visually-hidden"> {volunteerName}</span>
      </button>
      {open ? (
        <form className="form" onSubmit={submit} noValidate>
          <FailureNotice failure={failure} labels={{ reason: t.reason }} />
          <Field name="reason" label={t.reason} hint={t.reasonHint} errors={problemsFor(failure, 'reason')}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                maxLength={500}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {t.confirmDecline(volunteerName)}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

/** The volunteers the organization asked not to be sent again, each with a way to undo it. */
export function DeclinedVolunteersPage() {
  const t = useMessages(declinedVolunteerMessages);
  const format = useFormat();
  const [{ data }] = useQuery({ query: DeclinedVolunteersQuery, requestPolicy: 'cache-and-network' });
  const [, lift] = useMutation(LiftDeclineMutation);
  const declined = (data?.bans.nodes ?? []).filter((ban) => ban.direction === 'organization_declines_volunteer');
  return (
    <Page title={t.title}>
      <p className="hint">{t.intro}</p>
      <section className="card" aria-label={t.title}>
        {data && declined.length === 0 ? <Empty>{t.none}</Empty> : null}
        {declined.length > 0 ? (
          <ul className="declined">
            {declined.map((ban) => (
              <li key={ban.volunteerId}>
                <strong>{ban.volunteerName}</strong>{' '}
                <span className="hint">{t.since(format.dateTime(ban.createdAt))}</span>
                {ban.reason ? <p>{ban.reason}</p> : null}
                <ActionButton
                  className="secondary"
                  run={async () => {
                    const outcome = outcomeOf(
                      await lift({ organizationId: ban.organizationId, volunteerId: ban.volunteerId }),
                      (result) => result.liftBan,
                    );
                    return outcome.ok ? null : outcome.failure;
                  }}
                >
                  {t.lift}
                  <span className="visually-hidden"> {ban.volunteerName}</span>
                </ActionButton>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </Page>
  );
}
