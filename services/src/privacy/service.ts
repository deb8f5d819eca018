import { type Db, schema } from '@tsunagu/db';

import {
  anonymous,
  type Clock,
  ErasureRefusedError,
  ForbiddenError,
  found,
  NotFoundError,
  type RetentionPolicy,
  readPolicy,
  retentionDue,
  UnauthenticatedError,
  type Viewer,
} from '@tsunagu/domain';
import { and, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { Logger } from '../logger';
import { anonymiseOrganizationIn, associationsOfPerson, erasePersonIn, eraseRequestParticularsIn } from './erasure';

export interface RetentionRun {
  people: number;
  organizations: number;
  requests: number;
}

/** When a request's activity ends: its end, or a translation's deadline. */
const activityEnd = sql<Date | null>`coalesce(${schema.requests.endsAt}, ${schema.requests.deadline})`;

/** Requests whose particulars are erased per transaction, so that a first run over years of requests stays short. */
const requestBatch = 200;

export function createPrivacyService({ db, clock, logger }: { db: Db; clock: Clock; logger: Logger }) {
  return {
    /**
     * Anonymises and erases what the associations' retention periods say is due now. Each person
     * and organization in a transaction of its own; a run that stops half-way is finished by the
     * next one, since what is done is no longer selected.
     */
    async applyRetention(): Promise<RetentionRun> {
      const now = clock.now();
      const associations = await db
        .select({ id: schema.associations.id, policy: schema.associations.policy })
        .from(schema.associations);
      const policies = new Map<string, RetentionPolicy>(
        associations.map((association) => [association.id, readPolicy(association.policy).retention]),
      );
      const people = await db.query.users.findMany({
        where: {
          erasedAt: { isNull: true },
          volunteer: { OR: [{ status: 'retired' }, { memberships: { status: 'left' } }] },
        },
        columns: { id: true },
        with: {
          volunteer: {
            columns: { status: true, retiredAt: true },
            with: { memberships: { columns: { associationId: true, status: true, leftAt: true } } },
          },
        },
      });
      const organizations = await db
        .select({
          id: schema.organizations.id,
          associationId: schema.organizations.associationId,
          closedAt: schema.organizations.closedAt,
        })
        .from(schema.organizations)
        .where(and(eq(schema.organizations.status, 'closed'), isNull(schema.organizations.anonymisedAt)));
      const ended = activityEnd;
      // Every policy keeps a request's particulars a day at least.
      const requests = await db
        .select({ id: schema.requests.id, associationId: schema.requests.associationId, activityEndedAt: ended })
        .from(schema.requests)
        .where(and(isNull(schema.requests.particularsErasedAt), lte(ended, now.minus({ days: 1 }).toJSDate())));
      const booked = await db
        .selectDistinct({ userId: schema.volunteers.userId })
        .from(schema.assignments)
        .innerJoin(schema.volunteers, eq(schema.volunteers.id, schema.assignments.volunteerId))
        .innerJoin(schema.requests, eq(schema.requests.id, schema.assignments.requestId))
        .where(and(eq(schema.assignments.status, 'confirmed'), gt(ended, now.toJSDate())));
      const bookedUsers = new Set(booked.map((row) => row.userId));
      const due = retentionDue(
        {
          people: people.map((person) => ({
            userId: person.id,
            volunteer: person.volunteer,
            bookingToCome: bookedUsers.has(person.id),
          })),
          organizations,
          requests: requests.map((request) => ({
            ...request,
            activityEndedAt: request.activityEndedAt === null ? null : new Date(request.activityEndedAt),
          })),
        },
        policies,
        now,
      );
      const at = now.toJSDate();
      for (const userId of due.people) {
        await db.transaction((tx) => erasePersonIn(tx, anonymous, userId, 'retention', at));
      }
      for (const organizationId of due.organizations) {
        await db.transaction((tx) => anonymiseOrganizationIn(tx, anonymous, organizationId, at));
      }
      let erasedRequests = 0;
      for (let start = 0; start < due.requests.length; start += requestBatch) {
        const batch = due.requests.slice(start, start + requestBatch);
        erasedRequests += await db.transaction((tx) => eraseRequestParticularsIn(tx, batch, at));
      }
      const run = { people: due.people.length, organizations: due.organizations.length, requests: erasedRequests };
      logger.info(run, 'retention applied');
      return run;
    },

    /**
     * An admin of an association the person served (as a volunteer or as its organization's staff)
     * erases them on their request. Refused while a booking of theirs is still to come, and for
     * staff (whose role is removed first); an erased person has nothing left to erase.
     */
    async erasePerson(
      viewer: Viewer,
      person: { userId: string } | { volunteerId: string },
    ): Promise<{ userId: string; pseudonym: string }> {
      const now = clock.now().toJSDate();
      let userId: string;
      if ('userId' in person) userId = person.userId;
      else {
        const volunteer = found(
          await db.query.volunteers.findFirst({
            where: { id: person.volunteerId },
            columns: { userId: true },
          }),
          'Volunteer',
          person.volunteerId,
        );
        userId = volunteer.userId;
      }
      return db.transaction(async (tx) => {
        const [locked] = await tx
          .select({ id: schema.users.id, erasedAt: schema.users.erasedAt })
          .from(schema.users)
          .where(eq(schema.users.id, userId))
          .for('update');
        if (!locked) throw new NotFoundError('User', userId);
        const person = await tx.query.users.findFirst({
          where: { id: userId },
          columns: { id: true },
          with: {
            volunteer: { columns: { id: true }, with: { memberships: { columns: { associationId: true } } } },
            staffOf: { columns: {}, with: { organization: { columns: { associationId: true } } } },
            associationRoles: { columns: { associationId: true } },
          },
        });
        const served = [
          ...(person?.volunteer?.memberships.map((membership) => membership.associationId) ?? []),
          ...(person?.staffOf ? [person.staffOf.organization.associationId] : []),
        ];
        if (!served.some((associationId) => viewer.adminOf.includes(associationId))) {
          // Of another association's people, not even whether they exist.
          if (served.length === 0 && !person?.associationRoles.length) throw new NotFoundError('User', userId);
          throw new ForbiddenError('serving_admins_only');
        }
        if (locked.erasedAt) throw new ErasureRefusedError('already_erased');
        if (person?.associationRoles.length) throw new ErasureRefusedError('staff_member');
        if (person?.volunteer) {
          const [upcoming] = await tx
            .select({ id: schema.assignments.id })
            .from(schema.assignments)
            .innerJoin(schema.requests, eq(schema.requests.id, schema.assignments.requestId))
            .where(
              and(
                eq(schema.assignments.volunteerId, person.volunteer.id),
                eq(schema.assignments.status, 'confirmed'),
                gt(activityEnd, now),
              ),
            )
            .limit(1);
          if (upcoming) throw new ErasureRefusedError('booking_to_come');
        }
        const { pseudonym } = await erasePersonIn(tx, viewer, userId, 'request', now);
        return { userId, pseudonym };
      });
    },

    /**
     * What the system holds about the signed-in person (APPI Art. 33), as one JSON document, and
     * an audit row saying they downloaded it. Only their own data: of the requests they worked on,
     * the date, place and language, not the requester's contact or notes; of the audit log, who
     * read their data by role, not by name.
     */
    async disclose(viewer: Viewer): Promise<PersonalDataDisclosure> {
      if (!viewer.userId) throw new UnauthenticatedError();
      const userId = viewer.userId;
      const user = found(
        await db.query.users.findFirst({
          where: { id: userId },
          columns: { id: true, email: true, displayName: true, locale: true, createdAt: true, disabledAt: true },
          with: {
            staffOf: { columns: {}, with: { organization: { columns: { id: true, name: true } } } },
            associationRoles: {
              columns: { role: true },
              with: { association: { columns: { nameJa: true, nameEn: true } } },
            },
            volunteer: {
              columns: {
                id: true,
                fullName: true,
                phone: true,
                homeLocalGovernmentCode: true,
                maxTravelKm: true,
                remoteCapable: true,
                specialties: true,
                monthlyCap: true,
                holidaysOff: true,
                status: true,
                retiredAt: true,
                confidentialityPledgeSignedAt: true,
                insuranceEnrolledUntil: true,
                registrationExpiresOn: true,
                createdAt: true,
              },
              with: {
                memberships: {
                  columns: { status: true, joinedAt: true, leftAt: true },
                  with: { association: { columns: { nameJa: true, nameEn: true } } },
                },
                languages: { columns: { languageCode: true, level: true, directions: true } },
                regions: { columns: { localGovernmentCode: true } },
                availability: { columns: { weekday: true, startMinute: true, endMinute: true } },
                daysOff: { columns: { startsOn: true, endsOn: true } },
                certificates: { columns: { name: true, issuer: true, kind: true, issuedOn: true, expiresOn: true } },
              },
            },
          },
        }),
        'User',
        userId,
      );
      const volunteerId = user.volunteer?.id ?? null;

      const assignments = volunteerId
        ? await db.query.assignments.findMany({
            where: { volunteerId },
            columns: {
              id: true,
              status: true,
              createdAt: true,
              reconfirmedAt: true,
              cancelledAt: true,
              withdrawalReason: true,
              withdrawalNote: true,
            },
            with: {
              request: {
                columns: {
                  modality: true,
                  languageCode: true,
                  pairLanguageCode: true,
                  startsAt: true,
                  endsAt: true,
                  deadline: true,
                  localGovernmentCode: true,
                  purpose: true,
                },
                with: { organization: { columns: { name: true } } },
              },
              reports: {
                where: { kind: 'volunteer' },
                columns: {
                  actualStart: true,
                  actualEnd: true,
                  transportFareYen: true,
                  notes: true,
                  filedAt: true,
                  approvedAt: true,
                },
              },
            },
            orderBy: { createdAt: 'asc' },
          })
        : [];
      const assignmentIds = assignments.map((assignment) => assignment.id);
      const expenseLines = assignmentIds.length
        ? await db
            .select({
              assignmentId: schema.expenseLines.assignmentId,
              kind: schema.expenseLines.kind,
              amountYen: schema.expenseLines.amountYen,
              payer: schema.expenseLines.payer,
              status: schema.expenseLines.status,
              activityDate: schema.expenseLines.activityDate,
              fiscalYear: schema.expenseLines.fiscalYear,
              grantTaxCategory: schema.expenseLines.grantTaxCategory,
              bearingGovernmentCode: schema.expenseLines.bearingGovernmentCode,
            })
            .from(schema.expenseLines)
            .where(inArray(schema.expenseLines.assignmentId, assignmentIds))
            .orderBy(schema.expenseLines.activityDate, schema.expenseLines.id)
        : [];
      // The documents they uploaded, by name and size: the bytes are the organization's, downloaded from the request.
      const documentsUploaded = await db.query.documents.findMany({
        where: { uploadedBy: userId },
        columns: {
          id: true,
          requestId: true,
          role: true,
          version: true,
          fileName: true,
          mediaType: true,
          sizeBytes: true,
          sha256: true,
          createdAt: true,
        },
        orderBy: { createdAt: 'asc' },
      });
      // What a requester filed: the requests, with the contact and notes they wrote.
      const requestsFiled = await db.query.requests.findMany({
        where: { filedBy: userId },
        columns: {
          id: true,
          status: true,
          modality: true,
          languageCode: true,
          startsAt: true,
          endsAt: true,
          deadline: true,
          venue: true,
          address: true,
          purpose: true,
          contactName: true,
          contactPhone: true,
          notes: true,
          cancellationReason: true,
          cancellationNote: true,
          createdAt: true,
        },
        with: { organization: { columns: { name: true } } },
        orderBy: { createdAt: 'asc' },
      });
      const subjects = [
        and(eq(schema.auditLog.subjectType, 'user'), eq(schema.auditLog.subjectId, userId)),
        ...(volunteerId
          ? [and(eq(schema.auditLog.subjectType, 'volunteer'), eq(schema.auditLog.subjectId, volunteerId))]
          : []),
      ];
      const audit = await db
        .select({
          at: schema.auditLog.at,
          action: schema.auditLog.action,
          subjectType: schema.auditLog.subjectType,
          fields: schema.auditLog.fields,
          actorUserId: schema.auditLog.actorUserId,
        })
        .from(schema.auditLog)
        .where(or(...subjects))
        .orderBy(schema.auditLog.id);
      const notifications = await db
        .select({
          template: schema.outbox.template,
          status: schema.outbox.status,
          createdAt: schema.outbox.createdAt,
          sentAt: schema.outbox.sentAt,
          subject: schema.inboxMessages.subject,
          body: schema.inboxMessages.body,
          readAt: schema.inboxMessages.readAt,
        })
        .from(schema.outbox)
        .leftJoin(schema.inboxMessages, eq(schema.inboxMessages.outboxId, schema.outbox.id))
        .where(eq(schema.outbox.recipientUserId, userId))
        .orderBy(schema.outbox.createdAt);

      // Which kinds of message the person asked not to get by e-mail: a choice of theirs, so theirs to see.
      const emailOptOuts = await db
        .select({ topic: schema.emailOptOuts.topic, since: schema.emailOptOuts.createdAt })
        .from(schema.emailOptOuts)
        .where(eq(schema.emailOptOuts.userId, userId))
        .orderBy(schema.emailOptOuts.topic);

      const { volunteer, staffOf, associationRoles, ...account } = user;
      const disclosure: PersonalDataDisclosure = {
        generatedAt: clock.now().toISO() as string,
        account,
        organization: staffOf?.organization ?? null,
        staffRoles: associationRoles,
        volunteer: volunteer
          ? (({ id: _id, memberships, languages, regions, availability, daysOff, certificates, ...profile }) => ({
              profile,
              memberships,
              languages,
              regions,
              availability,
              daysOff,
              certificates,
            }))(volunteer)
          : null,
        requestsFiled,
        documentsUploaded,
        assignments: assignments.map(({ reports, ...assignment }) => ({ ...assignment, report: reports[0] ?? null })),
        expenseLines,
        auditLog: audit.map(({ actorUserId, ...row }) => ({
          ...row,
          actor: actorUserId === null ? 'system' : actorUserId === userId ? 'you' : 'staff',
        })),
        notifications,
        emailOptOuts,
      };
      await recordAudit(db, viewer, [
        {
          action: 'read',
          subjectType: 'user',
          subjectId: userId,
          associationIds: await associationsOfPerson(db, userId),
          fields: ['disclosure'],
          reason: 'downloaded by the person (APPI Art. 33)',
        },
      ]);
      return disclosure;
    },
  };
}

/** The JSON a person downloads: every section that can hold data about them. */
export interface PersonalDataDisclosure {
  generatedAt: string;
  account: Record<string, unknown>;
  organization: { id: string; name: string } | null;
  staffRoles: unknown[];
  volunteer: Record<string, unknown> | null;
  requestsFiled: unknown[];
  documentsUploaded: unknown[];
  assignments: unknown[];
  expenseLines: unknown[];
  auditLog: Array<Record<string, unknown> & { actor: 'system' | 'you' | 'staff' }>;
  notifications: unknown[];
  /** The e-mail topics the person turned off (their inbox gets those messages all the same). */
  emailOptOuts: Array<{ topic: string; since: Date }>;
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
