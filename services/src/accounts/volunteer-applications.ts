import { type Db, schema } from '@tsunagu/db';

import {
  type Clock,
  ConflictError,
  ForbiddenError,
  found,
  mayActOn,
  parseInput,
  type Viewer,
  type VolunteerApplicationInput,
  volunteerApplicationSchema,
} from '@tsunagu/domain';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { enqueueEmail } from '../notifications/outbox';
import { applicationTargets, tellRegisteredOwner } from './applications';
import { hashPassword } from './passwords';

export type VolunteerApplicationDecision = 'approve' | 'reject';

/** A volunteer's membership of one association, as the application's outcome. */
export interface VolunteerApplication {
  volunteerId: string;
  associationId: string;
  membershipStatus: (typeof schema.membershipStatus.enumValues)[number];
  volunteerStatus: (typeof schema.volunteerStatus.enumValues)[number];
}

export function createVolunteerApplicationService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /**
     * Anyone may apply to volunteer for an association: an account, a profile (applied) and a
     * membership (applied), in one transaction. A coordinator decides. The answer is the same
     * whether or not the address has an account, so that the form does not tell who is registered:
     * the owner of a registered address is told by e-mail instead, and no account is made.
     */
    async apply(viewer: Viewer, input: VolunteerApplicationInput): Promise<void> {
      const application = parseInput(volunteerApplicationSchema, input);
      // Hashed for a registered address too, so that both answers take as long.
      const passwordHash = await hashPassword(application.password);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const { association, existing } = await applicationTargets(tx, {
          associationId: application.associationId,
          localGovernmentCode: application.homeLocalGovernmentCode,
          codeField: 'homeLocalGovernmentCode',
          email: application.email,
        });
        if (existing) {
          await tellRegisteredOwner(tx, existing, {
            template: 'volunteerApplicationExistingAccount',
            association,
            now,
          });
          return;
        }

        const [user] = await tx
          .insert(schema.users)
          .values({
            email: application.email,
            displayName: application.displayName ?? application.fullName,
            locale: application.locale,
            passwordHash,
          })
          // Two applications with one new address at once: the other took it, and this one answers alike.
          .onConflictDoNothing({ target: schema.users.email })
          .returning({ id: schema.users.id });
        if (!user) return;
        const [volunteer] = await tx
          .insert(schema.volunteers)
          .values({
            userId: user.id,
            fullName: application.fullName,
            phone: application.phone ?? null,
            homeLocalGovernmentCode: application.homeLocalGovernmentCode,
            status: 'applied',
          })
          .returning({ id: schema.volunteers.id });
        if (!volunteer) throw new Error('insert returned no row');
        await tx.insert(schema.volunteerMemberships).values({
          volunteerId: volunteer.id,
          associationId: application.associationId,
          status: 'applied',
          joinedAt: now.toJSDate(),
        });
        await recordAudit(tx, { ...viewer, userId: viewer.userId ?? user.id }, [
          {
            action: 'create',
            subjectType: 'user',
            subjectId: user.id,
            fields: ['email', 'displayName'],
            associationIds: [application.associationId],
          },
          {
            action: 'create',
            subjectType: 'volunteer',
            subjectId: volunteer.id,
            fields: ['fullName', 'phone', 'homeLocalGovernmentCode'],
            associationIds: [application.associationId],
          },
        ]);
        await enqueueEmail(tx, {
          idempotencyKey: `volunteer-application-received:${volunteer.id}:${application.associationId}`,
          to: application.email,
          locale: application.locale,
          recipientUserId: user.id,
          associationId: application.associationId,
          template: 'volunteerApplicationReceived',
          payload: { association },
        });
      });
    },

    /**
     * A coordinator of the association approves an application (membership and volunteer become
     * active) or rejects it (the membership ends; a profile with no other membership retires).
     */
    async decide(
      viewer: Viewer,
      volunteerId: string,
      associationId: string,
      decision: VolunteerApplicationDecision,
    ): Promise<VolunteerApplication> {
      if (!mayActOn(viewer, { associationId: associationId }, 'coordinator')) {
        throw new ForbiddenError('coordinators_only');
      }
      return db.transaction(async (tx) => {
        const membership = found(
          await tx.query.volunteerMemberships.findFirst({
            where: { volunteerId, associationId },
            columns: { status: true },
            with: {
              volunteer: {
                columns: { status: true, userId: true },
                with: {
                  user: { columns: { email: true, locale: true } },
                  memberships: { columns: { associationId: true, status: true } },
                },
              },
              association: { columns: { nameJa: true, nameEn: true } },
            },
          }),
          'VolunteerApplication',
          volunteerId,
        );
        const membershipStatus = decision === 'approve' ? 'active' : 'left';
        // The status in the WHERE clause makes a second, concurrent decision find nothing to change.
        const [decided] = await tx
          .update(schema.volunteerMemberships)
          .set({ status: membershipStatus, leftAt: membershipStatus === 'left' ? clock.now().toJSDate() : null })
          .where(
            and(
              eq(schema.volunteerMemberships.volunteerId, volunteerId),
              eq(schema.volunteerMemberships.associationId, associationId),
              eq(schema.volunteerMemberships.status, 'applied'),
            ),
          )
          .returning({ status: schema.volunteerMemberships.status });
        if (!decided) throw new ConflictError('application_decided', membership.status);

        const { volunteer } = membership;
        const elsewhere = volunteer.memberships.filter(
          (other) => other.associationId !== associationId && ['applied', 'active'].includes(other.status),
        );
        let volunteerStatus = volunteer.status;
        if (decision === 'approve' && volunteer.status === 'applied') volunteerStatus = 'active';
        if (decision === 'reject' && volunteer.status === 'applied' && elsewhere.length === 0)
          volunteerStatus = 'retired';
        if (volunteerStatus !== volunteer.status) {
          await tx
            .update(schema.volunteers)
            .set({
              status: volunteerStatus,
              retiredAt: volunteerStatus === 'retired' ? clock.now().toJSDate() : null,
              updatedAt: clock.now().toJSDate(),
            })
            .where(and(eq(schema.volunteers.id, volunteerId), eq(schema.volunteers.status, 'applied')));
        }
        if (decision === 'approve') {
          await enqueueEmail(tx, {
            idempotencyKey: `volunteer-application-approved:${volunteerId}:${associationId}`,
            to: volunteer.user.email,
            locale: volunteer.user.locale,
            recipientUserId: volunteer.userId,
            associationId,
            template: 'volunteerApplicationApproved',
            payload: { association: membership.association },
          });
        }
        return { volunteerId, associationId, membershipStatus, volunteerStatus };
      });
    },
  };
}
