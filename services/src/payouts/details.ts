import { type Db, schema } from '@tsunagu/db';
import {
  type BankAccountType,
  type Clock,
  ConflictError,
  ForbiddenError,
  individualNumberSchema,
  needsIndividualNumber,
  parseInput,
  payableKinds,
  payoutAccountSchema,
  tokyo,
  type Viewer,
} from '@tsunagu/domain';
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit';
import { bankBranchOf } from './banks';
import { type MasterKey, open, seal } from './envelope';
import { isPayoutStaff } from './staff';

export interface PayoutDetails {
  volunteerId: string;
  declinesPayment: boolean;
  account: {
    bankCode: string;
    bankKana: string;
    branchCode: string;
    branchKana: string;
    accountType: BankAccountType;
    accountNumber: string;
    holderKana: string;
  } | null;
  /** Whether an individual number is on file (never the number itself). */
  hasIndividualNumber: boolean;
  /** What the volunteer is paid this calendar year (paid and approved lines), and whether that needs a statement. */
  calendarYearYen: number;
  needsIndividualNumber: boolean;
}

const detailsInput = z.discriminatedUnion('declinesPayment', [
  z.object({ declinesPayment: z.literal(true) }),
  z.object({ declinesPayment: z.literal(false), account: payoutAccountSchema }),
]);

const accountFields = ['bankCode', 'branchCode', 'accountType', 'accountNumber', 'holderKana'];

/** The associations the volunteer is a member of (whose payout staff may read their details). */
async function associationsOf(db: Db, volunteerId: string): Promise<string[]> {
  const rows = await db.query.volunteerMemberships.findMany({
    where: { volunteerId },
    columns: { associationId: true },
  });
  return rows.map((row) => row.associationId);
}

async function mayRead(db: Db, viewer: Viewer, volunteerId: string): Promise<'self' | 'payout' | null> {
  if (viewer.volunteerId === volunteerId) return 'self';
  for (const associationId of await associationsOf(db, volunteerId)) {
    if (await isPayoutStaff(db, viewer, associationId)) return 'payout';
  }
  return null;
}

