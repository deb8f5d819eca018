/**
 * Ranking of volunteers who passed every hard filter. Pure: the SQL gathers the facts, this turns
 * them into one number and the reasons a coordinator reads beside each name.
 */

export type LanguageLevel = 'native' | 'fluent' | 'business' | 'conversational';

export interface CandidateFacts {
  level: LanguageLevel;
  /** The request names a specialty and the volunteer has it. */
  specialtyMatch: boolean | null;
  /** From the volunteer's home office to the request's office; null for remote work. */
  distanceKm: number | null;
  /** Assignments in the 30 days before the request: fewer ranks higher, to share the work. */
  recentAssignments: number;
  /** Offers answered yes, and offers made, over the past year. */
  offersAccepted: number;
  offersMade: number;
  noShows: number;
}

export interface Score {
  total: number;
  parts: { level: number; specialty: number; distance: number; fairness: number; reliability: number };
}

/** How much each part weighs, out of 100. */
export const weights = { level: 30, specialty: 15, distance: 20, fairness: 20, reliability: 15 } as const;

const levelValue: Record<LanguageLevel, number> = { native: 1, fluent: 0.85, business: 0.6, conversational: 0.3 };

/** Beyond this distance the distance part is zero (the hard filter already bounds travel). */
const farKm = 50;

export function scoreCandidate(facts: CandidateFacts): Score {
  const level = weights.level * levelValue[facts.level];
  const specialty =
    facts.specialtyMatch === null ? weights.specialty / 2 : facts.specialtyMatch ? weights.specialty : 0;
  // Remote work has no travel: full marks.
  const distance =
    facts.distanceKm === null ? weights.distance : weights.distance * Math.max(0, 1 - facts.distanceKm / farKm);
  const fairness = weights.fairness / (1 + facts.recentAssignments);
  // Someone new gets the benefit of the doubt (0.8), and each no-show costs a fifth.
  const acceptance = facts.offersMade === 0 ? 0.8 : facts.offersAccepted / facts.offersMade;
  const reliability = weights.reliability * Math.max(0, acceptance - 0.2 * facts.noShows);
  const parts = { level, specialty, distance, fairness, reliability };
  return { total: round(level + specialty + distance + fairness + reliability), parts: mapValues(parts, round) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function mapValues<T extends Record<string, number>>(values: T, map: (value: number) => number): T {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, map(value)])) as T;
}
