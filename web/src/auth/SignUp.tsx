import { type FormEvent, type ReactNode, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link, useLocation, useSearch } from 'wouter';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { ErrorFields, type Failure, formProblems, outcomeOf } from '../forms/failure';
import { maxLengthOf, organizationApplicationSchema, ruleProblems, volunteerApplicationSchema } from '../forms/rules';
import { graphql } from '../graphql';
import { useLocale, useMessages } from '../i18n';
import { enumLabels } from '../labels';
import { routes } from '../links';
import { MunicipalityPicker } from '../pickers/MunicipalityPicker';
import { useLocalName } from '../pickers/names';
import { plainIdOf } from '../requests/ids';
import { Page } from '../ui/Page';
import { authMessages } from './messages';

const AssociationsQuery = graphql(`
  query SignUpAssociations {
    associations {
      id
      nameJa
      nameEn
    }
  }
`);

const ApplyAsVolunteerMutation = graphql(
  `
    mutation ApplyAsVolunteer($input: VolunteerApplicationInput!) {
      applyAsVolunteer(input: $input) {
        __typename
        ... on MutationApplyAsVolunteerSuccess {
          data
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const ApplyForOrganizationMutation = graphql(
  `
    mutation ApplyForOrganization($input: OrganizationApplicationInput!) {
      applyForOrganization(input: $input) {
        __typename
        ... on MutationApplyForOrganizationSuccess {
          data
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** Leaves out the optional fields left empty: the API takes an absent optional field, not an empty one. */
const optional = new Set(['displayName', 'phone', 'contactPhone', 'address']);
const filled = <Input extends Record<string, unknown>>(input: Input) =>
  Object.fromEntries(Object.entries(input).filter(([key, value]) => value !== '' || !optional.has(key))) as Input;

interface TextProps {
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  failure: Failure | null;
  max?: number | null;
  required?: boolean;
  type?: string;
  autoComplete?: string;
  hint?: ReactNode;
}

/** One text field of a sign-up form: its label, its problems beside it, and its counter when it has a limit. */
function TextField({
  name,
  label,
  value,
  onChange,
  failure,
  max = null,
  required,
  type,
  autoComplete,
  hint,
}: TextProps) {
  return (
    <Field
      name={name}
      label={label}
      hint={hint}
      errors={problemsFor(failure, name)}
      required={required ?? false}
      {...(max === null ? {} : { counter: { value, max } })}
    >
      {(control) => (
        <input
          {...control}
          type={type ?? 'text'}
          autoComplete={autoComplete}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** The e-mail and password the applicant will sign in with, in either application. */
function SignInFields({
  names,
  values,
  onChange,
  failure,
}: {
  names: { email: string; password: string };
  values: { email: string; password: string };
  onChange: (field: 'email' | 'password') => (value: string) => void;
  failure: Failure | null;
}) {
  const t = useMessages(authMessages);
  return (
    <>
      <TextField
        name={names.email}
        label={t.email}
        type="email"
        value={values.email}
        onChange={onChange('email')}
        failure={failure}
        autoComplete="email"
        required
      />
      <TextField
        name={names.password}
        label={t.password}
        hint={t.passwordHint}
        type="password"
        value={values.password}
        onChange={onChange('password')}
        failure={failure}
        autoComplete="new-password"
        required
      />
    </>
  );
}

/** The associations to apply to, in the page's language. */
function AssociationSelect({
  value,
  onChange,
  failure,
}: {
  value: string;
  onChange(value: string): void;
  failure: Failure | null;
}) {
  const t = useMessages(authMessages);
  const localName = useLocalName();
  const [{ data }] = useQuery({ query: AssociationsQuery });
  return (
    <Field name="associationId" label={t.association} errors={problemsFor(failure, 'associationId')} required>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t.chooseAssociation}</option>
          {(data?.associations ?? []).map((association) => (
            <option key={association.id} value={association.id}>
              {localName(association)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Anyone applies to volunteer: checked whole before sending, then a coordinator approves. */
export function VolunteerSignUp() {
  const t = useMessages(authMessages);
  const { locale } = useLocale();
  const [, navigate] = useLocation();
  const [form, setForm] = useState({
    associationId: '',
    fullName: '',
    displayName: '',
    email: '',
    password: '',
    homeLocalGovernmentCode: '',
    phone: '',
  });
  const [failure, setFailure] = useState<Failure | null>(null);
  const [{ fetching }, apply] = useMutation(ApplyAsVolunteerMutation);
  const set = (field: keyof typeof form) => (value: string) => setForm((previous) => ({ ...previous, [field]: value }));
  const fields = volunteerApplicationSchema.shape;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = filled({ ...form, locale });
    const checked = formProblems(
      ruleProblems(volunteerApplicationSchema, { ...input, associationId: plainIdOf(form.associationId) }, locale),
      locale,
    );
    if (checked) {
      setFailure(checked);
      return;
    }
    const outcome = outcomeOf(await apply({ input }), (data) => data.applyAsVolunteer);
    if (!outcome.ok) {
      setFailure(outcome.failure);
      return;
    }
    navigate(`${routes.signUpReceived}?as=volunteer`);
  }

  const labels = {
    associationId: t.association,
    fullName: t.fullName,
    displayName: t.displayName,
    email: t.email,
    password: t.password,
    homeLocalGovernmentCode: t.homeMunicipality,
    phone: t.phone,
  };
  return (
    <Page title={t.volunteerSignUpTitle}>
      <form className="form narrow" onSubmit={submit} noValidate>
        <p>{t.volunteerSignUpIntro}</p>
        <FailureNotice failure={failure} labels={labels} />
        <AssociationSelect value={form.associationId} onChange={set('associationId')} failure={failure} />
        <TextField
          name="fullName"
          label={t.fullName}
          hint={t.fullNameHint}
          value={form.fullName}
          onChange={set('fullName')}
          failure={failure}
          max={maxLengthOf(fields.fullName)}
          autoComplete="name"
          required
        />
        <TextField
          name="displayName"
          label={t.displayName}
          hint={t.displayNameHint}
          value={form.displayName}
          onChange={set('displayName')}
          failure={failure}
          max={maxLengthOf(fields.displayName)}
          autoComplete="nickname"
        />
        <SignInFields names={{ email: 'email', password: 'password' }} values={form} onChange={set} failure={failure} />
        <MunicipalityPicker
          name="homeLocalGovernmentCode"
          label={t.homeMunicipality}
          value={form.homeLocalGovernmentCode}
          onChange={set('homeLocalGovernmentCode')}
          errors={problemsFor(failure, 'homeLocalGovernmentCode')}
          required
        />
        <TextField
          name="phone"
          label={t.phone}
          type="tel"
          value={form.phone}
          onChange={set('phone')}
          failure={failure}
          max={maxLengthOf(fields.phone)}
          autoComplete="tel"
        />
        <div className="form-actions">
          <button type="submit" disabled={fetching}>
            {fetching ? t.applying : t.apply}
          </button>
          <Link href="/sign-in">{t.backToSignIn}</Link>
        </div>
      </form>
    </Page>
  );
}

/** A public body applies, with the account of the person who will sign in; a coordinator approves. */
export function OrganizationSignUp() {
  const t = useMessages(authMessages);
  const labelsOf = useMessages(enumLabels);
  const { locale } = useLocale();
  const [, navigate] = useLocation();
  const [form, setForm] = useState({
    associationId: '',
    name: '',
    type: '',
    localGovernmentCode: '',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    address: '',
  });
  const [staff, setStaff] = useState({ displayName: '', email: '', password: '' });
  const [failure, setFailure] = useState<Failure | null>(null);
  const [{ fetching }, apply] = useMutation(ApplyForOrganizationMutation);
  const set = (field: keyof typeof form) => (value: string) => setForm((previous) => ({ ...previous, [field]: value }));
  const setOfStaff = (field: keyof typeof staff) => (value: string) =>
    setStaff((previous) => ({ ...previous, [field]: value }));
  const fields = organizationApplicationSchema.shape;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { ...filled(form), staff: { ...staff, locale } };
    const checked = formProblems(
      ruleProblems(organizationApplicationSchema, { ...input, associationId: plainIdOf(form.associationId) }, locale),
      locale,
    );
    if (checked) {
      setFailure(checked);
      return;
    }
    const outcome = outcomeOf(
      await apply({ input: input as Parameters<typeof apply>[0]['input'] }),
      (data) => data.applyForOrganization,
    );
    if (!outcome.ok) {
      setFailure(outcome.failure);
      return;
    }
    navigate(`${routes.signUpReceived}?as=organization`);
  }

  const labels = {
    associationId: t.association,
    name: t.organizationName,
    type: t.organizationType,
    localGovernmentCode: t.organizationMunicipality,
    contactName: t.contactName,
    contactEmail: t.contactEmail,
    contactPhone: t.phone,
    address: t.address,
    'staff.displayName': `${t.staffAccount}: ${t.displayName}`,
    'staff.email': `${t.staffAccount}: ${t.email}`,
    'staff.password': `${t.staffAccount}: ${t.password}`,
  };
  return (
    <Page title={t.organizationSignUpTitle}>
      <form className="form narrow" onSubmit={submit} noValidate>
        <p>{t.organizationSignUpIntro}</p>
        <FailureNotice failure={failure} labels={labels} />
        <AssociationSelect value={form.associationId} onChange={set('associationId')} failure={failure} />
        <TextField
          name="name"
          label={t.organizationName}
          value={form.name}
          onChange={set('name')}
          failure={failure}
          max={maxLengthOf(fields.name)}
          autoComplete="organization"
          required
        />
        <Field name="type" label={t.organizationType} errors={problemsFor(failure, 'type')} required>
          {(control) => (
            <select {...control} value={form.type} onChange={(event) => set('type')(event.target.value)}>
              <option value="">{t.chooseType}</option>
              {Object.entries(labelsOf.organizationType).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <MunicipalityPicker
          name="localGovernmentCode"
          label={t.organizationMunicipality}
          value={form.localGovernmentCode}
          onChange={set('localGovernmentCode')}
          errors={problemsFor(failure, 'localGovernmentCode')}
          required
        />
        <TextField
          name="address"
          label={t.address}
          value={form.address}
          onChange={set('address')}
          failure={failure}
          max={maxLengthOf(fields.address)}
          autoComplete="street-address"
        />
        <TextField
          name="contactName"
          label={t.contactName}
          value={form.contactName}
          onChange={set('contactName')}
          failure={failure}
          max={maxLengthOf(fields.contactName)}
          required
        />
        <TextField
          name="contactEmail"
          label={t.contactEmail}
          type="email"
          value={form.contactEmail}
          onChange={set('contactEmail')}
          failure={failure}
          required
        />
        <TextField
          name="contactPhone"
          label={t.phone}
          type="tel"
          value={form.contactPhone}
          onChange={set('contactPhone')}
          failure={failure}
          max={maxLengthOf(fields.contactPhone)}
        />
        <fieldset className="group">
          <legend>{t.staffAccount}</legend>
          <TextField
            name="staff.displayName"
            label={t.displayName}
            value={staff.displayName}
            onChange={setOfStaff('displayName')}
            failure={failure}
            max={maxLengthOf(fields.staff.shape.displayName)}
            autoComplete="name"
            required
          />
          <SignInFields
            names={{ email: 'staff.email', password: 'staff.password' }}
            values={staff}
            onChange={setOfStaff}
            failure={failure}
          />
        </fieldset>
        <div className="form-actions">
          <button type="submit" disabled={fetching}>
            {fetching ? t.applying : t.apply}
          </button>
          <Link href="/sign-in">{t.backToSignIn}</Link>
        </div>
      </form>
    </Page>
  );
}

/**
 * What happens next, honestly: a coordinator approves. It says the same whether or not the address
 * had an account, as the API does, so that nobody learns who is registered.
 */
export function SignUpReceived() {
  const t = useMessages(authMessages);
  const as = new URLSearchParams(useSearch()).get('as');
  return (
    <Page title={t.receivedTitle}>
      <div className="notice" role="status">
        <p>{as === 'organization' ? t.receivedOrganization : t.receivedVolunteer}</p>
        <p>{t.receivedMail}</p>
      </div>
      <p>
        <Link href="/sign-in">{t.backToSignIn}</Link>
      </p>
    </Page>
  );
}
