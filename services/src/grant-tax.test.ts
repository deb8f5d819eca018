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

  test('a flag says what is wrong in words', () => {
    expect(eligibility('1', 'prefecture')).toEqual({
      kind: 'flagged',
      reason:
        'Category 1 (Multilingual administrative and living information) cannot be borne by a prefecture under the table.',
    });
  });
});

test.each([
  ['consultation_desk', '1'],
  ['life_orientation', '3'],
  ['disaster', '4'],
  ['school_enrollment', '5'],
  ['one_stop_desk', '6'],
  ['japanese_class', '7'],
  ['other', 'N'],
] as const)('a dispatch for %s suggests category %s', (purpose, category) => {
  expect(suggestCategory(purpose)).toBe(category);
});

test('every purpose suggests some category', () => {
  for (const purpose of requestPurposes) expect(suggestCategory(purpose)).toMatch(/^[1-7GN]$/);
});

test('the purposes are the ones the database stores', async () => {
  const { schema } = await import('@tsunagu/db');
  expect(schema.requestPurpose.enumValues).toEqual([...requestPurposes]);
});
