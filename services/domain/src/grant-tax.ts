/**
 * The MIC local fiscal measures for intercultural cohesion: which action item (category) an
 * expense belongs to, and which grant tax a local government of a given kind may claim it under.
 * The table is DESIGN.md's (from seed 002); a combination it does not allow is flagged, not guessed.
 */
import type { Localized } from './errors';

export const grantTaxCategories = ['1', '2', '3', '4', '5', '6', '7', 'G', 'N'] as const;
export type GrantTaxCategory = (typeof grantTaxCategories)[number];

export const bearingBodyKinds = ['prefecture', 'municipality'] as const;
export type BearingBodyKind = (typeof bearingBodyKinds)[number];
export const grantTaxMeasures = ['special_grant_tax', 'ordinary_grant_tax'] as const;
export type GrantTaxMeasure = (typeof grantTaxMeasures)[number];

export const grantTaxCategoryNames: Record<GrantTaxCategory, { ja: string; en: string }> = {
  '1': { ja: '行政・生活情報の多言語化', en: 'Multilingual administrative and living information' },
  '2': { ja: '先進事例の横展開', en: 'Horizontal deployment of advanced local examples' },
  '3': { ja: '地域における生活オリエンテーション', en: 'Life orientation in the community' },
  '4': {
    ja: '災害時の外国人への情報伝達・防災',
    en: 'Information and disaster prevention for foreigners in a disaster',
  },
  '5': { ja: '外国人の子どもの就学支援', en: 'School enrollment support for foreign children' },
  '6': { ja: '一元的相談窓口の地方負担', en: 'Local share of the one-stop consultation desk' },
  '7': { ja: '地域日本語教育の地方負担', en: 'Local share of local Japanese-language education' },
  G: { ja: 'その他の外国人住民支援（普通交付税）', en: 'Other support for foreign residents (ordinary grant tax)' },
  N: { ja: '対象外', en: 'Not eligible' },
};

const measures: Record<GrantTaxCategory, Partial<Record<BearingBodyKind, GrantTaxMeasure>>> = {
  '1': { municipality: 'special_grant_tax' },
  '2': { municipality: 'special_grant_tax' },
  '3': { municipality: 'special_grant_tax' },
  '4': { prefecture: 'special_grant_tax', municipality: 'special_grant_tax' },
  '5': { prefecture: 'special_grant_tax', municipality: 'special_grant_tax' },
  '6': { prefecture: 'ordinary_grant_tax', municipality: 'special_grant_tax' },
  '7': { municipality: 'special_grant_tax' },
  G: { prefecture: 'ordinary_grant_tax', municipality: 'ordinary_grant_tax' },
  N: {},
};

export type Eligibility =
  | { kind: 'eligible'; measure: GrantTaxMeasure }
  /** Category N: recorded, claimed under no measure. */
  | { kind: 'not_claimed' }
  /** The table does not allow this category for this kind of body: a coordinator must look. */
  | { kind: 'flagged'; reason: Localized };

export const grantTaxMeasureNames: Record<GrantTaxMeasure, Localized> = {
  special_grant_tax: { ja: '特別交付税', en: 'Special grant tax' },
  ordinary_grant_tax: { ja: '普通交付税', en: 'Ordinary grant tax' },
};

/** The kind of body in a sentence ("borne by a prefecture"). */
export const bearerNames: Record<BearingBodyKind, Localized> = {
  prefecture: { ja: '都道府県', en: 'a prefecture' },
  municipality: { ja: '市区町村', en: 'a municipality' },
};

export function eligibility(category: GrantTaxCategory, bearer: BearingBodyKind): Eligibility {
  if (category === 'N') return { kind: 'not_claimed' };
  const measure = measures[category][bearer];
  if (measure) return { kind: 'eligible', measure };
  const name = grantTaxCategoryNames[category];
  return {
    kind: 'flagged',
    reason: {
      ja: `区分${category}（${name.ja}）は、表では${bearerNames[bearer].ja}が負担できません。`,
      en: `Category ${category} (${name.en}) cannot be borne by ${bearerNames[bearer].en} under the table.`,
    },
  };
}

/** Why a public body asks for an interpreter; the purpose suggests a category. */
export const requestPurposes = [
  'consultation_desk',
  'administrative_translation',
  'life_orientation',
  'disaster',
  'school_enrollment',
  'one_stop_desk',
  'japanese_class',
  'other_support',
  'other',
] as const;
export type RequestPurpose = (typeof requestPurposes)[number];

const suggestions: Record<RequestPurpose, GrantTaxCategory> = {
  consultation_desk: '1',
  administrative_translation: '1',
  life_orientation: '3',
  disaster: '4',
  school_enrollment: '5',
  one_stop_desk: '6',
  japanese_class: '7',
  other_support: 'G',
  other: 'N',
};

/**
 * The category a purpose suggests for the body that bears the cost. Where the table does not allow
 * the purpose's own category for that kind of body (a prefecture's consultation desk, say: item 1 is
 * the municipalities'), G: the ordinary grant tax counts consultation and other support for foreign
 * residents for prefectures and municipalities alike.
 */
export function suggestCategory(purpose: RequestPurpose, bearer: BearingBodyKind): GrantTaxCategory {
  const category = suggestions[purpose];
  return eligibility(category, bearer).kind === 'flagged' ? 'G' : category;
}

/** What the grant-tax table says of a category chosen for a request, and what to take instead. */
export interface CategoryAdvice {
  /** The category the purpose suggests for this bearing body: always one it may claim. */
  suggested: GrantTaxCategory;
  chosen: GrantTaxCategory;
  eligibility: Eligibility;
  /** When the chosen category is flagged: the eligible one to take in its place (the suggestion). */
  instead: GrantTaxCategory | null;
}

/**
 * Advice for a category chosen (or, with none, suggested) for a request of this purpose whose cost
 * the body of this kind bears: the form and the screening show it, and the API refuses with it.
 */
export function adviseCategory(
  purpose: RequestPurpose,
  bearer: BearingBodyKind,
  chosen: GrantTaxCategory | null = null,
): CategoryAdvice {
  const suggested = suggestCategory(purpose, bearer);
  const category = chosen ?? suggested;
  const judged = eligibility(category, bearer);
  return { suggested, chosen: category, eligibility: judged, instead: judged.kind === 'flagged' ? suggested : null };
}
