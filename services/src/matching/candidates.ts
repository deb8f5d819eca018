import type { Db } from '@tsunagu/db';
import {
  busyRange,
  byHandRefusal,
  type Clock,
  type Direction,
  describeCandidate,
  ForbiddenError,
  found,
  type LanguageLevel,
  mayActOn,
  NotFoundError,
  type PaperworkItem,
  type PaperworkPolicy,
  paperworkHolds,
  readPolicy,
  type Specialty,
  scoreCandidate,
  tokyo,
  travelBufferMinutes,
  ValidationError,
  type Viewer,
} from '@tsunagu/domain';
import { type SQL, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { associationsReachedBy } from '../associations/partnerships';

/** Levels from the strongest down: a volunteer at the minimum level or above passes. */
const levelsStrongestFirst: LanguageLevel[] = ['native', 'fluent', 'business', 'conversational'];

/** Below this level nobody is offered the work: a coordinator can still ask someone directly. */
export const minimumLevel: LanguageLevel = 'business';

/** The fairness part counts assignments in this many days before the request. */
const recentDays = 30;
/** No-shows count against reliability for this long. */
const reliabilityDays = 365;
/** How many candidates a coordinator sees unless they ask for more. */
const defaultLimit = 50;
const maxLimit = 200;

export interface Candidate {
  volunteerId: string;
  score: number;
  /** Why the volunteer is on the list, in the viewer's language. */
  reasons: string;
  /** From the volunteer's home office to the request's office; null unless on site. */
  distanceKm: number | null;
}

export interface RankOptions {
  now: DateTime;
  locale: 'ja' | 'en';
  limit: number;
  /** Only these volunteers: whether an applicant, or the volunteer reading the open board, fits. */
  volunteerIds?: string[];
  /**
   * Dispatch widens the search once its waves ran out: partner associations' volunteers too, and
   * on site, neighbouring areas (a region anywhere in the prefecture, or twice the travel distance).
   */
  widened?: boolean;
  /**
   * The volunteers who pass every filter but the paperwork policy's instead: held back for lapsed
   * or missing papers, for the coordinators to see why (dispatch never offers them work).
   */
  heldBack?: boolean;
}

/** What the one candidates query returns per volunteer. */
interface CandidateRow {
  volunteer_id: string;
  level: LanguageLevel;
  pair_level: LanguageLevel | null;
  free_from: number | null;
  free_until: number | null;
  distance_km: number | null;
  specialty_match: boolean | null;
  recent_assignments: number;
  no_shows: number;
  offers_made: number;
  offers_accepted: number;
}

/**
 * The volunteers who pass every hard filter for a request, best first, each with a score and its
 * reasons in words. The filters run in one SQL statement; the score and the reasons are pure.
 */
export async function rankCandidates(
  db: Db,
  requestId: string,
  { now, locale, limit, volunteerIds, widened = false, heldBack = false }: RankOptions,
): Promise<Candidate[]> {
  const request = found(
    await db.query.requests.findFirst({
      where: { id: requestId },
      with: {
        language: { columns: { nameJa: true, nameEn: true } },
        association: { columns: { policy: true } },
        localGovernment: { columns: { latitude: true, longitude: true, prefectureCode: true, parentCode: true } },
      },
    }),
    'Request',
    requestId,
  );
  if (request.routing === 'not_offered') return [];

  const direction: Direction =
    request.modality !== 'translation'
      ? 'interpretation'
      : request.translationDirection === 'from_japanese'
        ? 'translation_from_japanese'
        : 'translation_into_japanese';

  // The instant the work is about: an interpreting request's start, a translation's deadline.
  const startsAt = request.startsAt ?? request.deadline;
  if (!startsAt) throw new Error('a request has a start or a deadline');
  const start = DateTime.fromJSDate(startsAt, { zone: tokyo });
  const date = start.toISODate();
  if (!date) throw new Error('a request start is a valid date');
  // A translation is done at the volunteer's own pace, so fairness looks back from today.
  const recentUntil = request.modality === 'translation' ? now : start;

  const busy = busyRange(request);
  const timeFilters =
    busy && request.endsAt ? availabilityFilters(request.id, start, request.endsAt, date, busy) : null;
  const placeFilter = placeFilterFor(
    request.modality,
    request.localGovernment && request.localGovernmentCode
      ? { code: request.localGovernmentCode, ...request.localGovernment }
      : null,
    widened,
  );
  // The language, the levels and the direction are written into the statement as literals, not
  // sent as parameters: the statement is prepared, and a plan cached for a parameter would be made
  // for a language of average size, probing availability one by one for the 11,000 who speak
  // Chinese (pnpm bench matching). One statement per language keeps what the plan expects right.
  const strongEnough = levelsStrongestFirst.slice(0, levelsStrongestFirst.indexOf(minimumLevel) + 1);
  const levels = sql.raw(strongEnough.map((level) => `'${level}'::language_level`).join(', '));
  const work = sql.raw(`'${direction}'::language_direction`);
  // Japanese is the interpreter's working language: only the other side of a Japanese ↔ X pair is checked.
  const pairJoin =
    request.pairLanguageCode === 'ja'
      ? sql`left join volunteer_languages pair on false`
      : sql`join volunteer_languages pair on pair.volunteer_id = lang.volunteer_id
          and pair.language_code = ${languageLiteral(request.pairLanguageCode)}
          and pair.level in (${levels})
          and ${work} = any(pair.directions)`;

  // Whose members may take it: the request's association, and its partners when opened to them.
  const associations = sql.join(
    (await associationsReachedBy(db, request, request.openToPartners || widened)).map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const month = start.startOf('month');
  const papersHold = paperworkFilters(readPolicy(request.association.policy).paperwork, date);
  // A paper never recorded is null, and so is the test: only one that holds lets a volunteer through.
  const paperwork = heldBack ? sql`and not coalesce((true ${papersHold}), false)` : papersHold;

  // In steps the planner cannot interleave (materialized): `speakers` are members of an association
  // that may take it, speak the language well enough for the work and are free at that time of the
  // week, read from one index alone (matching_speakers); `candidate` checks each of them against
  // the other filters; only for those who pass are the window held, the counts and the offer history
  // looked up (pnpm bench matching --explain).
  const result = await db.execute(sql`
    with speakers as materialized (
      -- Distinct: a member of two of the associations is listed under each.
      select distinct lang.volunteer_id, lang.level, pair.level as pair_level, lang.weekly_free
      from matching_speakers lang
      ${pairJoin}
      where lang.association_id in (${associations})
        and lang.language_code = ${languageLiteral(request.languageCode)}
        and lang.level in (${levels})
        and ${work} = any(lang.directions)
        ${
          volunteerIds
            ? sql`and lang.volunteer_id in (${
                volunteerIds.length > 0
                  ? sql.join(
                      volunteerIds.map((id) => sql`${id}::uuid`),
                      sql`, `,
                    )
                  : sql`null`
              })`
            : sql``
        }
        ${timeFilters?.free ?? sql``}
    ),
    candidate as materialized (
      select v.id, v.specialties, s.level, s.pair_level, s.weekly_free, ${placeFilter.distance} as distance_km
      from speakers s
      join volunteers v on v.id = s.volunteer_id
      ${placeFilter.home}
      where v.status = 'active'
        and not exists (
          select 1 from bans b where b.volunteer_id = v.id and b.organization_id = ${request.organizationId})
        and (v.monthly_cap is null
          or ${assignmentsStarting(sql`v.id`, 'worked', month, month.plus({ months: 1 }))} < v.monthly_cap)
        ${
          request.requiredCertificateKind
            ? sql`and exists (
                select 1 from certificates c
                where c.volunteer_id = v.id and c.kind = ${request.requiredCertificateKind}
                  and (c.issued_on is null or c.issued_on <= ${date}::date)
                  and (c.expires_on is null or c.expires_on >= ${date}::date))`
            : sql``
        }
        ${paperwork}
        ${timeFilters?.where ?? sql``}
        and ${placeFilter.where}
    )
    select
      c.id as volunteer_id,
      c.level,
      c.pair_level,
      ${timeFilters ? sql`window_held.start_minute` : sql`null::int`} as free_from,
      ${timeFilters ? sql`window_held.end_minute` : sql`null::int`} as free_until,
      c.distance_km,
      ${request.specialty ? sql`${request.specialty}::specialty = any(c.specialties)` : sql`null::boolean`} as specialty_match,
      ${assignmentsStarting(sql`c.id`, 'worked', recentUntil.minus({ days: recentDays }), recentUntil)} as recent_assignments,
      ${assignmentsStarting(sql`c.id`, 'no_show', start.minus({ days: reliabilityDays }), start)} as no_shows,
      offer_history.made as offers_made,
      offer_history.accepted as offers_accepted
    from candidate c
    ${timeFilters?.windowHeld ?? sql``}
    cross join lateral (
      select count(*)::int as made, (count(*) filter (where o.status = 'accepted'))::int as accepted
      from offers o
      where o.volunteer_id = c.id and o.status in ('accepted', 'declined', 'expired')
        and o.created_at >= ${iso(now.minus({ days: reliabilityDays }))}::timestamptz) offer_history
  `);

  const languageName = { ja: request.language.nameJa, en: request.language.nameEn };
  const specialty = request.specialty ? { name: specialtyNames[request.specialty] } : null;
  const scored = rowsOf<CandidateRow>(result).map((row) => {
    const level = weaker(row.level, row.pair_level);
    const distanceKm = row.distance_km === null ? null : Number(row.distance_km);
    const score = scoreCandidate({
      level,
      specialtyMatch: row.specialty_match,
      distanceKm,
      recentAssignments: row.recent_assignments,
      // Answered and expired offers of the past year; one still open or taken back says nothing.
      offersAccepted: row.offers_accepted,
      offersMade: row.offers_made,
      noShows: row.no_shows,
    });
    return { row, level, distanceKm, score: score.total };
  });
  // Reasons in words for those shown only: a common language can pass a thousand volunteers.
  return scored
    .sort((a, b) => b.score - a.score || a.row.volunteer_id.localeCompare(b.row.volunteer_id))
    .slice(0, limit)
    .map(({ row, level, distanceKm, score }) => {
      const reasons = describeCandidate(
        {
          languageName,
          level,
          direction,
          freeFrom: row.free_from === null ? null : clockTime(row.free_from),
          freeUntil: row.free_until === null ? null : clockTime(row.free_until),
          distanceKm,
          recentAssignments: row.recent_assignments,
          specialty: specialty && { ...specialty, match: row.specialty_match === true },
        },
        locale,
      );
      return { volunteerId: row.volunteer_id, score, reasons, distanceKm };
    });
}

/**
 * The requesting association's paperwork policy (the same rule as `paperworkHolds`): a required
 * registration or insurance valid on the day of the work, a required pledge signed. Columns of the
 * volunteer row already read, so no index or extra lookup is needed.
 */
function paperworkFilters(policy: PaperworkPolicy, date: string): SQL {
  return sql.join(
    [
      policy.requireRegistration ? sql`and v.registration_expires_on >= ${date}::date` : null,
      policy.requireInsurance ? sql`and v.insurance_enrolled_until >= ${date}::date` : null,
      policy.requirePledge ? sql`and v.confidentiality_pledge_signed_at is not null` : null,
    ].filter((filter): filter is SQL => filter !== null),
    sql` `,
  );
}

/**
 * Free for the whole window: the volunteer's weekly free time holds it (touching its start and end
 * is enough; windows that touch count as one, also over midnight within the week), no day off and
 * no national holiday off that day, and no confirmed assignment to another request whose busy range
 * overlaps the request's.
 */
function availabilityFilters(
  requestId: string,
  start: DateTime,
  endsAt: Date,
  date: string,
  busy: { from: Date; until: Date },
) {
  // Minutes of the week from Monday 00:00, as volunteer_languages.weekly_free holds them.
  const dayStart = (start.weekday - 1) * 24 * 60;
  const startMinute = start.hour * 60 + start.minute;
  const endMinute = Math.round(
    DateTime.fromJSDate(endsAt, { zone: tokyo }).diff(start.startOf('day'), 'minutes').minutes,
  );
  const window = sql`int4range(${dayStart + startMinute}, ${dayStart + endMinute})`;
  return {
    // The free stretch that holds the request, as times of the request's day for the reasons.
    windowHeld: sql`cross join lateral (
        select greatest(lower(free) - ${dayStart}, 0) as start_minute,
          least(upper(free) - ${dayStart}, ${Math.max(24 * 60, endMinute)}) as end_minute
        from unnest(c.weekly_free) free
        where free @> ${window}) window_held`,
    free: sql`and lang.weekly_free @> ${window}`,
    where: sql`
      and not exists (
        select 1 from days_off d where d.volunteer_id = v.id and d.starts_on <= ${date}::date and d.ends_on >= ${date}::date)
      and not (v.holidays_off and exists (select 1 from holidays h where h.date = ${date}::date))
      and not exists (
        select 1 from assignments a
        where a.volunteer_id = v.id and a.status = 'confirmed' and a.busy_from is not null
          and a.request_id <> ${requestId}
          and tstzrange(a.busy_from, a.busy_until, '[)')
            && tstzrange(${busy.from.toISOString()}::timestamptz, ${busy.until.toISOString()}::timestamptz, '[)'))`,
  };
}

/**
 * How many of a volunteer's assignments (confirmed or completed, or no-shows) are for requests that
 * start in `[from, until)`, read from the assignments alone. Every assignment's busy range is
 * busyRange(its request), which starts at most the travel buffer before the request does; so an
 * assignment whose busy range starts well inside the period counts at once, one far outside it does
 * not, and only one within a buffer of either end is checked against its request. (A translation's
 * assignment has no busy range and no start, and never counts.)
 */
function assignmentsStarting(volunteer: SQL, kind: 'worked' | 'no_show', from: DateTime, until: DateTime): SQL {
  const statuses = kind === 'worked' ? sql`a.status in ('confirmed', 'completed')` : sql`a.status = 'no_show'`;
  const buffer = { minutes: travelBufferMinutes };
  return sql`(select count(*)::int from assignments a
    where a.volunteer_id = ${volunteer} and ${statuses}
      and a.busy_from >= ${iso(from.minus(buffer))}::timestamptz and a.busy_from < ${iso(until)}::timestamptz
      and (a.busy_from >= ${iso(from)}::timestamptz and a.busy_from < ${iso(until.minus(buffer))}::timestamptz
        or exists (
          select 1 from requests r
          where r.id = a.request_id and r.starts_at >= ${iso(from)}::timestamptz and r.starts_at < ${iso(until)}::timestamptz)))`;
}

interface RequestPlace {
  code: string;
  latitude: number;
  longitude: number;
  prefectureCode: string;
  parentCode: string | null;
}

/**
 * On site: a region of the volunteer covers the municipality (or, for a ward, its designated city;
 * or its prefecture), or the request's office is within the volunteer's travel distance of their
 * home office. Remote: remote-capable. Translation: anyone.
 */
function placeFilterFor(modality: 'on_site' | 'remote' | 'translation', place: RequestPlace | null, widened: boolean) {
  const nowhere = { distance: sql`null::float8`, home: sql`` };
  if (modality === 'remote') return { ...nowhere, where: sql`v.remote_capable` };
  if (modality === 'translation') return { ...nowhere, where: sql`true` };
  if (!place) return { ...nowhere, where: sql`false` };
  const distance = greatCircleKm(sql`home.latitude`, sql`home.longitude`, place.latitude, place.longitude);
  return {
    distance,
    // Where the volunteer lives matters on site only.
    home: sql`join local_governments home on home.code = v.home_local_government_code`,
    where: sql`(exists (
        select 1 from volunteer_regions vr join local_governments region on region.code = vr.local_government_code
        where vr.volunteer_id = v.id
          and (region.code in (${place.code}, ${place.parentCode ?? place.code})
            or (region.kind = 'prefecture' and region.prefecture_code = ${place.prefectureCode})
            ${widened ? sql`or region.prefecture_code = ${place.prefectureCode}` : sql``}))
      or ${distance} <= ${widened ? sql`2 * v.max_travel_km` : sql`v.max_travel_km`})`,
  };
}

/** The haversine distance in kilometres on a sphere of the Earth's mean radius. */
function greatCircleKm(latitude: SQL, longitude: SQL, toLatitude: number, toLongitude: number): SQL {
  return sql`(2 * 6371.0088 * asin(sqrt(
    power(sin(radians(${toLatitude}::float8 - ${latitude}) / 2), 2)
    + cos(radians(${latitude})) * cos(radians(${toLatitude}::float8))
      * power(sin(radians(${toLongitude}::float8 - ${longitude}) / 2), 2))))`;
}

/** A language code (a key of the languages reference table) as an SQL string literal. */
function languageLiteral(code: string): SQL {
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(code)) throw new Error(`not a language code: ${code}`);
  return sql.raw(`'${code}'`);
}

/** For X ↔ Y the weaker of the two languages is what the interpreting can rely on. */
function weaker(level: LanguageLevel, pairLevel: LanguageLevel | null): LanguageLevel {
  if (pairLevel === null) return level;
  return levelsStrongestFirst.indexOf(pairLevel) > levelsStrongestFirst.indexOf(level) ? pairLevel : level;
}

/** Minutes after midnight as HH:mm. */
function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function iso(instant: DateTime): string {
  const text = instant.toISO();
  if (!text) throw new Error('an instant is valid');
  return text;
}

/** postgres.js returns rows as the result itself, PGlite as `result.rows`. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

const specialtyNames: Record<Specialty, { ja: string; en: string }> = {
  medical: { ja: '医療', en: 'medical' },
  legal: { ja: '法律', en: 'legal' },
  education: { ja: '教育', en: 'education' },
  disaster: { ja: '防災', en: 'disaster' },
  welfare: { ja: '福祉', en: 'welfare' },
  residence_procedures: { ja: '在留手続', en: 'residence procedures' },
};

/** A candidate as a coordinator sees them: whether they are booked or offered it, and what can be done by hand. */
export interface CandidateStanding extends Candidate {
  booked: boolean;
  offered: boolean;
  canOffer: boolean;
  canAssign: boolean;
}

/** Each candidate with whether they are booked or offered the request, and what a coordinator can do by hand. */
export async function withStanding(db: Db, requestId: string, candidates: Candidate[]): Promise<CandidateStanding[]> {
  const request = await db.query.requests.findFirst({
    where: { id: requestId },
    columns: { status: true },
    with: {
      assignments: { columns: { volunteerId: true }, where: { status: 'confirmed' } },
      offers: { columns: { volunteerId: true }, where: { status: 'offered' } },
    },
  });
  if (!request) throw new NotFoundError('Request', requestId);
  const booked = new Set(request.assignments.map((assignment) => assignment.volunteerId));
  const offered = new Set(request.offers.map((offer) => offer.volunteerId));
  return candidates.map((candidate) => {
    const standing = { booked: booked.has(candidate.volunteerId), offered: offered.has(candidate.volunteerId) };
    return {
      ...candidate,
      ...standing,
      canOffer: byHandRefusal('offer', request.status, standing) === null,
      canAssign: byHandRefusal('assign', request.status, standing) === null,
    };
  });
}

/** A volunteer who would be a candidate but for their papers, and which papers hold them back. */
export interface HeldBackCandidate extends Candidate {
  items: PaperworkItem[];
}

/** Coordinators of the request's association see its candidates. */
export function createMatchingService({ db, clock }: { db: Db; clock: Clock }) {
  async function coordinatedRequest(viewer: Viewer, requestId: string, limit: number) {
    const request = found(
      await db.query.requests.findFirst({ where: { id: requestId }, columns: { associationId: true } }),
      'Request',
      requestId,
    );
    if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
      throw ValidationError.of(['limit'], {
        en: `Ask for 1 to ${maxLimit} candidates.`,
        ja: `候補の数は1〜${maxLimit}件で指定してください。`,
      });
    }
    if (!mayActOn(viewer, { associationId: request.associationId }, 'coordinator')) {
      throw new ForbiddenError('coordinators_only');
    }
  }

  return {
    /**
     * Who would be candidates but for lapsed or missing papers under the association's policy,
     * best first, with the papers that hold each back: shown to coordinators, never offered work.
     */
    async heldBack(viewer: Viewer, requestId: string, limit = defaultLimit): Promise<HeldBackCandidate[]> {
      await coordinatedRequest(viewer, requestId, limit);
      const ranked = await rankCandidates(db, requestId, {
        now: clock.now(),
        locale: viewer.locale,
        limit,
        heldBack: true,
      });
      const holds = await paperworkHoldsFor(
        db,
        requestId,
        ranked.map((candidate) => candidate.volunteerId),
      );
      return ranked.map((candidate) => ({ ...candidate, items: holds.get(candidate.volunteerId) ?? [] }));
    },

    async candidates(viewer: Viewer, requestId: string, limit = defaultLimit): Promise<CandidateStanding[]> {
      await coordinatedRequest(viewer, requestId, limit);
      return withStanding(
        db,
        requestId,
        await rankCandidates(db, requestId, { now: clock.now(), locale: viewer.locale, limit }),
      );
    },
  };
}

