import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { useLocation } from 'wouter';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field, Problems } from '../forms/Field';
import { ErrorFields, type Failure, outcomeOf } from '../forms/failure';
import { graphql } from '../graphql';
import { useLocale, useMessages } from '../i18n';
import { MunicipalityPicker } from '../pickers/MunicipalityPicker';
import { landingOf, useSession, ViewerFields } from '../session';
import { Page } from '../ui/Page';
import { authMessages } from './messages';
import { useLinkToken } from './token';

const AcceptInvitationMutation = graphql(
  `
    mutation AcceptInvitation($input: AcceptInvitationInput!) {
      acceptInvitation(input: $input) {
        __typename
        ... on MutationAcceptInvitationSuccess {
          data {
            ...ViewerFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ViewerFields, ErrorFields],
);

export function AcceptInvitation() {
  const t = useMessages(authMessages);
  const { locale } = useLocale();
  const token = useLinkToken();
  const { signedIn } = useSession();
  const [, navigate] = useLocation();
  const [form, setForm] = useState({ displayName: '', password: '', fullName: '', homeLocalGovernmentCode: '' });
  const [asVolunteer, setAsVolunteer] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [{ fetching }, accept] = useMutation(AcceptInvitationMutation);
  const set = (field: keyof typeof form) => (value: string) => setForm((previous) => ({ ...previous, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      token,
      displayName: form.displayName,
      password: form.password,
      locale,
      ...(asVolunteer
        ? { volunteer: { fullName: form.fullName, homeLocalGovernmentCode: form.homeLocalGovernmentCode } }
        : {}),
    };
    const outcome = outcomeOf(await accept({ input }), (data) => data.acceptInvitation);
    if (!outcome.ok) {
      setFailure(outcome.failure);
      // The API asks for the volunteer part when the invitation is a volunteer's: show it then.
      if (outcome.failure.problems.some((problem) => problem.field.startsWith('volunteer'))) setAsVolunteer(true);
      return;
    }
    navigate(landingOf(outcome.data), { replace: true });
    signedIn();
  }

  const labels = {
    token: t.acceptTitle,
    displayName: t.displayName,
    password: t.password,
    volunteer: t.volunteerDetails,
    'volunteer.fullName': t.fullName,
    'volunteer.homeLocalGovernmentCode': t.homeMunicipality,
  };
  return (
    <Page title={t.acceptTitle}>
      {token ? (
        <form className="form narrow" onSubmit={submit} noValidate>
          <p>{t.acceptIntro}</p>
          <FailureNotice failure={failure} labels={labels} />
          <Field
            name="displayName"
            label={t.displayName}
            hint={t.displayNameHint}
            errors={problemsFor(failure, 'displayName')}
            required
          >
            {(control) => (
              <input
                {...control}
                autoComplete="nickname"
                value={form.displayName}
                onChange={(event) => set('displayName')(event.target.value)}
              />
            )}
          </Field>
          <Field
            name="password"
            label={t.password}
            hint={t.passwordHint}
            errors={problemsFor(failure, 'password')}
            required
          >
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="new-password"
                value={form.password}
                onChange={(event) => set('password')(event.target.value)}
              />
            )}
          </Field>
          <div className="check">
            <input
              id="as-volunteer"
              type="checkbox"
              checked={asVolunteer}
              onChange={(event) => setAsVolunteer(event.target.checked)}
            />
            <label htmlFor="as-volunteer">{t.asVolunteer}</label>
          </div>
          {asVolunteer ? (
            <fieldset className="group">
              <legend>{t.volunteerDetails}</legend>
              <Problems problems={problemsFor(failure, 'volunteer')} />
              <Field
                name="volunteer.fullName"
                label={t.fullName}
                hint={t.fullNameHint}
                errors={problemsFor(failure, 'volunteer.fullName')}
                required
              >
                {(control) => (
                  <input
                    {...control}
                    autoComplete="name"
                    value={form.fullName}
                    onChange={(event) => set('fullName')(event.target.value)}
                  />
                )}
              </Field>
              <MunicipalityPicker
                name="volunteer.homeLocalGovernmentCode"
                label={t.homeMunicipality}
                value={form.homeLocalGovernmentCode}
                onChange={set('homeLocalGovernmentCode')}
                errors={problemsFor(failure, 'volunteer.homeLocalGovernmentCode')}
                required
              />
            </fieldset>
          ) : null}
          <div className="form-actions">
            <button type="submit" disabled={fetching}>
              {t.createAccount}
            </button>
          </div>
        </form>
      ) : (
        <div className="notice notice-problem" role="alert">
          <p>{t.missingToken}</p>
        </div>
      )}
    </Page>
  );
}
