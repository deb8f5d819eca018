import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { FailureNotice } from '../forms/FailureNotice';
import { ErrorFields, type Failure, outcomeOf } from '../forms/failure';
import { graphql } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import { enumLabels } from '../labels';
import { useLocalName } from '../pickers/names';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import { ExpenseApprovals } from './ExpenseApprovals';
import { coordinatorMessages } from './messages';

const PendingOrganizationsQuery = graphql(`
  query PendingOrganizations {
    organizations(status: applied, first: 50) {
      nodes {
        id
        name
        type
        status
        contactName
        contactEmail
        contactPhone
        createdAt
        localGovernment {
          code
          nameJa
          nameEn
        }
      }
    }
  }
`);

const PendingVolunteersQuery = graphql(`
  query PendingVolunteers {
    volunteers(status: applied, first: 50) {
      nodes {
        id
        fullName
        status
        createdAt
        homeLocalGovernment {
          code
          nameJa
          nameEn
        }
        memberships {
          status
          association {
            id
            nameJa
            nameEn
          }
        }
      }
    }
  }
`);

const DecideOrganizationMutation = graphql(
  `
    mutation DecideOrganization($id: ID!, $decision: OrganizationDecision!) {
      decideOrganization(organizationId: $id, decision: $decision) {
        __typename
        ... on MutationDecideOrganizationSuccess {
          data {
            id
            status
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const DecideVolunteerMutation = graphql(
  `
    mutation DecideVolunteer($id: ID!, $associationId: ID!, $decision: VolunteerApplicationDecision!) {
      decideVolunteerApplication(volunteerId: $id, associationId: $associationId, decision: $decision) {
        __typename
        ... on MutationDecideVolunteerApplicationSuccess {
          data {
            id
            status
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

type Decision = 'approve' | 'reject';

/** Approve or reject, with the outcome said aloud and the entry leaving the queue when the cache refreshes. */
function DecisionButtons({ name, decide }: { name: string; decide(decision: Decision): Promise<Failure | null> }) {
  const t = useMessages(coordinatorMessages);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  async function choose(decision: Decision) {
    setBusy(true);
    const problem = await decide(decision);
    setBusy(false);
    setFailure(problem);
    if (!problem) setDone(decision === 'approve' ? t.approved(name) : t.rejected(name));
  }
  return (
    <div className="decision">
      <FailureNotice failure={failure} />
      {done ? <p role="status">{done}</p> : null}
      <button type="button" disabled={busy} onClick={() => choose('approve')}>
        {t.approve}
        <span className="visually-hidden"> {name}</span>
      </button>{' '}
      <button type="button" className="secondary" disabled={busy} onClick={() => choose('reject')}>
        {t.reject}
        <span className="visually-hidden"> {name}</span>
      </button>
    </div>
  );
}

function PendingOrganizations() {
  const t = useMessages(coordinatorMessages);
  const labels = useMessages(enumLabels);
  const format = useFormat();
  const localName = useLocalName();
  const [{ data, fetching, error }, refresh] = useQuery({
    query: PendingOrganizationsQuery,
    requestPolicy: 'cache-and-network',
  });
  const [, decide] = useMutation(DecideOrganizationMutation);
  const organizations = data?.organizations.nodes ?? [];
  return (
    <section className="card" aria-labelledby="organizations-title">
      <h2 id="organizations-title">{t.organizationsTitle}</h2>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {data && organizations.length === 0 ? <Empty>{t.noOrganizations}</Empty> : null}
      <ul className="queue">
        {organizations.map((organization) => (
          <li key={organization.id}>
            <h3>{organization.name}</h3>
            <p>
              {labels.organizationType[organization.type]} · {localName(organization.localGovernment)} ·{' '}
              {t.appliedOn(format.dateTime(organization.createdAt))}
            </p>
            <p>
              {t.contact}: {organization.contactName} &lt;{organization.contactEmail}&gt;{' '}
              {organization.contactPhone ?? ''}
            </p>
            <DecisionButtons
              name={organization.name}
              decide={async (decision) => {
                const outcome = outcomeOf(
                  await decide({ id: organization.id, decision }),
                  (result) => result.decideOrganization,
                );
                return outcome.ok ? null : outcome.failure;
              }}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function PendingVolunteers() {
  const t = useMessages(coordinatorMessages);
  const format = useFormat();
  const localName = useLocalName();
  const [{ data, fetching, error }, refresh] = useQuery({
    query: PendingVolunteersQuery,
    requestPolicy: 'cache-and-network',
  });
  const [, decide] = useMutation(DecideVolunteerMutation);
  const volunteers = data?.volunteers.nodes ?? [];
  return (
    <section className="card" aria-labelledby="volunteers-title">
      <h2 id="volunteers-title">{t.volunteersTitle}</h2>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {data && volunteers.length === 0 ? <Empty>{t.noVolunteers}</Empty> : null}
      <ul className="queue">
        {volunteers.map((volunteer) =>
          volunteer.memberships
            .filter((membership) => membership.status === 'applied')
            .map((membership) => (
              <li key={`${volunteer.id}:${membership.association.id}`}>
                <h3>{volunteer.fullName}</h3>
                <p>
                  {t.home}: {localName(volunteer.homeLocalGovernment)} ·{' '}
                  {t.appliedOn(format.dateTime(volunteer.createdAt))}
                </p>
                <p>{t.forAssociation(localName(membership.association))}</p>
                <DecisionButtons
                  name={volunteer.fullName}
                  decide={async (decision) => {
                    const outcome = outcomeOf(
                      await decide({ id: volunteer.id, associationId: membership.association.id, decision }),
                      (result) => result.decideVolunteerApplication,
                    );
                    return outcome.ok ? null : outcome.failure;
                  }}
                />
              </li>
            )),
        )}
      </ul>
    </section>
  );
}

export function Approvals() {
  const t = useMessages(coordinatorMessages);
  return (
    <Page title={t.approvalsTitle}>
      <PendingOrganizations />
      <PendingVolunteers />
      <ExpenseApprovals />
    </Page>
  );
}
