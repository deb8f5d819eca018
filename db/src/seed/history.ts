import { performance } from 'node:perf_hooks';
import { getTableColumns, type InferInsertModel, sql } from 'drizzle-orm';
import type { Db } from '../client';
import * as schema from '../schema';
import type { DemoProgress } from './demo';
import { Random, Weighted } from './random';

export interface HistoryOptions {
  /** Past assignments to generate, over the year before `today`. */
  assignments: number;
  /** Confirmed bookings in the weeks after `today`; a twentieth of `assignments` unless told. */
  upcoming?: number;
  /** The calendar day in Japan (YYYY-MM-DD) the history ends on and the bookings start after. */
  today: string;
  /** The same seed, population and day give the same history, ids included. */
  seed?: number;
  onProgress?: (progress: DemoProgress) => void;
}

export interface HistoryReport {
  /** False when the database already had assignments: nothing was added. */
  added: boolean;
  counts: Record<string, number>;
}

const defaultSeed = 20_260_402;
/** How far back the history goes, and how far ahead the bookings reach, in days. */
const pastDays = 365;
const upcomingDays = 60;
/** Rows generated and inserted at a time (a statement each), so that memory stays flat and progress shows. */
const block = 10_000;
/**
 * Minutes an on-site booking keeps the volunteer free before and after, as services/domain/src/requests/busy.ts
 * books them (db cannot import the domain).
 */
const travelBufferMinutes = 30;
/** Tries to place one assignment before the population is declared too small for the history asked. */
const attemptsPerAssignment = 50;

type RequestRow = InferInsertModel<typeof schema.requests>;
type AssignmentRow = InferInsertModel<typeof schema.assignments>;
type Purpose = (typeof schema.requestPurpose.enumValues)[number];
type Specialty = (typeof schema.specialty.enumValues)[number];
type OrganizationType = (typeof schema.organizationType.enumValues)[number];

/**
 * The past year of requests and assignments for a seeded population (see seedDemoData), and some
 * confirmed bookings in the weeks ahead: what matching's fairness, reliability, monthly cap and busy
 * filters read. Each request is one a volunteer really could have taken: in one of their interpreting
 * languages at business level or better, within one of their weekly availability windows, in one
 * of their regions (or remote, if they work remotely), for a public body of an association
 * they belong to. Past assignments are mostly completed, a few no-shows and cancellations; some
 * volunteers work far more than others.
 *
 * A volunteer gets at most one assignment a day, so their busy ranges never overlap, and no more in
 * a month than their monthly cap; bookings avoid their days off, and national holidays for those who
 * take them off.
 *
 * Written in one transaction, in blocks; a database that already has assignments gets nothing more.
 */
export async function seedAssignmentHistory(db: Db, options: HistoryOptions): Promise<HistoryReport> {
  const started = performance.now();
  const upcoming = options.upcoming ?? Math.round(options.assignments / 20);
  const counts: Record<string, number> = { requests: 0, assignments: 0 };
  const report = await db.transaction(async (tx): Promise<HistoryReport> => {
    const [existing] = await tx.select({ id: schema.assignments.id }).from(schema.assignments).limit(1);
    if (existing) return { added: false, counts };

    const random = new Random(options.seed ?? defaultSeed);
    const people = await readPopulation(tx, random, options.today);
    const requests: RequestRow[] = [];
    const assignments: AssignmentRow[] = [];
    const flush = async () => {
      await insertRows(tx, schema.requests, requests);
      await insertRows(tx, schema.assignments, assignments);
      counts.requests = (counts.requests ?? 0) + requests.length;
      counts.assignments = (counts.assignments ?? 0) + assignments.length;
      requests.length = 0;
      assignments.length = 0;
      options.onProgress?.({
        phase: `assignments ${(counts.assignments ?? 0).toLocaleString('en')} of ${(options.assignments + upcoming).toLocaleString('en')}`,
        counts: { ...counts },
        elapsedMs: performance.now() - started,
      });
    };

    for (const [when, total] of [
      ['past', options.assignments],
      ['upcoming', upcoming],
    ] as const) {
      const pool = when === 'past' ? people.past : people.upcoming;
      if (total > 0 && !pool) throw new Error(`no volunteer can take ${when} assignments: seed the demo data first`);
      for (let n = 0; n < total; n += 1) {
        const placed = pool && place(random, people, pool, when);
        if (!placed) {
          throw new Error(
            `could not place ${total.toLocaleString('en')} ${when} assignments among the volunteers: seed more volunteers or ask for fewer assignments`,
          );
        }
        requests.push(placed.request);
        assignments.push(placed.assignment);
        if (requests.length >= block) await flush();
      }
    }
    if (requests.length > 0) await flush();
    return { added: true, counts };
  });
  if (report.added) await db.execute(sql`analyze requests, assignments`);
  return report;
}

