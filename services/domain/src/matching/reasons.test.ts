import { expect, test } from 'vitest';
import { describeCandidate, type ReasonFacts } from './reasons';

const vietnamese: ReasonFacts = {
  languageName: { ja: 'ベトナム語', en: 'Vietnamese' },
  level: 'fluent',
  direction: 'interpretation',
  freeFrom: '10:00',
  freeUntil: '12:00',
  distanceKm: 4.23,
  recentAssignments: 1,
  specialty: null,
};

test('a coordinator reads why a candidate is listed, in English', () => {
  expect(describeCandidate(vietnamese, 'en')).toBe(
    'fluent Vietnamese, interpretation; free 10:00–12:00; 4.2 km; 1 assignment in 30 days',
  );
});

test('…and in Japanese', () => {
  expect(describeCandidate(vietnamese, 'ja')).toBe(
    'ベトナム語（流暢）・通訳／10:00〜12:00 対応可／4.2 km／直近30日の派遣 1件',
  );
});

test('remote work, a matching specialty and several assignments read naturally', () => {
  const facts: ReasonFacts = {
    ...vietnamese,
    level: 'native',
    distanceKm: null,
    recentAssignments: 3,
    specialty: { name: { ja: '医療', en: 'medical' }, match: true },
  };
  expect(describeCandidate(facts, 'en')).toBe(
    'native Vietnamese, interpretation; free 10:00–12:00; medical specialty; remote; 3 assignments in 30 days',
  );
});
