import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link, useParams } from 'wouter';
import { ActionButton } from '../forms/ActionButton';
import { ConfirmInPlace } from '../forms/ConfirmInPlace';
import { Field } from '../forms/Field';
import { ErrorFields, outcomeOf } from '../forms/failure';
import { graphql } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import { type EnumValues, enumLabels } from '../labels';
import { common } from '../messages';
import { useLocalName } from '../pickers/names';
import { idFromPath } from '../requests/ids';
import { Fact } from '../ui/Facts';
import { LoadMore } from '../ui/LoadMore';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import { organizationMessages } from './organizationMessages';

type OrganizationStatus = EnumValues<'OrganizationStatus'>;
const statuses: OrganizationStatus[] = ['approved', 'suspended', 'applied', 'closed', 'rejected'];

const OrganizationsQuery = graphql(`
  query CoordinatorOrganizations($status: OrganizationStatus, $after: String) {
    organizations(status: $status, first: 50, after: $after) {
      nodes {
        id
        name
        type
        status
        localGovernment {
          code
          nameJa
          nameEn
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const OrganizationQuery = graphql(`
  query CoordinatorOrganization($id: ID!) {
    node(id: $id) {
      __typename
      ... on Organization {
        id
        name
        type
        status
        trusted
        contactName
        contactEmail
        contactPhone
        address
        createdAt
        association {
          id
          nameJa
          nameEn
        }
        localGovernment {
          code
          kind
          nameJa
          nameEn
        }
        staff {
          user {
            id
            displayName
          }
        }
      }
    }
  }
`);

const DecideOrganizationMutation = graphql(
  `
    mutation ChangeOrganizationStatus($id: ID!, $decision: OrganizationDecision!) {
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

export const organizationPath = (id: string) => `/organizations/${encodeURIComponent(id)}`;

/** The organizations of the coordinator's associations, by status, newest first. */
export function OrganizationsPage() {
  const t = useMessages(organizationMessages);
  const labels = useMessages(enumLabels);
  const localName = useLocalName();
  const [status, setStatus] = useState<OrganizationStatus | ''>('approved');
  // "Show more" belongs to the status it was asked under.
  const [paging, setPaging] = useState<{ status: string; after: string | null }>({ status, after: null });
  const after = paging.status === status ? paging.after : null;
  const [{ data, fetching, error }, refresh] = useQuery({
    query: OrganizationsQuery,
    variables: { status: status || null, after },
    requestPolicy: 'cache-and-network',
  });
  const connection = data?.organizations;
  return (
    <Page title={t.title}>
      <p className="hint">{t.intro}</p>
      <div className="filters">
        <Field name="organizationStatus" label={t.statusFilter}>
          {(control) => (
            <select
              {...control}
              value={status}
              onChange={(event) => setStatus(event.target.value as OrganizationStatus | '')}
            >
              <option value="">{t.everyStatus}</option>
              {statuses.map((value) => (
                <option key={value} value={value}>
                  {t.status[value]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {connection && connection.nodes.length === 0 ? <Empty>{t.none}</Empty> : null}
      {connection && connection.nodes.length > 0 ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.type}</th>
                <th scope="col">{t.bearing}</th>
                <th scope="col">{t.statusLabel}</th>
              </tr>
            </thead>
            <tbody>
              {connection.nodes.map((organization) => (
                <tr key={organization.id}>
                  <th scope="row">
                    <Link href={organizationPath(organization.id)}>{organization.name}</Link>
                  </th>
                  <td>{labels.organizationType[organization.type]}</td>
                  <td>{localName(organization.localGovernment)}</td>
                  <td>{t.status[organization.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pageInfo={connection?.pageInfo} fetching={fetching} onMore={(after) => setPaging({ status, after })} />
    </Page>
  );
}

type Step = 'approve' | 'reactivate' | 'suspend';

/** What can be done from each status (as the API allows it): closing asks once more. */
const steps: Record<OrganizationStatus, { buttons: Step[]; closable: boolean }> = {
  applied: { buttons: ['approve'], closable: false },
  approved: { buttons: ['suspend'], closable: true },
  suspended: { buttons: ['reactivate'], closable: true },
  rejected: { buttons: [], closable: false },
  closed: { buttons: [], closable: false },
};

function StatusActions({ id, name, status }: { id: string; name: string; status: OrganizationStatus }) {
  const t = useMessages(organizationMessages);
  const [, decide] = useMutation(DecideOrganizationMutation);
  // Said here, not by the button: the buttons change with the new status.
  const [notice, setNotice] = useState<string | null>(null);
  const run = async (step: Step | 'close') => {
    const decision = step === 'reactivate' ? 'approve' : step;
    const outcome = outcomeOf(await decide({ id, decision }), (result) => result.decideOrganization);
    setNotice(outcome.ok ? t.done[step] : null);
    return outcome.ok ? null : outcome.failure;
  };
  const { buttons, closable } = steps[status];
  return (
    <section className="card" aria-labelledby="organization-actions-title">
      <h2 id="organization-actions-title">{t.actionsTitle}</h2>
      {notice ? (
        <p role="status" className="saved">
          {notice}
        </p>
      ) : null}
      {buttons.length === 0 && !closable ? <p className="hint">{t.noActions}</p> : null}
      <div className="row-actions">
        {buttons.map((step) => (
          <ActionButton key={`${status}-${step}`} className="secondary" run={() => run(step)}>
            {t[step]}
          </ActionButton>
        ))}
        {closable ? (
          <ConfirmInPlace
            key={status}
            action={t.close}
            question={t.closeQuestion(name)}
            yes={t.yesClose}
            keep={t.keepOpen}
            run={() => run('close')}
          />
        ) : null}
      </div>
    </section>
  );
}

/** One organization: who it is, where, its staff, and its status with what can change it. */
export function OrganizationPage() {
  const t = useMessages(organizationMessages);
  const c = useMessages(common);
  const labels = useMessages(enumLabels);
  const format = useFormat();
  const localName = useLocalName();
  const params = useParams<{ id: string }>();
  const id = idFromPath(params.id, 'Organization');
  const [{ data, fetching, error }, refresh] = useQuery({ query: OrganizationQuery, variables: { id } });
  const organization = data?.node?.__typename === 'Organization' ? data.node : null;
  return (
    <Page title={t.detailTitle} actions={<Link href="/organizations">{c.back}</Link>}>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {data && !organization ? <p className="notice notice-problem">{c.notFound}</p> : null}
      {organization ? (
        <>
          <section className="card" aria-labelledby="organization-title">
            <h2 id="organization-title">{organization.name}</h2>
            <dl className="facts">
              <Fact label={t.statusLabel}>{t.status[organization.status]}</Fact>
              <Fact label={t.type}>{labels.organizationType[organization.type]}</Fact>
              <Fact label={t.bearing}>
                {t.bearingOf(
                  organization.localGovernment.kind,
                  localName(organization.localGovernment),
                  organization.localGovernment.code,
                )}
              </Fact>
              <Fact label={t.association}>{localName(organization.association)}</Fact>
              <Fact label={t.contact}>
                {organization.contactName} &lt;{organization.contactEmail}&gt; {organization.contactPhone ?? ''}
              </Fact>
              <Fact label={t.address}>{organization.address}</Fact>
              <Fact label={t.trusted}>{organization.trusted ? t.trustedYes : null}</Fact>
              <Fact label={t.registered}>{format.dateTime(organization.createdAt)}</Fact>
            </dl>
            <h3>{t.staff}</h3>
            {organization.staff.length === 0 ? (
              <p className="empty">{t.noStaff}</p>
            ) : (
              <ul>
                {organization.staff.map((member) => (
                  <li key={member.user.id}>{member.user.displayName}</li>
                ))}
              </ul>
            )}
          </section>
          <StatusActions id={organization.id} name={organization.name} status={organization.status} />
        </>
      ) : null}
    </Page>
  );
}
