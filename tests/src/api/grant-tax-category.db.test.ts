import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { fixedClock } from '@tsunagu/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { globalId, startTestApi, type TestApi } from '../support/api';
import {
  insertAssociation,
  insertJapanese,
  insertLanguages,
  insertOrganization,
  insertRequest,
  insertRequester,
  insertStaffMember,
  setLocale,
} from '../support/fixtures';

const advice =
  'grantTax { category bearingKind eligibility measure measureName flag suggestedCategory instead insteadName }';

const fileRequest = /* GraphQL */ `
  mutation File($input: RequestInput!) {
    fileRequest(input: $input) {
      __typename
      ... on MutationFileRequestSuccess { data { id ${advice} } }
      ... on ConflictError { reason explanation: message }
      ... on ValidationError { problems { path message } }
    }
  }
`;

const fileSeries = /* GraphQL */ `
  mutation FileSeries($input: RequestSeriesInput!) {
    fileRequestSeries(input: $input) {
      __typename
      ... on MutationFileRequestSeriesSuccess { data { requests { grantTax { category } } } }
      ... on ConflictError { reason explanation: message }
    }
  }
`;

const overrideCategory = /* GraphQL */ `
  mutation Override($id: ID!, $category: String!) {
    overrideRequestCategory(requestId: $id, category: $category, reason: "窓口の予算に合わせる") {
      __typename
      ... on ConflictError { reason explanation: message }
    }
  }
`;

const requestAdvice = /* GraphQL */ `
  query Advice($id: ID!) { node(id: $id) { ... on Request { ${advice} } } }
`;

interface Advice {
  category: string;
  bearingKind: string;
  eligibility: string;
  measure: string | null;
  measureName: string | null;
  flag: string | null;
  suggestedCategory: string;
  instead: string | null;
  insteadName: string | null;
}
interface FileResult {
  fileRequest: {
    __typename: string;
    data?: { id: string; grantTax: Advice };
    reason?: string;
    explanation?: string;
    problems?: Array<{ path: string[]; message: string }>;
  };
}

/** Tuesday 1 December 2026, 10:00 in Japan. */
const clock = fixedClock('2026-12-01T10:00:00+09:00');

/** A consultation on Monday 7 December, 13:00–15:00, at Toyonaka's desk. */
const consultation = (overrides: Record<string, unknown> = {}) => ({
  modality: 'on_site',
  languageCode: 'vi',
  startsAt: '2026-12-07T13:00:00+09:00',
  endsAt: '2026-12-07T15:00:00+09:00',
  localGovernmentCode: '272035',
  venue: '相談窓口',
  purpose: 'consultation_desk',
  contactName: '窓口 一郎',
  ...overrides,
});

