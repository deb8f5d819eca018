import { type Db, schema } from '@tsunagu/db';
import { busyRange, type RateRulesInput, rateRulesSchema, type Viewer } from '@tsunagu/domain';
import { eq } from 'drizzle-orm';

/**
 * Small, explicit rows for tests that do not need the whole reference dataset: a prefecture and two
 * municipalities of Osaka, with their real codes and office points.
 */
export async function insertOsakaGovernments(db: Db): Promise<void> {
  await db
    .insert(schema.localGovernments)
    .values([
      {
        code: '270008',
        prefectureCode: '27',
        kind: 'prefecture',
        nameJa: '大阪府',
        nameKana: 'おおさかふ',
        nameEn: 'Osaka',
        latitude: 34.686,
        longitude: 135.52,
      },
      {
        code: '271004',
        prefectureCode: '27',
        kind: 'municipality',
        nameJa: '大阪市',
        nameKana: 'おおさかし',
        latitude: 34.6937,
        longitude: 135.5023,
      },
      {
        code: '272035',
        prefectureCode: '27',
        kind: 'municipality',
        nameJa: '豊中市',
        nameKana: 'とよなかし',
        latitude: 34.7813,
        longitude: 135.4699,
      },
    ])
    .onConflictDoNothing();
}

export async function insertLanguages(db: Db): Promise<void> {
  await db
    .insert(schema.languages)
    .values([
      { code: 'ja', nameJa: '日本語', nameEn: 'Japanese', sortOrder: 0 },
      { code: 'vi', nameJa: 'ベトナム語', nameEn: 'Vietnamese', sortOrder: 2 },
      { code: 'zh', nameJa: '中国語', nameEn: 'Chinese', sortOrder: 1 },
      { code: 'jsl', nameJa: '日本手話', nameEn: 'Japanese Sign Language', sortOrder: 20 },
    ])
    .onConflictDoNothing();
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export async function insertAssociation(db: Db, values: Partial<typeof schema.associations.$inferInsert> = {}) {
  await insertOsakaGovernments(db);
  const [association] = await db
    .insert(schema.associations)
    .values({
      slug: unique('assoc'),
      nameJa: '大阪国際交流センター',
      nameEn: 'Osaka International House',
      localGovernmentCode: '271004',
      ...values,
    })
    .returning();
  if (!association) throw new Error('no association');
  return association;
}

/**
 * A partnership both sides agreed to: `associationId` may open its requests to the volunteers of
 * `partnerId`, whose admin accepted.
 */
export async function insertAcceptedPartnership(db: Db, associationId: string, partnerId: string) {
  await db
    .insert(schema.associationPartners)
    .values({ associationId, partnerId, status: 'accepted', acceptedAt: new Date('2026-11-30T10:00:00+09:00') });
}

export async function insertUser(db: Db, values: Partial<typeof schema.users.$inferInsert> = {}) {
  const [user] = await db
    .insert(schema.users)
    .values({ email: `${unique('user')}@example.jp`, displayName: 'テスト 利用者', ...values })
    .returning();
  if (!user) throw new Error('no user');
  return user;
}

export async function insertStaffMember(db: Db, associationId: string, role: 'coordinator' | 'admin') {
  const user = await insertUser(db, { displayName: role === 'admin' ? '管理 太郎' : '調整 花子' });
  await db.insert(schema.associationStaff).values({ associationId, userId: user.id, role });
  return user;
}

export async function insertOrganization(
  db: Db,
  associationId: string,
  values: Partial<typeof schema.organizations.$inferInsert> = {},
) {
  const [organization] = await db
    .insert(schema.organizations)
    .values({
      associationId,
      name: '豊中市役所 市民課',
      type: 'municipality',
      localGovernmentCode: '272035',
      contactName: '窓口 一郎',
      contactEmail: `${unique('desk')}@city.toyonaka.example.jp`,
      status: 'approved',
      ...values,
    })
    .returning();
  if (!organization) throw new Error('no organization');
  return organization;
}

export async function insertRequester(db: Db, organizationId: string) {
  const user = await insertUser(db, { displayName: '依頼 次郎' });
  await db.insert(schema.organizationStaff).values({ userId: user.id, organizationId });
  return user;
}

/** A volunteer account with an active profile and membership in the association. */
export async function insertVolunteerUser(db: Db, associationId: string) {
  const user = await insertUser(db, { displayName: 'Nguyen Van A' });
  await insertOsakaGovernments(db);
  const [volunteer] = await db
    .insert(schema.volunteers)
    .values({ userId: user.id, fullName: 'Nguyen Van A', homeLocalGovernmentCode: '271004', status: 'active' })
    .returning();
  if (!volunteer) throw new Error('no volunteer');
  await db.insert(schema.volunteerMemberships).values({ volunteerId: volunteer.id, associationId, status: 'active' });
  return user;
}

/** A volunteer with a sign-in account and a membership of the association (`active` unless told). */
export async function insertVolunteer(
  db: Db,
  associationId: string,
  values: Partial<typeof schema.volunteers.$inferInsert> = {},
  membershipStatus: 'applied' | 'active' | 'suspended' | 'left' = 'active',
) {
  await insertOsakaGovernments(db);
  const user = await insertUser(db, { displayName: 'グエン ラン' });
  const [volunteer] = await db
    .insert(schema.volunteers)
    .values({ userId: user.id, fullName: 'グエン・ティ・ラン', homeLocalGovernmentCode: '272035', ...values })
    .returning();
  if (!volunteer) throw new Error('no volunteer');
  await db
    .insert(schema.volunteerMemberships)
    .values({ volunteerId: volunteer.id, associationId, status: membershipStatus });
  return { user, volunteer };
}

export interface AvailableVolunteerOptions {
  values?: Partial<typeof schema.volunteers.$inferInsert>;
  language?: Partial<typeof schema.volunteerLanguages.$inferInsert>;
  windows?: { weekday: number; startMinute: number; endMinute: number }[];
  regions?: string[];
  association?: string;
}

/**
 * An active volunteer of the association living in Toyonaka and covering it, fluent in Vietnamese
 * for interpreting, free 09:00–17:00 every day, unless told otherwise: someone matching would offer
 * the fixtures' default request to.
 */
export async function insertAvailableVolunteer(db: Db, associationId: string, options: AvailableVolunteerOptions = {}) {
  const { user, volunteer } = await insertVolunteer(db, options.association ?? associationId, {
    status: 'active',
    ...options.values,
  });
  await db.insert(schema.volunteerLanguages).values({
    volunteerId: volunteer.id,
    languageCode: 'vi',
    level: 'fluent',
    directions: ['interpretation'],
    ...options.language,
  });
  const windows =
    options.windows ?? [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 }));
  await db
    .insert(schema.availabilityWindows)
    .values(windows.map((window) => ({ volunteerId: volunteer.id, ...window })));
  const regions = options.regions ?? ['272035'];
  if (regions.length > 0) {
    await db
      .insert(schema.volunteerRegions)
      .values(regions.map((localGovernmentCode) => ({ volunteerId: volunteer.id, localGovernmentCode })));
  }
  return { user, volunteer };
}

