import { randomUUID } from 'node:crypto';
import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { globalId, startTestApi, type TestApi } from '../support/api';
import { insertAssociation } from '../support/fixtures';

let testDb: TestDatabase;
let api: TestApi;
let associationId: string;
beforeAll(async () => {
  testDb = await openTestDatabase();
  api = await startTestApi(testDb.database);
  associationId = (await insertAssociation(testDb.database.db)).id;
});
afterAll(async () => {
  await api?.close();
  await testDb?.dispose();
});

let applicants = 0;
/** A valid application; each call has its own organization name and staff e-mail. */
function application() {
  applicants += 1;
  return {
    associationId: globalId('Association', associationId),
    name: `吹田市役所 国際交流課 ${applicants}`,
    type: 'municipality',
    localGovernmentCode: '272035',
    contactName: '窓口 一郎',
    contactEmail: 'kokusai@city.suita.example.jp',
    staff: {
      displayName: '窓口 一郎',
      email: `madoguchi-${applicants}-${randomUUID().slice(0, 8)}@city.suita.example.jp`,
      password: 'correct horse battery',
    },
  };
}

async function organizationsNamed(name: string) {
  return testDb.database.db
    .select({ id: schema.organizations.id })
    .from(schema.organizations)
    .where(eq(schema.organizations.name, name));
}

const applyWith = (selection: string) => /* GraphQL */ `
  mutation Apply($input: OrganizationApplicationInput!) {
    applyForOrganization(input: $input) { ${selection} }
  }
`;

/**
 * The deepest a client may ask for is six levels of fields; fragments, inline or spread, are
 * flattened first and cost no level (a component owns its fragment without paying for it).
 */
const sixLevelsThroughFragments = `{ organizations { ...Organizations } }
  fragment Organizations on QueryOrganizationsConnection { edges { node { ...Staff } } }
  fragment Staff on Organization { staff { ... on OrganizationStaffMember { user { displayName } } } }`;
const sevenLevels = '{ requests { edges { node { organization { association { localGovernment { code } } } } } } }';