/**
 * A block of rows as one JSON parameter that PostgreSQL spreads into columns
 * (json_populate_recordset): much cheaper to send and parse than a VALUES list with a parameter per
 * field, which also stops at 65,535 parameters a statement.
 */
async function insertRows<T extends typeof schema.requests | typeof schema.assignments>(
  db: Db,
  table: T,
  rows: Array<InferInsertModel<T>>,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns: Record<string, { name: string }> = getTableColumns(table);
  const keys = Object.keys(first);
  const names = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${key} is not a column`);
    return column.name;
  });
  const list = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  // Sent as text: a json parameter would have postgres.js encode the document a second time.
  const json = JSON.stringify(
    rows.map((row) => Object.fromEntries(keys.map((key, n) => [names[n], (row as Record<string, unknown>)[key]]))),
  );
  await db.execute(sql`insert into ${table} (${list})
    select ${list} from json_populate_recordset(null::${table}, ${json}::text::json)`);
}

interface Worker {
  id: string;
  homeCode: string;
  remoteCapable: boolean;
  monthlyCap: number | null;
  holidaysOff: boolean;
  /** Interpreting languages at business level or better, the strongest first. */
  languages: string[];
  /** Where they go on site: municipalities and wards (a whole prefecture counts as their home). */
  places: string[];
  associations: string[];
  windows: Array<{ weekday: number; startMinute: number; endMinute: number }>;
  daysOff: Array<{ startsOn: string; endsOn: string }>;
  /** Days (as offsets from today) already taken, and assignments per month, so far. */
  taken: Set<number>;
  perMonth: Map<string, number>;
}

interface Organization {
  id: string;
  type: OrganizationType;
  name: string;
  contactName: string;
  localGovernmentCode: string;
}

interface Population {
  today: string;
  /** Everyone who has worked (suspended and retired volunteers had a past), weighted by how much. */
  past: Weighted<Worker> | null;
  /** Active volunteers only. */
  upcoming: Weighted<Worker> | null;
  organizations: Map<string, { all: Organization[]; byPlace: Map<string, Organization[]> }>;
  holidays: Set<string>;
}

const levelOrder = { native: 0, fluent: 1, business: 2, conversational: 3 } as const;

async function readPopulation(db: Db, random: Random, today: string): Promise<Population> {
  const volunteers = await db.query.volunteers.findMany({
    where: { status: { ne: 'applied' } },
    orderBy: { id: 'asc' },
    columns: {
      id: true,
      status: true,
      homeLocalGovernmentCode: true,
      remoteCapable: true,
      monthlyCap: true,
      holidaysOff: true,
    },
    with: {
      languages: { columns: { languageCode: true, level: true, directions: true } },
      regions: { columns: { localGovernmentCode: true } },
      memberships: { columns: { associationId: true } },
      availability: { columns: { weekday: true, startMinute: true, endMinute: true } },
      daysOff: { columns: { startsOn: true, endsOn: true } },
    },
  });
  const prefectures = new Set(
    (
      await db
        .select({ code: schema.localGovernments.code })
        .from(schema.localGovernments)
        .where(sql`${schema.localGovernments.kind} = 'prefecture'`)
    ).map((row) => row.code),
  );
  const past: Array<[Worker, number]> = [];
  const upcoming: Array<[Worker, number]> = [];
  for (const volunteer of volunteers) {
    const languages = volunteer.languages
      .filter(
        (language) =>
          levelOrder[language.level] <= levelOrder.business && language.directions.includes('interpretation'),
      )
      .sort((a, b) => levelOrder[a.level] - levelOrder[b.level] || a.languageCode.localeCompare(b.languageCode))
      .map((language) => language.languageCode);
    const places = volunteer.regions
      .map((region) =>
        prefectures.has(region.localGovernmentCode) ? volunteer.homeLocalGovernmentCode : region.localGovernmentCode,
      )
      .sort();
    const worker: Worker = {
      id: volunteer.id,
      homeCode: volunteer.homeLocalGovernmentCode,
      remoteCapable: volunteer.remoteCapable,
      monthlyCap: volunteer.monthlyCap,
      holidaysOff: volunteer.holidaysOff,
      languages,
      places: [...new Set(places.length > 0 ? places : [volunteer.homeLocalGovernmentCode])],
      associations: volunteer.memberships.map((membership) => membership.associationId).sort(),
      windows: [...volunteer.availability].sort(
        (a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute || a.endMinute - b.endMinute,
      ),
      daysOff: volunteer.daysOff,
      taken: new Set(),
      perMonth: new Map(),
    };
    // A long tail: most volunteers take a few assignments a year, some take many.
    const weight = (-Math.log(1 - random.next())) ** 1.5;
    if (languages.length === 0 || worker.windows.length === 0 || worker.associations.length === 0 || weight === 0) {
      continue;
    }
    past.push([worker, weight]);
    if (volunteer.status === 'active') upcoming.push([worker, weight]);
  }

  const organizations: Population['organizations'] = new Map();
  const rows = await db.query.organizations.findMany({
    where: { status: 'approved' },
    orderBy: { id: 'asc' },
    columns: { id: true, associationId: true, type: true, name: true, contactName: true, localGovernmentCode: true },
  });
  for (const { associationId, ...organization } of rows) {
    const entry = organizations.get(associationId) ?? { all: [], byPlace: new Map<string, Organization[]>() };
    entry.all.push(organization);
    entry.byPlace.set(organization.localGovernmentCode, [
      ...(entry.byPlace.get(organization.localGovernmentCode) ?? []),
      organization,
    ]);
    organizations.set(associationId, entry);
  }
  const holidays = new Set(
    (await db.select({ date: schema.holidays.date }).from(schema.holidays)).map((holiday) => holiday.date),
  );
  return {
    today,
    past: past.length > 0 ? new Weighted(past) : null,
    upcoming: upcoming.length > 0 ? new Weighted(upcoming) : null,
    organizations,
    holidays,
  };
}

/** One request and its assignment for a volunteer drawn from the pool, or null if none could take one. */
function place(
  random: Random,
  people: Population,
  pool: Weighted<Worker>,
  when: 'past' | 'upcoming',
): { request: RequestRow; assignment: AssignmentRow } | null {
  for (let attempt = 0; attempt < attemptsPerAssignment; attempt += 1) {
    const worker = pool.pick(random);
    const window = random.pick(worker.windows);
    const offset = dayOffset(random, people.today, window.weekday, when);
    if (offset === null || worker.taken.has(offset)) continue;
    const day = plusDays(people.today, offset);
    const month = day.slice(0, 7);
    if (worker.monthlyCap !== null && (worker.perMonth.get(month) ?? 0) >= worker.monthlyCap) continue;
    if (worker.holidaysOff && people.holidays.has(day)) continue;
    if (worker.daysOff.some((away) => away.startsOn <= day && day <= away.endsOn)) continue;
    const associationId = random.pick(worker.associations);
    const organizations = people.organizations.get(associationId);
    if (!organizations) continue;

    const onSite = !worker.remoteCapable || random.chance(0.7);
    const placeCode = random.pick(worker.places);
    const organization = random.pick(
      (onSite && organizations.byPlace.get(placeCode)) ||
        organizations.byPlace.get(worker.homeCode) ||
        organizations.all,
    );
    const length = Math.min(random.pick([60, 90, 120, 120, 180]), window.endMinute - window.startMinute);
    const startMinute =
      window.startMinute + 30 * random.int(0, Math.floor((window.endMinute - window.startMinute - length) / 30));
    const startsAt = tokyoTime(day, startMinute);
    const endsAt = tokyoTime(day, startMinute + length);
    const buffer = onSite ? travelBufferMinutes * 60_000 : 0;
    const [language = '', second] = worker.languages;
    const pair = second && random.chance(0.05) ? second : 'ja';
    const languageCode = pair === 'ja' && second && random.chance(0.2) ? second : language;
    const { purpose, specialty } = purposeFor(random, organization.type);
    const roll = random.next();
    const status =
      when === 'upcoming' ? 'confirmed' : roll < 0.94 ? 'completed' : roll < 0.955 ? 'no_show' : 'cancelled';

    worker.taken.add(offset);
    if (status !== 'cancelled') worker.perMonth.set(month, (worker.perMonth.get(month) ?? 0) + 1);
    const requestId = random.uuid();
    return {
      request: {
        id: requestId,
        associationId,
        organizationId: organization.id,
        status: status === 'confirmed' ? 'filled' : status === 'cancelled' ? 'cancelled' : 'completed',
        // Where dispatch would have carried it, so that boards and dashboards read it right.
        dispatchStage: status === 'confirmed' ? 'confirmed' : status === 'cancelled' ? 'cancelled' : 'completed',
        modality: onSite ? 'on_site' : 'remote',
        languageCode,
        pairLanguageCode: pair,
        startsAt,
        endsAt,
        localGovernmentCode: onSite ? placeCode : null,
        venue: onSite ? organization.name : null,
        remoteJoinInstructions: onSite ? null : 'オンライン会議（URLは前日までにお送りします）',
        purpose,
        specialty,
        contactName: organization.contactName,
        grantTaxCategory: grantTaxCategories[purpose],
        cancelledAt: status === 'cancelled' ? new Date(startsAt.getTime() - random.int(1, 72) * 3_600_000) : null,
      },
      assignment: {
        id: random.uuid(),
        requestId,
        volunteerId: worker.id,
        status,
        busyFrom: new Date(startsAt.getTime() - buffer),
        busyUntil: new Date(endsAt.getTime() + buffer),
      },
    };
  }
  return null;
}

/** A day with the weekday (1 = Monday … 7 = Sunday) in the past year or the weeks ahead, as days after today. */
function dayOffset(random: Random, today: string, weekday: number, when: 'past' | 'upcoming'): number | null {
  const todayWeekday = weekdayOf(today);
  if (when === 'past') {
    const latest = -1 - ((todayWeekday - 1 - weekday + 14) % 7);
    return latest - 7 * random.int(0, Math.floor((latest + pastDays) / 7));
  }
  const first = 1 + ((weekday - todayWeekday - 1 + 14) % 7);
  if (first > upcomingDays) return null;
  return first + 7 * random.int(0, Math.floor((upcomingDays - first) / 7));
}

function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

function plusDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Minutes after midnight in Japan (UTC+9 all year) on a day. */
function tokyoTime(day: string, minutes: number): Date {
  return new Date(Date.parse(`${day}T00:00:00+09:00`) + minutes * 60_000);
}

/** What a public body of each type mostly asks interpreters for. */
const purposes: Record<OrganizationType, Array<[Purpose, Specialty | null]>> = {
  prefecture: [
    ['consultation_desk', null],
    ['life_orientation', 'welfare'],
    ['disaster', 'disaster'],
  ],
  municipality: [
    ['consultation_desk', 'residence_procedures'],
    ['one_stop_desk', null],
    ['life_orientation', 'welfare'],
    ['consultation_desk', null],
  ],
  board_of_education: [
    ['school_enrollment', 'education'],
    ['consultation_desk', 'education'],
  ],
  public_school: [
    ['school_enrollment', 'education'],
    ['other_support', 'education'],
  ],
  public_hospital: [
    ['consultation_desk', 'medical'],
    ['other_support', 'medical'],
  ],
  consultation_desk: [
    ['one_stop_desk', null],
    ['consultation_desk', 'legal'],
    ['consultation_desk', 'residence_procedures'],
  ],
  fire_department: [
    ['disaster', 'disaster'],
    ['other_support', 'medical'],
  ],
  other_public_body: [
    ['japanese_class', null],
    ['other_support', 'welfare'],
    ['life_orientation', null],
  ],
};

function purposeFor(random: Random, type: OrganizationType): { purpose: Purpose; specialty: Specialty | null } {
  const [purpose, specialty] = random.pick(purposes[type]);
  return { purpose, specialty: specialty && random.chance(0.7) ? specialty : null };
}

/** The category each purpose suggests, as services/domain/src/grant-tax.ts suggests it (db cannot import the domain). */
const grantTaxCategories: Record<Purpose, string> = {
  consultation_desk: '1',
  administrative_translation: '1',
  life_orientation: '3',
  disaster: '4',
  school_enrollment: '5',
  one_stop_desk: '6',
  japanese_class: '7',
  other_support: 'G',
  other: 'N',
};
