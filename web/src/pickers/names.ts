import { useLocale } from '../i18n';

/** A name in the page's language; places without an English name keep their Japanese one. */
export function useLocalName() {
  const { locale } = useLocale();
  return (named: { nameJa: string; nameEn: string | null }) =>
    locale === 'en' ? (named.nameEn ?? named.nameJa) : named.nameJa;
}
