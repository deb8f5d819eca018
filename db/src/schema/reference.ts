import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, integer, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';

/** ISO 639 codes (639-1 where one exists, else 639-3, `jsl` for Japanese Sign Language). */
export const languages = pgTable('languages', {
  code: text('code').primaryKey(),
  nameJa: text('name_ja').notNull(),
  nameEn: text('name_en').notNull(),
  /** Lower sorts first in pickers: the languages most asked for. */
  sortOrder: integer('sort_order').notNull().default(1000),
});

export const localGovernmentKind = pgEnum('local_government_kind', ['prefecture', 'municipality', 'ward']);

/**
 * Prefectures, municipalities and the wards of designated cities, by their national
 * local-government code (全国地方公共団体コード, six digits with the check digit), each with the
 * point of its office so that distances can be estimated.
 */
export const localGovernments = pgTable(
  'local_governments',
  {
    code: text('code').primaryKey(),
    prefectureCode: text('prefecture_code').notNull(),
    kind: localGovernmentKind('kind').notNull(),
    nameJa: text('name_ja').notNull(),
    nameKana: text('name_kana').notNull(),
    nameEn: text('name_en'),
    /** For a ward: the designated city it belongs to. */
    parentCode: text('parent_code'),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    website: text('website'),
  },
  (table) => [
    check('local_governments_code_format', sql`${table.code} ~ '^[0-9]{6}$'`),
    index('local_governments_prefecture_idx').on(table.prefectureCode),
  ],
);

/** Japanese national holidays (国民の祝日 and substitute holidays), from a maintained dataset. */
export const holidays = pgTable('holidays', {
  date: date('date', { mode: 'string' }).primaryKey(),
  nameJa: text('name_ja').notNull(),
  nameEn: text('name_en').notNull(),
});
