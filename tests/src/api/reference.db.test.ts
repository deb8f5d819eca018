import { loadReferenceData } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';

interface Place {
  code: string;
  nameJa: string;
  kind: string;
  parentCode: string | null;
}

interface PlacePage {
  localGovernments: { nodes: Place[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const picker = /* GraphQL */ `
  query Picker($prefectureCode: String, $kind: LocalGovernmentKind, $search: String, $first: Int, $after: String) {
    localGovernments(prefectureCode: $prefectureCode, kind: $kind, search: $search, first: $first, after: $after) {
      nodes { code nameJa kind parentCode }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

describe('the pickers of languages, places and holidays, for anyone', () => {
  let testDb: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    testDb = await openTestDatabase();
    await loadReferenceData(testDb.database.db);
    api = await startTestApi(testDb.database);
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await testDb?.dispose();
  });

  const places = async (variables: Record<string, unknown>) => {
    const { data, errors } = await api.graphql<PlacePage>(picker, variables);
    expect(errors).toBeUndefined();
    return data?.localGovernments as PlacePage['localGovernments'];
  };

  test('languages come most asked for first, Japanese Sign Language among them', async () => {
    const { data } = await api.graphql<{ languages: Array<{ code: string; nameJa: string; nameEn: string }> }>(
      '{ languages { code nameJa nameEn } }',
    );
    const codes = data?.languages.map((language) => language.code) ?? [];
    expect(codes.slice(0, 4)).toEqual(['ja', 'zh', 'vi', 'fil']);
    expect(data?.languages).toContainEqual({ code: 'jsl', nameJa: '日本手話', nameEn: 'Japanese Sign Language' });
    expect(data?.languages).toContainEqual({ code: 'ne', nameJa: 'ネパール語', nameEn: 'Nepali' });
  });

  test('the prefectures are the 47, in code order, with their English names', async () => {
    const { data } = await api.graphql<{ prefectures: Array<{ code: string; nameJa: string; nameEn: string }> }>(
      '{ prefectures { code nameJa nameEn } }',
    );
    expect(data?.prefectures).toHaveLength(47);
    expect(data?.prefectures[0]).toEqual({ code: '010006', nameJa: '北海道', nameEn: 'Hokkaido' });
    expect(data?.prefectures[26]).toEqual({ code: '270008', nameJa: '大阪府', nameEn: 'Osaka' });
  });

  test('searching by the reading, in hiragana or katakana, or by the name finds a city and its wards', async () => {
    const byHiragana = await places({ search: 'さっぽろ', first: 20 });
    expect(byHiragana.nodes.map((place) => place.nameJa)).toEqual([
      '札幌市',
      '札幌市中央区',
      '札幌市北区',
      '札幌市東区',
      '札幌市白石区',
      '札幌市豊平区',
      '札幌市南区',
      '札幌市西区',
      '札幌市厚別区',
      '札幌市手稲区',
      '札幌市清田区',
    ]);
    expect(byHiragana.nodes[0]).toMatchObject({ code: '011002', kind: 'municipality', parentCode: null });
    expect(byHiragana.nodes[1]).toMatchObject({ code: '011011', kind: 'ward', parentCode: '011002' });
    expect(await places({ search: 'サッポロ', first: 20 })).toEqual(byHiragana);
    expect(await places({ search: '札幌', first: 20 })).toEqual(byHiragana);
  });

  test('a search is a prefix, and wildcards in it are taken literally', async () => {
    expect((await places({ search: 'とよなか' })).nodes.map((place) => place.code)).toEqual(['272035']);
    expect((await places({ search: 'よなか' })).nodes).toEqual([]);
    expect((await places({ search: '%' })).nodes).toEqual([]);
  });

  test('a prefecture’s places come page by page, and can be narrowed to one kind', async () => {
    const firstPage = await places({ prefectureCode: '01', first: 100 });
    expect(firstPage.nodes).toHaveLength(100);
    expect(firstPage.nodes[0]).toMatchObject({ code: '010006', kind: 'prefecture' });
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const secondPage = await places({ prefectureCode: '01', first: 100, after: firstPage.pageInfo.endCursor });
    const hokkaido = [...firstPage.nodes, ...secondPage.nodes];
    expect(secondPage.pageInfo.hasNextPage).toBe(false);
    // 北海道 itself, 179 municipalities and the 10 wards of 札幌市.
    expect(hokkaido).toHaveLength(190);
    expect(new Set(hokkaido.map((place) => place.code)).size).toBe(190);

    const kanagawaWards = await places({ prefectureCode: '14', kind: 'ward', first: 50 });
    // 横浜市 18, 川崎市 7, 相模原市 3.
    expect(kanagawaWards.nodes).toHaveLength(28);
    expect(kanagawaWards.nodes.every((place) => place.kind === 'ward' && place.parentCode !== null)).toBe(true);
  });

  test('the holidays of a fiscal year run from April to March', async () => {
    const holidays = async (fiscalYear: number) => {
      const { data } = await api.graphql<{ holidays: Array<{ date: string; nameJa: string; nameEn: string }> }>(
        'query ($fiscalYear: Int!) { holidays(fiscalYear: $fiscalYear) { date nameJa nameEn } }',
        { fiscalYear },
      );
      return data?.holidays ?? [];
    };
    const fy2025 = await holidays(2025);
    expect(fy2025[0]?.date).toBe('2025-04-29');
    expect(fy2025.at(-1)?.date).toBe('2026-03-20');
    expect(fy2025).toContainEqual({ date: '2026-01-01', nameJa: '元日', nameEn: "New Year's Day" });

    const fy2026 = await holidays(2026);
    expect(fy2026[0]?.date).toBe('2026-04-29');
    expect(fy2026).toContainEqual({ date: '2026-05-06', nameJa: 'こどもの日 振替休日', nameEn: 'Holiday in lieu' });
    expect(fy2025.map((holiday) => holiday.date)).not.toContain('2026-05-06');
  });

  test('a fiscal year out of any calendar is refused', async () => {
    const { errors } = await api.graphql('{ holidays(fiscalYear: 20260) { date } }');
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
