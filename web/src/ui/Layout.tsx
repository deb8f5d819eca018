import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { isLocale, type Locale, locales, useLocale, useMessages } from '../i18n';
import { UnreadCountsProvider, useCountBadge, useUnreadCounts } from '../inbox/live';
import { inboxMessages } from '../inbox/messages';
import { common } from '../messages';
import { portals, type Role, useSession } from '../session';

const localeNames: Record<Locale, string> = { ja: '日本語', en: 'English' };

function LocaleSwitch() {
  const t = useMessages(common);
  const { locale } = useLocale();
  const { chooseLocale } = useSession();
  return (
    <fieldset className="locale-switch">
      <legend className="visually-hidden">{t.language}</legend>
      {locales.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          onClick={() => chooseLocale(option)}
        >
          {localeNames[option]}
        </button>
      ))}
    </fieldset>
  );
}

/** What waits in a portal, beside its name: offers for a volunteer, screening and escalations for a coordinator. */
function PortalLink({ role, path, current }: { role: Role; path: string; current: boolean }) {
  const t = useMessages(common);
  const inbox = useMessages(inboxMessages);
  const counts = useUnreadCounts();
  const waiting =
    counts && role === 'volunteer'
      ? { count: counts.offersWaiting, label: inbox.offersWaiting(counts.offersWaiting) }
      : counts && role === 'coordinator'
        ? {
            count: counts.approvalsWaiting + counts.escalations,
            label: [inbox.approvalsWaiting(counts.approvalsWaiting), inbox.escalations(counts.escalations)].join(', '),
          }
        : null;
  const { describedBy, badge } = useCountBadge(waiting);
  return (
    <>
      <Link href={path} aria-current={current ? 'page' : undefined} aria-describedby={describedBy}>
        {t.portals[role]}
      </Link>
      {badge}
    </>
  );
}

function InboxLink() {
  const t = useMessages(inboxMessages);
  const counts = useUnreadCounts();
  const [location] = useLocation();
  const { describedBy, badge } = useCountBadge(counts && { count: counts.total, label: t.unread(counts.total) });
  return (
    <span className="nav-item">
      <Link
        href="/inbox"
        className="inbox-link"
        aria-current={location === '/inbox' ? 'page' : undefined}
        aria-describedby={describedBy}
      >
        {t.inbox}
      </Link>
      {badge}
    </span>
  );
}

/** The language of the account's e-mails: its own setting, which the page's language leaves be. */
function EmailLanguage({ current }: { current: string }) {
  const t = useMessages(common);
  const { chooseEmailLocale } = useSession();
  return (
    <label className="email-language">
      {t.emailLanguage}{' '}
      <select
        value={current}
        onChange={(event) => {
          if (isLocale(event.target.value)) void chooseEmailLocale(event.target.value);
        }}
      >
        {locales.map((option) => (
          <option key={option} value={option} lang={option}>
            {localeNames[option]}
          </option>
        ))}
      </select>
    </label>
  );
}

function PortalNav() {
  const t = useMessages(common);
  const { viewer } = useSession();
  const [location] = useLocation();
  const mine = portals.filter((portal) => viewer?.roles?.includes(portal.role));
  if (mine.length === 0) return null;
  return (
    <nav aria-label={t.mainNavigation} className="portal-nav">
      <ul>
        {mine.map((portal) => {
          const current = location === portal.path || location.startsWith(`${portal.path}/`);
          return (
            <li key={portal.role}>
              <PortalLink role={portal.role} path={portal.path} current={current} />
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The frame of every page: a skip link, the banner with the portals, language and account, and the main area. */
export function Layout({ children }: { children: ReactNode }) {
  const t = useMessages(common);
  const { viewer, signOut } = useSession();
  const [, navigate] = useLocation();
  return (
    <UnreadCountsProvider>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="banner">
        <div className="banner-row">
          <Link href="/" className="brand">
            <span lang="ja">つなぐ</span> <span className="brand-latin">Tsunagu</span>
          </Link>
          <p className="tagline">{t.tagline}</p>
          <div className="account">
            <LocaleSwitch />
            {viewer ? (
              <>
                <InboxLink />
                <span className="who">{t.signedInAs(viewer.displayName)}</span>
                <EmailLanguage current={viewer.locale} />
                {/* What Tsunagu holds about the person, as a download (APPI Art. 33). */}
                <a href="/account/personal-data.json" download>
                  {t.myData}
                </a>
                <button
                  type="button"
                  className="link-button"
                  onClick={async () => {
                    navigate('/sign-in');
                    await signOut();
                  }}
                >
                  {t.signOut}
                </button>
              </>
            ) : null}
          </div>
        </div>
        <PortalNav />
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </UnreadCountsProvider>
  );
}
