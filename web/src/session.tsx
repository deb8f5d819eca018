import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { Provider, useMutation, useQuery } from 'urql';
import { createClient } from './client';
import { graphql, type ResultOf } from './graphql';
import { type Locale, useLocale, useMessages } from './i18n';
import { common } from './messages';

export const ViewerFields = graphql(`
  fragment ViewerFields on User @_unmask {
    id
    displayName
    locale
    roles
  }
`);

const MeQuery = graphql(
  `
    query Me {
      me {
        ...ViewerFields
      }
    }
  `,
  [ViewerFields],
);

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut {
      __typename
    }
  }
`);

const UpdateEmailLocaleMutation = graphql(`
  mutation UpdateEmailLocale($locale: Locale!) {
    updateMyAccount(input: { locale: $locale }) {
      __typename
      ... on MutationUpdateMyAccountSuccess {
        data {
          id
          locale
        }
      }
    }
  }
`);

export type Viewer = ResultOf<typeof ViewerFields>;
export type Role = NonNullable<Viewer['roles']>[number];

/** Each role's portal, in the order a person with several roles is welcomed. */
export const portals: ReadonlyArray<{ role: Role; path: string }> = [
  { role: 'admin', path: '/admin' },
  { role: 'coordinator', path: '/coordinator' },
  { role: 'requester', path: '/requester' },
  { role: 'volunteer', path: '/volunteer' },
];

/** Where a person lands after signing in: the first portal of their roles. */
export function landingOf(viewer: Viewer): string {
  const roles = viewer.roles ?? [];
  return portals.find((portal) => roles.includes(portal.role))?.path ?? '/no-role';
}

interface SessionState {
  viewer: Viewer | null;
  /** After sign-in: a fresh cache for the person who just signed in. */
  signedIn(): void;
  signOut(): Promise<void>;
  /** Changes the language of the app, remembered in this browser (kept through sign-in). */
  chooseLocale(locale: Locale): void;
  /** Changes the language of the account's e-mails, a setting of its own: the app's language leaves it be. */
  chooseEmailLocale(locale: Locale): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);
const ResetContext = createContext<() => void>(() => {});

/**
 * The urql client, made anew whenever someone signs in or out so that no cached data outlives
 * the session it belongs to; everything below starts afresh with it.
 */
export function ClientProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState(() => ({ client: createClient(), generation: 0 }));
  const reset = useCallback(
    () => setSession((previous) => ({ client: createClient(), generation: previous.generation + 1 })),
    [],
  );
  return (
    <ResetContext.Provider value={reset}>
      <Provider value={session.client}>
        <SessionProvider key={session.generation}>{children}</SessionProvider>
      </Provider>
    </ResetContext.Provider>
  );
}

function SessionProvider({ children }: { children: ReactNode }) {
  const reset = useContext(ResetContext);
  const { setLocale } = useLocale();
  const [{ data, fetching, error }] = useQuery({ query: MeQuery });
  const [, signOutMutation] = useMutation(SignOutMutation);
  const [, updateEmailLocale] = useMutation(UpdateEmailLocaleMutation);
  const viewer = data?.me ?? null;

  const state = useMemo<SessionState>(
    () => ({
      viewer,
      signedIn: reset,
      signOut: async () => {
        await signOutMutation({});
        reset();
      },
      chooseLocale: setLocale,
      chooseEmailLocale: async (next) => {
        await updateEmailLocale({ locale: next });
      },
    }),
    [viewer, reset, signOutMutation, setLocale, updateEmailLocale],
  );

  if (fetching && !data) return <Splash />;
  if (error && !data) return <Splash failed retry={reset} />;
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

function Splash({ failed = false, retry }: { failed?: boolean; retry?: () => void }) {
  const t = useMessages(common);
  return (
    <div className="splash">
      <p className="brand">{t.appName}</p>
      {failed ? (
        <div role="alert">
          <p>{t.apiUnreachable}</p>
          <button type="button" onClick={retry}>
            {t.retry}
          </button>
        </div>
      ) : (
        <p role="status">{t.loading}</p>
      )}
    </div>
  );
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside ClientProvider');
  return state;
}
