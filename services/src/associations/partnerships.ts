import { randomUUID } from 'node:crypto';
import { type Db, schema } from '@tsunagu/db';

import {
  type AssociationNames,
  type Clock,
  type EmailMessage,
  ForbiddenError,
  found,
  mayActOn,
  NotFoundError,
  type PartnershipEvent,
  type PartnershipNotice,
  parseInput,
  partnershipProposalSchema,
  tenancyOf,
  ValidationError,
  type Viewer,
} from '@tsunagu/domain';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { enqueueEmail } from '../notifications/outbox';

/**
 * Partnerships between associations. Association A's admin proposes to B; only once B's admin
 * accepts may A open its requests to B's volunteers (B asks A in turn for the other way round).
 * B may decline a proposal; either side may end a partnership, proposed or accepted. The other
 * side's admins are told of each step.
 *
 * What an accepted partnership opens, and nothing more:
 * - matching and the open board offer A's requests opened to partners (or widened by dispatch,
 *   once its waves ran out) to B's active members, and A's coordinators may offer them or book them;
 * - A's coordinators see, of those volunteers, only what matching and booking need — the name,
 *   languages, areas, specialties, home municipality, travel distance, remote work and status —
 *   and only while A has such a request that is not done yet (filed, open or filled). Phone,
 *   certificates, availability, days off, the monthly cap, paperwork and memberships stay with B's
 *   coordinators (and the volunteer).
 */

function requireAdmin(viewer: Viewer, associationId: string): void {
  if (!mayActOn(viewer, { associationId }, 'admin')) {
    throw new ForbiddenError('admins_only');
  }
}

/** The associations whose volunteers this one may call on: the partners that accepted. */
export async function acceptedPartnersOf(db: Db, associationId: string): Promise<string[]> {
  const rows = await db
    .select({ partnerId: schema.associationPartners.partnerId })
    .from(schema.associationPartners)
    .where(
      and(
        eq(schema.associationPartners.associationId, associationId),
        eq(schema.associationPartners.status, 'accepted'),
      ),
    );
  return rows.map((row) => row.partnerId);
}

/**
 * Whose members a request may go to: its own association's, and when it is opened to partners
 * (dispatch opens it too once its waves ran out) those of the partners that accepted.
 */
export async function associationsReachedBy(
  db: Db,
  request: { associationId: string },
  openedToPartners: boolean,
): Promise<string[]> {
  return [request.associationId, ...(openedToPartners ? await acceptedPartnersOf(db, request.associationId) : [])];
}

export const partnershipStatuses = schema.partnershipStatus.enumValues;

