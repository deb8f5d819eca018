import { type Db, schema } from '@tsunagu/db';
import { ForbiddenError, found, mayActOn, NotFoundError, type Viewer } from '@tsunagu/domain';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit';

/**
 * The payout role: a coordinator (or admin) of the association whom one of its admins made payout
 * staff. Only they build, approve and confirm runs and read individual numbers.
 */
export async function isPayoutStaff(db: Db, viewer: Viewer, associationId: string): Promise<boolean> {
  if (!viewer.userId || !mayActOn(viewer, { associationId }, 'coordinator')) return false;
  const row = await db.query.payoutStaff.findFirst({ where: { associationId, userId: viewer.userId } });
  return row !== undefined;
}

export async function assertPayoutStaff(db: Db, viewer: Viewer, associationId: string): Promise<void> {
  if (!(await isPayoutStaff(db, viewer, associationId))) throw new ForbiddenError('payout_staff_only');
}

/** An admin grants or takes back the payout role of a staff member of their association; audited. */
export async function setPayoutRole(
  db: Db,
  viewer: Viewer,
  input: { associationId: string; userId: string; granted: boolean },
): Promise<void> {
  if (!mayActOn(viewer, { associationId: input.associationId }, 'admin')) throw new ForbiddenError('admins_only');
  if (!z.uuid().safeParse(input.userId).success) throw new NotFoundError('Staff member', input.userId);
  found(
    await db.query.associationStaff.findFirst({ where: { associationId: input.associationId, userId: input.userId } }),
    'Staff member',
    input.userId,
  );
  await db.transaction(async (tx) => {
    if (input.granted) {
      await tx
        .insert(schema.payoutStaff)
        .values({ associationId: input.associationId, userId: input.userId, grantedBy: viewer.userId })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(schema.payoutStaff)
        .where(
          and(eq(schema.payoutStaff.associationId, input.associationId), eq(schema.payoutStaff.userId, input.userId)),
        );
    }
    await recordAudit(tx, viewer, [
      {
        action: input.granted ? 'create' : 'delete',
        subjectType: 'PayoutRole',
        subjectId: input.userId,
        fields: ['payoutRole'],
        associationIds: [input.associationId],
      },
    ]);
  });
}
