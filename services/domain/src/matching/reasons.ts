import { languageLevelWords } from '../glossary';
import type { LanguageLevel } from './score';

export type Direction = 'interpretation' | 'translation_into_japanese' | 'translation_from_japanese';

export interface ReasonFacts {
  languageName: { ja: string; en: string };
  level: LanguageLevel;
  direction: Direction;
  /** The availability window that holds the request, as HH:mm in Asia/Tokyo; null for translation. */
  freeFrom: string | null;
  freeUntil: string | null;
  distanceKm: number | null;
  recentAssignments: number;
  specialty: { name: { ja: string; en: string }; match: boolean } | null;
}

const levelWords: Record<LanguageLevel, { ja: string; en: string }> = {
  native: { ja: languageLevelWords.native.ja, en: 'native' },
  fluent: { ja: '流暢', en: 'fluent' },
  business: { ja: 'ビジネス', en: 'business-level' },
  conversational: { ja: '日常会話', en: 'conversational' },
};

const directionWords: Record<Direction, { ja: string; en: string }> = {
  interpretation: { ja: '通訳', en: 'interpretation' },
  translation_into_japanese: { ja: '日本語への翻訳', en: 'translation into Japanese' },
  translation_from_japanese: { ja: '日本語からの翻訳', en: 'translation from Japanese' },
};

/**
 * Why a candidate is on the list, in the coordinator's language:
 * "fluent Vietnamese, interpretation; free 10:00–12:00; 4.2 km; 1 assignment in 30 days".
 */
export function describeCandidate(facts: ReasonFacts, locale: 'ja' | 'en'): string {
  const parts: string[] = [];
  const level = levelWords[facts.level][locale];
  const direction = directionWords[facts.direction][locale];
  parts.push(
    locale === 'ja'
      ? `${facts.languageName.ja}（${level}）・${direction}`
      : `${level} ${facts.languageName.en}, ${direction}`,
  );
  if (facts.freeFrom && facts.freeUntil) {
    parts.push(
      locale === 'ja' ? `${facts.freeFrom}〜${facts.freeUntil} 対応可` : `free ${facts.freeFrom}–${facts.freeUntil}`,
    );
  }
  if (facts.specialty?.match)
    parts.push(locale === 'ja' ? `専門: ${facts.specialty.name.ja}` : `${facts.specialty.name.en} specialty`);
  parts.push(
    facts.distanceKm === null ? (locale === 'ja' ? 'リモート対応' : 'remote') : `${facts.distanceKm.toFixed(1)} km`,
  );
  const count = facts.recentAssignments;
  parts.push(
    locale === 'ja' ? `直近30日の派遣 ${count}件` : `${count} ${count === 1 ? 'assignment' : 'assignments'} in 30 days`,
  );
  return parts.join(locale === 'ja' ? '／' : '; ');
}
