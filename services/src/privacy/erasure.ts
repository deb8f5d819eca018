import { type Db, schema } from '@tsunagu/db';
import type { Viewer } from '@tsunagu/domain';
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit';

/**
 * The name a person (or an organization's contact) goes by once erased. Derived from the row's
 * id, so that the expense lines and the audit log, which keep pointing at the row, read the same
 * pseudonym everywhere; the id itself was never personal data.
 */
export const pseudonymOf = (id: string) => `P-${id.slice(0, 8)}`;
const erasedAddressOf = (id: string) => `erased-${id}@erased.invalid`;

/**
 * Free-text columns where someone else may have written a person's name, phone or e-mail
 * (a request's notes, a report's remarks, the notes of cancellation and release reasons, the
 * copies of messages): each is searched for the
 * erased values and they are replaced by the pseudonym. Expense lines are not among them: their
 * note is the coordinators' and a closed period's lines never change.
 */
const freeText = [
  ['requests', 'contact_name'],
  ['requests', 'contact_phone'],
  ['requests', 'notes'],
  ['requests', 'rejection_reason'],
  ['requests', 'cancellation_note'],
  ['assignments', 'release_note'],
  ['assignments', 'withdrawal_note'],
  ['requests', 'venue'],
  ['requests', 'address'],
  ['requests', 'remote_join_instructions'],
  ['activity_reports', 'notes'],
  ['activity_reports', 'remarks'],
  ['request_applications', 'note'],
  ['bans', 'reason'],
  ['organizations', 'contact_name'],
  ['organizations', 'contact_email'],
  ['organizations', 'contact_phone'],
  ['organizations', 'address'],
  ['audit_log', 'reason'],
] as const;

/** Copies of messages: every e-mail and in-app message keeps what it said when it was sent. */
const messageText = [
  ['outbox', 'to_address'],
  ['outbox', 'last_error'],
  ['inbox_messages', 'subject'],
  ['inbox_messages', 'body'],
  ['caught_emails', 'subject'],
  ['caught_emails', 'body'],
] as const;

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces the values (case-insensitively) in the columns, and in the messages' JSON payloads and recipients. */
async function scrub(
  tx: Db,
  values: ReadonlyArray<string | null | undefined>,
  pseudonym: string,
  columns: ReadonlyArray<readonly [string, string]>,
): Promise<void> {
  // A value of one or two characters would match inside unrelated words.
  const wanted = [...new Set(values.filter((value): value is string => (value?.trim().length ?? 0) > 2))];
  if (wanted.length === 0) return;
  const pattern = wanted.map(escapeRegExp).join('|');
  for (const [table, column] of columns) {
    const target = sql.identifier(column);
    await tx.execute(
      sql`update ${sql.identifier(table)} set ${target} = regexp_replace(${target}, ${pattern}, ${pseudonym}, 'gi') where ${target} ~* ${pattern}`,
    );
  }
  // In JSON the values are written escaped.
  const jsonPattern = wanted.map((value) => escapeRegExp(JSON.stringify(value).slice(1, -1))).join('|');
  await tx.execute(
    sql`update outbox set payload = regexp_replace(payload::text, ${jsonPattern}, ${pseudonym}, 'gi')::jsonb where payload::text ~* ${jsonPattern}`,
  );
  await tx.execute(
    sql`update caught_emails set to_addresses = array(select regexp_replace(address, ${pattern}, ${pseudonym}, 'gi') from unnest(to_addresses) as address)
        where array_to_string(to_addresses, ' ') ~* ${pattern}`,
  );
}

export type ErasureCause = 'retention' | 'request';

const erasureReason: Record<ErasureCause, string> = {
  retention: 'retention period over (APPI)',
  request: 'erased on request (APPI)',
};

