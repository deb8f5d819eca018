import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { FailureNotice } from '../forms/FailureNotice';
import { type Failure, outcomeOf } from '../forms/failure';
import { useMessages } from '../i18n';
import { RenewCalendarFeedMutation } from './workDocuments';
import { volunteerWorkMessages } from './workMessages';

/**
 * The address of the volunteer's bookings as a calendar (.ics) to subscribe to. The API shows it
 * once, when made: asking again makes a new one and the old one stops working.
 */
export function CalendarFeed() {
  const t = useMessages(volunteerWorkMessages);
  const inputId = useId();
  const [{ fetching }, renew] = useMutation(RenewCalendarFeedMutation);
  const [url, setUrl] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [copied, setCopied] = useState(false);

  async function make() {
    const outcome = outcomeOf(await renew({}), (data) => data.renewMyCalendarFeed);
    setFailure(outcome.ok ? null : outcome.failure);
    setCopied(false);
    if (outcome.ok) setUrl(new URL(outcome.data.path, window.location.origin).toString());
  }
  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard (an old browser, no permission): the address stays selected to copy by hand.
      document.getElementById(inputId)?.focus();
    }
  }

  return (
    <section className="card" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t.calendarTitle}</h2>
      <p className="hint">{t.calendarIntro}</p>
      <FailureNotice failure={failure} />
      {url ? (
        <div className="field">
          <label htmlFor={inputId}>{t.calendarAddress}</label>
          <input id={inputId} readOnly value={url} onFocus={(event) => event.target.select()} />
          <p className="hint">{t.calendarOnce}</p>
          <div className="form-actions">
            <button type="button" className="secondary" onClick={copy}>
              {t.copy}
            </button>
            <a className="button secondary" href={url.replace(/^https?:/, 'webcal:')}>
              {t.subscribe}
            </a>
            {copied ? (
              <span role="status" className="saved">
                {t.copied}
              </span>
            ) : null}
          </div>
        </div>
      ) : null}
      <button type="button" className={url ? 'secondary' : undefined} disabled={fetching} onClick={make}>
        {url ? t.calendarRenew : t.calendarMake}
      </button>
    </section>
  );
}
