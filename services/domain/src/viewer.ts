/** Who is asking, and through which links they may act. A person may hold several roles at once. */
export interface Viewer {
  userId: string | null;
  locale: 'ja' | 'en';
  /** Requesting staff: their organization. */
  organizationId: string | null;
  volunteerId: string | null;
  /** Associations where the viewer coordinates (admins coordinate too). */
  coordinatorOf: string[];
  adminOf: string[];
}

export const anonymous: Viewer = {
  userId: null,
  locale: 'ja',
  organizationId: null,
  volunteerId: null,
  coordinatorOf: [],
  adminOf: [],
};

/**
 * The language a person reads, from the Accept-Language the app sends (its language switch, else
 * the browser's): the first of Japanese or English by preference, else `otherwise` — the
 * account's language for a client that names neither, Japanese for anyone signed out.
 */
export function localeFromAcceptLanguage(header: string | null, otherwise: 'ja' | 'en' = 'ja'): 'ja' | 'en' {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [range = '', ...parameters] = part.trim().toLowerCase().split(';');
      const q = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith('q='));
      return { language: range.split('-')[0], weight: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const chosen = ranked.find((entry) => entry.language === 'ja' || entry.language === 'en');
  return chosen ? (chosen.language as 'ja' | 'en') : otherwise;
}

export const isCoordinator = (viewer: Viewer) => viewer.coordinatorOf.length > 0;
export const isAdmin = (viewer: Viewer) => viewer.adminOf.length > 0;
export const isRequester = (viewer: Viewer) => viewer.organizationId !== null;
export const isVolunteer = (viewer: Viewer) => viewer.volunteerId !== null;
