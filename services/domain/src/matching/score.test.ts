import { describe, expect, test } from 'vitest';
import { type CandidateFacts, scoreCandidate, weights } from './score';

const typical: CandidateFacts = {
  level: 'fluent',
  specialtyMatch: null,
  distanceKm: 5,
  recentAssignments: 1,
  offersAccepted: 8,
  offersMade: 10,
  noShows: 0,
};

describe('ranking candidates who can all go', () => {
  test.each([
    ['a native speaker ranks above a fluent one', { level: 'native' }, { level: 'fluent' }],
    ['a fluent speaker ranks above a conversational one', { level: 'fluent' }, { level: 'conversational' }],
    [
      'the medical interpreter ranks above one without the specialty',
      { specialtyMatch: true },
      { specialtyMatch: false },
    ],
    ['someone 2 km away ranks above someone 30 km away', { distanceKm: 2 }, { distanceKm: 30 }],
    [
      'someone with no assignment this month ranks above someone with four',
      { recentAssignments: 0 },
      { recentAssignments: 4 },
    ],
    [
      'someone who accepts most offers ranks above someone who declines most',
      { offersAccepted: 9 },
      { offersAccepted: 2 },
    ],
    ['a no-show costs rank', { noShows: 0 }, { noShows: 1 }],
  ] as const)('%s', (_scenario, better, worse) => {
    expect(scoreCandidate({ ...typical, ...better }).total).toBeGreaterThan(
      scoreCandidate({ ...typical, ...worse }).total,
    );
  });

  test('the parts add up to the total, and the best possible candidate scores 100', () => {
    const best = scoreCandidate({
      level: 'native',
      specialtyMatch: true,
      distanceKm: 0,
      recentAssignments: 0,
      offersAccepted: 5,
      offersMade: 5,
      noShows: 0,
    });
    expect(best.total).toBe(100);
    const { parts, total } = scoreCandidate(typical);
    expect(parts.level + parts.specialty + parts.distance + parts.fairness + parts.reliability).toBeCloseTo(total, 0);
    expect(Object.values(weights).reduce((sum, weight) => sum + weight, 0)).toBe(100);
  });

  test('remote work gets full marks for distance, and a newcomer is not ranked last for having no history', () => {
    expect(scoreCandidate({ ...typical, distanceKm: null }).parts.distance).toBe(weights.distance);
    const newcomer = scoreCandidate({ ...typical, offersAccepted: 0, offersMade: 0 });
    const decliner = scoreCandidate({ ...typical, offersAccepted: 1, offersMade: 10 });
    expect(newcomer.total).toBeGreaterThan(decliner.total);
  });

  test('beyond 50 km distance adds nothing, and never takes away', () => {
    expect(scoreCandidate({ ...typical, distanceKm: 80 }).parts.distance).toBe(0);
  });

  test('many no-shows floor reliability at zero rather than going negative', () => {
    expect(scoreCandidate({ ...typical, noShows: 9 }).parts.reliability).toBe(0);
  });
});
