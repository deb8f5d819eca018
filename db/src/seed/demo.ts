import { performance } from 'node:perf_hooks';
import { type InferInsertModel, isNull, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import * as schema from '../schema';
import { personName } from './names';
import { englishAsSecondShare, foreignResidents, mainLanguages, nativeSpeakerShare, regionOf } from './proportions';
import { Random, Weighted } from './random';

export interface DemoDataOptions {
  /** How many volunteers to generate. */
  volunteers: number;
  /** The calendar day in Japan (YYYY-MM-DD) that expiries, renewals and days off are placed around. */
  today: string;
  /** The argon2id hash of the demo password, shared by every demo account (hashing is not db's job). */
  passwordHash: string;
  /** The same seed, size and day give the same population, ids included. */
  seed?: number;
  onProgress?: (progress: DemoProgress) => void;
}

export interface DemoProgress {
  phase: string;
  counts: Record<string, number>;
  elapsedMs: number;
}

export interface DemoReport {
  /** False when the database already had demo data: nothing was added. */
  added: boolean;
  seededAt: Date | null;
  counts: Record<string, number>;
}

export type DemoRole = 'requester' | 'volunteer' | 'coordinator' | 'admin';

/** The accounts to try the app with, one per role, all of the Osaka prefectural association. */
export const demoLogins: Record<DemoRole, string> = {
  requester: 'requester@demo.example.jp',
  volunteer: 'volunteer@demo.example.jp',
  coordinator: 'coordinator@demo.example.jp',
  admin: 'admin@demo.example.jp',
};

/**
 * Staff of the demo association's prefectural office: a prefecture bears what its requests cost,
 * and the grant-tax table allows a prefecture fewer categories than a municipality.
 */
export const demoPrefecturalRequester = 'prefectural-requester@demo.example.jp';
const demoPrefecturalRequesterId = '00000000-0000-4000-8000-000000270008';

export const demoAssociationSlug = 'demo-pref-27';
const demoPrefecture = '27';
const defaultSeed = 20_260_401;
/** Volunteers generated and inserted at a time, so that memory stays flat and progress shows. */
const volunteerBlock = 5_000;

type Government = { code: string; prefectureCode: string; kind: string; nameJa: string; nameEn: string | null };
type Rows<T extends PgTable> = Array<InferInsertModel<T>>;

/**
 * A demo population: associations (a prefectural one per seeded prefecture, a municipal one in its
 * first city, partners by region), their coordinators and admins, public bodies of every type with
 * requesting staff, and volunteers with languages, regions, availability, days off, certificates and
 * memberships, in realistic proportions (see proportions.ts). The reference data must be loaded.
 *
 * All of it is written in one transaction that first marks the instance row as seeded: a database
 * that already has demo data gets nothing more (the report says so), and a failure leaves nothing.
 */
export async function seedDemoData(db: Db, options: DemoDataOptions): Promise<DemoReport> {
  const started = performance.now();
  const counts: Record<string, number> = {};
  const progress = (phase: string, phaseCounts: Record<string, number>) =>
    options.onProgress?.({ phase, counts: phaseCounts, elapsedMs: performance.now() - started });
  const insert = async <T extends PgTable>(tx: Db, table: T, name: string, rows: Rows<T>) => {
    await insertInBatches(tx, table, rows);
    counts[name] = (counts[name] ?? 0) + rows.length;
  };

  const report = await db.transaction(async (tx): Promise<DemoReport> => {
    await tx.insert(schema.instance).values({}).onConflictDoNothing();
    const [claimed] = await tx
      .update(schema.instance)
      .set({ seededAt: sql`now()` })
      .where(isNull(schema.instance.seededAt))
      .returning({ seededAt: schema.instance.seededAt });
    if (!claimed) {
      const [instance] = await tx.select({ seededAt: schema.instance.seededAt }).from(schema.instance);
      return { added: false, seededAt: instance?.seededAt ?? null, counts };
    }

    const random = new Random(options.seed ?? defaultSeed);
    const world = await readWorld(tx, options.volunteers);
    const account = (id: string, email: string, displayName: string, locale: 'ja' | 'en' = 'ja') => ({
      id,
      email,
      displayName,
      locale,
      passwordHash: options.passwordHash,
    });

    // Associations, their partners and staff.
    const associations: Rows<typeof schema.associations> = [];
    const partners: Rows<typeof schema.associationPartners> = [];
    // The demo's partnerships are standing ones, agreed by both sides (pooling within a region).
    const standing = (associationId: string, partnerId: string) => ({
      associationId,
      partnerId,
      status: 'accepted' as const,
      acceptedAt: new Date(),
    });
    const staffUsers: Rows<typeof schema.users> = [];
    const staff: Rows<typeof schema.associationStaff> = [];
    const prefecturalAssociation = new Map<string, string>();
    const municipalAssociation = new Map<string, { id: string; cityCode: string }>();
    for (const prefecture of world.prefectures) {
      const id = random.uuid();
      const slug = `demo-pref-${prefecture.prefectureCode}`;
      associations.push({
        id,
        slug,
        nameJa: `${prefecture.nameJa}国際交流協会`,
        nameEn: `${prefecture.nameEn ?? prefecture.nameJa} International Association`,
        localGovernmentCode: prefecture.code,
      });
      prefecturalAssociation.set(prefecture.prefectureCode, id);
      const city = world.firstCity.get(prefecture.prefectureCode);
      if (city) {
        const cityId = random.uuid();
        associations.push({
          id: cityId,
          slug: `demo-city-${city.code}`,
          nameJa: `${city.nameJa}国際交流協会`,
          nameEn: `International Association of ${city.nameJa} (${prefecture.nameEn ?? prefecture.nameJa})`,
          localGovernmentCode: city.code,
        });
        municipalAssociation.set(prefecture.prefectureCode, { id: cityId, cityCode: city.code });
        partners.push(standing(id, cityId), standing(cityId, id));
        const userId = random.uuid();
        staffUsers.push(
          account(userId, `demo-city-${city.code}.coordinator@demo.example.jp`, personName(random, 'ja')),
        );
        staff.push({ associationId: cityId, userId, role: 'coordinator' });
      }
      for (const [n, role] of (['admin', 'coordinator', 'coordinator'] as const).entries()) {
        const userId = random.uuid();
        const demo = slug === demoAssociationSlug && n < 2;
        const email = demo ? demoLogins[role] : `${slug}.${role}${n}@demo.example.jp`;
        staffUsers.push(account(userId, email, personName(random, 'ja')));
        staff.push({ associationId: id, userId, role });
      }
    }
    for (const one of world.prefectures) {
      for (const other of world.prefectures) {
        if (one !== other && regionOf(one.prefectureCode) === regionOf(other.prefectureCode)) {
          partners.push(
            standing(
              prefecturalAssociation.get(one.prefectureCode) ?? '',
              prefecturalAssociation.get(other.prefectureCode) ?? '',
            ),
          );
        }
      }
    }
    await insert(tx, schema.associations, 'associations', associations);
    await insert(tx, schema.associationPartners, 'partnerships', partners);
    await insert(tx, schema.users, 'users', staffUsers);
    await insert(tx, schema.associationStaff, 'association staff', staff);
    progress('associations', {
      associations: associations.length,
      partnerships: partners.length,
      'coordinators and admins': staff.length,
    });

    // Public bodies: one of each type per prefecture, the rest in proportion to foreign residents.
    const organizationCount = Math.max(
      organizationTypes.length * world.prefectures.length,
      Math.round(options.volunteers / 40),
    );
    const organizations: Rows<typeof schema.organizations> = [];
    const extraTypes = new Weighted(Object.entries(extraOrganizationTypes) as Array<[OrganizationType, number]>);
    const planned: Array<[Government, OrganizationType]> = world.prefectures.flatMap((prefecture) =>
      organizationTypes.map((type): [Government, OrganizationType] => [prefecture, type]),
    );
    while (planned.length < organizationCount) {
      planned.push([
        world.prefectureByCode.get(world.prefectureWeights.pick(random)) as Government,
        extraTypes.pick(random),
      ]);
    }
    for (const [n, [prefecture, type]] of planned.entries()) {
      const place =
        type === 'prefecture' ? prefecture : random.pick(world.homes.get(prefecture.prefectureCode) ?? [prefecture]);
      const city = municipalAssociation.get(prefecture.prefectureCode);
      const inCity = city && (place.code === city.cityCode || world.parentOf.get(place.code) === city.cityCode);
      const status = n < world.prefectures.length * organizationTypes.length ? 'approved' : organizationStatus(random);
      organizations.push({
        id: random.uuid(),
        associationId: inCity ? city.id : (prefecturalAssociation.get(prefecture.prefectureCode) ?? ''),
        name: organizationName(
          random,
          type,
          place,
          world.byCode.get(world.parentOf.get(place.code) ?? '') ?? place,
          prefecture,
        ),
        type,
        localGovernmentCode: place.code,
        contactName: personName(random, 'ja'),
        contactEmail: `contact-${String(n + 1).padStart(5, '0')}@organizations.demo.example.jp`,
        contactPhone: null,
        address: type === 'prefecture' ? prefecture.nameJa : `${prefecture.nameJa}${place.nameJa}`,
        status,
        trusted: status === 'approved' && random.chance(0.2),
      });
    }
    // The demo requester works for an approved body of the demo association: a town hall if there is
    // one, else the prefectural office, which every prefecture has.
    const demoAssociationId = prefecturalAssociation.get(demoPrefecture);
    const demoCandidates = organizations.filter(
      (organization) => organization.associationId === demoAssociationId && organization.status === 'approved',
    );
    const demoOrganization =
      demoCandidates.find((organization) => organization.type === 'municipality') ?? demoCandidates[0];
    if (!demoOrganization) throw new Error('no approved organization for the demo requester');
    const demoPrefecturalOffice = demoCandidates.find((organization) => organization.type === 'prefecture');
    const requesterUsers: Rows<typeof schema.users> = [];
    const requesters: Rows<typeof schema.organizationStaff> = [];
    for (const [n, organization] of organizations.entries()) {
      if (organization.status === 'rejected' || !organization.id) continue;
      const staffCount = random.int(1, 2);
      for (let k = 0; k < staffCount; k += 1) {
        const userId = random.uuid();
        const demo = organization === demoOrganization && k === 0;
        const email = demo ? demoLogins.requester : `requester-${String(n + 1).padStart(5, '0')}-${k}@demo.example.jp`;
        requesterUsers.push(account(userId, email, personName(random, 'ja')));
        requesters.push({ userId, organizationId: organization.id });
      }
    }
    if (demoPrefecturalOffice) {
      // One more colleague there, with an id of its own: drawing it would change the rest of the population.
      requesterUsers.push(account(demoPrefecturalRequesterId, demoPrefecturalRequester, '府庁 花子'));
      requesters.push({ userId: demoPrefecturalRequesterId, organizationId: demoPrefecturalOffice.id ?? '' });
    }
    await insert(tx, schema.organizations, 'organizations', organizations);
    await insert(tx, schema.users, 'users', requesterUsers);
    await insert(tx, schema.organizationStaff, 'requesting staff', requesters);
    progress('organizations', {
      organizations: organizations.length,
      types: new Set(organizations.map((organization) => organization.type)).size,
      'requesting staff': requesters.length,
    });

    // Volunteers, a block at a time.
    const dates = calendar(options.today);
    for (let first = 0; first < options.volunteers; first += volunteerBlock) {
      const block = volunteerRows(random, world, dates, {
        first,
        last: Math.min(options.volunteers, first + volunteerBlock),
        account,
        prefecturalAssociation,
        municipalAssociation,
        associationNames: new Map(associations.map((association) => [association.id ?? '', association.nameJa])),
      });
      await insert(tx, schema.users, 'users', block.users);
      await insert(tx, schema.volunteers, 'volunteers', block.volunteers);
      await insert(tx, schema.volunteerLanguages, 'volunteer languages', block.languages);
      await insert(tx, schema.volunteerRegions, 'volunteer regions', block.regions);
      await insert(tx, schema.volunteerMemberships, 'memberships', block.memberships);
      await insert(tx, schema.availabilityWindows, 'availability windows', block.availability);
      await insert(tx, schema.daysOff, 'days off', block.daysOff);
      await insert(tx, schema.certificates, 'certificates', block.certificates);
      const done = counts.volunteers ?? 0;
      progress(`volunteers ${done.toLocaleString('en')} of ${options.volunteers.toLocaleString('en')}`, {
        languages: counts['volunteer languages'] ?? 0,
        regions: counts['volunteer regions'] ?? 0,
        memberships: counts.memberships ?? 0,
        'availability windows': counts['availability windows'] ?? 0,
        'days off': counts['days off'] ?? 0,
        certificates: counts.certificates ?? 0,
      });
    }
    return { added: true, seededAt: claimed.seededAt, counts };
  });
  // Statistics for the planner now, rather than whenever autovacuum gets to the new rows.
  if (report.added) await db.execute(sql`analyze`);
  return report;
}

/** PostgreSQL takes at most 65,535 parameters a statement: a few thousand rows per INSERT. */
async function insertInBatches<T extends PgTable>(db: Db, table: T, rows: Rows<T>): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const size = Math.min(5_000, Math.floor(60_000 / Object.keys(first).length));
  for (let start = 0; start < rows.length; start += size) {
    await db.insert(table).values(rows.slice(start, start + size) as never);
  }
}

