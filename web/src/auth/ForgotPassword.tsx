import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { Link } from 'wouter';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { ErrorFields, type Failure, outcomeOf } from '../forms/failure';
import { graphql } from '../graphql';
import { useMessages } from '../i18n';
import { Page } from '../ui/Page';
import { authMessages } from './messages';

const RequestResetMutation = graphql(
  `
    mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
      requestPasswordReset(input: $input) {
        __typename
        ... on MutationRequestPasswordResetSuccess {
          data
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export function ForgotPassword() {
  const t = useMessages(authMessages);
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [{ fetching }, requestReset] = useMutation(RequestResetMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = outcomeOf(await requestReset({ input: { email } }), (data) => data.requestPasswordReset);
    setFailure(outcome.ok ? null : outcome.failure);
    if (outcome.ok) setSentTo(email);
  }

  return (
    <Page title={t.forgotTitle}>
      {sentTo ? (
        <div className="notice notice-ok" role="status">
          <p>{t.linkSent(sentTo)}</p>
        </div>
      ) : (
        <form className="form narrow" onSubmit={submit} noValidate>
          <p>{t.forgotIntro}</p>
          <FailureNotice failure={failure} labels={{ email: t.email }} />
          <Field name="email" label={t.email} errors={problemsFor(failure, 'email')} required>
            {(control) => (
              <input
                {...control}
                type="email"
                autoComplete="email"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" disabled={fetching}>
              {fetching ? t.sending : t.sendLink}
            </button>
          </div>
        </form>
      )}
      <p>
        <Link href="/sign-in">{t.backToSignIn}</Link>
      </p>
    </Page>
  );
}
