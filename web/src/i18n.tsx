import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

export const locales = ['ja', 'en'] as const;
export type Locale = (typeof locales)[number];

/**
 * Messages in both languages, with the same keys: Japanese sets the shape and English must match
 * it key for key (a missing or extra message is a type error). Values are strings, or functions
 * for messages with parameters.
 */
export function bilingual<Messages extends object>(messages: {
  ja: Messages;
  en: NoInfer<Messages>;
}): { ja: Messages; en: Messages } {
  return messages;
}

const storageKey = 'tsunagu.locale';

export const isLocale = (value: unknown): value is Locale => value === 'ja' || value === 'en';

/** Before sign-in: what this browser chose last, else what it prefers, else Japanese. */
export function browserLocale(): Locale {
  try {
    const stored = localStorage.getItem(storageKey);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be off (private mode); the browser's language still answers.
  }
  return navigator.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

function rememberLocale(locale: Locale) {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Nothing to remember it in: the choice lasts for this page.
  }
}

interface LocaleState {
  locale: Locale;
  /** Changes the language of the page and remembers it in this browser. */
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleState | null>(null);

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(browserLocale);
  const setLocale = useCallback((next: Locale) => {
    rememberLocale(next);
    setLocaleState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale outside LocaleProvider');
  return state;
}

/** The messages of a dictionary in the page's language. */
export function useMessages<Messages>(dictionary: { ja: Messages; en: Messages }): Messages {
  return dictionary[useLocale().locale];
}

const tokyo = 'Asia/Tokyo';
const tags: Record<Locale, string> = { ja: 'ja-JP', en: 'en-GB' };

/** Dates and times are always shown in Japan time, whatever the device's zone. */
export function useFormat() {
  const { locale } = useLocale();
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(tags[locale], {
      timeZone: tokyo,
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    const date = new Intl.DateTimeFormat(tags[locale], { timeZone: tokyo, dateStyle: 'medium' });
    const weekdayDate = new Intl.DateTimeFormat(tags[locale], {
      timeZone: tokyo,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      weekday: 'short',
    });
    const time = new Intl.DateTimeFormat(tags[locale], { timeZone: tokyo, timeStyle: 'short' });
    return {
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      /** A calendar day (YYYY-MM-DD) as it is in Japan. */
      day: (isoDate: string) => date.format(new Date(`${isoDate}T00:00:00+09:00`)),
      weekdayDay: (iso: string) => weekdayDate.format(new Date(iso)),
      time: (iso: string) => time.format(new Date(iso)),
      /** A window on one day: "2026年5月12日 13:00–16:00". */
      window: (startsAt: string, endsAt: string | null) =>
        endsAt
          ? `${weekdayDate.format(new Date(startsAt))} ${time.format(new Date(startsAt))}–${time.format(new Date(endsAt))}`
          : dateTime.format(new Date(startsAt)),
    };
  }, [locale]);
}
