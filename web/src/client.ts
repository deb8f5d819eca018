import { type Cache, cacheExchange, type KeyGenerator, type UpdateResolver } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { Client, fetchExchange } from 'urql';
import type { SchemaTypes } from './graphql';
import { browserLocale } from './i18n';

type PossibleTypes<Name extends keyof SchemaTypes> = SchemaTypes[Name] extends { possibleTypes: infer Members }
  ? Members
  : never;

/** Every member of an abstract type, no more and no fewer: a list that drifts from the schema does not compile. */
const membersOf =
  <Name extends keyof SchemaTypes>() =>
  <const Members extends readonly PossibleTypes<Name>[]>(
    members: Members & ([Exclude<PossibleTypes<Name>, Members[number]>] extends [never] ? unknown : never),
  ): Array<Members[number]> => [...members];

/**
 * The app spreads fragments on one interface, `Error` (every mutation's typed errors), so Graphcache
 * must know its members to match them exactly instead of guessing. The list is checked against the
 * schema: a new error type is a new way for a form to fail, and the web app must decide how to show it.
 */
const possibleTypes = {
  Error: membersOf<'Error'>()([
    'ConflictError',
    'ErasureRefusedError',
    'ForbiddenError',
    'NotFoundError',
    'PeriodClosedError',
    'RateLimitedError',
    'ValidationError',
  ]),
};

/**
 * Reference data is keyed by its natural key. The unread counts are the signed-in person's, one
 * of them per client (a new client at every sign-in): the query, the subscription and the
 * mark-all answer are one record, so that each updates every count on the page.
 */
const naturalKeys = {
  UnreadCounts: () => 'signedIn',
  Language: (language) => String(language.code),
  LocalGovernment: (government) => String(government.code),
  Holiday: (holiday) => String(holiday.date),
  // A translation job's mutations answer the job: keyed, the answer updates the page that asked.
  TranslationJob: (job) => (typeof job.storedId === 'string' ? job.storedId : null),
} satisfies Partial<Record<keyof SchemaTypes, KeyGenerator>>;

/** Nodes by their global ID; an object without one (a policy, a candidate, an error, a page) lives inside its parent. */
const byId: KeyGenerator = (data) => (typeof data.id === 'string' ? data.id : null);

/**
 * Every type has a key: its natural key, its ID, or none. The schema grows (offers, assignments,
 * expense lines…) without this list having to follow.
 */
const keys = new Proxy<Record<string, KeyGenerator>>(naturalKeys, {
  get: (target, typename) => (typeof typename === 'string' ? (target[typename] ?? byId) : undefined),
});

/** Drops every cached page of a list field, whatever its arguments: the next read asks the API again. */
function invalidateLists(cache: Cache, ...fieldNames: Array<keyof SchemaTypes['Query']['fields']>) {
  for (const field of cache.inspectFields('Query')) {
    if ((fieldNames as string[]).includes(field.fieldName)) cache.invalidate('Query', field.fieldKey);
  }
}

/**
 * Whether the mutation went through: a typed error changes nothing, and dropping cached data then
 * would only make a form that is still being corrected read it again.
 */
const succeeded = (result: Parameters<UpdateResolver>[0], fieldName: string) => {
  const answer = result[fieldName];
  return (
    typeof answer === 'object' &&
    answer !== null &&
    '__typename' in answer &&
    String(answer.__typename).endsWith('Success')
  );
};

/** After a successful mutation, drops every cached page of these lists. */
const refreshing =
  (...lists: Array<keyof SchemaTypes['Query']['fields']>): UpdateResolver =>
  (result, _args, cache, info) => {
    if (succeeded(result, info.fieldName)) invalidateLists(cache, ...lists);
  };

/** A changed request is read again wherever it shows: its answer carries its id only. */
const refreshRequest: UpdateResolver = (result, args, cache, info) => {
  if (!succeeded(result, info.fieldName)) return;
  if (typeof args.requestId === 'string') cache.invalidate({ __typename: 'Request', id: args.requestId });
  invalidateLists(cache, 'requests');
};

/** Drops an entity named by a mutation's argument, so that every view showing it reads it again. */
const dropping =
  (
    typename: 'Request' | 'Assignment',
    argument: string,
    ...lists: Array<keyof SchemaTypes['Query']['fields']>
  ): UpdateResolver =>
  (result, args, cache, info) => {
    if (!succeeded(result, info.fieldName)) return;
    const id = args[argument];
    if (typeof id === 'string') cache.invalidate({ __typename: typename, id });
    invalidateLists(cache, ...lists);
  };

