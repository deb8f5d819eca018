import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { Link, Redirect, useSearch } from 'wouter';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { ErrorFields, type Failure, outcomeOf } from '../forms/failure';
import { graphql } from '../graphql';
import { useMessages } from '../i18n';
import { routes } from '../links';
import { landingOf, useSession, ViewerFields } from '../session';
import { Page } from '../ui/Page';
import { authMessages } from './messages';

const SignInMutation = graphql(
  `
    mutation SignIn($input: SignInInput!) {
      signIn(input: $input) {
        __typename
        ... on MutationSignInSuccess {
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

/** Only a path of this app, never another site, is a place to go back to after signing in. */
function safeNext(search: string): string | null {
  const next = new URLSearchParams(search).get('next');
  return next?.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function SignIn() {
  const t = useMessages(authMessages);
  const { viewer, signedIn } = useSession();
  const search = useSearch();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [{ fetching }, signIn] = useMutation(SignInMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = outcomeOf(await signIn({ input: { email, password } }), (data) => data.signIn);
    if (!outcome.ok) {
      setFailure(outcome.failure);
      return;
    }
    // A fresh session loads the person who signed in; this page then sends them on (below).
    signedIn();
  }

  if (viewer) return <Redirect to={safeNext(search) ?? landingOf(viewer)} replace />;

  const labels = { email: t.email, password: t.password };
  return (
    <Page title={t.signInTitle}>
      <form className="form narrow" onSubmit={submit} noValidate>
        <p>{t.signInIntro}</p>
        <FailureNotice failure={failure} labels={labels} />
        <Field name="email" label={t.email} errors={problemsFor(failure, 'email')} required>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field name="password" label={t.password} errors={problemsFor(failure, 'password')} required>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={fetching}>
            {fetching ? t.signingIn : t.signIn}
          </button>
          <Link href="/forgot-password">{t.forgotLink}</Link>
        </div>
      </form>
      <section className="sign-up-links" aria-labelledby="sign-up-title">
        <h2 id="sign-up-title">{t.signUpTitle}</h2>
        <ul>
          <li>
            <Link href={routes.volunteerSignUp}>{t.volunteerSignUpLink}</Link>
          </li>
          <li>
            <Link href={routes.organizationSignUp}>{t.organizationSignUpLink}</Link>
          </li>
        </ul>
      </section>
    </Page>
  );
}
