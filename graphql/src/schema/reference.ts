import { GraphQLError } from 'graphql';
import { builder } from '../builder';

const LocalGovernmentKindEnum = builder.enumType('LocalGovernmentKind', {
  values: ['prefecture', 'municipality', 'ward'] as const,
});

export const LocalGovernment = builder.drizzleObject('localGovernments', {
  name: 'LocalGovernment',
  description: 'A prefecture, municipality or ward, by its national local-government code.',
  fields: (t) => ({
    code: t.exposeString('code'),
    prefectureCode: t.exposeString('prefectureCode'),
    kind: t.expose('kind', { type: LocalGovernmentKindEnum }),
    nameJa: t.exposeString('nameJa'),
    nameKana: t.exposeString('nameKana'),
    nameEn: t.exposeString('nameEn', { nullable: true }),
    parentCode: t.exposeString('parentCode', {
      nullable: true,
      description: 'For a ward of a designated city: the code of its city.',
    }),
    latitude: t.exposeFloat('latitude'),
    longitude: t.exposeFloat('longitude'),
  }),
});

export const Language = builder.drizzleObject('languages', {
  name: 'Language',
  fields: (t) => ({
    code: t.exposeString('code'),
    nameJa: t.exposeString('nameJa'),
    nameEn: t.exposeString('nameEn'),
  }),
});

builder.drizzleObject('holidays', {
  name: 'Holiday',
  description: 'A Japanese national holiday or substitute holiday.',
  fields: (t) => ({
    date: t.expose('date', { type: 'Date' }),
    nameJa: t.exposeString('nameJa'),
    nameEn: t.exposeString('nameEn'),
  }),
});

builder.queryField('languages', (t) =>
  t.drizzleField({
    type: ['languages'],
    description: 'The languages served, most asked for first (public).',
    resolve: (query, _root, _args, { db }) =>
      db.query.languages.findMany(query({ orderBy: { sortOrder: 'asc', code: 'asc' } })),
  }),
);

builder.queryField('prefectures', (t) =>
  t.drizzleField({
    type: ['localGovernments'],
    description: 'The 47 prefectures, in code order (public).',
    resolve: (query, _root, _args, { db }) =>
      db.query.localGovernments.findMany(query({ where: { kind: 'prefecture' }, orderBy: { code: 'asc' } })),
  }),
);

builder.queryField('localGovernments', (t) =>
  t.drizzleConnection({
    type: 'localGovernments',
    description:
      'Local governments for pickers, in code order (a designated city before its wards), optionally of one ' +
      'prefecture, of one kind, or whose Japanese name or reading starts with `search` (public).',
    args: {
      prefectureCode: t.arg.string({ required: false, description: 'Two digits, e.g. 27 for 大阪府.' }),
      kind: t.arg({ type: LocalGovernmentKindEnum, required: false }),
      search: t.arg.string({ required: false, description: 'The start of the name in kanji, hiragana or katakana.' }),
    },
    resolve: (query, _root, args, { db }) => {
      const search = args.search ? searchPrefixes(args.search) : null;
      return db.query.localGovernments.findMany(
        query({
          where: {
            ...(args.prefectureCode ? { prefectureCode: args.prefectureCode } : {}),
            ...(args.kind ? { kind: args.kind } : {}),
            ...(search
              ? { OR: [{ nameJa: { like: `${search.name}%` } }, { nameKana: { like: `${search.kana}%` } }] }
              : {}),
          },
          orderBy: { code: 'asc' },
        }),
      );
    },
  }),
);

/**
 * The prefixes a picker's search text asks for: as typed (width-normalized) for the Japanese name,
 * and in hiragana for the reading, which the data stores in hiragana. LIKE's wildcards are escaped.
 */
function searchPrefixes(text: string): { name: string; kana: string } | null {
  const name = text.normalize('NFKC').replace(/\s+/g, '');
  if (name === '') return null;
  const kana = name.replace(/[\u30a1-\u30f6]/g, (katakana) => String.fromCharCode(katakana.charCodeAt(0) - 0x60));
  const literal = (value: string) => value.replace(/[\\%_]/g, (wildcard) => `\\${wildcard}`);
  return { name: literal(name), kana: literal(kana) };
}

builder.queryField('holidays', (t) =>
  t.drizzleField({
    type: ['holidays'],
    description: 'The national holidays of a fiscal year (April to March), in date order (public).',
    args: { fiscalYear: t.arg.int({ required: true, description: 'FY2026 runs from 2026-04-01 to 2027-03-31.' }) },
    resolve: (query, _root, { fiscalYear }, { db }) => {
      if (fiscalYear < 1900 || fiscalYear > 2999) {
        throw new GraphQLError('fiscalYear must be a year between 1900 and 2999.', {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      return db.query.holidays.findMany(
        query({
          where: { date: { gte: `${fiscalYear}-04-01`, lte: `${fiscalYear + 1}-03-31` } },
          orderBy: { date: 'asc' },
        }),
      );
    },
  }),
);
