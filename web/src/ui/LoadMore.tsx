import { useMessages } from '../i18n';
import { common } from '../messages';

/** The button under a paged list that fetches its next page; nothing once the last page is shown. */
export function LoadMore({
  pageInfo,
  fetching = false,
  onMore,
}: {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null | undefined } | undefined;
  fetching?: boolean;
  onMore(after: string | null): void;
}) {
  const c = useMessages(common);
  if (!pageInfo?.hasNextPage) return null;
  return (
    <button type="button" className="secondary" disabled={fetching} onClick={() => onMore(pageInfo.endCursor ?? null)}>
      {c.loadMore}
    </button>
  );
}
