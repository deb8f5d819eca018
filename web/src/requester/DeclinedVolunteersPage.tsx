import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { FailureNotice } from '../forms/FailureNotice';
import { ErrorFields, type Failure, outcomeOf } from '../forms/failure';
import { graphql } from '../graphql';
import { useMessages } from '../i18n';
import { DeclinedList, DeclineReasonField, useLiftDecline } from '../ui/Declined';
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
          <DeclineReasonField
            reason={reason}
            onChange={setReason}
            failure={failure}
            label={t.reason}
            hint={t.reasonHint}
          />
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
  const [{ data }] = useQuery({ query: DeclinedVolunteersQuery, requestPolicy: 'cache-and-network' });
  const lift = useLiftDecline();
  const declined = (data?.bans.nodes ?? []).filter((ban) => ban.direction === 'organization_declines_volunteer');
  return (
    <Page title={t.title}>
      <p className="hint">{t.intro}</p>
      <section className="card" aria-label={t.title}>
        {data && declined.length === 0 ? <Empty>{t.none}</Empty> : null}
        {declined.length > 0 ? (
          <DeclinedList
            since={t.since}
            lift={t.lift}
            declined={declined.map((ban) => ({
              key: ban.volunteerId,
              name: ban.volunteerName,
              createdAt: ban.createdAt,
              reason: ban.reason,
              lift: () => lift(ban),
            }))}
          />
        ) : null}
      </section>
    </Page>
  );
}
