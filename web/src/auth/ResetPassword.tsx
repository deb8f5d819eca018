import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { Link, useLocation } from 'wouter';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field, Problems } from '../forms/Field';
import { ErrorFields, type Failure, outcomeOf } from '../forms/failure';
import { graphql } from '../graphql';
import { useMessages } from '../i18n';
import { landingOf, useSession, ViewerFields } from '../session';
import { Page } from '../ui/Page';
import { authMessages } from './messages';
import { useLinkToken } from './token';

const ResetPasswordMutation = graphql(
  `
    mutation ResetPassword($input: ResetPasswordInput!) {
      resetPassword(input: $input) {
        __typename
        ... on MutationResetPasswordSuccess {
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

export function ResetPassword() {
  const t = useMessages(authMessages);
  const token = useLinkToken();
  const { signedIn } = useSession();
  const [, navigate] = useLocation();
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [{ fetching }, resetPassword] = useMutation(ResetPasswordMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = outcomeOf(await resetPassword({ input: { token, password } }), (data) => data.resetPassword);
    if (!outcome.ok) {
      setFailure(outcome.failure);
      return;
    }
    navigate(landingOf(outcome.data), { replace: true });
    signedIn();
  }

  return (
    <Page title={t.resetTitle}>
      {token ? (
        <form className="form narrow" onSubmit={submit} noValidate>
          <p>{t.resetIntro}</p>
          <FailureNotice failure={failure} labels={{ password: t.newPassword }} />
          {problemsFor(failure, 'token').length > 0 ? (
            <>
              <Problems problems={problemsFor(failure, 'token')} />
              <p>
                <Link href="/forgot-password">{t.forgotLink}</Link>
              </p>
            </>
          ) : null}
          <Field
            name="password"
            label={t.newPassword}
            hint={t.passwordHint}
            errors={problemsFor(failure, 'password')}
            required
          >
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" disabled={fetching}>
              {t.setPassword}
            </button>
          </div>
        </form>
      ) : (
        <div className="notice notice-problem" role="alert">
          <p>{t.missingToken}</p>
          <p>
            <Link href="/forgot-password">{t.forgotLink}</Link>
          </p>
        </div>
      )}
    </Page>
  );
}
