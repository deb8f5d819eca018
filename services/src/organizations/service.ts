import { type Db, schema } from '@tsunagu/db';

import {
  type Clock,
  ConflictError,
  ForbiddenError,
  found,
  mayActOn,
  type OrganizationApplication,
  organizationApplicationSchema,
  parseInput,
  type Viewer,
} from '@tsunagu/domain';
import { eq } from 'drizzle-orm';
import { applicationTargets, tellRegisteredOwner } from '../accounts/applications';
import { hashPassword } from '../accounts/passwords';
import { recordAudit } from '../audit';

/** Closing is for good: the contact is anonymised after the association's retention period. */
export type OrganizationDecision = 'approve' | 'reject' | 'suspend' | 'close';

const decisionStatus = { approve: 'approved', reject: 'rejected', suspend: 'suspended', close: 'closed' } as const;

export function createOrganizationService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /**
     * A public body applies: the organization (status `applied`) and its first staff account, in
     * one transaction. A coordinator of the association approves it.
     */
    async apply(viewer: Viewer, input: OrganizationApplication) {
      const application = parseInput(organizationApplicationSchema, input);
      const passwordHash = await hashPassword(application.staff.password);
      return db.transaction(async (tx) => {
        const { association, existing } = await applicationTargets(tx, {
          associationId: application.associationId,
          localGovernmentCode: application.localGovernmentCode,
          codeField: 'localGovernmentCode',
          email: application.staff.email,
        });
        // The answer is the same as for a new address, so that it tells nobody who is registered.
        if (existing) {
          await tellRegisteredOwner(tx, existing, {
            template: 'organizationApplicationExistingAccount',
            association,
            now: clock.now(),
          });
          return null;
        }

        const [user] = await tx
          .insert(schema.users)
          .values({
            email: application.staff.email,
            displayName: application.staff.displayName,
            locale: application.staff.locale,
            passwordHash,
          })
          // Two applications with one new address at once: the other took it, and this one answers alike.
          .onConflictDoNothing({ target: schema.users.email })
          .returning({ id: schema.users.id });
        if (!user) return null;
        const [organization] = await tx
          .insert(schema.organizations)
          .values({
            associationId: application.associationId,
            name: application.name,
            type: application.type,
            localGovernmentCode: application.localGovernmentCode,
            contactName: application.contactName,
            contactEmail: application.contactEmail,
            contactPhone: application.contactPhone ?? null,
            address: application.address ?? null,
          })
          .returning();
        if (!organization) throw new Error('insert returned no row');
        await tx.insert(schema.organizationStaff).values({ userId: user.id, organizationId: organization.id });
        await recordAudit(tx, { ...viewer, userId: viewer.userId ?? user.id }, [
          {
            action: 'create',
            subjectType: 'organization',
            subjectId: organization.id,
            fields: ['contactName', 'contactEmail', 'contactPhone', 'address'],
            associationIds: [organization.associationId],
          },
          {
            action: 'create',
            subjectType: 'user',
            subjectId: user.id,
            fields: ['email', 'displayName'],
            associationIds: [organization.associationId],
          },
        ]);
        return { organization, staffUserId: user.id };
      });
    },

    /** A coordinator of the organization's association approves, rejects or suspends it. */
    async decide(viewer: Viewer, organizationId: string, decision: OrganizationDecision) {
      const organization = found(
        await db.query.organizations.findFirst({ where: { id: organizationId } }),
        'Organization',
        organizationId,
      );
      if (!mayActOn(viewer, { associationId: organization.associationId }, 'coordinator')) {
        throw new ForbiddenError('coordinators_only');
      }
      const allowed: Record<OrganizationDecision, string[]> = {
        approve: ['applied', 'suspended'],
        reject: ['applied'],
        suspend: ['approved'],
        close: ['approved', 'suspended'],
      };
      if (!allowed[decision].includes(organization.status)) {
        throw new ConflictError('organization_decided', { from: organization.status, to: decisionStatus[decision] });
      }
      const [updated] = await db
        .update(schema.organizations)
        .set({
          status: decisionStatus[decision],
          ...(decision === 'close' ? { closedAt: clock.now().toJSDate() } : {}),
          updatedAt: clock.now().toJSDate(),
        })
        .where(eq(schema.organizations.id, organizationId))
        .returning();
      return updated ?? organization;
    },
  };
}
