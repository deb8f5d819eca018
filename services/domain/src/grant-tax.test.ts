import { describe, expect, test } from 'vitest';
import {
  type BearingBodyKind,
  eligibility,
  type GrantTaxCategory,
  requestPurposes,
  suggestCategory,
} from './grant-tax';

describe('which grant tax a bearing body may claim, category by category', () => {
  test.each<[GrantTaxCategory, BearingBodyKind, ReturnType<typeof eligibility>['kind'], string | null]>([
    ['1', 'municipality', 'eligible', 'special_grant_tax'],
    ['1', 'prefecture', 'flagged', null],
    ['2', 'municipality', 'eligible', 'special_grant_tax'],
    ['2', 'prefecture', 'flagged', null],
    ['3', 'municipality', 'eligible', 'special_grant_tax'],
    ['3', 'prefecture', 'flagged', null],
    ['4', 'municipality', 'eligible', 'special_grant_tax'],
    ['4', 'prefecture', 'eligible', 'special_grant_tax'],
    ['5', 'municipality', 'eligible', 'special_grant_tax'],
    ['5', 'prefecture', 'eligible', 'special_grant_tax'],
    ['6', 'municipality', 'eligible', 'special_grant_tax'],
    ['6', 'prefecture', 'eligible', 'ordinary_grant_tax'],
    ['7', 'municipality', 'eligible', 'special_grant_tax'],
    ['7', 'prefecture', 'flagged', null],
    ['G', 'municipality', 'eligible', 'ordinary_grant_tax'],
    ['G', 'prefecture', 'eligible', 'ordinary_grant_tax'],
    ['N', 'municipality', 'not_claimed', null],
    ['N', 'prefecture', 'not_claimed', null],
  ])('category %s borne by a %s: %s %s', (category, bearer, kind, measure) => {
    const result = eligibility(category, bearer);
    expect(result.kind).toBe(kind);
    expect(result.kind === 'eligible' ? result.measure : null).toBe(measure);
  });

  test('a flag says what is wrong in words, in Japanese and in English', () => {
    expect(eligibility('1', 'prefecture')).toEqual({
      kind: 'flagged',
      reason: {
        ja: '区分1（行政・生活情報の多言語化）は、表では都道府県が負担できません。',
        en: 'Category 1 (Multilingual administrative and living information) cannot be borne by a prefecture under the table.',
      },
    });
  });
});

test.each([
  ['consultation_desk', 'municipality', '1'],
  ['consultation_desk', 'prefecture', 'G'],
  ['administrative_translation', 'prefecture', 'G'],
  ['life_orientation', 'municipality', '3'],
  ['life_orientation', 'prefecture', 'G'],
  ['disaster', 'municipality', '4'],
  ['disaster', 'prefecture', '4'],
  ['school_enrollment', 'prefecture', '5'],
  ['one_stop_desk', 'municipality', '6'],
  ['one_stop_desk', 'prefecture', '6'],
  ['japanese_class', 'municipality', '7'],
  ['japanese_class', 'prefecture', 'G'],
  ['other_support', 'prefecture', 'G'],
  ['other', 'municipality', 'N'],
] as const)('a dispatch for %s borne by a %s suggests category %s', (purpose, bearer, category) => {
  expect(suggestCategory(purpose, bearer)).toBe(category);
});

test('no purpose suggests a category its bearing body may not claim', () => {
  for (const purpose of requestPurposes) {
    for (const bearer of ['prefecture', 'municipality'] as const) {
      expect(eligibility(suggestCategory(purpose, bearer), bearer).kind).not.toBe('flagged');
    }
  }
});
