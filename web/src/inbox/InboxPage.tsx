import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ActionButton } from '../forms/ActionButton';
import { FailureNotice } from '../forms/FailureNotice';
import { type Failure, outcomeOf } from '../forms/failure';
import type { ResultOf } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import { LoadMore } from '../ui/LoadMore';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import {
  EmailPreferencesQuery,
  InboxQuery,
  MarkAllReadMutation,
  MarkReadMutation,
  SetEmailPreferenceMutation,
} from './documents';
import { useUnreadCounts } from './live';
import { inboxMessages } from './messages';

type Message = ResultOf<typeof InboxQuery>['inbox']['nodes'][number];

function InboxItem({ message }: { message: Message }) {
  const t = useMessages(inboxMessages);
  const format = useFormat();
  const [, markRead] = useMutation(MarkReadMutation);
  const unread = message.readAt === null;
  return (
    <li className={`card inbox-message${unread ? ' inbox-message-unread' : ''}`} data-unread={unread}>
      <details
        onToggle={(event) => {
          // Opening an unread message reads it.
          if (unread && event.currentTarget.open) void markRead({ messageId: message.id });
        }}
      >
        <summary>
          {unread ? <span className="visually-hidden">{t.unreadMark}: </span> : null}
          <span className="inbox-subject">{message.subject}</span>{' '}
          <time dateTime={String(message.createdAt)}>{format.dateTime(String(message.createdAt))}</time>
        </summary>
        <p className="inbox-body">{message.body}</p>
      </details>
      {unread ? (
        <ActionButton
          className="secondary"
          run={async () => {
            const outcome = outcomeOf(await markRead({ messageId: message.id }), (data) => data.markInboxMessageRead);
            return outcome.ok ? null : outcome.failure;
          }}
        >
          {t.markRead}
        </ActionButton>
      ) : null}
    </li>
  );
}

function Messages() {
  const t = useMessages(inboxMessages);
  const counts = useUnreadCounts();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refresh] = useQuery({ query: InboxQuery, variables: { after } });
  const [, markAll] = useMutation(MarkAllReadMutation);
  if (fetching && !data) return <Loading />;
  if (error && !data) return <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} />;
  const messages = data?.inbox.nodes ?? [];
  if (messages.length === 0) return <Empty>{t.empty}</Empty>;
  return (
    <>
      {counts && counts.total > 0 ? (
        <ActionButton
          done={t.allRead}
          run={async () => {
            const outcome = outcomeOf(await markAll({}), (result) => result.markAllInboxMessagesRead);
            if (!outcome.ok) return outcome.failure;
            refresh({ requestPolicy: 'network-only' });
            return null;
          }}
        >
          {t.markAllRead}
        </ActionButton>
      ) : null}
      <ul className="inbox-list">
        {messages.map((message) => (
          <InboxItem key={message.id} message={message} />
        ))}
      </ul>
      <LoadMore pageInfo={data?.inbox.pageInfo} onMore={setAfter} />
    </>
  );
}

function EmailPreferences() {
  const t = useMessages(inboxMessages);
  const [{ data, error }, refresh] = useQuery({ query: EmailPreferencesQuery });
  const [saving, save] = useMutation(SetEmailPreferenceMutation);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saved, setSaved] = useState(false);
  if (error && !data) return <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} />;
  const preferences = data?.emailPreferences ?? [];
  if (preferences.length === 0) return null;
  return (
    <section className="card" aria-labelledby="email-preferences">
      <h2 id="email-preferences">{t.preferencesTitle}</h2>
      <p>{t.preferencesIntro}</p>
      <FailureNotice failure={failure} />
      <fieldset>
        <legend className="visually-hidden">{t.preferencesTitle}</legend>
        {preferences.map((preference) => (
          <label key={preference.topic} className="choice">
            <input
              type="checkbox"
              checked={preference.email}
              disabled={saving.fetching}
              onChange={async (event) => {
                setSaved(false);
                const outcome = outcomeOf(
                  await save({ topic: preference.topic, email: event.currentTarget.checked }),
                  (result) => result.setEmailPreference,
                );
                setFailure(outcome.ok ? null : outcome.failure);
                if (outcome.ok) {
                  setSaved(true);
                  refresh({ requestPolicy: 'network-only' });
                }
              }}
            />{' '}
            {t.topics[preference.topic]}
          </label>
        ))}
      </fieldset>
      {saved ? (
        <p role="status" className="saved">
          {t.preferencesSaved}
        </p>
      ) : null}
    </section>
  );
}

/** What Tsunagu told the signed-in person, newest first, and which of it also comes by e-mail. */
export default function InboxPage() {
  const t = useMessages(inboxMessages);
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <Messages />
      <EmailPreferences />
    </Page>
  );
}
