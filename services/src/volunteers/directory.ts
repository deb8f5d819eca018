import { schema } from '@tsunagu/db';
import type { Viewer } from '@tsunagu/domain';
import { tenancyOf } from '@tsunagu/domain';
import { sql } from 'drizzle-orm';

type LanguageLevel = (typeof schema.languageLevel.enumValues)[number];
type Specialty = (typeof schema.specialty.enumValues)[number];
type VolunteerStatus = (typeof schema.volunteerStatus.enumValues)[number];

/** What a coordinator looks for in the volunteer directory; every part is optional and they combine. */
export interface DirectorySearch {
  /** Part of the full name, any case. */
  name?: string | null;
  languageCode?: string | null;
  /** At least this level in `languageCode` (in any language when no code is given). */
  level?: LanguageLevel | null;
  /** Lists this prefecture or municipality (by its national code) among their areas. */
  regionCode?: string | null;
  specialty?: Specialty | null;
  status?: VolunteerStatus | null;
}

/** Levels from the best down: asking for "business" finds native and fluent speakers too. */
const levelsBestFirst: readonly LanguageLevel[] = schema.languageLevel.enumValues;

export function levelsAtLeast(level: LanguageLevel): LanguageLevel[] {
  return levelsBestFirst.slice(0, levelsBestFirst.indexOf(level) + 1);
}

/** `%` and `_` typed in a name are letters, not patterns. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/**
 * Which volunteers a coordinator finds in the directory (a `where` of the relational query): the
 * members of the associations they coordinate, and the active members of partners that accepted,
 * while the coordinator's association has a request opened to partners that is not done — the
 * same reach as the Volunteer type's scope (`coordinatesPartnerOf`), so that every row found can
 * be read. Every filter but the name is an indexed lookup (memberships, languages, regions,
 * status); the name is matched among the rows those leave.
 */
export function volunteerDirectoryWhere(viewer: Viewer, search: DirectorySearch) {
  const coordinated = tenancyOf(viewer, 'coordinator').associationIds;
  const name = search.name?.trim();
  const levels = search.level ? levelsAtLeast(search.level) : null;
  const inCoordinated = sql.join(
    coordinated.map((id) => sql`${id}`),
    sql`, `,
  );
  return {
    memberships:
      coordinated.length === 0
        ? { associationId: { in: [] } }
        : {
            OR: [
              { associationId: { in: coordinated } },
              {
                status: 'active' as const,
                RAW: (membership: typeof schema.volunteerMemberships) => sql`exists (
                  select 1 from association_partners p
                  where p.partner_id = ${membership.associationId} and p.status = 'accepted'
                    and p.association_id in (${inCoordinated})
                    and exists (
                      select 1 from requests r
                      where r.association_id = p.association_id and r.status in ('filed', 'open', 'filled')
                        and (r.open_to_partners or r.widened_at is not null)))`,
              },
            ],
          },
    ...(search.status ? { status: search.status } : {}),
    ...(search.specialty
      ? { RAW: (volunteers: typeof schema.volunteers) => sql`${search.specialty} = any(${volunteers.specialties})` }
      : {}),
    ...(name ? { fullName: { ilike: likePattern(name) } } : {}),
    ...(search.languageCode || levels
      ? {
          languages: {
            ...(search.languageCode ? { languageCode: search.languageCode } : {}),
            ...(levels ? { level: { in: levels } } : {}),
          },
        }
      : {}),
    ...(search.regionCode ? { regions: { localGovernmentCode: search.regionCode } } : {}),
  };
}
