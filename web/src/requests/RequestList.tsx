import { type FormEvent, useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { Link, useLocation, useSearch } from 'wouter';
import { navigate as goTo } from 'wouter/use-browser-location';
import { type FragmentOf, graphql, readFragment, type VariablesOf } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import { enumLabels } from '../labels';
import { LanguageSelect } from '../pickers/LanguageSelect';
import { MunicipalityPicker } from '../pickers/MunicipalityPicker';
import { useLocalName } from '../pickers/names';
import { LoadMore } from '../ui/LoadMore';
import { Empty, LoadError, Loading } from '../ui/states';
import { RequestSummaryFields } from './documents';
import { requestPath } from './ids';
import { requestMessages } from './messages';

const RequestsQuery = graphql(
  `
    query Requests(
      $after: String
      $status: RequestStatus
      $dispatchStage: DispatchStage
      $from: Date
      $to: Date
      $languageCode: String
      $localGovernmentCode: String
      $unfinishedOnly: Boolean
      $urgentFirst: Boolean
    ) {
      requests(
        first: 20
        after: $after
        status: $status
        dispatchStage: $dispatchStage
        from: $from
        to: $to
        languageCode: $languageCode
        localGovernmentCode: $localGovernmentCode
        unfinishedOnly: $unfinishedOnly
        urgentFirst: $urgentFirst
      ) {
        nodes {
          ...RequestSummaryFields
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [RequestSummaryFields],
);

type Filters = Omit<VariablesOf<typeof RequestsQuery>, 'after' | 'dispatchStage' | 'unfinishedOnly' | 'urgentFirst'>;
type DispatchStage = NonNullable<VariablesOf<typeof RequestsQuery>['dispatchStage']>;
type Status = NonNullable<Filters['status']>;
const statuses: Status[] = ['filed', 'open', 'filled', 'completed', 'cancelled', 'rejected'];
const filterKeys = ['status', 'from', 'to', 'languageCode', 'localGovernmentCode'] as const;

/** Filters live in the address, so that a reload, the back button and a shared link keep them. */
function filtersFrom(search: string): Filters {
  const params = new URLSearchParams(search);
  const filters: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const status = filters.status as Status | undefined;
  return { ...filters, status: status && statuses.includes(status) ? status : null };
}

interface RequestListProps {
  /** Coordinators see every organization's requests and filter by more. */
  forCoordinator?: boolean;
  /** Refresh from the API this often, for a board that stays current. */
  refreshSeconds?: number;
  /** Only the requests the dispatch has carried this far (the escalation queue). */
  dispatchStage?: DispatchStage;
  /** What the list says when nothing is in it (and no filter is set). */
  emptyText?: string;
}

/** On a coordinator's board, finished requests show only when asked, in the address like the filters. */
const finishedKey = 'finished';

/**
 * Requests, earliest first, with filters and more on demand. On a coordinator's board urgent ones
 * come first and finished ones (past, cancelled, rejected) are left out unless asked for.
 */
export function RequestList({ forCoordinator = false, refreshSeconds, dispatchStage, emptyText }: RequestListProps) {
  const t = useMessages(requestMessages);
  const search = useSearch();
  const filters = filtersFrom(search);
  // A status asked for by name is shown whatever it is: finished ones too.
  const showFinished = new URLSearchParams(search).get(finishedKey) === '1';
  const unfinishedOnly = forCoordinator && !showFinished && !filters.status;
  // "Show more" belongs to the filters it was asked under: new filters start from the first page.
  const [paging, setPaging] = useState<{ search: string; after: string | null }>({ search, after: null });
  const after = paging.search === search ? paging.after : null;
  const [{ data, fetching, error }, refresh] = useQuery({
    query: RequestsQuery,
    variables: { ...filters, dispatchStage: dispatchStage ?? null, after, unfinishedOnly, urgentFirst: forCoordinator },
    requestPolicy: 'cache-and-network',
  });
  useEffect(() => {
    if (!refreshSeconds) return;
    const timer = setInterval(() => refresh({ requestPolicy: 'network-only' }), refreshSeconds * 1000);
    return () => clearInterval(timer);
  }, [refresh, refreshSeconds]);
  const connection = data?.requests;
  const filtered = filterKeys.some((key) => Boolean(filters[key]));

  return (
    <>
      <FilterForm key={search} filters={filters} forCoordinator={forCoordinator} />
      {forCoordinator ? <FinishedToggle search={search} shown={showFinished} /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {fetching && !data ? <Loading /> : null}
      {connection && connection.nodes.length === 0 ? (
        <Empty>
          <p>{filtered ? t.emptyFiltered : (emptyText ?? (unfinishedOnly ? t.emptyUnfinished : t.emptyList))}</p>
          {!forCoordinator && !filtered ? (
            <Link className="button" href="/new">
              {t.fileFirst}
            </Link>
          ) : null}
        </Empty>
      ) : null}
      {connection && connection.nodes.length > 0 ? (
        <RequestTable requests={connection.nodes} forCoordinator={forCoordinator} />
      ) : null}
      <LoadMore pageInfo={connection?.pageInfo} fetching={fetching} onMore={(after) => setPaging({ search, after })} />
    </>
  );
}

/** Shows or hides the finished requests: a checkbox that changes the address, so a reload keeps it. */
function FinishedToggle({ search, shown }: { search: string; shown: boolean }) {
  const t = useMessages(requestMessages);
  function toggle() {
    const params = new URLSearchParams(search);
    if (shown) params.delete(finishedKey);
    else params.set(finishedKey, '1');
    const query = params.toString();
    goTo(`${window.location.pathname}${query ? `?${query}` : ''}`);
  }
  return (
    <div className="check">
      <input id="show-finished" type="checkbox" checked={shown} onChange={toggle} />
      <label htmlFor="show-finished">{t.showFinished}</label>
    </div>
  );
}

function FilterForm({ filters, forCoordinator }: { filters: Filters; forCoordinator: boolean }) {
  const t = useMessages(requestMessages);
  // Clearing stays on the list it was asked on (the board, the escalations).
  const [location] = useLocation();
  const labels = useMessages(enumLabels);
  const [form, setForm] = useState({
    status: filters.status ?? '',
    from: filters.from ?? '',
    to: filters.to ?? '',
    languageCode: filters.languageCode ?? '',
    localGovernmentCode: filters.localGovernmentCode ?? '',
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((previous) => ({ ...previous, [key]: value }));

  function apply(event: FormEvent) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) if (value) params.set(key, value);
    if (new URLSearchParams(window.location.search).get(finishedKey)) params.set(finishedKey, '1');
    const query = params.toString();
    goTo(`${window.location.pathname}${query ? `?${query}` : ''}`);
  }

  return (
    <form className="filters" onSubmit={apply} aria-label={t.filterTitle}>
      <div className="field">
        <label htmlFor="filter-status">{t.status}</label>
        <select id="filter-status" value={form.status} onChange={(event) => set('status')(event.target.value)}>
          <option value="">{t.anyStatus}</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {labels.status[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-from">{t.from}</label>
        <input id="filter-from" type="date" value={form.from} onChange={(event) => set('from')(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="filter-to">{t.to}</label>
        <input id="filter-to" type="date" value={form.to} onChange={(event) => set('to')(event.target.value)} />
      </div>
      {forCoordinator ? (
        <>
          <LanguageSelect
            name="filter-language"
            label={t.language}
            value={form.languageCode}
            onChange={set('languageCode')}
            withoutJapanese
            placeholder={t.anyLanguage}
          />
          <MunicipalityPicker
            name="filter-municipality"
            label={t.municipality}
            value={form.localGovernmentCode}
            onChange={set('localGovernmentCode')}
          />
        </>
      ) : null}
      <div className="filter-actions">
        <button type="submit">{t.apply}</button>
        <Link href={location} className="button secondary">
          {t.clear}
        </Link>
      </div>
    </form>
  );
}

function RequestTable({
  requests,
  forCoordinator,
}: {
  requests: ReadonlyArray<FragmentOf<typeof RequestSummaryFields>>;
  forCoordinator: boolean;
}) {
  const t = useMessages(requestMessages);
  const labels = useMessages(enumLabels);
  const format = useFormat();
  const localName = useLocalName();
  // In the API's order: on the coordinators' board, urgent first, each part earliest first, across pages.
  const rows = requests.map((ref) => readFragment(RequestSummaryFields, ref));
  return (
    <ul className="request-list">
      {rows.map((request) => (
        <li key={request.id} className="request-item">
          <Link href={requestPath(request.id)} className="request-link">
            <span className="request-when">
              {request.startsAt
                ? format.window(request.startsAt, request.endsAt)
                : request.deadline
                  ? t.deadlineShort(format.dateTime(request.deadline))
                  : '—'}
            </span>
            <span className="request-what">
              {localName(request.language)} · {labels.modality[request.modality]} · {labels.purpose[request.purpose]}
            </span>
            <span className="request-where">
              {request.localGovernment
                ? localName(request.localGovernment)
                : request.modality === 'remote'
                  ? t.remote
                  : ''}
              {forCoordinator ? ` · ${request.organization.name}` : ''}
            </span>
          </Link>
          <span className="request-badges">
            <span className={`status status-${request.status}`}>{labels.status[request.status]}</span>
            {request.urgent ? <span className="badge badge-urgent">{t.urgentBadge}</span> : null}
            {forCoordinator && request.dispatchStage === 'escalated' ? (
              <span className="badge badge-urgent">{t.escalatedBadge}</span>
            ) : null}
            {request.answerBy ? <span className="badge">{t.answerByShort(format.day(request.answerBy))}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
