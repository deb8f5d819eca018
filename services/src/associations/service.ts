import { type Db, schema } from '@tsunagu/db';

import {
  type AssociationPolicy,
  applyPolicyChanges,
  type Clock,
  ConflictError,
  ForbiddenError,
  found,
  mayActOn,
  NotFoundError,
  type PolicyChanges,
  parseInput,
  policySchema,
  readPolicy,
  type Viewer,
} from '@tsunagu/domain';
import { and, eq } from 'drizzle-orm';

export const staffRoles = schema.staffRole.enumValues;
export type StaffRole = (typeof staffRoles)[number];

function requireAdmin(viewer: Viewer, associationId: string): void {
  if (!mayActOn(viewer, { associationId: associationId }, 'admin')) {
    throw new ForbiddenError('admins_only');
  }
}

export function createAssociationService({ db, clock }: { db: Db; clock: Clock }) {
  /**
   * Sets or removes one user's role. The association's row is locked first, so two admins demoting
   * each other at the same moment cannot leave the association without an admin.
   */
  async function changeStaff(associationId: string, userId: string, role: StaffRole | null): Promise<void> {
    await db.transaction(async (tx) => {
      await tx
        .select({ id: schema.associations.id })
        .from(schema.associations)
        .where(eq(schema.associations.id, associationId))
        .for('update');
      const staff = await tx.query.associationStaff.findMany({
        where: { associationId },
        columns: { userId: true, role: true },
      });
      const current = staff.find((member) => member.userId === userId);
      if (role === null && !current) throw new NotFoundError('Staff member', userId);
      const adminsAfter = staff.filter((member) =>
        member.userId === userId ? role === 'admin' : member.role === 'admin',
      ).length;
      if (current?.role === 'admin' && adminsAfter === 0) {
        throw new ConflictError('last_admin');
      }
      if (role === null) {
        await tx
          .delete(schema.associationStaff)
          .where(
            and(eq(schema.associationStaff.associationId, associationId), eq(schema.associationStaff.userId, userId)),
          );
      } else {
        await tx
          .insert(schema.associationStaff)
          .values({ associationId, userId, role })
          .onConflictDoUpdate({
            target: [schema.associationStaff.associationId, schema.associationStaff.userId],
            set: { role },
          });
      }
    });
  }

  return {
    /** An admin changes some settings of the policy; the rest stay as they were. */
    async updatePolicy(viewer: Viewer, associationId: string, changes: PolicyChanges): Promise<AssociationPolicy> {
      requireAdmin(viewer, associationId);
      const association = found(
        await db.query.associations.findFirst({
          where: { id: associationId },
          columns: { policy: true },
        }),
        'Association',
        associationId,
      );
      const policy = parseInput(policySchema, applyPolicyChanges(readPolicy(association.policy), changes));
      await db
        .update(schema.associations)
        .set({ policy, updatedAt: clock.now().toJSDate() })
        .where(eq(schema.associations.id, associationId));
      return policy;
    },

    /** Makes a user a coordinator or an admin of the association (admins coordinate too). */
    async grantRole(viewer: Viewer, associationId: string, userId: string, role: StaffRole): Promise<void> {
      requireAdmin(viewer, associationId);
      found(await db.query.users.findFirst({ where: { id: userId }, columns: { id: true } }), 'User', userId);
      await changeStaff(associationId, userId, role);
    },

    async revokeRole(viewer: Viewer, associationId: string, userId: string): Promise<void> {
      requireAdmin(viewer, associationId);
      await changeStaff(associationId, userId, null);
    },
  };
}
