import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { type Failure, formProblems, outcomeOf } from '../forms/failure';
import { invitationSchema, invitedRoles, maxLengthOf, ruleProblems } from '../forms/rules';
import type { ResultOf, VariablesOf } from '../graphql';
import { type Locale, useLocale, useMessages } from '../i18n';
import { enumLabels } from '../labels';
import { useLocalName } from '../pickers/names';
import { plainIdOf } from '../requests/ids';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import {
  AdminAssociationsQuery,
  ApprovedOrganizationsQuery,
  GrantRoleMutation,
  InviteMutation,
  RevokeRoleMutation,
} from './documents';
import { adminMessages } from './messages';

type Association = ResultOf<typeof AdminAssociationsQuery>['associations'][number];
type StaffRole = 'coordinator' | 'admin';

function StaffTable({ association }: { association: Association & { staff: NonNullable<Association['staff']> } }) {
  const t = useMessages(adminMessages);
  const labels = useMessages(enumLabels);
  const localName = useLocalName();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [, grant] = useMutation(GrantRoleMutation);
  const [, revoke] = useMutation(RevokeRoleMutation);

  async function changeRole(userId: string, role: StaffRole) {
    const outcome = outcomeOf(
      await grant({ associationId: association.id, userId, role }),
      (data) => data.grantAssociationRole,
    );
    setFailure(outcome.ok ? null : outcome.failure);
    setNotice(outcome.ok ? t.roleChanged : null);
  }

  async function remove(userId: string) {
    const outcome = outcomeOf(
      await revoke({ associationId: association.id, userId }),
      (data) => data.revokeAssociationRole,
    );
    setFailure(outcome.ok ? null : outcome.failure);
    setNotice(outcome.ok ? t.roleChanged : null);
  }

  return (
    <section className="card" aria-labelledby={`staff-${association.id}`}>
      <h2 id={`staff-${association.id}`}>{t.staffOf(localName(association))}</h2>
      <FailureNotice failure={failure} />
      {notice ? <p role="status">{notice}</p> : null}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.role}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {association.staff.map((member) => {
              const other: StaffRole = member.role === 'admin' ? 'coordinator' : 'admin';
              return (
                <tr key={member.user.id}>
                  <th scope="row">{member.user.displayName}</th>
                  <td>{labels.staffRole[member.role]}</td>
                  <td className="row-actions">
                    <button type="button" className="secondary small" onClick={() => changeRole(member.user.id, other)}>
                      {t.makeRole(labels.staffRole[other])}
                      <span className="visually-hidden"> ({member.user.displayName})</span>
                    </button>
                    <button type="button" className="danger secondary small" onClick={() => remove(member.user.id)}>
                      {t.revoke}
                      <span className="visually-hidden"> ({member.user.displayName})</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

type InviteInput = VariablesOf<typeof InviteMutation>['input'];
const emailLimit = maxLengthOf(invitationSchema.shape.email);

function InviteForm({ associations }: { associations: Association[] }) {
  const t = useMessages(adminMessages);
  const labels = useMessages(enumLabels);
  const localName = useLocalName();
  const { locale } = useLocale();
  const [form, setForm] = useState({
    email: '',
    role: 'coordinator' as InviteInput['role'],
    associationId: associations[0]?.id ?? '',
    organizationId: '',
    locale: locale as Locale,
  });
  const [failure, setFailure] = useState<Failure | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [{ fetching }, invite] = useMutation(InviteMutation);
  const [{ data: organizationData }] = useQuery({
    query: ApprovedOrganizationsQuery,
    pause: form.role !== 'requester',
  });
  const organizations = (organizationData?.organizations.nodes ?? []).filter(
    (organization) => organization.association.id === form.associationId,
  );
  const set = <Key extends keyof typeof form>(key: Key, value: (typeof form)[Key]) =>
    setForm((previous) => ({ ...previous, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input: InviteInput = {
      email: form.email,
      role: form.role,
      associationId: form.associationId,
      locale: form.locale,
      ...(form.role === 'requester' && form.organizationId ? { organizationId: form.organizationId } : {}),
    };
    // The API's rules, run before sending: every problem of the form is shown at once.
    const unsendable = formProblems(
      ruleProblems(
        invitationSchema,
        {
          ...input,
          associationId: plainIdOf(input.associationId),
          ...(input.organizationId ? { organizationId: plainIdOf(input.organizationId) } : {}),
        },
        locale,
        [],
      ),
      locale,
    );
    if (unsendable) {
      setFailure(unsendable);
      setSent(null);
      return;
    }
    const outcome = outcomeOf(await invite({ input }), (data) => data.inviteUser);
    setFailure(outcome.ok ? null : outcome.failure);
    if (outcome.ok) {
      setSent(t.invited(outcome.data.email));
      set('email', '');
    }
  }

  const fieldLabels = { email: t.email, role: t.role, associationId: t.association, organizationId: t.organization };
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t.inviteTitle}</h2>
      <p className="hint">{t.inviteIntro}</p>
      <form className="form" onSubmit={submit} noValidate>
        <FailureNotice failure={failure} labels={fieldLabels} />
        {sent ? (
          <p className="notice notice-ok" role="status">
            {sent}
          </p>
        ) : null}
        <Field
          name="email"
          label={t.email}
          errors={problemsFor(failure, 'email')}
          required
          counter={{ value: form.email, max: emailLimit }}
        >
          {(control) => (
            <input
              {...control}
              type="email"
              value={form.email}
              onChange={(event) => set('email', event.target.value)}
            />
          )}
        </Field>
        <div className="row">
          <Field name="role" label={t.role} errors={problemsFor(failure, 'role')}>
            {(control) => (
              <select
                {...control}
                value={form.role}
                onChange={(event) => set('role', event.target.value as InviteInput['role'])}
              >
                {invitedRoles.map((role) => (
                  <option key={role} value={role}>
                    {labels.invitationRole[role]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="associationId" label={t.association} errors={problemsFor(failure, 'associationId')}>
            {(control) => (
              <select
                {...control}
                value={form.associationId}
                onChange={(event) => set('associationId', event.target.value)}
              >
                {associations.map((association) => (
                  <option key={association.id} value={association.id}>
                    {localName(association)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="locale" label={t.mailLocale}>
            {(control) => (
              <select
                {...control}
                value={form.locale}
                onChange={(event) => set('locale', event.target.value as Locale)}
              >
                <option value="ja">日本語</option>
                <option value="en">English</option>
              </select>
            )}
          </Field>
        </div>
        {form.role === 'requester' ? (
          <Field name="organizationId" label={t.organization} errors={problemsFor(failure, 'organizationId')} required>
            {(control) => (
              <select
                {...control}
                value={form.organizationId}
                onChange={(event) => set('organizationId', event.target.value)}
              >
                <option value="">{t.chooseOrganization}</option>
                {organizations.map((organization) => (
                  <option key={organization.id} value={organization.id}>
                    {organization.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <div className="form-actions">
          <button type="submit" disabled={fetching}>
            {t.invite}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The admins' staff page: who coordinates and administers each of their associations, and invitations. */
export function Staff() {
  const t = useMessages(adminMessages);
  const [{ data, fetching, error }, refresh] = useQuery({ query: AdminAssociationsQuery });
  // `staff` is null for the associations the viewer does not administer.
  const mine = (data?.associations ?? []).flatMap((association) =>
    association.staff ? [{ ...association, staff: association.staff }] : [],
  );
  return (
    <Page title={t.staffTitle}>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {data && mine.length === 0 ? <Empty>{t.noAdminAssociations}</Empty> : null}
      {mine.map((association) => (
        <StaffTable key={association.id} association={association} />
      ))}
      {mine.length > 0 ? <InviteForm associations={mine} /> : null}
    </Page>
  );
}