describe('an abusive operation is refused before any resolver runs', () => {
  test('a mutation within the limits runs and files the application (the control for the refusals below)', async () => {
    const input = application();
    const { data, errors } = await api.graphql(
      applyWith('__typename ... on MutationApplyForOrganizationSuccess { data }'),
      { input },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ applyForOrganization: { __typename: 'MutationApplyForOrganizationSuccess', data: true } });
    expect(await organizationsNamed(input.name)).toHaveLength(1);
  });

  test('a query six fields deep through fragments is not refused: it runs (and asks a signed-out caller to sign in)', async () => {
    const answer = await api.graphql(sixLevelsThroughFragments);
    expect(answer).toHaveProperty('data');
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  // Within the depth, alias and token limits: 700 fields six levels down cost about 5,340.
  const costly = `{ organizations { edges { node { staff { user { ${'displayName '.repeat(700)}} } } } } }`;
  test.each([
    ['seven fields deep', sevenLevels, /Query depth limit of 6 exceeded, found 7/],
    ['costing more than 5,000', costly, /Cost limit of 5000 exceeded/],
  ])('a query %s is refused before it runs', async (_, document, reason) => {
    const answer = await api.graphql(document);
    expect(answer.errors?.map((error) => error.message)).toEqual([expect.stringMatching(reason)]);
    expect(answer).not.toHaveProperty('data');
  });

  const refused: Array<[string, string, RegExp]> = [
    [
      'with sixteen aliases',
      `mutation Apply($input: OrganizationApplicationInput!) {
        ${Array.from({ length: 16 }, (_, i) => `a${i}: applyForOrganization(input: $input) { __typename }`).join('\n')}
      }`,
      /Aliases limit of 15 exceeded, found 16/,
    ],
    ['longer than 1,000 tokens', applyWith('__typename '.repeat(1_000)), /Token limit of 1000 exceeded/],
  ];

  test.each(refused)('an application %s is refused and files nothing', async (_, document, reason) => {
    const input = application();
    const answer = await api.graphql(document, { input });
    expect(answer.errors?.map((error) => error.message)).toEqual([expect.stringMatching(reason)]);
    // No `data` at all: the GraphQL spec's sign that execution never started.
    expect(answer).not.toHaveProperty('data');
    expect(await organizationsNamed(input.name)).toHaveLength(0);
  });
});

describe('a cross-site request is refused', () => {
  const query = encodeURIComponent('{ associations { slug } }');

  test('a GET without the CSRF header, as a link or an image on another site would send it', async () => {
    const bare = await fetch(`${api.url}/graphql?query=${query}`);
    expect(bare.status).toBe(403);
    expect(await bare.text()).toContain('Required CSRF header(s) not present');
    const fromTheApp = await fetch(`${api.url}/graphql?query=${query}`, { headers: { 'x-graphql-yoga-csrf': '1' } });
    expect(fromTheApp.status).toBe(200);
  });

  test('a form post or a text/plain post without the header, and nothing is filed', async () => {
    const input = application();
    const body = JSON.stringify({ query: applyWith('__typename'), variables: { input } });
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: contentType === 'text/plain' ? body : new URLSearchParams({ query: applyWith('__typename') }).toString(),
      });
      expect(response.status).toBe(403);
    }
    expect(await organizationsNamed(input.name)).toHaveLength(0);
  });

  test("another site's preflight is not approved, so its page cannot add the header or read the answer", async () => {
    const preflight = await fetch(`${api.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://attacker.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-graphql-yoga-csrf',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('in the production configuration', () => {
  let productionDb: TestDatabase;
  let production: TestApi;
  beforeAll(async () => {
    productionDb = await openTestDatabase();
    production = await startTestApi(productionDb.database, { production: true });
  });
  afterAll(async () => {
    await production?.close();
    // The last test closes the database; PGlite (in memory) then has nothing left to free, and
    // PostgreSQL's test database still has to be dropped.
    if (productionDb?.database.kind === 'postgres') await productionDb.dispose();
  });

  test('introspection is refused, while a development server answers it', async () => {
    for (const document of ['{ __schema { queryType { name } } }', '{ __type(name: "Query") { name } }']) {
      const refused = await production.graphql(document);
      expect(refused.errors?.[0]?.message).toMatch(/introspection/i);
      expect(refused).not.toHaveProperty('data');
      const answered = await api.graphql<{ __schema?: unknown; __type?: unknown }>(document);
      expect(answered.errors).toBeUndefined();
    }
  });

  test('a resolver that fails unexpectedly answers only "Unexpected error.", with no stack or detail', async () => {
    const working = await production.graphql('{ associations { slug } }');
    expect(working.errors).toBeUndefined();
    // An internal failure: the database goes away under the running server.
    await productionDb.database.close();
    const { response, ...body } = await production.graphql('{ associations { slug } }');
    expect(body).toEqual({
      data: null,
      errors: [
        {
          message: 'Unexpected error.',
          locations: [{ line: 1, column: 3 }],
          path: ['associations'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
    expect(response.status).toBe(200);
  });
});

describe('an Idempotency-Key makes a retried creation create once', () => {
  test('ten copies of an application sent at once with one key file one organization and all get its answer', async () => {
    const input = application();
    const headers = { 'idempotency-key': 'a7c1e9f0-5b0e-4f6e-9d7e-3f1b2c4d5e6f' };
    const document = applyWith(`__typename ... on MutationApplyForOrganizationSuccess { data }`);
    const answers = await Promise.all(Array.from({ length: 10 }, () => api.graphql(document, { input }, { headers })));
    expect(await organizationsNamed(input.name)).toHaveLength(1);
    const [first, ...others] = answers.map(({ data, errors }) => ({ data, errors }));
    expect(first).toMatchObject({
      data: {
        applyForOrganization: { __typename: 'MutationApplyForOrganizationSuccess', data: true },
      },
    });
    for (const other of others) expect(other).toEqual(first);
  });

  test('a later retry gets the same answer; another key files another application', async () => {
    const input = application();
    const document = applyWith(`... on MutationApplyForOrganizationSuccess { data }`);
    const first = await api.graphql(document, { input }, { headers: { 'idempotency-key': 'retry-1' } });
    const retry = await api.graphql(document, { input }, { headers: { 'idempotency-key': 'retry-1' } });
    expect(retry.data).toEqual(first.data);
    expect(await organizationsNamed(input.name)).toHaveLength(1);

    const another = await api.graphql(
      document,
      { input: { ...input, staff: { ...input.staff, email: `other-${input.staff.email}` } } },
      { headers: { 'idempotency-key': 'retry-2' } },
    );
    expect(another.errors).toBeUndefined();
    expect(await organizationsNamed(input.name)).toHaveLength(2);
  });

  test('a key reused for a different mutation is refused', async () => {
    const headers = { 'idempotency-key': 'retry-1' };
    const { errors } = await api.graphql(
      'mutation { decideOrganization(organizationId: "T3JnYW5pemF0aW9uOng=", decision: approve) { __typename } }',
      {},
      { headers },
    );
    expect(errors?.[0]?.message).toBe('This Idempotency-Key was used for another mutation.');
  });
});
