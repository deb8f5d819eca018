import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { rootDir } from '@tsunagu/server';
import { type DefinitionNode, type DocumentNode, Kind, parse, print, visit } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';

const webSource = join(rootDir, 'web', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry) && !entry.endsWith('.d.ts') && !entry.includes('.test.') ? [path] : [];
  });
}

/** Every document the web app writes with `graphql(`…`)`, with gql.tada's client-only directives taken out. */
function webDefinitions(): DefinitionNode[] {
  return sourceFiles(webSource).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/graphql\(\s*`([^`]*)`/g)].flatMap((match) => {
      const document = parse(match[1] as string);
      const clientOnly = visit(document, {
        Directive: (directive) => (directive.name.value.startsWith('_') ? null : undefined),
      });
      return [...clientOnly.definitions];
    }),
  );
}

const typename = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } } as const;

/** urql asks for `__typename` in every selection set below the root, for its normalized cache: so do we. */
function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet: (selectionSet, _key, parent) => {
      if (parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION) return undefined;
      const has = selectionSet.selections.some(
        (selection) => selection.kind === Kind.FIELD && selection.name.value === '__typename',
      );
      return has ? undefined : { ...selectionSet, selections: [...selectionSet.selections, typename] };
    },
  });
}

/** An operation as the app sends it: with every fragment it spreads, however deep. */
function withFragments(operation: DefinitionNode, fragments: Map<string, DefinitionNode>): DocumentNode {
  const needed = new Map<string, DefinitionNode>();
  const collect = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread: (spread) => {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !needed.has(spread.name.value)) {
          needed.set(spread.name.value, fragment);
          collect(fragment);
        }
      },
    });
  collect(operation);
  return { kind: Kind.DOCUMENT, definitions: [operation, ...needed.values()] };
}

const definitions = webDefinitions();
const fragments = new Map(
  definitions.flatMap((definition) =>
    definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
  ),
);
const operations = definitions.flatMap((definition) =>
  definition.kind === Kind.OPERATION_DEFINITION && definition.name
    ? [[definition.name.value, print(withTypenames(withFragments(definition, fragments)))] as const]
    : [],
);

let testDb: TestDatabase;
let api: TestApi;
beforeAll(async () => {
  testDb = await openTestDatabase();
  api = await startTestApi(testDb.database);
});
afterAll(async () => {
  await api?.close();
  await testDb?.dispose();
});

describe("the web app's operations fit the API's limits on depth, cost, tokens and aliases", () => {
  test('the app has operations to check', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  // Sent without variables: what the limits refuse is refused while validating, before variables
  // are read, so anything else that comes back (a missing variable, "sign in first") means it fits.
  test.each(operations)('%s', async (_name, document) => {
    const { errors } = await api.graphql(document);
    const refusals = (errors ?? [])
      .map((error) => error.message)
      .filter((message) => /limit|depth|Cannot query|Unknown|exceeded/i.test(message));
    expect(refusals).toEqual([]);
  });
});