describe('the grant-tax category where it is chosen', () => {
  let testDb: TestDatabase;
  let api: TestApi;
  let associationId: string;
  let prefectureId: string;
  let cityStaff: string;
  let prefecturalStaff: string;
  let englishPrefecturalStaff: string;
  let coordinator: string;

  beforeAll(async () => {
    testDb = await openTestDatabase();
    api = await startTestApi(testDb.database, { clock });
    const { db } = testDb.database;
    await insertLanguages(db);
    await insertJapanese(db);
    associationId = (await insertAssociation(db)).id;
    const city = await insertOrganization(db, associationId);
    const prefecture = await insertOrganization(db, associationId, {
      name: '大阪府 府民文化部 国際課',
      type: 'prefecture',
      localGovernmentCode: '270008',
    });
    prefectureId = prefecture.id;
    cityStaff = await api.sessionFor((await insertRequester(db, city.id)).id);
    prefecturalStaff = await api.sessionFor((await insertRequester(db, prefecture.id)).id);
    const english = await insertRequester(db, prefecture.id);
    await setLocale(db, english.id, 'en');
    englishPrefecturalStaff = await api.sessionFor(english.id);
    coordinator = await api.sessionFor((await insertStaffMember(db, associationId, 'coordinator')).id);
  });
  afterAll(async () => {
    await api?.close();
    await testDb?.dispose();
  });

  const file = (input: Record<string, unknown>, session: string) =>
    api.graphql<FileResult>(fileRequest, { input }, { session });
  const requestCount = async () => (await testDb.database.db.select().from(schema.requests)).length;

  test('a city’s consultation is category 1 under the special grant tax, as the purpose suggests', async () => {
    const { data } = await file(consultation(), cityStaff);
    expect(data?.fileRequest.data?.grantTax).toEqual({
      category: '1',
      bearingKind: 'municipality',
      eligibility: 'eligible',
      measure: 'special_grant_tax',
      measureName: '特別交付税',
      flag: null,
      suggestedCategory: '1',
      instead: null,
      insteadName: null,
    });
  });

  test('a prefectural office filing its consultation under 1 is refused in words, and told to take G; nothing is written', async () => {
    const before = await requestCount();
    const japanese = await file(consultation({ grantTaxCategory: '1' }), prefecturalStaff);
    expect(japanese.data?.fileRequest).toEqual({
      __typename: 'ConflictError',
      reason: 'category_not_eligible',
      explanation:
        '区分1（行政・生活情報の多言語化）は、表では都道府県が負担できません。区分G（その他の外国人住民支援（普通交付税））にしてください。',
    });
    const english = await file(consultation({ grantTaxCategory: '1' }), englishPrefecturalStaff);
    expect(english.data?.fileRequest.explanation).toBe(
      'Category 1 (Multilingual administrative and living information) cannot be borne by a prefecture under the table: choose category G (Other support for foreign residents (ordinary grant tax)).',
    );
    const series = await api.graphql<{ fileRequestSeries: { __typename: string; reason?: string } }>(
      fileSeries,
      {
        input: {
          ...consultation({ grantTaxCategory: '1' }),
          startsAt: undefined,
          endsAt: undefined,
          series: { weekday: 1, startTime: '13:00', endTime: '15:00', firstDate: '2026-12-07', lastDate: '2026-12-21' },
        },
      },
      { session: prefecturalStaff },
    );
    expect(series.data?.fileRequestSeries).toMatchObject({
      __typename: 'ConflictError',
      reason: 'category_not_eligible',
    });
    expect(await requestCount()).toBe(before);
  });

  test('the same office taking G, the eligible one, files under the ordinary grant tax', async () => {
    const { data } = await file(consultation({ grantTaxCategory: 'G' }), englishPrefecturalStaff);
    expect(data?.fileRequest.data?.grantTax).toMatchObject({
      category: 'G',
      bearingKind: 'prefecture',
      eligibility: 'eligible',
      measure: 'ordinary_grant_tax',
      measureName: 'Ordinary grant tax',
      flag: null,
    });
  });

  test('a category outside the table is a problem of its field, in the reader’s language', async () => {
    const { data } = await file(consultation({ grantTaxCategory: '8' }), prefecturalStaff);
    expect(data?.fileRequest).toMatchObject({
      __typename: 'ValidationError',
      problems: [
        { path: ['input', 'grantTaxCategory'], message: '区分は表にあるもの（1〜7、G、N）から選んでください。' },
      ],
    });
  });

  test('a request booked under 1 for a prefecture before this check shows the flag at screening; the coordinator takes G in one step, not 1 again', async () => {
    const { db } = testDb.database;
    const old = await insertRequest(db, associationId, prefectureId, {
      status: 'filed',
      purpose: 'consultation_desk',
      grantTaxCategory: '1',
    });
    const id = globalId('Request', old.id);
    const shown = await api.graphql<{ node: { grantTax: Advice } }>(requestAdvice, { id }, { session: coordinator });
    expect(shown.data?.node.grantTax).toMatchObject({
      category: '1',
      eligibility: 'flagged',
      measure: null,
      flag: '区分1（行政・生活情報の多言語化）は、表では都道府県が負担できません。',
      instead: 'G',
      insteadName: 'その他の外国人住民支援（普通交付税）',
    });
    const refused = await api.graphql<{ overrideRequestCategory: { __typename: string; reason?: string } }>(
      overrideCategory,
      { id, category: '7' },
      { session: coordinator },
    );
    expect(refused.data?.overrideRequestCategory).toMatchObject({
      __typename: 'ConflictError',
      reason: 'category_not_eligible',
    });
    const audited = async () =>
      (await db.select().from(schema.auditLog).where(eq(schema.auditLog.subjectId, old.id))).length;
    expect(await audited()).toBe(0);
    const taken = await api.graphql<{ overrideRequestCategory: { __typename: string } }>(
      overrideCategory,
      { id, category: 'G' },
      { session: coordinator },
    );
    expect(taken.data?.overrideRequestCategory.__typename).toBe('MutationOverrideRequestCategorySuccess');
    const after = await api.graphql<{ node: { grantTax: Advice } }>(requestAdvice, { id }, { session: coordinator });
    expect(after.data?.node.grantTax).toMatchObject({
      category: 'G',
      eligibility: 'eligible',
      flag: null,
      instead: null,
    });
    expect(await audited()).toBe(1);
  });
});
