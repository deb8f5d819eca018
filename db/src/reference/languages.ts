import type { languages } from '../schema';

/**
 * The languages a Japanese dispatch service handles, most asked for first. Seed 001 gives foreign
 * residents per prefecture only, not per nationality, so the order follows the nationalities that
 * issue 3 names in order (Chinese, Vietnamese, Filipino, Nepali, Portuguese, Korean, Indonesian,
 * Thai, English, Spanish), then the other large resident communities of Japan (Myanmar, Sri Lanka,
 * India, Bangladesh, Cambodia, Mongolia, Pakistan, Uzbekistan), then the rest. Japanese comes first
 * because it is one side of nearly every pair; Japanese Sign Language follows the ten most asked.
 *
 * Filipino is `fil`, not `tl`: `tl` is Tagalog, while the language of the Philippines that
 * interpreters offer is Filipino, which has no ISO 639-1 code (so the 639-2/3 code applies, as for
 * `jsl`), and `fil` is the code CLDR and `Intl` use for it (ICU maps `tl` to it).
 */
const languageCodes = [
  'ja',
  'zh',
  'vi',
  'fil',
  'ne',
  'pt',
  'ko',
  'id',
  'th',
  'en',
  'es',
  'jsl',
  'my',
  'si',
  'hi',
  'bn',
  'km',
  'mn',
  'ur',
  'uz',
  'ta',
  'ms',
  'lo',
  'ru',
  'uk',
  'fr',
  'de',
  'it',
  'ar',
  'fa',
  'tr',
] as const;

/** Intl has no names for Japanese Sign Language. */
const ownNames: Partial<Record<(typeof languageCodes)[number], { nameJa: string; nameEn: string }>> = {
  jsl: { nameJa: '日本手話', nameEn: 'Japanese Sign Language' },
};

export function languageRows(): Array<typeof languages.$inferInsert> {
  const japanese = new Intl.DisplayNames(['ja'], { type: 'language', fallback: 'none' });
  const english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  return languageCodes.map((code, index) => {
    const names = ownNames[code] ?? { nameJa: japanese.of(code), nameEn: english.of(code) };
    if (!names.nameJa || !names.nameEn) throw new Error(`Intl has no Japanese or English name for language ${code}`);
    return { code, nameJa: names.nameJa, nameEn: names.nameEn, sortOrder: index + 1 };
  });
}
