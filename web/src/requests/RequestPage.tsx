import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { Link, useParams } from 'wouter';
import { RequestDocuments, type RequestDocumentsFields } from '../documents/RequestDocuments';
import { type FragmentOf, readFragment } from '../graphql';
import { useMessages } from '../i18n';
import { common } from '../messages';
import { Flash } from '../ui/flash';
import { Page } from '../ui/Page';
import { LoadError, Loading } from '../ui/states';
import { CancelRequest } from './CancelRequest';
import { RequestDetailFields, RequestQuery } from './documents';
import { idFromPath, requestPath } from './ids';
import { requestMessages } from './messages';
import { RequestDetailView } from './RequestDetailView';

/** One request, for its organization's staff or a coordinator; `extra` adds what only coordinators see. */
export function RequestPage({ extra }: { extra?: (requestId: string) => ReactNode }) {
  const t = useMessages(requestMessages);
  const c = useMessages(common);
  const params = useParams<{ id: string }>();
  const id = idFromPath(params.id);
  const [{ data, fetching, error }, refresh] = useQuery({ query: RequestQuery, variables: { id } });
  const node = data?.node;
  const request: FragmentOf<typeof RequestDetailFields> | null = node?.__typename === 'Request' ? node : null;
  const documents: FragmentOf<typeof RequestDocumentsFields> | null = node?.__typename === 'Request' ? node : null;
  // What may be done now the API says (one rule with its refusals): nothing on a past or closed request.
  const may = request ? readFragment(RequestDetailFields, request) : null;
  return (
    <Page title={t.detailTitle} actions={<Link href="/">{c.back}</Link>}>
      <Flash />
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {data && !request ? <p className="notice notice-problem">{c.notFound}</p> : null}
      {request ? (
        <RequestDetailView
          request={request}
          actions={
            <>
              {may?.canChange ? (
                <Link className="button secondary" href={`${requestPath(id)}/edit`}>
                  {t.edit}
                </Link>
              ) : null}
              {may?.canCancel ? <CancelRequest requestId={id} /> : null}
            </>
          }
        >
          {documents ? (
            <RequestDocuments request={documents} onUploaded={() => refresh({ requestPolicy: 'network-only' })} />
          ) : null}
          {extra?.(id)}
        </RequestDetailView>
      ) : null}
    </Page>
  );
}