export function createPartnershipService({ db, clock }: { db: Db; clock: Clock }) {
  const names = async (tx: Db, associationId: string): Promise<AssociationNames> => {
    return found(
      await tx.query.associations.findFirst({
        where: { id: associationId },
        columns: { nameJa: true, nameEn: true },
      }),
      'Association',
      associationId,
    );
  };

  /**
   * Tells the admins of `toId` what the admin of `byId` did, in the same transaction. Each step is
   * its own event (a partnership may be proposed again after it ended), so each gets its own key.
   */
  async function tellAdmins(tx: Db, event: PartnershipEvent, byId: string, toId: string) {
    const eventId = randomUUID();
    const notice: PartnershipNotice = { by: await names(tx, byId), to: await names(tx, toId) };
    const admins = await tx
      .select({ userId: schema.users.id, email: schema.users.email, locale: schema.users.locale })
      .from(schema.associationStaff)
      .innerJoin(schema.users, eq(schema.users.id, schema.associationStaff.userId))
      .where(
        and(
          eq(schema.associationStaff.associationId, toId),
          eq(schema.associationStaff.role, 'admin'),
          isNull(schema.users.disabledAt),
        ),
      );
    for (const admin of admins) {
      await enqueueEmail(tx, {
        idempotencyKey: `${event}:${byId}:${toId}:${eventId}:${admin.userId}`,
        to: admin.email,
        locale: admin.locale,
        recipientUserId: admin.userId,
        // The association whose admins read it, so that its admins alone see it in the mail catcher.
        associationId: toId,
        ...({ template: event, payload: notice } as EmailMessage),
      });
    }
  }

  /** The partnership in which `associationId` calls on `partnerId`'s volunteers, locked. */
  const lockedPartnership = async (tx: Db, associationId: string, partnerId: string) => {
    const [row] = await tx
      .select()
      .from(schema.associationPartners)
      .where(
        and(
          eq(schema.associationPartners.associationId, associationId),
          eq(schema.associationPartners.partnerId, partnerId),
        ),
      )
      .for('update');
    return row;
  };

  return {
    /** An admin of the association asks to call on the partner's volunteers; the partner's admins are asked. */
    async propose(viewer: Viewer, associationId: string, partnerId: string): Promise<void> {
      requireAdmin(viewer, associationId);
      parseInput(partnershipProposalSchema, { partnerId }, []);
      if (partnerId === associationId) {
        throw ValidationError.of(['partnerId'], {
          en: 'An association cannot be its own partner.',
          ja: '協会を自身の連携先にすることはできません。',
        });
      }
      await db.transaction(async (tx) => {
        await names(tx, partnerId);
        const [proposed] = await tx
          .insert(schema.associationPartners)
          .values({ associationId, partnerId, proposedBy: viewer.userId, proposedAt: clock.now().toJSDate() })
          .onConflictDoNothing()
          .returning({ proposedAt: schema.associationPartners.proposedAt });
        if (!proposed) {
          const existing = await lockedPartnership(tx, associationId, partnerId);
          throw ValidationError.of(
            ['partnerId'],
            existing?.status === 'accepted'
              ? { en: 'This association is already a partner.', ja: 'この協会はすでに連携先です。' }
              : {
                  en: 'A proposal to this association is already waiting for its answer.',
                  ja: 'この協会への連携の申し入れは、すでに回答を待っています。',
                },
          );
        }
        await tellAdmins(tx, 'partnershipProposed', associationId, partnerId);
      });
    },

    /** The partner's admin accepts a proposal: the proposer may now open requests to its volunteers. */
    async accept(viewer: Viewer, associationId: string, proposerId: string): Promise<void> {
      requireAdmin(viewer, associationId);
      await db.transaction(async (tx) => {
        const proposal = await lockedPartnership(tx, proposerId, associationId);
        if (proposal?.status !== 'proposed') throw new NotFoundError('Partnership proposal', proposerId);
        const now = clock.now().toJSDate();
        await tx
          .update(schema.associationPartners)
          .set({ status: 'accepted', acceptedBy: viewer.userId, acceptedAt: now })
          .where(
            and(
              eq(schema.associationPartners.associationId, proposerId),
              eq(schema.associationPartners.partnerId, associationId),
            ),
          );
        await tellAdmins(tx, 'partnershipAccepted', associationId, proposerId);
      });
    },

    /** The partner's admin declines a proposal; the proposer's admins are told. */
    async decline(viewer: Viewer, associationId: string, proposerId: string): Promise<void> {
      requireAdmin(viewer, associationId);
      await db.transaction(async (tx) => {
        const proposal = await lockedPartnership(tx, proposerId, associationId);
        if (proposal?.status !== 'proposed') throw new NotFoundError('Partnership proposal', proposerId);
        await tx
          .delete(schema.associationPartners)
          .where(
            and(
              eq(schema.associationPartners.associationId, proposerId),
              eq(schema.associationPartners.partnerId, associationId),
            ),
          );
        await tellAdmins(tx, 'partnershipDeclined', associationId, proposerId);
      });
    },

    /**
     * Either side ends what binds the two associations, both ways, proposed or accepted (a proposer
     * so withdraws its proposal); the other side's admins are told.
     */
    async end(viewer: Viewer, associationId: string, partnerId: string): Promise<void> {
      requireAdmin(viewer, associationId);
      await db.transaction(async (tx) => {
        const ended = await tx
          .delete(schema.associationPartners)
          .where(
            or(
              and(
                eq(schema.associationPartners.associationId, associationId),
                eq(schema.associationPartners.partnerId, partnerId),
              ),
              and(
                eq(schema.associationPartners.associationId, partnerId),
                eq(schema.associationPartners.partnerId, associationId),
              ),
            ),
          )
          .returning({ status: schema.associationPartners.status });
        if (ended.length === 0) throw new NotFoundError('Partnership', partnerId);
        await tellAdmins(tx, 'partnershipEnded', associationId, partnerId);
      });
    },

    /**
     * Whether a coordinator reaches volunteers of these associations (a volunteer's memberships)
     * through a partnership, as stated at the top: one of them accepted a partnership with an
     * association the viewer coordinates, which has a request opened to partners (or widened by
     * dispatch) that is not done yet. Asked once per set of associations, not per volunteer.
     */
    async coordinatesPartnerOf(viewer: Viewer, associationIds: string[]): Promise<boolean> {
      const coordinated = tenancyOf(viewer, 'coordinator').associationIds;
      if (coordinated.length === 0 || associationIds.length === 0) return false;
      const [reached] = await db
        .select({ one: sql<number>`1` })
        .from(schema.associationPartners)
        .where(
          and(
            eq(schema.associationPartners.status, 'accepted'),
            inArray(schema.associationPartners.associationId, coordinated),
            inArray(schema.associationPartners.partnerId, associationIds),
            sql`exists (
              select 1 from requests r
              where r.association_id = ${schema.associationPartners.associationId}
                and r.status in ('filed', 'open', 'filled')
                and (r.open_to_partners or r.widened_at is not null))`,
          ),
        )
        .limit(1);
      return reached !== undefined;
    },
  };
}
