import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link, useLocation, useParams } from 'wouter';
import { formProblems, outcomeOf } from '../forms/failure';
import { type FragmentOf, readFragment } from '../graphql';
import { useLocale, useMessages } from '../i18n';
import { common } from '../messages';
import { flash } from '../ui/flash';
import { Page } from '../ui/Page';
import { LoadError, Loading } from '../ui/states';
import { EditRequestMutation, RequestDetailFields, RequestQuery } from './documents';
import { changesBetween, draftFromRequest, draftProblems, type RequestDraft } from './draft';
import { idFromPath, requestPath } from './ids';
import { requestMessages } from './messages';
import { RequestForm } from './RequestForm';

/** Changing a filed request (one occurrence, for a series): only what was changed is sent. */
export function EditRequestPage() {
  const t = useMessages(requestMessages);
  const c = useMessages(common);
  const params = useParams<{ id: string }>();
  const id = idFromPath(params.id);
  const [{ data, fetching, error }, refresh] = useQuery({ query: RequestQuery, variables: { id } });
  const node: FragmentOf<typeof RequestDetailFields> | null = data?.node?.__typename === 'Request' ? data.node : null;
  const request = node ? readFragment(RequestDetailFields, node) : null;
  return (
    <Page title={t.editTitle} actions={<Link href={requestPath(id)}>{c.back}</Link>}>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {data && !request ? <p className="notice notice-problem">{c.notFound}</p> : null}
      {request ? <EditForm id={id} original={draftFromRequest(request)} /> : null}
    </Page>
  );
}

function EditForm({ id, original }: { id: string; original: RequestDraft }) {
  const t = useMessages(requestMessages);
  const { locale } = useLocale();
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState(original);
  const [, editRequest] = useMutation(EditRequestMutation);

  async function submit(current: RequestDraft) {
    const problems = formProblems(draftProblems(current, false, locale, t.problems), locale);
    if (problems) return problems;
    const outcome = outcomeOf(
      await editRequest({ id, changes: changesBetween(original, current) }),
      (data) => data.editRequest,
    );
    if (!outcome.ok) return outcome.failure;
    flash(t.saved);
    navigate(requestPath(id));
    return null;
  }

  return (
    <RequestForm
      draft={draft}
      onChange={setDraft}
      onSubmit={submit}
      submitLabel={t.saveChanges}
      allowSeries={false}
      footer={<Link href={requestPath(id)}>{t.keep}</Link>}
    />
  );
}
