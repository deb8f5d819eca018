import { describe, expect, test } from 'vitest';
import { ConflictError } from './errors';
import {
  adviseCategory,
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

describe('advice on the category chosen for a request, as the form and the screening show it', () => {
  test.each<[string, Parameters<typeof adviseCategory>, GrantTaxCategory, GrantTaxCategory | null]>([
    [
      'a city hall’s consultation desk, nothing chosen: 1 as suggested',
      ['consultation_desk', 'municipality'],
      '1',
      null,
    ],
    [
      'a prefecture’s consultation desk, nothing chosen: G, which it may claim',
      ['consultation_desk', 'prefecture'],
      'G',
      null,
    ],
    ['a prefecture’s consultation desk put in 1: take G instead', ['consultation_desk', 'prefecture', '1'], '1', 'G'],
    ['a prefecture’s Japanese class put in 7: take G instead', ['japanese_class', 'prefecture', '7'], '7', 'G'],
    ['a prefecture’s disaster drill put in 4: fine', ['disaster', 'prefecture', '4'], '4', null],
    ['a city’s consultation desk put in G by choice: fine', ['consultation_desk', 'municipality', 'G'], 'G', null],
    ['anything put in N: claimed under no measure, nothing to change', ['other', 'prefecture', 'N'], 'N', null],
  ])('%s', (_case, [purpose, bearer, chosen], category, instead) => {
    const advice = adviseCategory(purpose, bearer, chosen);
    expect(advice.chosen).toBe(category);
    expect(advice.instead).toBe(instead);
    expect(advice.eligibility.kind === 'flagged').toBe(instead !== null);
    expect(eligibility(advice.suggested, bearer).kind).not.toBe('flagged');
  });

  test('the measure comes with the advice: a prefecture’s one-stop desk is ordinary grant tax', () => {
    expect(adviseCategory('one_stop_desk', 'prefecture').eligibility).toEqual({
      kind: 'eligible',
      measure: 'ordinary_grant_tax',
    });
  });

  test('the refusal of an ineligible choice names the category to take, in both languages', () => {
    const refusal = new ConflictError('category_not_eligible', { category: '1', bearer: 'prefecture', instead: 'G' });
    expect(refusal.localized).toEqual({
      ja: '区分1（行政・生活情報の多言語化）は、表では都道府県が負担できません。区分G（その他の外国人住民支援（普通交付税））にしてください。',
      en: 'Category 1 (Multilingual administrative and living information) cannot be borne by a prefecture under the table: choose category G (Other support for foreign residents (ordinary grant tax)).',
    });
  });
});
