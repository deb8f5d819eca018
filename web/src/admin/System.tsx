import { useQuery } from 'urql';
import { graphql } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import { adminMessages } from './messages';

const HealthQuery = graphql(`
  query Health {
    health {
      database
      temporal
      worker
      version
    }
  }
`);

const CaughtEmailsQuery = graphql(`
  query CaughtEmails {
    caughtEmails(first: 20) {
      nodes {
        toAddresses
        subject
        body
        receivedAt
      }
    }
  }
`);

const parts = ['database', 'temporal', 'worker'] as const;
// The API answers 'ok' or a short technical reason (from the driver or Temporal), shown as such.

/** What the foundation's staff check first when something seems off. */
function Health() {
  const t = useMessages(adminMessages);
  const [{ data, fetching, error }, refresh] = useQuery({ query: HealthQuery, requestPolicy: 'network-only' });
  return (
    <section aria-labelledby="health-title" className="card">
      <h2 id="health-title">{t.systemTitle}</h2>
      {fetching && !data ? <Loading /> : null}
      {error ? <LoadError error={error} /> : null}
      {data ? (
        <dl className="facts health">
          {parts.map((part) => {
            const value = data.health[part];
            return (
              <div key={part} data-testid={`health-${part}`}>
                <dt>{t[part]}</dt>
                <dd className={value === 'ok' ? 'ok' : 'problem'}>
                  {value === 'ok' ? t.working : t.notWorking(value)}
                </dd>
              </div>
            );
          })}
          <div>
            <dt>{t.version}</dt>
            <dd>{data.health.version}</dd>
          </div>
        </dl>
      ) : null}
      <button type="button" className="secondary" onClick={() => refresh({ requestPolicy: 'network-only' })}>
        {t.checkAgain}
      </button>
    </section>
  );
}

function CaughtEmails() {
  const t = useMessages(adminMessages);
  const format = useFormat();
  const [{ data, fetching, error }] = useQuery({ query: CaughtEmailsQuery, requestPolicy: 'network-only' });
  const emails = data?.caughtEmails.nodes ?? [];
  return (
    <section aria-labelledby="mail-title" className="card">
      <h2 id="mail-title">{t.mailTitle}</h2>
      <p className="hint">{t.mailIntro}</p>
      {fetching && !data ? <Loading /> : null}
      {error ? <LoadError error={error} /> : null}
      {data && emails.length === 0 ? <Empty>{t.noMail}</Empty> : null}
      {emails.map((email) => {
        // Each e-mail in its recipient's language, marked as such: kana say Japanese, else English.
        const lang = /[\u3040-\u30ff]/.test(email.subject) ? 'ja' : 'en';
        return (
          <details key={`${email.receivedAt}-${email.subject}`} className="mail">
            <summary>
              <span lang={lang}>{email.subject}</span> — {email.toAddresses.join(', ')} (
              {format.dateTime(email.receivedAt)})
            </summary>
            <pre lang={lang}>{email.body}</pre>
          </details>
        );
      })}
    </section>
  );
}

export function System() {
  const t = useMessages(adminMessages);
  return (
    <Page title={t.sections.system}>
      <Health />
      <CaughtEmails />
    </Page>
  );
}