interface World {
  /** The seeded prefectures, most foreign residents first. */
  prefectures: Government[];
  prefectureByCode: Map<string, Government>;
  prefectureWeights: Weighted<string>;
  /** Where people live and public bodies sit: municipalities without wards, and wards. */
  homes: Map<string, Government[]>;
  firstCity: Map<string, Government>;
  /** A ward's designated city. */
  parentOf: Map<string, string>;
  byCode: Map<string, Government>;
  mainLanguages: Weighted<string>;
}

/**
 * The places and languages the population is drawn from. Bigger populations cover more prefectures:
 * about one per thousand volunteers, at least three (Tokyo, Aichi, Osaka), all 47 from 47,000 on.
 */
async function readWorld(db: Db, volunteers: number): Promise<World> {
  const governments = await db
    .select({
      code: schema.localGovernments.code,
      prefectureCode: schema.localGovernments.prefectureCode,
      kind: schema.localGovernments.kind,
      nameJa: schema.localGovernments.nameJa,
      nameEn: schema.localGovernments.nameEn,
      parentCode: schema.localGovernments.parentCode,
    })
    .from(schema.localGovernments)
    .orderBy(schema.localGovernments.code);
  const languageCodes = new Set(
    (await db.select({ code: schema.languages.code }).from(schema.languages)).map((language) => language.code),
  );
  if (governments.length === 0 || languageCodes.size === 0) {
    throw new Error('the reference data is not loaded (languages and local governments): run loadReferenceData first');
  }
  const wanted = Math.min(47, Math.max(3, Math.round(volunteers / 1_000)));
  const byResidents = governments
    .filter((government) => government.kind === 'prefecture')
    .sort((a, b) => (foreignResidents[b.prefectureCode] ?? 0) - (foreignResidents[a.prefectureCode] ?? 0));
  const prefectures = byResidents.slice(0, wanted);
  if (!prefectures.some((prefecture) => prefecture.prefectureCode === demoPrefecture)) {
    throw new Error('the demo logins need Osaka among the seeded prefectures');
  }
  const seeded = new Set(prefectures.map((prefecture) => prefecture.prefectureCode));
  const cities = new Set(governments.map((government) => government.parentCode).filter((code) => code !== null));
  const homes = new Map<string, Government[]>();
  const firstCity = new Map<string, Government>();
  for (const government of governments) {
    if (!seeded.has(government.prefectureCode) || government.kind === 'prefecture') continue;
    if (government.kind === 'municipality' && !firstCity.has(government.prefectureCode)) {
      firstCity.set(government.prefectureCode, government);
    }
    if (cities.has(government.code)) continue;
    homes.set(government.prefectureCode, [...(homes.get(government.prefectureCode) ?? []), government]);
  }
  return {
    prefectures,
    prefectureByCode: new Map(prefectures.map((prefecture) => [prefecture.prefectureCode, prefecture])),
    prefectureWeights: new Weighted(
      prefectures.map((prefecture) => [prefecture.prefectureCode, foreignResidents[prefecture.prefectureCode] ?? 1]),
    ),
    homes,
    firstCity,
    parentOf: new Map(
      governments.flatMap((government) => (government.parentCode ? [[government.code, government.parentCode]] : [])),
    ),
    byCode: new Map(governments.map((government) => [government.code, government])),
    mainLanguages: new Weighted(Object.entries(mainLanguages).filter(([code]) => languageCodes.has(code))),
  };
}

