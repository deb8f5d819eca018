import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { schema as graphqlSchema } from '@tsunagu/graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import {
  insertAssociation,
  insertOrganization,
  insertRequester,
  insertStaffMember,
  insertUser,
  insertVolunteerUser,
} from '../support/fixtures';

type Role = 'anonymous' | 'requester' | 'volunteer' | 'coordinator' | 'admin';
const roles: Role[] = ['anonymous', 'requester', 'volunteer', 'coordinator', 'admin'];
const everyone = roles;
const signedIn: Role[] = ['requester', 'volunteer', 'coordinator', 'admin'];
const staff: Role[] = ['coordinator', 'admin'];

interface World {
  associationId: string;
  organizationId: string;
  otherOrganizationId: string;
}

interface Rule {
  /** Who gets past authorization (the answer may still be a validation or not-found error). */
  allowed: Role[];
  document: string;
  variables?: (world: World) => Record<string, unknown>;
}

/**
 * Every root field of the schema, with who may call it. A field added without a line here fails
 * the first test, so nobody ships a field whose access nobody decided.
 */
const matrix: Record<string, Rule> = {
  'Query.health': { allowed: everyone, document: '{ health { database } }' },
  'Query.me': { allowed: everyone, document: '{ me { displayName } }' },
  'Query.associations': { allowed: everyone, document: '{ associations { slug } }' },
  'Query.organizations': { allowed: ['requester', ...staff], document: '{ organizations { nodes { name } } }' },
  'Query.node': {
    // An organization by its global ID: its own staff and its association's coordinators.
    allowed: ['requester', ...staff],
    document: 'query ($id: ID!) { node(id: $id) { ... on Organization { name } } }',
    variables: (world) => ({ id: globalId('Organization', world.organizationId) }),
  },
  'Query.nodes': {
    allowed: staff,
    document: 'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Organization { name } } }',
    variables: (world) => ({ ids: [globalId('Organization', world.otherOrganizationId)] }),
  },
  'Mutation.applyForOrganization': {
    allowed: everyone,
    document: `mutation ($input: OrganizationApplicationInput!) {
      applyForOrganization(input: $input) { __typename ... on ForbiddenError { message } }
    }`,
    variables: (world) => ({
      input: {
        associationId: world.associationId,
        name: 'x',
        type: 'municipality',
        localGovernmentCode: 'bad',
        contactName: 'x',
        contactEmail: 'x',
        staff: { displayName: 'x', email: 'x', password: 'x' },
      },
    }),
  },
  'Mutation.decideOrganization': {
    allowed: staff,
    document: `mutation ($id: ID!) {
      decideOrganization(organizationId: $id, decision: suspend) { __typename }
    }`,
    variables: (world) => ({ id: globalId('Organization', world.otherOrganizationId) }),
  },
};

function globalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64');
}

function rootFields(): string[] {
  const fields: string[] = [];
  for (const type of [graphqlSchema.getQueryType(), graphqlSchema.getMutationType()]) {
    if (type) fields.push(...Object.keys(type.getFields()).map((field) => `${type.name}.${field}`));
  }
  return fields.sort();
}

describe('the authorization matrix', () => {
  test('covers every root field of the schema, and only those', () => {
    expect(Object.keys(matrix).sort()).toEqual(rootFields());
  });

  let testDb: TestDatabase;
  let api: TestApi;
  let world: World;
  const users = new Map<Role, string | null>();
  beforeAll(async () => {
    testDb = await openTestDatabase();
    api = await startTestApi(testDb.database);
    const { db } = testDb.database;
    const association = await insertAssociation(db);
    const organization = await insertOrganization(db, association.id);
    const otherOrganization = await insertOrganization(db, association.id, { name: '別の組織' });
    world = {
      associationId: association.id,
      organizationId: organization.id,
      otherOrganizationId: otherOrganization.id,
    };
    users.set('anonymous', null);
    users.set('requester', (await insertRequester(db, organization.id)).id);
    users.set('volunteer', (await insertVolunteerUser(db, association.id)).id);
    users.set('coordinator', (await insertStaffMember(db, association.id, 'coordinator')).id);
    users.set('admin', (await insertStaffMember(db, association.id, 'admin')).id);
    // A signed-in user with no role at all sees only what anonymous users see, plus `me`.
    await insertUser(db);
  });
  afterAll(async () => {
    await api?.close();
    await testDb?.dispose();
  });

  test.each(rootFields().flatMap((field) => roles.map((role) => [field, role] as const)))(
    '%s as %s',
    async (field, role) => {
      const rule = matrix[field];
      if (!rule) throw new Error(`${field} has no rule in the matrix`);
      const userId = users.get(role);
      const session = userId ? await api.sessionFor(userId) : undefined;
      const result = await api.graphql(rule.document, rule.variables?.(world), { session });
      const codes = (result.errors ?? []).map((error) => error.extensions?.code);
      const typedForbidden = JSON.stringify(result.data ?? {}).includes('"__typename":"ForbiddenError"');
      const denied = codes.includes('UNAUTHENTICATED') || codes.includes('FORBIDDEN') || typedForbidden;
      const unexpected = (result.errors ?? []).filter(
        (error) => !['UNAUTHENTICATED', 'FORBIDDEN'].includes(String(error.extensions?.code)),
      );
      expect(unexpected, `${field} as ${role} gave an error that is not about authorization`).toEqual([]);
      expect(denied ? 'denied' : 'allowed').toBe(rule.allowed.includes(role) ? 'allowed' : 'denied');
    },
  );
});

// `signedIn` documents the roles of fields that any account may use; the matrix grows with the schema.
void signedIn;
