import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * Typed GraphQL documents against the committed schema (graphql/schema.graphql, turned into
 * graphql-env.d.ts by `gql.tada generate-output`). Dates stay ISO strings: the app shows them in
 * Japan time with Intl, and sends them back as it read them.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; Date: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';

/** The schema's types by name, for checking configuration (the cache's) against it. */
export type SchemaTypes = introspection['types'];