const organizationTypes = schema.organizationType.enumValues;
type OrganizationType = (typeof organizationTypes)[number];

/** Beyond one of each per prefecture: schools and town halls are the commonest requesters. */
const extraOrganizationTypes: Record<OrganizationType, number> = {
  prefecture: 3,
  municipality: 25,
  board_of_education: 12,
  public_school: 25,
  public_hospital: 12,
  consultation_desk: 12,
  fire_department: 6,
  other_public_body: 5,
};

function organizationStatus(random: Random): 'applied' | 'approved' | 'rejected' | 'suspended' {
  const roll = random.next();
  if (roll < 0.85) return 'approved';
  if (roll < 0.93) return 'applied';
  if (roll < 0.97) return 'suspended';
  return 'rejected';
}

/** `city` is the place itself, or for a ward its designated city, which runs the schools, hospitals and fire service. */
function organizationName(
  random: Random,
  type: OrganizationType,
  place: Government,
  city: Government,
  prefecture: Government,
): string {
  // 市 → 市役所, 区 → 区役所, 町 and 村 → 役場.
  const office = /[市区]$/.test(place.nameJa) ? `${place.nameJa}役所` : `${place.nameJa}役場`;
  const name = city.nameJa;
  switch (type) {
    case 'prefecture':
      return `${prefecture.nameJa}庁 ${random.pick(['国際課', '健康医療部', '危機管理室', '教育庁 小中学校課', '福祉部'])}`;
    case 'municipality':
      return `${office} ${random.pick(['市民課', '国際交流課', '子育て支援課', '福祉課', '保険年金課', '税務課'])}`;
    case 'board_of_education':
      return `${name}教育委員会 ${random.pick(['学校教育課', '教育支援センター', '就学相談窓口'])}`;
    case 'public_school':
      return `${name}立第${random.int(1, 9)}${random.pick(['小学校', '中学校'])}`;
    case 'public_hospital':
      return `${name}立病院`;
    case 'consultation_desk':
      return `${place.nameJa} 外国人相談窓口`;
    case 'fire_department':
      return `${name}消防本部`;
    case 'other_public_body':
      return `${name}${random.pick(['社会福祉協議会', '保健センター', '男女共同参画センター'])}`;
  }
}

