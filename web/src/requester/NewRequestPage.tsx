import { adviseCategory, type BearingBodyKind, bearingBodyOf } from '@tsunagu/domain';
import { useMutation, useQuery } from 'urql';
import { useLocation } from 'wouter';
import { type Failure, formProblems, outcomeOf, renamed } from '../forms/failure';
import { useStoredDraft } from '../forms/stored';
import { graphql } from '../graphql';
import { useLocale, useMessages } from '../i18n';
import { FileRequestMutation, FileRequestSeriesMutation } from '../requests/documents';
import {
  draftProblems,
  emptyDraft,
  filedCategory,
  type RequestDraft,
  seriesFieldNames,
  toRequestInput,
  toSeriesInput,
} from '../requests/draft';
import { requestPath } from '../requests/ids';
import { requestMessages } from '../requests/messages';
import { RequestForm } from '../requests/RequestForm';
import { flash } from '../ui/flash';
import { Page } from '../ui/Page';

/** The local government of the filer's organization: a prefecture's or a municipality's budget bears the cost. */
const FilingBodyQuery = graphql(`
  query FilingBody {
    organizations(first: 1) {
      nodes {
        id
        localGovernment {
          code
          kind
          parentCode
        }
      }
    }
  }
`);

/** A category the table does not allow the filing body, told at its field before anything is sent. */
function categoryProblems(draft: RequestDraft, bearer: BearingBodyKind | null, locale: 'ja' | 'en') {
  if (!bearer || !draft.purpose || !draft.grantTaxCategory) return [];
  const advice = adviseCategory(draft.purpose, bearer, draft.grantTaxCategory);
  return advice.eligibility.kind === 'flagged'
    ? [{ field: 'grantTaxCategory', message: advice.eligibility.reason[locale], lang: locale }]
    : [];
}

/** Filing a request, or a weekly series of them; what is typed survives a reload of the tab. */
export function NewRequestPage() {
  const t = useMessages(requestMessages);
  const { locale } = useLocale();
  const [, navigate] = useLocation();
  const [draft, setDraft, forgetDraft] = useStoredDraft<RequestDraft>('tsunagu.request-draft', emptyDraft);
  const [, fileRequest] = useMutation(FileRequestMutation);
  const [, fileSeries] = useMutation(FileRequestSeriesMutation);
  const [{ data: body }] = useQuery({ query: FilingBodyQuery });
  const government = body?.organizations.nodes[0]?.localGovernment;
  const bearer = government ? bearingBodyOf(government).kind : null;

  async function submit(current: RequestDraft): Promise<Failure | null> {
    const series = current.repeatWeekly && current.modality !== 'translation';
    const problems = formProblems(
      [...draftProblems(current, series, locale, t.problems), ...categoryProblems(current, bearer, locale)],
      locale,
    );
    if (problems) return problems;
    if (series) {
      const outcome = outcomeOf(
        await fileSeries({ input: { ...toSeriesInput(current), ...filedCategory(current) } }),
        (data) => data.fileRequestSeries,
      );
      if (!outcome.ok) return renamed(outcome.failure, seriesFieldNames);
      forgetDraft();
      flash(t.filedSeries(outcome.data.requests.length));
      const first = outcome.data.requests[0];
      navigate(first ? requestPath(first.id) : '/');
      return null;
    }
    const documentIds = current.modality === 'translation' ? current.documents.map((document) => document.id) : [];
    const outcome = outcomeOf(
      await fileRequest({ input: { ...toRequestInput(current), ...filedCategory(current), documentIds } }),
      (data) => data.fileRequest,
    );
    if (!outcome.ok) return outcome.failure;
    forgetDraft();
    flash(t.filedOne);
    navigate(requestPath(outcome.data.id));
    return null;
  }

  return (
    <Page title={t.newTitle}>
      <p>{t.newIntro}</p>
      <p className="hint">{t.draftKept}</p>
      <RequestForm
        draft={draft}
        onChange={setDraft}
        onSubmit={submit}
        submitLabel={t.submit}
        allowSeries
        allowDocuments
        bearer={bearer}
      />
    </Page>
  );
}
