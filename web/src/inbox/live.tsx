import { createContext, type ReactNode, useContext, useEffect, useId, useRef } from 'react';
import { useSubscription } from 'urql';
import type { ResultOf } from '../graphql';
import { useSession } from '../session';
import { UnreadCountsSubscription } from './documents';

export type UnreadCounts = ResultOf<typeof UnreadCountsSubscription>['unreadCountsChanged'];

const UnreadCountsContext = createContext<UnreadCounts | null>(null);

/**
 * One subscription per page for everything that shows a count: it answers at once with the counts,
 * then again whenever the person's inbox changes (an offer arrives, a message is read in another
 * tab), over server-sent events, without the page asking again.
 */
export function UnreadCountsProvider({ children }: { children: ReactNode }) {
  const { viewer } = useSession();
  const [{ data }] = useSubscription({ query: UnreadCountsSubscription, pause: !viewer });
  return (
    <UnreadCountsContext.Provider value={viewer ? (data?.unreadCountsChanged ?? null) : null}>
      {children}
    </UnreadCountsContext.Provider>
  );
}

/** The signed-in person's unread counts, once the first answer came; null before, or signed out. */
export const useUnreadCounts = () => useContext(UnreadCountsContext);

/**
 * Runs `refresh` when the person's inbox changes while the page is open (an offer arrives, the
 * other side of a translation answers): the page asks again then, not on a timer. Not on the
 * first answer, which only says how things stood.
 */
export function useRefreshOnInboxChange(refresh: () => void) {
  const counts = useUnreadCounts();
  const live = counts ? `${counts.offersWaiting}:${counts.total}` : null;
  const seen = useRef(live);
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    if (live === null || seen.current === live) return;
    const first = seen.current === null;
    seen.current = live;
    if (!first) latest.current();
  }, [live]);
}

/**
 * A count to show beside a link: the number to the eye; to a screen reader, the whole phrase as
 * the link's description (`aria-describedby`). Nothing at zero.
 */
export function useCountBadge(badge: { count: number; label: string } | null | undefined) {
  const id = useId();
  if (!badge || badge.count === 0) return { describedBy: undefined, badge: null };
  return {
    describedBy: id,
    badge: (
      <>
        <span className="count-badge" aria-hidden="true" data-count={badge.count}>
          {badge.count}
        </span>
        <span id={id} className="visually-hidden">
          {badge.label}
        </span>
      </>
    ),
  };
}