/**
 * The papers that hold each volunteer back from the request under its association's policy, on the
 * day of the work (the rule the matching statement applies, `paperworkHolds`); none for one not held.
 */
export async function paperworkHoldsFor(
  db: Db,
  requestId: string,
  volunteerIds: string[],
): Promise<Map<string, PaperworkItem[]>> {
  if (volunteerIds.length === 0) return new Map();
  const request = found(
    await db.query.requests.findFirst({
      where: { id: requestId },
      columns: { startsAt: true, deadline: true },
      with: { association: { columns: { policy: true } } },
    }),
    'Request',
    requestId,
  );
  const startsAt = request.startsAt ?? request.deadline;
  if (!startsAt) throw new Error('a request has a start or a deadline');
  const workDay = DateTime.fromJSDate(startsAt, { zone: tokyo }).toISODate() as string;
  const policy = readPolicy(request.association.policy).paperwork;
  const volunteers = await db.query.volunteers.findMany({
    where: { id: { in: volunteerIds } },
    columns: {
      id: true,
      registrationExpiresOn: true,
      insuranceEnrolledUntil: true,
      confidentialityPledgeSignedAt: true,
    },
  });
  return new Map(volunteers.map((volunteer) => [volunteer.id, paperworkHolds(volunteer, policy, workDay)]));
}
