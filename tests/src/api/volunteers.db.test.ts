import { type Db, schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import {
  insertAssociation,
  insertLanguages,
  insertOrganization,
  insertRequester,
  insertStaffMember,
  insertVolunteer,
  setLocale,
} from '../support/fixtures';
import { countingStatements } from '../support/statements';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

const profile = /* GraphQL */ `
  fragment Profile on Volunteer {
    id fullName phone status remoteCapable maxTravelKm monthlyCap holidaysOff specialties
    homeLocalGovernment { code }
    languages { level directions language { code nameJa } }
    regions { localGovernment { code } }
    certificates { name issuer kind issuedOn expiresOn }
    availability { weekday startMinute endMinute }
    daysOff { startsOn endsOn }
    memberships { status association { nameEn } }
    profileCompleteness { complete missing }
  }
`;

// Armor allows six levels, fragments included: the mutation returns a little, the query reads the rest.
const update = /* GraphQL */ `
  mutation Update($input: VolunteerProfileInput!) {
    updateMyVolunteerProfile(input: $input) {
      __typename
      ... on MutationUpdateMyVolunteerProfileSuccess { data { fullName phone monthlyCap languages { level } } }
      ... on ValidationError { problems { path message } }
    }
  }
`;

const myProfile = /* GraphQL */ `
  query { myVolunteerProfile { ...Profile } }
  ${profile}
`;

const volunteerById = /* GraphQL */ `
  query Volunteer($id: ID!) { node(id: $id) { ... on Volunteer { id fullName phone } } }
`;

type Problems = Array<{ path: string[]; message: string }>;
interface UpdateResult {
  updateMyVolunteerProfile: { __typename: string; problems?: Problems; data?: Record<string, unknown> };
}

// One database for the file (PGlite migrates slowly); each scenario makes its own association and people.
let testDb: TestDatabase;
let db: Db;
let api: TestApi;
/** The same server over a client that counts the SQL statements it sends. */
let counted: ReturnType<typeof countingStatements>;
let countingApi: TestApi;
beforeAll(async () => {
  testDb = await openTestDatabase();
  db = testDb.database.db;
  api = await startTestApi(testDb.database);
  counted = countingStatements(testDb.database);
  countingApi = await startTestApi(counted.database);
  await insertLanguages(db);
}, 60_000);
afterAll(async () => {
  await api?.close();
  await countingApi?.close();
  await testDb?.dispose();
});

describe('a volunteer keeps their own profile', () => {
  let session: string;
  let japaneseSession: string;
  let volunteerId: string;
  beforeAll(async () => {
    const association = await insertAssociation(db);
    const { user, volunteer } = await insertVolunteer(db, association.id);
    volunteerId = volunteer.id;
    await setLocale(db, user.id, 'en');
    session = await api.sessionFor(user.id);
    japaneseSession = await api.sessionFor((await insertVolunteer(db, association.id)).user.id);
  });

  const fullProfile = {
    fullName: 'グエン・ティ・ラン',
    phone: '090-1234-5678',
    homeLocalGovernmentCode: '271004',
    maxTravelKm: 30,
    remoteCapable: true,
    specialties: ['medical', 'education'],
    monthlyCap: 8,
    holidaysOff: true,
    languages: [
      { code: 'vi', level: 'native', directions: ['interpretation', 'translation_into_japanese'] },
      { code: 'jsl', level: 'conversational', directions: ['interpretation'] },
    ],
    regions: ['271004', '270008'],
    certificates: [
      { name: '医療通訳技能検定', issuer: '日本医療通訳協会', kind: 'medical_interpreter', expiresOn: '2027-03-31' },
    ],
    availability: [
      { weekday: 1, startMinute: 540, endMinute: 720 },
      { weekday: 1, startMinute: 720, endMinute: 900 },
      { weekday: 3, startMinute: 780, endMinute: 1020 },
    ],
    daysOff: [{ startsOn: '2026-08-13', endsOn: '2026-08-16' }],
  };

  test('fills in languages, regions, certificates, availability and days off, and reads them back', async () => {
    const { data } = await api.graphql<UpdateResult>(update, { input: fullProfile }, { session });
    expect(data?.updateMyVolunteerProfile.__typename).toBe('MutationUpdateMyVolunteerProfileSuccess');

    const { data: read } = await api.graphql<{ myVolunteerProfile: Record<string, unknown> }>(
      myProfile,
      {},
      { session },
    );
    expect(read?.myVolunteerProfile).toMatchObject({
      fullName: 'グエン・ティ・ラン',
      phone: '090-1234-5678',
      status: 'applied',
      homeLocalGovernment: { code: '271004' },
      specialties: ['medical', 'education'],
      languages: [
        { level: 'conversational', directions: ['interpretation'], language: { code: 'jsl', nameJa: '日本手話' } },
        {
          level: 'native',
          directions: ['interpretation', 'translation_into_japanese'],
          language: { code: 'vi', nameJa: 'ベトナム語' },
        },
      ],
      regions: [{ localGovernment: { code: '270008' } }, { localGovernment: { code: '271004' } }],
      certificates: [
        { name: '医療通訳技能検定', kind: 'medical_interpreter', issuedOn: null, expiresOn: '2027-03-31' },
      ],
      availability: fullProfile.availability,
      daysOff: fullProfile.daysOff,
      memberships: [{ status: 'active', association: { nameEn: 'Osaka International House' } }],
      profileCompleteness: { complete: false, missing: ['confidentialityPledge'] },
    });
  });

  test('the change is audited by field name, never with the values', async () => {
    const entries = await db.select().from(schema.auditLog).where(eq(schema.auditLog.subjectId, volunteerId));
    const change = entries.find((entry) => entry.action === 'update');
    expect(change?.subjectType).toBe('volunteer');
    expect(change?.fields).toEqual(expect.arrayContaining(['fullName', 'phone', 'languages', 'availability']));
    expect(JSON.stringify(entries)).not.toContain('090-1234-5678');
  });

  test('reading their own profile is not an audited read', async () => {
    await api.graphql(myProfile, {}, { session });
    const entries = await db.select().from(schema.auditLog).where(eq(schema.auditLog.subjectId, volunteerId));
    expect(entries.filter((entry) => entry.action === 'read')).toEqual([]);
  });

  test.each([
    {
      scenario: 'an unknown language code',
      input: {
        languages: [
          { code: 'vi', level: 'native', directions: ['interpretation'] },
          { code: 'xx', level: 'fluent', directions: ['interpretation'] },
        ],
      },
      problem: { path: ['input', 'languages', '1', 'code'], message: 'No language has this code.' },
    },
    {
      scenario: 'an unknown municipality code as home',
      input: { homeLocalGovernmentCode: '999999' },
      problem: { path: ['input', 'homeLocalGovernmentCode'], message: 'No local government has this code.' },
    },
    {
      scenario: 'an unknown municipality code among the regions',
      input: { regions: ['271004', '131016'] },
      problem: { path: ['input', 'regions', '1'], message: 'No local government has this code.' },
    },
    {
      scenario: 'overlapping availability windows',
      input: {
        availability: [
          { weekday: 2, startMinute: 540, endMinute: 720 },
          { weekday: 2, startMinute: 660, endMinute: 900 },
        ],
      },
      problem: { path: ['input', 'availability', '1', 'startMinute'], message: 'Overlaps 09:00–12:00 on Tuesday.' },
    },
    {
      scenario: 'an availability window that ends before it starts',
      input: {
        availability: [
          { weekday: 1, startMinute: 540, endMinute: 720 },
          { weekday: 2, startMinute: 540, endMinute: 720 },
          { weekday: 4, startMinute: 900, endMinute: 780 },
        ],
      },
      problem: { path: ['input', 'availability', '2', 'endMinute'], message: 'The window must end after it starts.' },
    },
    {
      scenario: 'days off that end before they start',
      input: { daysOff: [{ startsOn: '2026-12-31', endsOn: '2026-12-28' }] },
      problem: { path: ['input', 'daysOff', '0', 'endsOn'], message: 'The last day off cannot come before the first.' },
    },
    {
      scenario: 'a certificate that expires before it was issued',
      input: {
        certificates: [
          {
            name: '司法通訳',
            issuer: '大阪地方裁判所',
            kind: 'court_interpreter',
            issuedOn: '2026-04-01',
            expiresOn: '2025-04-01',
          },
        ],
      },
      problem: {
        path: ['input', 'certificates', '0', 'expiresOn'],
        message: 'The certificate cannot expire before it was issued.',
      },
    },
  ])('$scenario is refused, naming the field, and nothing is written', async ({ input, problem }) => {
    const before = await api.graphql<{ myVolunteerProfile: unknown }>(myProfile, {}, { session });
    const auditRows = (await db.select().from(schema.auditLog)).length;
    // The valid name change beside the bad field must not be saved either.
    const { data } = await api.graphql<UpdateResult>(
      update,
      { input: { fullName: '別の 名前', ...input } },
      { session },
    );
    expect(data?.updateMyVolunteerProfile.__typename).toBe('ValidationError');
    expect(data?.updateMyVolunteerProfile.problems).toEqual([problem]);
    const after = await api.graphql<{ myVolunteerProfile: unknown }>(myProfile, {}, { session });
    expect(after.data?.myVolunteerProfile).toEqual(before.data?.myVolunteerProfile);
    expect(await db.select().from(schema.auditLog)).toHaveLength(auditRows);
  });

  test('a prefecture is not a home municipality', async () => {
    const { data } = await api.graphql<UpdateResult>(
      update,
      { input: { homeLocalGovernmentCode: '270008' } },
      { session },
    );
    expect(data?.updateMyVolunteerProfile.problems).toEqual([
      { path: ['input', 'homeLocalGovernmentCode'], message: 'Choose a municipality or ward, not a prefecture.' },
    ]);
  });

  test('a volunteer who reads Japanese is told in Japanese, beside the same fields', async () => {
    const { data } = await api.graphql<UpdateResult>(
      update,
      {
        input: {
          availability: [
            { weekday: 2, startMinute: 540, endMinute: 720 },
            { weekday: 2, startMinute: 660, endMinute: 900 },
          ],
          daysOff: [{ startsOn: '2026-12-31', endsOn: '2026-12-28' }],
        },
      },
      { session: japaneseSession },
    );
    expect(data?.updateMyVolunteerProfile.problems).toEqual([
      { path: ['input', 'availability', '1', 'startMinute'], message: '火曜日の 09:00–12:00 と重なっています。' },
      { path: ['input', 'daysOff', '0', 'endsOn'], message: '休みの最終日は初日以降にしてください。' },
    ]);
    const prefecture = await api.graphql<UpdateResult>(
      update,
      { input: { homeLocalGovernmentCode: '270008' } },
      { session: japaneseSession },
    );
    expect(prefecture.data?.updateMyVolunteerProfile.problems).toEqual([
      { path: ['input', 'homeLocalGovernmentCode'], message: '都道府県ではなく、市区町村を選んでください。' },
    ]);
  });

  test('a field left out stays as it was; null clears the phone', async () => {
    const { data } = await api.graphql<UpdateResult>(update, { input: { phone: null, monthlyCap: 4 } }, { session });
    expect(data?.updateMyVolunteerProfile.data).toMatchObject({
      fullName: 'グエン・ティ・ラン',
      phone: null,
      monthlyCap: 4,
      languages: expect.arrayContaining([expect.objectContaining({ level: 'native' })]),
    });
  });

  test('signing the confidentiality pledge completes the profile; signing again keeps the first date', async () => {
    await api.graphql(update, { input: { phone: '06-6772-5931' } }, { session });
    const sign = /* GraphQL */ `
      mutation { signConfidentialityPledge { ... on MutationSignConfidentialityPledgeSuccess { data { confidentialityPledgeSignedAt profileCompleteness { complete } } } } }
    `;
    const first = await api.graphql<{
      signConfidentialityPledge: {
        data: { confidentialityPledgeSignedAt: string; profileCompleteness: { complete: boolean } };
      };
    }>(sign, {}, { session });
    expect(first.data?.signConfidentialityPledge.data.profileCompleteness.complete).toBe(true);
    const second = await api.graphql<typeof first.data>(sign, {}, { session });
    expect(second.data?.signConfidentialityPledge.data.confidentialityPledgeSignedAt).toBe(
      first.data?.signConfidentialityPledge.data.confidentialityPledgeSignedAt,
    );
  });

  test('someone who is not a volunteer cannot change a profile', async () => {
    const association = await insertAssociation(db);
    const coordinator = await insertStaffMember(db, association.id, 'coordinator');
    const result = await api.graphql(
      update,
      { input: { fullName: 'x' } },
      { session: await api.sessionFor(coordinator.id) },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('who may read a volunteer’s profile', () => {
  let associationId: string;
  let lan: { user: { id: string }; volunteer: { id: string } };
  let other: { user: { id: string }; volunteer: { id: string } };
  beforeAll(async () => {
    associationId = (await insertAssociation(db)).id;
    lan = await insertVolunteer(db, associationId, { phone: '090-1111-2222' });
    other = await insertVolunteer(db, associationId, { fullName: 'マリア・サントス' });
  });

  const readLan = async (userId: string) =>
    api.graphql<{ node: { fullName: string } | null }>(
      volunteerById,
      { id: globalId('Volunteer', lan.volunteer.id) },
      { session: await api.sessionFor(userId) },
    );

  test('a requester cannot read a volunteer profile, nor list volunteers', async () => {
    const organization = await insertOrganization(db, associationId);
    const requester = await insertRequester(db, organization.id);
    const read = await readLan(requester.id);
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(read.data?.node ?? null).toBeNull();
    const list = await api.graphql(
      `{ volunteers(first: 10) { nodes { fullName } } }`,
      {},
      {
        session: await api.sessionFor(requester.id),
      },
    );
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('a volunteer cannot read another volunteer’s profile', async () => {
    const read = await readLan(other.user.id);
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(read)).not.toContain('090-1111-2222');
  });

  test('a coordinator of another association cannot read it', async () => {
    const elsewhere = await insertAssociation(db);
    const outsider = await insertStaffMember(db, elsewhere.id, 'coordinator');
    const read = await readLan(outsider.id);
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('a coordinator of the volunteer’s association reads it, and the read is audited', async () => {
    const coordinator = await insertStaffMember(db, associationId, 'coordinator');
    const read = await readLan(coordinator.id);
    expect(read.data?.node).toMatchObject({ fullName: 'グエン・ティ・ラン', phone: '090-1111-2222' });
    const reads = await db.select().from(schema.auditLog).where(eq(schema.auditLog.actorUserId, coordinator.id));
    expect(reads).toEqual([
      expect.objectContaining({
        action: 'read',
        subjectType: 'volunteer',
        subjectId: lan.volunteer.id,
        fields: ['fullName', 'phone'],
      }),
    ]);
  });

  test('listing volunteers records one audit row per volunteer whose personal fields were read', async () => {
    const coordinator = await insertStaffMember(db, associationId, 'coordinator');
    const session = await api.sessionFor(coordinator.id);
    const list = await api.graphql<{ volunteers: { nodes: Array<{ fullName: string }> } }>(
      `{ volunteers(first: 10) { nodes { fullName status homeLocalGovernment { code } } } }`,
      {},
      { session },
    );
    expect(list.data?.volunteers.nodes.map((volunteer) => volunteer.fullName).sort()).toEqual(
      ['グエン・ティ・ラン', 'マリア・サントス'].sort(),
    );
    const reads = await db.select().from(schema.auditLog).where(eq(schema.auditLog.actorUserId, coordinator.id));
    expect(reads.map((entry) => [entry.subjectId, entry.fields]).sort()).toEqual(
      [
        [lan.volunteer.id, ['fullName', 'homeLocalGovernment']],
        [other.volunteer.id, ['fullName', 'homeLocalGovernment']],
      ].sort(),
    );

    // Fields that are not personal (status, languages) leave no trace.
    await api.graphql(`{ volunteers(first: 10) { nodes { status languages { level } } } }`, {}, { session });
    expect(await db.select().from(schema.auditLog).where(eq(schema.auditLog.actorUserId, coordinator.id))).toHaveLength(
      2,
    );
  });

  test('an admin finds who read a volunteer’s profile in the audit log; a coordinator cannot', async () => {
    const admin = await insertStaffMember(db, associationId, 'admin');
    const coordinator = await insertStaffMember(db, associationId, 'coordinator');
    await readLan(coordinator.id);
    const auditLog = /* GraphQL */ `
      query Log($subjectId: String, $actorId: ID) {
        auditLog(subjectType: "volunteer", subjectId: $subjectId, actorId: $actorId, first: 5) {
          nodes { action subjectId fields actor { id displayName } }
          pageInfo { hasNextPage }
        }
      }
    `;
    const variables = { subjectId: lan.volunteer.id, actorId: globalId('User', coordinator.id) };
    const log = await api.graphql<{ auditLog: { nodes: unknown[] } }>(auditLog, variables, {
      session: await api.sessionFor(admin.id),
    });
    expect(log.data?.auditLog.nodes).toEqual([
      {
        action: 'read',
        subjectId: lan.volunteer.id,
        fields: ['fullName', 'phone'],
        actor: { id: globalId('User', coordinator.id), displayName: coordinator.displayName },
      },
    ]);
    const denied = await api.graphql(auditLog, variables, { session: await api.sessionFor(coordinator.id) });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('a coordinator lists volunteers with their languages', () => {
  let session: string;
  beforeAll(async () => {
    const association = await insertAssociation(db);
    for (const [index, code] of ['vi', 'zh', 'jsl', 'vi', 'zh'].entries()) {
      const { volunteer } = await insertVolunteer(db, association.id, {
        status: index % 2 === 0 ? 'active' : 'applied',
      });
      await db.insert(schema.volunteerLanguages).values([
        { volunteerId: volunteer.id, languageCode: code, level: 'fluent', directions: ['interpretation'] },
        ...(code === 'vi'
          ? []
          : [
              {
                volunteerId: volunteer.id,
                languageCode: 'vi',
                level: 'conversational' as const,
                directions: ['interpretation' as const],
              },
            ]),
      ]);
    }
    // A member of another association only.
    await insertVolunteer(db, (await insertAssociation(db)).id);
    const coordinator = await insertStaffMember(db, association.id, 'coordinator');
    session = await countingApi.sessionFor(coordinator.id);
  });

  const list = /* GraphQL */ `
    query List($status: VolunteerStatus, $languageCode: String) {
      volunteers(first: 50, status: $status, languageCode: $languageCode) {
        edges { cursor node { id status languages { level directions language { code nameJa nameEn } } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  `;

  test('three levels deep (volunteers → languages → language) is one SQL statement, besides the session', async () => {
    counted.statements.length = 0;
    const { data, errors } = await countingApi.graphql<{ volunteers: { edges: unknown[] } }>(list, {}, { session });
    expect(errors).toBeUndefined();
    expect(data?.volunteers.edges).toHaveLength(5);
    const [sessionLookup, ...rest] = counted.statements;
    expect(sessionLookup).toContain('"sessions"');
    expect(rest).toHaveLength(1);
    expect(rest[0]).toMatch(/^select/i);
  });

  test('with the names, one more statement records the reads, whatever the number of volunteers', async () => {
    counted.statements.length = 0;
    await countingApi.graphql(
      `{ volunteers(first: 50) { nodes { fullName phone languages { language { code } } } } }`,
      {},
      { session },
    );
    expect(counted.statements).toHaveLength(3);
    expect(counted.statements[2]).toMatch(/^insert into "audit_log"/i);
  });

  test('only members of the coordinator’s associations are listed, filtered by status and language', async () => {
    const all = await countingApi.graphql<{ volunteers: { edges: unknown[] } }>(list, {}, { session });
    expect(all.data?.volunteers.edges).toHaveLength(5);
    const active = await countingApi.graphql<{ volunteers: { edges: unknown[] } }>(
      list,
      { status: 'active' },
      { session },
    );
    expect(active.data?.volunteers.edges).toHaveLength(3);
    const sign = await countingApi.graphql<{ volunteers: { edges: unknown[] } }>(
      list,
      { languageCode: 'jsl' },
      { session },
    );
    expect(sign.data?.volunteers.edges).toHaveLength(1);
  });

  test('pages follow one another without repeating anyone', async () => {
    const page = `query Page($after: String) { volunteers(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 5; pages++) {
      const result: {
        data?: { volunteers: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } } };
      } = await countingApi.graphql(page, { after }, { session });
      const volunteers = result.data?.volunteers;
      seen.push(...(volunteers?.nodes.map((node) => node.id) ?? []));
      if (!volunteers?.pageInfo.hasNextPage) break;
      after = volunteers.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });
});

describe('coordinators handle status, memberships and paperwork', () => {
  let associationId: string;
  let coordinatorSession: string;
  beforeAll(async () => {
    associationId = (await insertAssociation(db)).id;
    coordinatorSession = await api.sessionFor((await insertStaffMember(db, associationId, 'coordinator')).id);
  });

  const changeStatus = /* GraphQL */ `
    mutation Status($id: ID!, $status: VolunteerStatus!) {
      changeVolunteerStatus(volunteerId: $id, status: $status) {
        __typename
        ... on MutationChangeVolunteerStatusSuccess { data { status } }
        ... on Error { message }
      }
    }
  `;
  type StatusResult = { changeVolunteerStatus: { __typename: string; message?: string; data?: { status: string } } };

  test('an applicant is accepted once the pledge is signed, then suspended; an impossible change is a conflict', async () => {
    const { volunteer } = await insertVolunteer(db, associationId, { status: 'applied' }, 'applied');
    const id = globalId('Volunteer', volunteer.id);
    const unsigned = await api.graphql<StatusResult>(
      changeStatus,
      { id, status: 'active' },
      { session: coordinatorSession },
    );
    expect(unsigned.data?.changeVolunteerStatus).toEqual({
      __typename: 'ConflictError',
      message: '活動中にするには、ボランティアが守秘の誓約に署名している必要があります。',
    });

    await db
      .update(schema.volunteers)
      .set({ confidentialityPledgeSignedAt: api.clock.now().toJSDate() })
      .where(eq(schema.volunteers.id, volunteer.id));
    const accepted = await api.graphql<StatusResult>(
      changeStatus,
      { id, status: 'active' },
      { session: coordinatorSession },
    );
    expect(accepted.data?.changeVolunteerStatus.data?.status).toBe('active');
    const suspended = await api.graphql<StatusResult>(
      changeStatus,
      { id, status: 'suspended' },
      { session: coordinatorSession },
    );
    expect(suspended.data?.changeVolunteerStatus.data?.status).toBe('suspended');
    const backwards = await api.graphql<StatusResult>(
      changeStatus,
      { id, status: 'applied' },
      { session: coordinatorSession },
    );
    expect(backwards.data?.changeVolunteerStatus).toEqual({
      __typename: 'ConflictError',
      message: '「停止中」のボランティアを「申請中」にはできません。',
    });
  });

  test('a coordinator of another association may not change the status', async () => {
    const { volunteer } = await insertVolunteer(db, associationId, { status: 'active' });
    const elsewhere = await insertAssociation(db);
    const outsider = await api.sessionFor((await insertStaffMember(db, elsewhere.id, 'coordinator')).id);
    const result = await api.graphql<StatusResult>(
      changeStatus,
      { id: globalId('Volunteer', volunteer.id), status: 'retired' },
      { session: outsider },
    );
    expect(result.data?.changeVolunteerStatus.__typename).toBe('ForbiddenError');
  });

  test('a coordinator accepts a volunteer into their association', async () => {
    const { volunteer } = await insertVolunteer(db, associationId, {}, 'applied');
    const result = await api.graphql<{ changeVolunteerMembershipStatus: { data: { memberships: unknown[] } } }>(
      /* GraphQL */ `
        mutation Membership($id: ID!, $associationId: ID!) {
          changeVolunteerMembershipStatus(volunteerId: $id, associationId: $associationId, status: active) {
            ... on MutationChangeVolunteerMembershipStatusSuccess { data { memberships { status } } }
          }
        }
      `,
      { id: globalId('Volunteer', volunteer.id), associationId: globalId('Association', associationId) },
      { session: coordinatorSession },
    );
    expect(result.data?.changeVolunteerMembershipStatus.data.memberships).toEqual([{ status: 'active' }]);
  });

  test('a renewed registration runs for a year; the insurance date is kept', async () => {
    const { volunteer } = await insertVolunteer(db, associationId);
    const result = await api.graphql<{
      recordVolunteerPaperwork: { data: { registrationExpiresOn: string; insuranceEnrolledUntil: string } };
    }>(
      /* GraphQL */ `
        mutation Paperwork($id: ID!, $input: VolunteerPaperworkInput!) {
          recordVolunteerPaperwork(volunteerId: $id, input: $input) {
            ... on MutationRecordVolunteerPaperworkSuccess { data { registrationExpiresOn insuranceEnrolledUntil } }
          }
        }
      `,
      {
        id: globalId('Volunteer', volunteer.id),
        input: { registrationRenewedOn: '2026-04-01', insuranceEnrolledUntil: '2027-03-31' },
      },
      { session: coordinatorSession },
    );
    expect(result.data?.recordVolunteerPaperwork.data).toEqual({
      registrationExpiresOn: '2027-04-01',
      insuranceEnrolledUntil: '2027-03-31',
    });
    const [change] = await db.select().from(schema.auditLog).where(eq(schema.auditLog.subjectId, volunteer.id));
    expect(change).toMatchObject({ action: 'update', fields: ['insuranceEnrolledUntil', 'registrationExpiresOn'] });
  });
});

describe('bans both ways', () => {
  let organizationId: string;
  let volunteerId: string;
  let volunteerSession: string;
  let requesterSession: string;
  let coordinatorSession: string;
  beforeAll(async () => {
    const associationId = (await insertAssociation(db)).id;
    organizationId = (await insertOrganization(db, associationId)).id;
    const { user, volunteer } = await insertVolunteer(db, associationId);
    volunteerId = volunteer.id;
    volunteerSession = await api.sessionFor(user.id);
    requesterSession = await api.sessionFor((await insertRequester(db, organizationId)).id);
    coordinatorSession = await api.sessionFor((await insertStaffMember(db, associationId, 'coordinator')).id);
  });

  const bans = `{ bans(first: 10) { nodes { direction reason organizationName } } }`;
  type Bans = { bans: { nodes: Array<{ direction: string; reason: string | null; organizationName: string }> } };

  test('a volunteer declines an organization and an organization declines a volunteer; each sees only their own', async () => {
    const declined = await api.graphql<{ declineOrganization: { __typename: string; data: { direction: string } } }>(
      /* GraphQL */ `
        mutation Decline($id: ID!) {
          declineOrganization(organizationId: $id, reason: "遠すぎる") {
            __typename
            ... on MutationDeclineOrganizationSuccess { data { direction } }
          }
        }
      `,
      { id: globalId('Organization', organizationId) },
      { session: volunteerSession },
    );
    expect(declined.data?.declineOrganization.data.direction).toBe('volunteer_declines_organization');

    const refused = await api.graphql<{ declineVolunteer: { data: { direction: string } } }>(
      /* GraphQL */ `
        mutation Decline($id: ID!) {
          declineVolunteer(volunteerId: $id) { ... on MutationDeclineVolunteerSuccess { data { direction } } }
        }
      `,
      { id: globalId('Volunteer', volunteerId) },
      { session: requesterSession },
    );
    expect(refused.data?.declineVolunteer.data.direction).toBe('organization_declines_volunteer');

    const volunteerSees = await api.graphql<Bans>(bans, {}, { session: volunteerSession });
    expect(volunteerSees.data?.bans.nodes).toEqual([
      { direction: 'volunteer_declines_organization', reason: '遠すぎる', organizationName: '豊中市役所 市民課' },
    ]);
    const requesterSees = await api.graphql<Bans>(bans, {}, { session: requesterSession });
    expect(requesterSees.data?.bans.nodes.map((ban) => ban.direction)).toEqual(['organization_declines_volunteer']);
    const coordinatorSees = await api.graphql<Bans>(bans, {}, { session: coordinatorSession });
    expect(coordinatorSees.data?.bans.nodes.map((ban) => ban.direction).sort()).toEqual([
      'organization_declines_volunteer',
      'volunteer_declines_organization',
    ]);
  });

  const lift = /* GraphQL */ `
    mutation Lift($organizationId: ID!, $volunteerId: ID!, $direction: BanDirection!) {
      liftBan(organizationId: $organizationId, volunteerId: $volunteerId, direction: $direction) {
        __typename
        ... on Error { message }
      }
    }
  `;

  test('the organization cannot lift the volunteer’s ban; the volunteer and a coordinator can lift theirs', async () => {
    const ids = {
      organizationId: globalId('Organization', organizationId),
      volunteerId: globalId('Volunteer', volunteerId),
    };
    const byRequester = await api.graphql<{ liftBan: { __typename: string } }>(
      lift,
      { ...ids, direction: 'volunteer_declines_organization' },
      { session: requesterSession },
    );
    expect(byRequester.data?.liftBan.__typename).toBe('ForbiddenError');
    const byVolunteer = await api.graphql<{ liftBan: { __typename: string } }>(
      lift,
      { ...ids, direction: 'volunteer_declines_organization' },
      { session: volunteerSession },
    );
    expect(byVolunteer.data?.liftBan.__typename).toBe('MutationLiftBanSuccess');
    const byCoordinator = await api.graphql<{ liftBan: { __typename: string } }>(
      lift,
      { ...ids, direction: 'organization_declines_volunteer' },
      { session: coordinatorSession },
    );
    expect(byCoordinator.data?.liftBan.__typename).toBe('MutationLiftBanSuccess');
    expect(await db.select().from(schema.bans)).toEqual([]);
  });
});
