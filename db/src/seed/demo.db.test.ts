import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../client';
import { loadReferenceData } from '../reference/load';
import { openTestDatabase, type TestDatabase } from '../testing';
import { type DemoProgress, demoLogins, demoPrefecturalRequester, seedDemoData } from './demo';

const options = { volunteers: 120, today: '2026-06-15', passwordHash: '$argon2id$demo', seed: 7 };

async function population(db: Db) {
  const volunteers = await db.query.volunteers.findMany({
    orderBy: { id: 'asc' },
    columns: { id: true, fullName: true, homeLocalGovernmentCode: true, status: true, registrationExpiresOn: true },
    with: {
      languages: { columns: { languageCode: true, level: true, directions: true } },
      availability: { columns: { weekday: true, startMinute: true, endMinute: true } },
    },
  });
  const organizations = await db.query.organizations.findMany({
    orderBy: { id: 'asc' },
    columns: { id: true, name: true, type: true, status: true, associationId: true },
  });
  return { volunteers, organizations };
}

describe('the demo population', () => {
  let first: TestDatabase;
  const progress: DemoProgress[] = [];
  beforeAll(async () => {
    first = await openTestDatabase();
    await loadReferenceData(first.database.db);
    await seedDemoData(first.database.db, { ...options, onProgress: (step) => progress.push(step) });
  }, 60_000);
  afterAll(() => first?.dispose());

  test('has a login for each role, in the Osaka prefectural association', async () => {
    const { db } = first.database;
    const staff = await db.query.users.findMany({
      where: { email: { in: [demoLogins.coordinator, demoLogins.admin] } },
      columns: { email: true, passwordHash: true },
      with: { associationRoles: { columns: { role: true }, with: { association: { columns: { nameJa: true } } } } },
    });
    expect(staff.map((user) => [user.email, user.associationRoles[0]?.role, user.passwordHash])).toEqual(
      expect.arrayContaining([
        [demoLogins.coordinator, 'coordinator', options.passwordHash],
        [demoLogins.admin, 'admin', options.passwordHash],
      ]),
    );
    expect(staff[0]?.associationRoles[0]?.association.nameJa).toBe('大阪府国際交流協会');
    const requester = await db.query.users.findFirst({
      where: { email: demoLogins.requester },
      with: {
        staffOf: {
          with: { organization: { columns: { status: true }, with: { association: { columns: { nameJa: true } } } } },
        },
      },
    });
    expect(requester?.staffOf?.organization).toEqual({
      status: 'approved',
      association: { nameJa: '大阪府国際交流協会' },
    });
    const volunteer = await db.query.users.findFirst({
      where: { email: demoLogins.volunteer },
      with: { volunteer: { columns: { status: true }, with: { languages: { columns: { languageCode: true } } } } },
    });
    expect(volunteer?.volunteer?.status).toBe('active');
    expect(volunteer?.volunteer?.languages.map((language) => language.languageCode).sort()).toEqual(['en', 'vi']);
  });

  test('has a login at the prefectural office, whose costs a prefecture bears', async () => {
    const requester = await first.database.db.query.users.findFirst({
      where: { email: demoPrefecturalRequester },
      with: {
        staffOf: {
          with: {
            organization: {
              columns: { status: true, type: true, localGovernmentCode: true },
              with: { association: { columns: { nameJa: true } } },
            },
          },
        },
      },
    });
    expect(requester?.staffOf?.organization).toEqual({
      status: 'approved',
      type: 'prefecture',
      localGovernmentCode: '270008',
      association: { nameJa: '大阪府国際交流協会' },
    });
  });

  test('spreads over Tokyo, Aichi and Osaka, with public bodies of every type and partner associations', async () => {
    const { db } = first.database;
    const associations = await db.query.associations.findMany({
      with: { partnerships: { columns: { status: true } } },
    });
    expect(associations.map((association) => association.localGovernmentCode.slice(0, 2)).sort()).toEqual([
      '13',
      '13',
      '23',
      '23',
      '27',
      '27',
    ]);
    expect(
      associations.every(
        (association) =>
          association.partnerships.length > 0 &&
          association.partnerships.every((partnership) => partnership.status === 'accepted'),
      ),
    ).toBe(true);
    const { organizations, volunteers } = await population(db);
    expect(new Set(organizations.map((organization) => organization.type)).size).toBe(8);
    expect(volunteers).toHaveLength(options.volunteers);
    const homes = new Set(volunteers.map((volunteer) => volunteer.homeLocalGovernmentCode.slice(0, 2)));
    expect([...homes].sort()).toEqual(['13', '23', '27']);
  });

  test('has the paperwork matching must cope with: expired certificates, days off, lapsed registrations', async () => {
    const { db } = first.database;
    const certificates = await db.query.certificates.findMany({ columns: { expiresOn: true } });
    expect(
      certificates.some((certificate) => certificate.expiresOn !== null && certificate.expiresOn < options.today),
    ).toBe(true);
    expect(
      certificates.some((certificate) => certificate.expiresOn === null || certificate.expiresOn >= options.today),
    ).toBe(true);
    expect(await db.query.daysOff.findFirst()).toBeDefined();
    const volunteers = await db.query.volunteers.findMany({ columns: { registrationExpiresOn: true, status: true } });
    expect(volunteers.some((volunteer) => volunteer.status !== 'active')).toBe(true);
  });

  test('reports each phase with counts and time while it runs', () => {
    expect(progress.map((step) => step.phase)).toEqual(['associations', 'organizations', 'volunteers 120 of 120']);
    expect(progress[0]?.counts.associations).toBe(6);
    expect(progress.every((step) => step.elapsedMs >= 0)).toBe(true);
  });

  test('is loaded once: a second run adds nothing and says when the first one was', async () => {
    const before = await population(first.database.db);
    const again = await seedDemoData(first.database.db, options);
    expect(again.added).toBe(false);
    expect(again.seededAt).toBeInstanceOf(Date);
    expect(await population(first.database.db)).toEqual(before);
  });

  test('the same seed and day give the same population, ids included', async () => {
    const second = await openTestDatabase();
    try {
      await loadReferenceData(second.database.db);
      await seedDemoData(second.database.db, options);
      expect(await population(second.database.db)).toEqual(await population(first.database.db));
    } finally {
      await second.dispose();
    }
  }, 60_000);
});

test('without the reference data it says what to load first, and writes nothing', async () => {
  const empty = await openTestDatabase();
  try {
    await expect(seedDemoData(empty.database.db, options)).rejects.toThrow(/reference data is not loaded/);
    expect(await empty.database.db.query.instance.findFirst()).toBeUndefined();
  } finally {
    await empty.dispose();
  }
}, 30_000);
