import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * The header every client of the app sends (web/src/graphql.ts does). A request that a browser
 * would send cross-site without a CORS preflight (a GET, or a form or text/plain POST) must carry it,
 * and a page on another site cannot add it without a preflight, which this server never approves.
 */
const csrfHeader = 'x-graphql-yoga-csrf';

/**
 * GraphQL Armor's defaults, which the app's own operations fit: the deepest, a list three levels
 * down a connection (`organizations { edges { node { staff { user { displayName } } } } }`), is 6.
 * Fragments are flattened into their selections before depth and cost are counted, so that a
 * component can own its fragment without the spread costing a level.
 */
const operationLimits = { depth: 6, aliases: 15, tokens: 1_000, cost: 5_000 } as const;

/**
 * What stops an abusive or cross-site request before a resolver runs: CSRF prevention when the
 * request is parsed, the token limit while the document is parsed, the other limits (and, in
 * production, the ban on introspection) as validation rules. A refused operation never executes.
 */
export function protections(options: { production: boolean }): Plugin[] {
  return [
    useCSRFPrevention({ requestHeaders: [csrfHeader] }),
    EnvelopArmorPlugin({
      maxDepth: { n: operationLimits.depth, flattenFragments: true },
      maxAliases: { n: operationLimits.aliases },
      maxTokens: { n: operationLimits.tokens },
      costLimit: { maxCost: operationLimits.cost, flattenFragments: true },
      // "Did you mean …?" spells out the schema to someone probing it; developers want the hint.
      blockFieldSuggestion: { enabled: options.production },
    }),
    ...(options.production ? [introspectionOff] : []),
  ];
}

/** The schema is committed (graphql/schema.graphql); a production server need not describe itself. */
const introspectionOff: Plugin = {
  onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule),
};