/**
 * An open on-site request for Vietnamese at the Toyonaka city hall; pass `startsAt` and `endsAt`
 * (and anything else that matters to the test). Needs `insertLanguages` first.
 */
export async function insertRequest(
  db: Db,
  associationId: string,
  organizationId: string,
  values: Partial<typeof schema.requests.$inferInsert> = {},
) {
  const [request] = await db
    .insert(schema.requests)
    .values({
      associationId,
      organizationId,
      status: 'open',
      modality: 'on_site',
      languageCode: 'vi',
      startsAt: new Date('2027-02-02T10:00:00+09:00'),
      endsAt: new Date('2027-02-02T12:00:00+09:00'),
      localGovernmentCode: '272035',
      venue: '豊中市役所 市民課窓口',
      purpose: 'consultation_desk',
      contactName: '窓口 一郎',
      grantTaxCategory: '1',
      ...values,
    })
    .returning();
  if (!request) throw new Error('no request');
  return request;
}

/** Japanese, the usual other side of a request's language pair. */
export async function insertJapanese(db: Db): Promise<void> {
  await db
    .insert(schema.languages)
    .values({ code: 'ja', nameJa: '日本語', nameEn: 'Japanese', sortOrder: 0 })
    .onConflictDoNothing();
}

/**
 * What service-level tests of dispatch start from: languages, an association with an approved
 * organization, and one of its coordinators as a viewer.
 */
export async function insertCoordinatorWorld(db: Db, locale: 'ja' | 'en') {
  await insertLanguages(db);
  const associationId = (await insertAssociation(db)).id;
  const organizationId = (await insertOrganization(db, associationId)).id;
  const staff = await insertStaffMember(db, associationId, 'coordinator');
  const coordinator: Viewer = {
    userId: staff.id,
    locale,
    organizationId: null,
    volunteerId: null,
    coordinatorOf: [associationId],
    adminOf: [],
  };
  return { associationId, organizationId, coordinator };
}

/** Yabu City's rates (DESIGN.md): ¥3,500 per job under 4 hours, the actual fare, late cancellations by notice. */
export const yabuRates: RateRulesInput = {
  honorarium: { kind: 'per_job', amountYen: 3500, limitMinutes: 240 },
  translation: { perPageYen: 1500, perManuscriptPageYen: null },
  remoteSessionYen: 500,
  transport: { kind: 'actual_fare', receipt: 'not_required', capYen: 2000 },
  cancellation: [{ noticeHoursUnder: 24, percentOfFee: 100, fixedYen: null }],
  payers: {
    honorarium: { paidBy: 'requester' },
    translation: { paidBy: 'requester' },
    remote: { paidBy: 'requester' },
    transport: { paidBy: 'requester' },
    cancellation: { paidBy: 'requester' },
  },
};

/** A rate schedule in force from `effectiveFrom` (Yabu City's rates unless told). */
export async function insertRateSchedule(
  db: Db,
  associationId: string,
  { rules = yabuRates, effectiveFrom = '2024-04-01' }: { rules?: RateRulesInput; effectiveFrom?: string } = {},
) {
  const [schedule] = await db
    .insert(schema.rateSchedules)
    .values({ associationId, effectiveFrom, rules: rateRulesSchema.parse(rules) })
    .returning();
  if (!schedule) throw new Error('insert returned no row');
  return schedule;
}

/**
 * A booking written straight into the database, for tests about what a booking shows (booking
 * itself is the dispatch steps' work, tested there); the exclusion constraint still applies.
 */
export async function insertAssignment(
  db: Db,
  request: typeof schema.requests.$inferSelect,
  volunteerId: string,
  status: (typeof schema.assignmentStatus.enumValues)[number] = 'confirmed',
) {
  const busy = busyRange(request);
  const [assignment] = await db
    .insert(schema.assignments)
    .values({
      requestId: request.id,
      volunteerId,
      status,
      busyFrom: busy?.from ?? null,
      busyUntil: busy?.until ?? null,
    })
    .returning();
  if (!assignment) throw new Error('insert returned no row');
  return assignment;
}

/** Sets the language a user reads the app and e-mails in (users are Japanese unless told). */
export async function setLocale(db: Db, userId: string, locale: 'ja' | 'en') {
  await db.update(schema.users).set({ locale }).where(eq(schema.users.id, userId));
}