interface Calendar {
  today: string;
  plusDays(days: number): string;
  /** The last day of the current fiscal year (March 31), and of the one before. */
  fiscalYearEnd: string;
  previousFiscalYearEnd: string;
}

function calendar(today: string): Calendar {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const endYear = month >= 4 ? year + 1 : year;
  return {
    today,
    plusDays: (days) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10),
    fiscalYearEnd: `${endYear}-03-31`,
    previousFiscalYearEnd: `${endYear - 1}-03-31`,
  };
}

interface VolunteerBlock {
  users: Rows<typeof schema.users>;
  volunteers: Rows<typeof schema.volunteers>;
  languages: Rows<typeof schema.volunteerLanguages>;
  regions: Rows<typeof schema.volunteerRegions>;
  memberships: Rows<typeof schema.volunteerMemberships>;
  availability: Rows<typeof schema.availabilityWindows>;
  daysOff: Rows<typeof schema.daysOff>;
  certificates: Rows<typeof schema.certificates>;
}

const specialties = schema.specialty.enumValues;
const specialtyShare: Record<(typeof specialties)[number], number> = {
  medical: 0.15,
  legal: 0.08,
  education: 0.25,
  disaster: 0.1,
  welfare: 0.15,
  residence_procedures: 0.12,
};

function volunteerRows(
  random: Random,
  world: World,
  dates: Calendar,
  context: {
    first: number;
    last: number;
    account: (
      id: string,
      email: string,
      displayName: string,
      locale?: 'ja' | 'en',
    ) => Rows<typeof schema.users>[number];
    prefecturalAssociation: Map<string, string>;
    municipalAssociation: Map<string, { id: string; cityCode: string }>;
    associationNames: Map<string, string>;
  },
): VolunteerBlock {
  const block: VolunteerBlock = {
    users: [],
    volunteers: [],
    languages: [],
    regions: [],
    memberships: [],
    availability: [],
    daysOff: [],
    certificates: [],
  };
  for (let n = context.first; n < context.last; n += 1) {
    // The first volunteer is the demo login: a Vietnamese resident of Osaka who also offers English.
    const demo = n === 0;
    const prefectureCode = demo ? demoPrefecture : world.prefectureWeights.pick(random);
    const prefecture = world.prefectureByCode.get(prefectureCode) as Government;
    const homes = world.homes.get(prefectureCode) ?? [prefecture];
    const home = random.pick(homes);
    const main = demo ? 'vi' : world.mainLanguages.pick(random);
    const native = demo || (main !== 'jsl' && random.chance(nativeSpeakerShare));
    const fullName = personName(random, native ? main : 'ja');
    const userId = random.uuid();
    const volunteerId = random.uuid();
    const email = demo ? demoLogins.volunteer : `volunteer-${String(n).padStart(6, '0')}@demo.example.jp`;
    block.users.push(context.account(userId, email, fullName, native && random.chance(0.4) ? 'en' : 'ja'));

    const status = demo ? 'active' : volunteerStatus(random);
    const onboarded = status !== 'applied';
    const pledgeDay = dates.plusDays(-random.int(30, 1_500));
    block.volunteers.push({
      id: volunteerId,
      userId,
      fullName,
      phone: null,
      homeLocalGovernmentCode: home.code,
      maxTravelKm: random.chance(0.2) ? null : random.pick([10, 20, 30, 50, 80]),
      remoteCapable: random.chance(0.45),
      specialties: specialties.filter((specialty) => random.chance(specialtyShare[specialty])),
      monthlyCap: random.chance(0.4) ? null : random.int(2, 12),
      holidaysOff: random.chance(0.25),
      status,
      confidentialityPledgeSignedAt: onboarded ? new Date(`${pledgeDay}T10:00:00+09:00`) : null,
      insuranceEnrolledUntil: !onboarded
        ? null
        : random.chance(0.88)
          ? dates.fiscalYearEnd
          : dates.previousFiscalYearEnd,
      // Some renewals fall due within the month (reminders), a few have lapsed.
      registrationExpiresOn: onboarded
        ? dates.plusDays(random.chance(0.05) ? -random.int(1, 60) : random.int(1, 365))
        : null,
    });

    const spoken = [{ code: main, level: native ? ('native' as const) : learnedLevel(random) }];
    if (demo || (main !== 'en' && random.chance(englishAsSecondShare))) {
      spoken.push({ code: 'en', level: learnedLevel(random) });
    }
    for (const language of spoken) {
      block.languages.push({
        volunteerId,
        languageCode: language.code,
        level: language.level,
        directions: language.code === 'jsl' ? ['interpretation'] : directions(random),
      });
    }

    const regions = new Set([home.code, ...random.sample(homes, random.int(0, 3)).map((place) => place.code)]);
    if (random.chance(0.2)) regions.add(prefecture.code);
    for (const code of regions) block.regions.push({ volunteerId, localGovernmentCode: code });

    const membershipStatus = { applied: 'applied', active: 'active', suspended: 'suspended', retired: 'left' } as const;
    const prefectural = context.prefecturalAssociation.get(prefectureCode) ?? '';
    block.memberships.push({ volunteerId, associationId: prefectural, status: membershipStatus[status] });
    const city = context.municipalAssociation.get(prefectureCode);
    if (
      city &&
      (home.code === city.cityCode || world.parentOf.get(home.code) === city.cityCode) &&
      random.chance(0.6)
    ) {
      block.memberships.push({ volunteerId, associationId: city.id, status: membershipStatus[status] });
    }

    for (const weekday of random.sample([1, 2, 3, 4, 5, 6, 7], random.int(1, 4))) {
      const start = random.pick([540, 600, 780, 1_020, 1_080]);
      const end = Math.min(start + random.pick([180, 240, 300, 360, 480]), 1_320);
      block.availability.push({ id: random.uuid(), volunteerId, weekday, startMinute: start, endMinute: end });
      if (end + 180 <= 1_320 && random.chance(0.1)) {
        block.availability.push({
          id: random.uuid(),
          volunteerId,
          weekday,
          startMinute: end + 60,
          endMinute: Math.min(end + 240, 1_320),
        });
      }
    }
    if (random.chance(0.3)) {
      for (let k = random.int(1, 2); k > 0; k -= 1) {
        const from = random.int(1, 120);
        block.daysOff.push({
          id: random.uuid(),
          volunteerId,
          startsOn: dates.plusDays(from),
          endsOn: dates.plusDays(from + random.int(0, 13)),
        });
      }
    }

    const certificate = certificateFor(random, main, native, context.associationNames.get(prefectural) ?? '');
    if (certificate) {
      // Issued up to six years ago: a three-year certificate issued long enough ago has expired.
      const issuedOn = dates.plusDays(-random.int(30, 6 * 365));
      block.certificates.push({
        id: random.uuid(),
        volunteerId,
        name: certificate.name,
        issuer: certificate.issuer,
        kind: certificate.kind,
        issuedOn,
        expiresOn: certificate.validYears
          ? new Date(Date.parse(`${issuedOn}T00:00:00Z`) + certificate.validYears * 365 * 86_400_000)
              .toISOString()
              .slice(0, 10)
          : null,
      });
    }
  }
  return block;
}

