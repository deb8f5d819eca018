import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { ActionButton } from '../forms/ActionButton';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { ErrorFields, type Failure, outcomeOf } from '../forms/failure';
import { graphql } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import type { EnumValues } from '../labels';
import { LoadMore } from '../ui/LoadMore';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import { banMessages } from './banMessages';
import { organizationPath } from './Organizations';

type BanDirection = EnumValues<'BanDirection'>;
const directions: BanDirection[] = ['organization_declines_volunteer', 'volunteer_declines_organization'];

const BansQuery = graphql(`
  query CoordinatorBans($after: String) {
    bans(first: 50, after: $after) {
      nodes {
        direction
        reason
        createdAt
        organizationId
        organizationName
        volunteerId
        volunteerName
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** What the form chooses from: the active organizations and volunteers of the coordinator's associations. */
const BanChoicesQuery = graphql(`
  query BanChoices {
    organizations(status: approved, first: 100) {
      nodes {
        id
        name
      }
    }
    volunteers(status: active, first: 100) {
      nodes {
        id
        fullName
      }
    }
  }
`);

const RecordBanMutation = graphql(
  `
    mutation RecordBan($organizationId: ID!, $volunteerId: ID!, $direction: BanDirection!, $reason: String) {
      recordBan(organizationId: $organizationId, volunteerId: $volunteerId, direction: $direction, reason: $reason) {
        __typename
        ... on MutationRecordBanSuccess {
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

const LiftBanMutation = graphql(
  `
    mutation LiftBan($organizationId: ID!, $volunteerId: ID!, $direction: BanDirection!) {
      liftBan(organizationId: $organizationId, volunteerId: $volunteerId, direction: $direction) {
        __typename
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

function RecordBan() {
  const t = useMessages(banMessages);
  const [{ data }] = useQuery({ query: BanChoicesQuery, requestPolicy: 'cache-and-network' });
  const [{ fetching: busy }, record] = useMutation(RecordBanMutation);
  const [choice, setChoice] = useState({ organizationId: '', volunteerId: '', direction: '', reason: '' });
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const ready = choice.organizationId !== '' && choice.volunteerId !== '' && choice.direction !== '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    const outcome = outcomeOf(
      await record({ ...choice, direction: choice.direction as BanDirection, reason: choice.reason || null }),
      (result) => result.recordBan,
    );
    setFailure(outcome.ok ? null : outcome.failure);
    setNotice(outcome.ok ? t.recorded : null);
    if (outcome.ok) setChoice({ organizationId: '', volunteerId: '', direction: '', reason: '' });
  }

  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="record-ban-title">
      <h2 id="record-ban-title">{t.recordTitle}</h2>
      <p className="hint">{t.recordIntro}</p>
      <FailureNotice failure={failure} labels={{ reason: t.reason }} />
      {notice ? (
        <p role="status" className="saved">
          {notice}
        </p>
      ) : null}
      <Field name="banOrganization" label={t.organization} errors={problemsFor(failure, 'organizationId')} required>
        {(control) => (
          <select
            {...control}
            value={choice.organizationId}
            onChange={(event) => setChoice({ ...choice, organizationId: event.target.value })}
          >
            <option value="">{t.choose}</option>
            {(data?.organizations.nodes ?? []).map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="banVolunteer" label={t.volunteer} errors={problemsFor(failure, 'volunteerId')} required>
        {(control) => (
          <select
            {...control}
            value={choice.volunteerId}
            onChange={(event) => setChoice({ ...choice, volunteerId: event.target.value })}
          >
            <option value="">{t.choose}</option>
            {(data?.volunteers.nodes ?? []).map((volunteer) => (
              <option key={volunteer.id} value={volunteer.id}>
                {volunteer.fullName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="banDirection" label={t.directionLabel} required>
        {(control) => (
          <select
            {...control}
            value={choice.direction}
            onChange={(event) => setChoice({ ...choice, direction: event.target.value })}
          >
            <option value="">{t.choose}</option>
            {directions.map((direction) => (
              <option key={direction} value={direction}>
                {t.direction[direction]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="reason" label={t.reason} hint={t.reasonHint} errors={problemsFor(failure, 'reason')}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={500}
            value={choice.reason}
            onChange={(event) => setChoice({ ...choice, reason: event.target.value })}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" disabled={busy || !ready}>
          {t.record}
        </button>
      </div>
    </form>
  );
}

/** Every ban on the organizations of the coordinator's associations, newest first, each with a way to lift it. */
export function BansPage() {
  const t = useMessages(banMessages);
  const format = useFormat();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refresh] = useQuery({
    query: BansQuery,
    variables: { after },
    requestPolicy: 'cache-and-network',
  });
  const [, lift] = useMutation(LiftBanMutation);
  const connection = data?.bans;
  return (
    <Page title={t.title}>
      <p className="hint">{t.intro}</p>
      <section className="card" aria-labelledby="bans-title">
        <h2 id="bans-title" className="visually-hidden">
          {t.title}
        </h2>
        {fetching && !data ? <Loading /> : null}
        {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
        {connection && connection.nodes.length === 0 ? <Empty>{t.none}</Empty> : null}
        {connection && connection.nodes.length > 0 ? (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.volunteer}</th>
                  <th scope="col">{t.organization}</th>
                  <th scope="col">{t.directionLabel}</th>
                  <th scope="col">{t.reason}</th>
                  <th scope="col">{t.since}</th>
                  <th scope="col">{t.lift}</th>
                </tr>
              </thead>
              <tbody>
                {connection.nodes.map((ban) => (
                  <tr key={`${ban.organizationId}:${ban.volunteerId}:${ban.direction}`}>
                    <th scope="row">{ban.volunteerName}</th>
                    <td>
                      <Link href={organizationPath(ban.organizationId)}>{ban.organizationName}</Link>
                    </td>
                    <td>{t.direction[ban.direction]}</td>
                    <td>{ban.reason ?? t.noReason}</td>
                    <td>{format.dateTime(ban.createdAt)}</td>
                    <td>
                      <ActionButton
                        className="secondary"
                        run={async () => {
                          const outcome = outcomeOf(
                            await lift({
                              organizationId: ban.organizationId,
                              volunteerId: ban.volunteerId,
                              direction: ban.direction,
                            }),
                            (result) => result.liftBan,
                          );
                          return outcome.ok ? null : outcome.failure;
                        }}
                      >
                        {t.lift}
                        <span className="visually-hidden">
                          {' '}
                          {ban.volunteerName} · {ban.organizationName}
                        </span>
                      </ActionButton>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <LoadMore pageInfo={connection?.pageInfo} fetching={fetching} onMore={setAfter} />
      </section>
      <RecordBan />
    </Page>
  );
}