/**
 * Erases a person's personal data in the transaction given, keeping under a pseudonym what must
 * stay: the account row (the audit log's actor and subject), the volunteer row with its
 * confidentiality pledge, registration and insurance dates (paperwork whose duty outlives the
 * membership), the assignments and their expense lines (the grant-tax claim). Everything else about
 * them goes: name, phone, e-mail, sign-in, languages, regions, availability, days off,
 * certificates, what they wrote in reports and applications, and their name wherever someone wrote
 * it. One audit row records the erasure; the rows before it stay and now read the pseudonym.
 */
/** The associations a person serves or works for: as a volunteer, as their staff, or as an organization's staff. */
export async function associationsOfPerson(tx: Db, userId: string): Promise<string[]> {
  const memberships = await tx
    .select({ associationId: schema.volunteerMemberships.associationId })
    .from(schema.volunteerMemberships)
    .innerJoin(schema.volunteers, eq(schema.volunteers.id, schema.volunteerMemberships.volunteerId))
    .where(eq(schema.volunteers.userId, userId));
  const staff = await tx
    .select({ associationId: schema.associationStaff.associationId })
    .from(schema.associationStaff)
    .where(eq(schema.associationStaff.userId, userId));
  const organizationStaff = await tx
    .select({ associationId: schema.organizations.associationId })
    .from(schema.organizationStaff)
    .innerJoin(schema.organizations, eq(schema.organizations.id, schema.organizationStaff.organizationId))
    .where(eq(schema.organizationStaff.userId, userId));
  return [...new Set([...memberships, ...staff, ...organizationStaff].map((row) => row.associationId))];
}

