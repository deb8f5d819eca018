import { builder } from '../builder';

export const LocalGovernment = builder.drizzleObject('localGovernments', {
  name: 'LocalGovernment',
  description: 'A prefecture, municipality or ward, by its national local-government code.',
  fields: (t) => ({
    code: t.exposeString('code'),
    prefectureCode: t.exposeString('prefectureCode'),
    kind: t.exposeString('kind'),
    nameJa: t.exposeString('nameJa'),
    nameKana: t.exposeString('nameKana'),
    nameEn: t.exposeString('nameEn', { nullable: true }),
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