/** A partnership step changes both associations' partnerships: both are read again. */
const droppingPartners: UpdateResolver = (result, args, cache, info) => {
  if (!succeeded(result, info.fieldName)) return;
  for (const id of [args.associationId, args.partnerId]) {
    if (typeof id === 'string') cache.invalidate({ __typename: 'Association', id });
  }
};

/**
 * What a mutation changes beyond the entity it returns (which Graphcache updates by itself, so the
 * change shows everywhere at once): lists filtered by status or date are asked for again.
 */
const mutationUpdates = {
  fileRequest: refreshing('requests'),
  fileRequestSeries: refreshing('requests'),
  editRequest: refreshRequest,
  editRequestSeriesFrom: refreshing('requests'),
  // Cancelling releases the bookings and withdraws the offers too: the whole request is read again.
  cancelRequest: dropping('Request', 'requestId', 'requests'),
  decideOrganization: refreshing('organizations'),
  decideVolunteerApplication: refreshing('volunteers'),
  changeVolunteerStatus: refreshing('volunteers'),
  // Dispatch: an answer moves an offer to a booking; screening, bookings and reports change the request.
  acceptOffer: refreshing('myOffers', 'myAssignments', 'openBoard'),
  declineOffer: refreshing('myOffers'),
  applyToRequest: refreshing('openBoard'),
  withdrawApplication: refreshing('openBoard'),
  // Bans take volunteers out of the candidates and the open board.
  recordBan: refreshing('bans', 'openBoard'),
  liftBan: refreshing('bans', 'openBoard'),
  declineOrganization: refreshing('bans', 'openBoard'),
  declineVolunteer: refreshing('bans'),
  approveRequest: refreshRequest,
  rejectRequest: refreshRequest,
  offerToVolunteer: dropping('Request', 'requestId'),
  assignVolunteer: dropping('Request', 'requestId', 'requests'),
  fileActivityReport: dropping('Assignment', 'assignmentId'),
  recordNoShow: dropping('Assignment', 'assignmentId'),
  releaseAssignment: refreshing('requests', 'openBoard'),
  approveActivityReports: dropping('Request', 'requestId', 'requests', 'expenseLines', 'reconciliation'),
  advanceExpenseLines: refreshing('expenseLines', 'reconciliation'),
  createExpenseLine: refreshing('expenseLines', 'reconciliation'),
  editExpenseLine: refreshing('expenseLines', 'reconciliation'),
  reverseExpenseLine: refreshing('expenseLines', 'reconciliation'),
  deleteExpenseLine: refreshing('expenseLines', 'reconciliation'),
  overrideExpenseLineCategory: refreshing('expenseLines', 'reconciliation'),
  // The request's category and its lines of open periods change: all are read again.
  overrideRequestCategory: dropping('Request', 'requestId', 'expenseLines', 'reconciliation'),
  proposeAssociationPartnership: droppingPartners,
  acceptAssociationPartnership: droppingPartners,
  declineAssociationPartnership: droppingPartners,
  endAssociationPartnership: droppingPartners,
  setEmailPreference: refreshing('emailPreferences'),
} satisfies Partial<Record<keyof SchemaTypes['Mutation']['fields'], UpdateResolver>>;

const paginated = {
  requests: relayPagination(),
  organizations: relayPagination(),
  volunteers: relayPagination(),
  volunteerDirectory: relayPagination(),
  localGovernments: relayPagination(),
  expenseLines: relayPagination(),
  myAssignments: relayPagination(),
  bans: relayPagination(),
  inbox: relayPagination(),
} satisfies Partial<Record<keyof SchemaTypes['Query']['fields'], unknown>>;

/**
 * A client with an empty cache. The app makes a new one whenever someone signs in or out, so that
 * nothing one person saw stays in memory for the next.
 */
export function createClient(): Client {
  return new Client({
    url: '/graphql',
    // Subscriptions (the unread counts) over server-sent events from the same endpoint, by fetch:
    // no WebSocket server and no extra library.
    fetchSubscriptions: true,
    exchanges: [
      cacheExchange({
        keys,
        possibleTypes,
        resolvers: { Query: paginated },
        updates: { Mutation: mutationUpdates },
      }),
      fetchExchange,
    ],
    fetchOptions: () => ({
      headers: {
        // The API's CSRF prevention (services/server/src/protections.ts) refuses requests without this header.
        'x-graphql-yoga-csrf': '1',
        // Signed out, the API answers in the language of the page (its switch, else the browser's).
        'accept-language': browserLocale(),
      },
    }),
  });
}