export async function erasePersonIn(
  tx: Db,
  actor: Viewer,
  userId: string,
  cause: ErasureCause,
  now: Date,
): Promise<{ pseudonym: string }> {
  const pseudonym = pseudonymOf(userId);
  // Locked, so that the job and an admin erasing the same person at once erase them once.
  const [locked] = await tx
    .select({ erasedAt: schema.users.erasedAt })
    .from(schema.users)
    .where(eq(schema.users.id, userId))
    .for('update');
  if (!locked) throw new Error(`user ${userId} vanished during erasure`);
  if (locked.erasedAt) return { pseudonym };
  const user = await tx.query.users.findFirst({
    where: { id: userId },
    columns: { id: true, email: true, displayName: true },
    with: { volunteer: { columns: { id: true, fullName: true, phone: true } } },
  });
  if (!user) throw new Error(`user ${userId} vanished during erasure`);
  const { volunteer } = user;
  // Read before the memberships and staff rows go: the admins of these read the erasure's audit row.
  const associationIds = await associationsOfPerson(tx, user.id);

  await tx
    .update(schema.users)
    .set({
      email: erasedAddressOf(user.id),
      displayName: pseudonym,
      passwordHash: null,
      disabledAt: sql`coalesce(${schema.users.disabledAt}, ${now})`,
      erasedAt: now,
      updatedAt: now,
    })
    .where(eq(schema.users.id, user.id));
  await tx.delete(schema.sessions).where(eq(schema.sessions.userId, user.id));
  await tx.delete(schema.passwordResets).where(eq(schema.passwordResets.userId, user.id));
  await tx.delete(schema.invitations).where(eq(schema.invitations.email, user.email));
  await tx.delete(schema.loginAttempts).where(eq(schema.loginAttempts.email, user.email));
  await tx.delete(schema.idempotencyKeys).where(eq(schema.idempotencyKeys.principal, user.id));
  await tx.delete(schema.organizationStaff).where(eq(schema.organizationStaff.userId, user.id));
  // Sources they uploaded and never filed a request with are theirs alone: they go (their chunks with them).
  await tx
    .delete(schema.documents)
    .where(and(eq(schema.documents.uploadedBy, user.id), isNull(schema.documents.requestId)));
  // Messages not yet sent to them are not sent at all.
  await tx
    .update(schema.outbox)
    .set({ status: 'failed', lastError: 'recipient erased' })
    .where(and(eq(schema.outbox.recipientUserId, user.id), eq(schema.outbox.status, 'pending')));
  await tx
    .update(schema.activityReports)
    .set({ notes: null, remarks: null })
    .where(eq(schema.activityReports.filedBy, user.id));

  const ownWords: Array<string | null> = [];
  if (volunteer) {
    await tx
      .update(schema.volunteers)
      .set({
        fullName: pseudonym,
        phone: null,
        maxTravelKm: null,
        specialties: [],
        monthlyCap: null,
        status: 'retired',
        retiredAt: sql`coalesce(${schema.volunteers.retiredAt}, ${now})`,
        updatedAt: now,
      })
      .where(eq(schema.volunteers.id, volunteer.id));
    await tx
      .update(schema.volunteerMemberships)
      .set({ status: 'left', leftAt: sql`coalesce(${schema.volunteerMemberships.leftAt}, ${now})` })
      .where(eq(schema.volunteerMemberships.volunteerId, volunteer.id));
    for (const table of [
      schema.volunteerLanguages,
      schema.volunteerRegions,
      schema.availabilityWindows,
      schema.daysOff,
      schema.certificates,
      schema.calendarFeeds,
      schema.bans,
    ]) {
      await tx.delete(table).where(eq(table.volunteerId, volunteer.id));
    }
    await tx
      .update(schema.offers)
      .set({ status: 'withdrawn', respondedAt: now, updatedAt: now })
      .where(and(eq(schema.offers.volunteerId, volunteer.id), eq(schema.offers.status, 'offered')));
    await tx
      .update(schema.applications)
      .set({ note: null, withdrawnAt: sql`coalesce(${schema.applications.withdrawnAt}, ${now})` })
      .where(eq(schema.applications.volunteerId, volunteer.id));
    // The volunteer's own reports on their assignments, whoever filed them.
    await tx.execute(
      sql`update activity_reports set notes = null where kind = 'volunteer'
          and assignment_id in (select id from assignments where volunteer_id = ${volunteer.id})`,
    );
    // Why they withdrew or gave a translation back, in their words (the reason from the list stays,
    // for the report); the coordinators' messages quoted it.
    const withdrawals = await tx
      .select({ note: schema.assignments.withdrawalNote })
      .from(schema.assignments)
      .where(and(eq(schema.assignments.volunteerId, volunteer.id), isNotNull(schema.assignments.withdrawalNote)));
    ownWords.push(...withdrawals.map((withdrawal) => withdrawal.note));
    await tx
      .update(schema.assignments)
      .set({ withdrawalNote: null })
      .where(eq(schema.assignments.volunteerId, volunteer.id));
  }

  const values = [user.email, user.displayName, volunteer?.fullName, volunteer?.phone, ...ownWords];
  await scrub(tx, values, pseudonym, [...freeText, ...messageText]);
  await recordAudit(tx, actor, [
    {
      action: 'delete',
      subjectType: 'user',
      subjectId: user.id,
      associationIds,
      fields: volunteer
        ? [
            'email',
            'displayName',
            'fullName',
            'phone',
            'languages',
            'regions',
            'availability',
            'daysOff',
            'certificates',
          ]
        : ['email', 'displayName'],
      reason: erasureReason[cause],
    },
  ]);
  return { pseudonym };
}

/**
 * Erases a closed organization's contact (and its requesting staff, and its requests'
 * particulars), keeping the organization, a public body, by name for the accounts.
 */