export function createPayoutDetailsService({ db, clock, masterKey }: { db: Db; clock: Clock; masterKey?: MasterKey }) {
  /** The volunteer's payable lines of the calendar year in Japan, approved or paid: what the statement counts. */
  async function calendarYearYen(volunteerId: string): Promise<number> {
    const year = clock.now().setZone(tokyo).year;
    const [row] = await db
      .select({ total: sql<string | null>`sum(${schema.expenseLines.amountYen})` })
      .from(schema.expenseLines)
      .innerJoin(schema.assignments, eq(schema.assignments.id, schema.expenseLines.assignmentId))
      .where(
        and(
          eq(schema.assignments.volunteerId, volunteerId),
          inArray(schema.expenseLines.status, ['approved', 'paid']),
          inArray(schema.expenseLines.kind, [...payableKinds]),
          gte(schema.expenseLines.activityDate, `${year}-01-01`),
          lt(schema.expenseLines.activityDate, `${year + 1}-01-01`),
        ),
      );
    return Number(row?.total ?? 0);
  }

  async function detailsOf(volunteerId: string): Promise<PayoutDetails> {
    const [account, number, yen] = await Promise.all([
      db.query.payoutAccounts.findFirst({ where: { volunteerId } }),
      db.query.individualNumbers.findFirst({ where: { volunteerId }, columns: { volunteerId: true } }),
      calendarYearYen(volunteerId),
    ]);
    const complete =
      account?.bankCode &&
      account.bankKana &&
      account.branchCode &&
      account.branchKana &&
      account.accountType &&
      account.accountNumber &&
      account.holderKana
        ? {
            bankCode: account.bankCode,
            bankKana: account.bankKana,
            branchCode: account.branchCode,
            branchKana: account.branchKana,
            accountType: account.accountType,
            accountNumber: account.accountNumber,
            holderKana: account.holderKana,
          }
        : null;
    return {
      volunteerId,
      declinesPayment: account?.declinesPayment ?? false,
      account: account?.declinesPayment ? null : complete,
      hasIndividualNumber: number !== undefined,
      calendarYearYen: yen,
      needsIndividualNumber: needsIndividualNumber(yen),
    };
  }

  return {
    /** The volunteer's own, or, for payout staff of an association they serve, theirs (audited). */
    async payoutDetails(viewer: Viewer, volunteerId: string): Promise<PayoutDetails> {
      const access = await mayRead(db, viewer, volunteerId);
      if (!access) throw new ForbiddenError('payout_staff_only');
      const details = await detailsOf(volunteerId);
      if (access === 'payout' && details.account) {
        await recordAudit(db, viewer, [
          {
            action: 'read',
            subjectType: 'PayoutAccount',
            subjectId: volunteerId,
            fields: accountFields,
            associationIds: await associationsOf(db, volunteerId),
          },
        ]);
      }
      return details;
    },

    /** A volunteer enters their bank account, or declines payment; the bank and branch must exist. */
    async savePayoutDetails(viewer: Viewer, input: unknown): Promise<PayoutDetails> {
      const volunteerId = viewer.volunteerId;
      if (!volunteerId) throw new ForbiddenError('own_payout_details_only');
      const parsed = parseInput(detailsInput, input);
      const values = parsed.declinesPayment
        ? {
            declinesPayment: true,
            bankCode: null,
            bankKana: null,
            branchCode: null,
            branchKana: null,
            accountType: null,
            accountNumber: null,
            holderKana: null,
          }
        : {
            declinesPayment: false,
            ...(await bankBranchOf(parsed.account.bankCode, parsed.account.branchCode, ['input', 'account'])),
            accountType: parsed.account.accountType,
            accountNumber: parsed.account.accountNumber,
            holderKana: parsed.account.holderKana,
          };
      const now = clock.now().toJSDate();
      await db.transaction(async (tx) => {
        await tx
          .insert(schema.payoutAccounts)
          .values({ volunteerId, ...values, updatedBy: viewer.userId })
          .onConflictDoUpdate({
            target: schema.payoutAccounts.volunteerId,
            set: { ...values, updatedBy: viewer.userId, updatedAt: now },
          });
        await recordAudit(tx, viewer, [
          {
            action: 'update',
            subjectType: 'PayoutAccount',
            subjectId: volunteerId,
            fields: ['declinesPayment', ...accountFields],
            associationIds: await associationsOf(tx, volunteerId),
          },
        ]);
      });
      return detailsOf(volunteerId);
    },

    /**
     * A volunteer gives their individual number, only when this calendar year's payments will need a
     * statement. Stored sealed; the answer says only that it is on file.
     */
    async saveIndividualNumber(viewer: Viewer, input: { individualNumber: string }): Promise<PayoutDetails> {
      const volunteerId = viewer.volunteerId;
      if (!volunteerId) throw new ForbiddenError('own_payout_details_only');
      const digits = parseInput(z.object({ individualNumber: individualNumberSchema }), input).individualNumber;
      if (!needsIndividualNumber(await calendarYearYen(volunteerId)))
        throw new ConflictError('individual_number_not_needed');
      if (!masterKey) throw new Error('no master key is configured for individual numbers (PAYOUT_MASTER_KEY)');
      const sealed = seal(masterKey, digits, volunteerId);
      const now = clock.now().toJSDate();
      await db.transaction(async (tx) => {
        await tx
          .insert(schema.individualNumbers)
          .values({ volunteerId, ...sealed })
          .onConflictDoUpdate({ target: schema.individualNumbers.volunteerId, set: { ...sealed, updatedAt: now } });
        await recordAudit(tx, viewer, [
          {
            action: 'update',
            subjectType: 'IndividualNumber',
            subjectId: volunteerId,
            fields: ['individualNumber'],
            associationIds: await associationsOf(tx, volunteerId),
          },
        ]);
      });
      return detailsOf(volunteerId);
    },

    /** The number itself, for the payment statement: payout staff only, every read audited. */
    async readIndividualNumber(viewer: Viewer, volunteerId: string): Promise<string | null> {
      if ((await mayRead(db, viewer, volunteerId)) !== 'payout') throw new ForbiddenError('payout_staff_only');
      const row = await db.query.individualNumbers.findFirst({ where: { volunteerId } });
      if (!row) return null;
      if (!masterKey) throw new Error('no master key is configured for individual numbers (PAYOUT_MASTER_KEY)');
      await recordAudit(db, viewer, [
        {
          action: 'read',
          subjectType: 'IndividualNumber',
          subjectId: volunteerId,
          fields: ['individualNumber'],
          associationIds: await associationsOf(db, volunteerId),
        },
      ]);
      return open(masterKey, row, volunteerId);
    },
  };
}

export type PayoutDetailsService = ReturnType<typeof createPayoutDetailsService>;