function volunteerStatus(random: Random): 'applied' | 'active' | 'suspended' | 'retired' {
  const roll = random.next();
  if (roll < 0.82) return 'active';
  if (roll < 0.9) return 'applied';
  if (roll < 0.93) return 'suspended';
  return 'retired';
}

function learnedLevel(random: Random): 'fluent' | 'business' | 'conversational' {
  const roll = random.next();
  if (roll < 0.3) return 'fluent';
  if (roll < 0.75) return 'business';
  return 'conversational';
}

type Direction = (typeof schema.languageDirection.enumValues)[number];

function directions(random: Random): Direction[] {
  const chosen: Direction[] = [];
  if (random.chance(0.85)) chosen.push('interpretation');
  if (random.chance(0.4)) chosen.push('translation_into_japanese');
  if (random.chance(0.3)) chosen.push('translation_from_japanese');
  return chosen.length > 0 ? chosen : ['interpretation'];
}

function certificateFor(
  random: Random,
  language: string,
  native: boolean,
  associationName: string,
): { kind: string; name: string; issuer: string; validYears: number | null } | null {
  if (language === 'jsl') {
    return random.chance(0.7)
      ? {
          kind: 'sign_language_interpreter',
          name: '手話通訳士',
          issuer: '社会福祉法人聴力障害者情報文化センター',
          validYears: null,
        }
      : null;
  }
  if (!random.chance(0.3)) return null;
  const roll = random.next();
  if (native && roll < 0.35) {
    return {
      kind: 'jlpt_n1',
      name: '日本語能力試験 N1',
      issuer: '国際交流基金・日本国際教育支援協会',
      validYears: null,
    };
  }
  if (roll < 0.6) {
    return {
      kind: 'medical_interpreter',
      name: '医療通訳技能検定',
      issuer: '一般社団法人日本医療通訳協会',
      validYears: 3,
    };
  }
  if (roll < 0.85) {
    return {
      kind: 'community_interpreter',
      name: 'コミュニティ通訳養成講座 修了',
      issuer: associationName,
      validYears: 2,
    };
  }
  return { kind: 'guide_interpreter', name: '全国通訳案内士', issuer: '観光庁', validYears: null };
}