export async function anonymiseOrganizationIn(tx: Db, actor: Viewer, organizationId: string, now: Date) {
  const organization = await tx.query.organizations.findFirst({
    where: { id: organizationId },
    columns: {
      id: true,
      associationId: true,
      contactName: true,
      contactEmail: true,
      contactPhone: true,
      address: true,
    },
    with: { staff: { columns: { userId: true } } },
  });
  if (!organization) throw new Error(`organization ${organizationId} vanished during anonymisation`);
  const pseudonym = pseudonymOf(organization.id);
  await tx
    .update(schema.organizations)
    .set({
      contactName: pseudonym,
      contactEmail: erasedAddressOf(organization.id),
      contactPhone: null,
      address: null,
      anonymisedAt: now,
      updatedAt: now,
    })
    .where(eq(schema.organizations.id, organization.id));
  const requests = await tx
    .select({ id: schema.requests.id })
    .from(schema.requests)
    .where(and(eq(schema.requests.organizationId, organization.id), isNull(schema.requests.particularsErasedAt)));
  await eraseRequestParticularsIn(
    tx,
    requests.map((request) => request.id),
    now,
  );
  // Sources uploaded for requests never filed.
  await tx
    .delete(schema.documents)
    .where(and(eq(schema.documents.organizationId, organization.id), isNull(schema.documents.requestId)));
  await scrub(tx, [organization.contactName, organization.contactEmail, organization.contactPhone], pseudonym, [
    ...freeText,
    ...messageText,
  ]);
  for (const { userId } of organization.staff) {
    // Someone who also volunteers keeps that profile (it has a retention of its own): they only leave the organization.
    const staff = await tx.query.users.findFirst({
      where: { id: userId },
      columns: {},
      with: { volunteer: { columns: { id: true } } },
    });
    if (staff?.volunteer) {
      await tx.delete(schema.organizationStaff).where(eq(schema.organizationStaff.userId, userId));
    } else {
      await erasePersonIn(tx, actor, userId, 'retention', now);
    }
  }
  await recordAudit(tx, actor, [
    {
      action: 'delete',
      subjectType: 'organization',
      subjectId: organization.id,
      associationIds: [organization.associationId],
      fields: ['contactName', 'contactEmail', 'contactPhone', 'address'],
      reason: erasureReason.retention,
    },
  ]);
}

/**
 * Erases the contact person and the notes of requests whose activity is long over (the notes may
 * name the resident served), the notes of why it was cancelled or a booking of it ended (which
 * may too; the reasons from the lists stay, for the report), and their copies in the messages
 * sent about them.
 */
export async function eraseRequestParticularsIn(tx: Db, requestIds: readonly string[], now: Date): Promise<number> {
  if (requestIds.length === 0) return 0;
  const erased = await tx
    .select({
      id: schema.requests.id,
      contactName: schema.requests.contactName,
      contactPhone: schema.requests.contactPhone,
      cancellationNote: schema.requests.cancellationNote,
    })
    .from(schema.requests)
    .where(and(inArray(schema.requests.id, [...requestIds]), isNull(schema.requests.particularsErasedAt)))
    .for('update');
  if (erased.length === 0) return 0;
  const erasedIds = erased.map((request) => request.id);
  await tx
    .update(schema.requests)
    .set({
      contactName: '',
      contactPhone: null,
      notes: null,
      cancellationNote: null,
      particularsErasedAt: now,
      updatedAt: now,
    })
    .where(inArray(schema.requests.id, erasedIds));
  const bookingNotes = await tx
    .select({ releaseNote: schema.assignments.releaseNote, withdrawalNote: schema.assignments.withdrawalNote })
    .from(schema.assignments)
    .where(inArray(schema.assignments.requestId, erasedIds));
  await tx
    .update(schema.assignments)
    .set({ releaseNote: null, withdrawalNote: null })
    .where(inArray(schema.assignments.requestId, erasedIds));
  // The documents name the residents they are about (a letter, a form): they go with the particulars.
  await tx.delete(schema.documents).where(inArray(schema.documents.requestId, [...requestIds]));
  await scrub(
    tx,
    [
      ...erased.flatMap((request) => [request.contactName, request.contactPhone, request.cancellationNote]),
      ...bookingNotes.flatMap((booking) => [booking.releaseNote, booking.withdrawalNote]),
    ],
    '—',
    messageText,
  );
  return erased.length;
}
