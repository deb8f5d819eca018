import { randomUUID } from 'node:crypto';
import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { globalId, startTestApi, type TestApi } from '../support/api';
import { insertAssociation, insertStaffMember } from '../support/fixtures';

const apply = /* GraphQL */ `
  mutation Apply($input: OrganizationApplicationInput!) {
    applyForOrganization(input: $input) {
      __typename
      ... on MutationApplyForOrganizationSuccess { data }
      ... on ValidationError { problems { path message } }
    }
  }
`;

const decide = /* GraphQL */ `
  mutation Decide($id: ID!, $decision: OrganizationDecision!) {
    decideOrganization(organizationId: $id, decision: $decision) {
      __typename
      ... on MutationDecideOrganizationSuccess { data { status } }
      ... on Error { message }
    }
  }
`;

describe('a public body applies and a coordinator approves it', () => {
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

  /** The organization an application filed, as the coordinator's screens name it. */
  const filed = async (staffEmail: string) => {
    const staff = await testDb.database.db.query.users.findFirst({
      where: { email: staffEmail },
      columns: {},
      with: { staffOf: { with: { organization: true } } },
    });
    const organization = staff?.staffOf?.organization;
    return organization ? { ...organization, globalId: globalId('Organization', organization.id) } : undefined;
  };

  const application = () => ({
    associationId: globalId('Association', associationId),
    name: '豊中市役所 市民課',
    type: 'municipality',
    localGovernmentCode: '272035',
    contactName: '窓口 一郎',
    contactEmail: 'Shimin@City.Toyonaka.example.jp',
    staff: {
      displayName: '窓口 一郎',
      email: `madoguchi-${randomUUID().slice(0, 8)}@city.toyonaka.example.jp`,
      password: 'correct horse battery',
    },
  });

  test('bad input names each field and writes nothing', async () => {
    const before = await testDb.database.db.select().from(schema.users);
    const { data } = await api.graphql<{ applyForOrganization: { __typename: string; problems: unknown[] } }>(apply, {
      input: {
        ...application(),
        localGovernmentCode: '999999',
        contactEmail: 'not-an-email',
        staff: { ...application().staff, password: 'short' },
      },
    });
    expect(data?.applyForOrganization.__typename).toBe('ValidationError');
    expect(data?.applyForOrganization.problems).toEqual(
      expect.arrayContaining([
        // Applicants are signed out, so they read Japanese, the app's default language.
        { path: ['input', 'contactEmail'], message: '正しいメールアドレスを入力してください。' },
        { path: ['input', 'staff', 'password'], message: '10文字以上で入力してください。' },
      ]),
    );
    const { data: unknownPlace } = await api.graphql<{ applyForOrganization: { problems: unknown[] } }>(apply, {
      input: { ...application(), localGovernmentCode: '999999' },
    });
    expect(unknownPlace?.applyForOrganization.problems).toEqual([
      { path: ['input', 'localGovernmentCode'], message: 'このコードの地方公共団体が見つかりません。' },
    ]);
    expect(await testDb.database.db.select().from(schema.users)).toHaveLength(before.length);
  });

  test('the application waits for a coordinator, who approves it', async () => {
    const input = application();
    const { data } = await api.graphql<{ applyForOrganization: { data: boolean } }>(apply, { input });
    expect(data?.applyForOrganization.data).toBe(true);
    const stored = await filed(input.staff.email);
    expect(stored).toMatchObject({ status: 'applied', localGovernmentCode: '272035' });
    expect(stored?.contactEmail).toBe('shimin@city.toyonaka.example.jp');
    const organization = { id: stored?.globalId };

    const anonymousTry = await api.graphql(decide, { id: organization?.id, decision: 'approve' });
    expect(anonymousTry.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const coordinator = await insertStaffMember(testDb.database.db, associationId, 'coordinator');
    const session = await api.sessionFor(coordinator.id);
    const approved = await api.graphql<{ decideOrganization: { data: { status: string } } }>(
      decide,
      { id: organization?.id, decision: 'approve' },
      { session },
    );
    expect(approved.data?.decideOrganization.data.status).toBe('approved');

    const again = await api.graphql<{ decideOrganization: { __typename: string; message: string } }>(
      decide,
      { id: organization?.id, decision: 'reject' },
      { session },
    );
    expect(again.data?.decideOrganization).toEqual({
      __typename: 'ConflictError',
      message: '「承認済み」の機関を「不受理」にはできません。',
    });
  });

  test('a coordinator of another association may not decide', async () => {
    const input = application();
    await api.graphql(apply, { input });
    const organization = await filed(input.staff.email);
    const other = await insertAssociation(testDb.database.db);
    const outsider = await insertStaffMember(testDb.database.db, other.id, 'coordinator');
    const result = await api.graphql<{ decideOrganization: { __typename: string } }>(
      decide,
      { id: organization?.globalId, decision: 'approve' },
      { session: await api.sessionFor(outsider.id) },
    );
    expect(result.data?.decideOrganization.__typename).toBe('ForbiddenError');
  });

  test('an application with a registered staff e-mail answers as for a new one, files nothing, and e-mails the address instead', async () => {
    const first = application();
    await api.graphql(apply, { input: first });
    const organizations = await testDb.database.db.$count(schema.organizations);
    const again = {
      ...application(),
      name: '豊中市役所 国際課',
      staff: { ...first.staff, password: 'another long password' },
    };
    const { data, response } = await api.graphql<{ applyForOrganization: unknown }>(apply, { input: again });
    const newcomer = application();
    const fresh = await api.graphql<{ applyForOrganization: unknown }>(apply, {
      input: {
        ...newcomer,
        staff: { ...newcomer.staff, email: `newcomer-${randomUUID().slice(0, 8)}@city.toyonaka.example.jp` },
      },
    });
    expect(data?.applyForOrganization).toEqual(fresh.data?.applyForOrganization);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await testDb.database.db.$count(schema.organizations)).toBe(organizations + 1);
    const mail = await testDb.database.db
      .select({ template: schema.outbox.template })
      .from(schema.outbox)
      .where(eq(schema.outbox.toAddress, first.staff.email));
    expect(mail.map((row) => row.template)).toContain('organizationApplicationExistingAccount');
  });
});
