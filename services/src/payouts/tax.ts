import { type Db, schema } from '@tsunagu/db';
import {
  type Clock,
  ConflictError,
  calendarYearTotals,
  type ExpenseKind,
  ForbiddenError,
  mayActOn,
  type PaymentSlip,
  type PaymentStatement,
  parseInput,
  paymentSlipFigures,
  type StatementKind,
  type StatementProblem,
  statementAddressSchema,
  statementKindOf,
  statementPayerSchema,
  statementProblems,
  statementRecord309,
  type TaxedPayment,
  tokyo,
  ValidationError,
  type Viewer,
} from '@tsunagu/domain';
import { and, between, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import iconv from 'iconv-lite';
import { recordAudit } from '../audit';
import { csvBom, csvRecord } from '../expenses/export';
import { type MasterKey, open } from './envelope';
import { assertPayoutStaff, isPayoutStaff } from './staff';
import { renderStatementsPdf } from './statement-pdf';

/** One month of the year's withholding: the payment slip's figures, or none when nothing was withheld. */
export interface WithholdingMonth {
  month: number;
  slip: PaymentSlip | null;
}

/** One person's line on the year's statement list. */
export interface StatementSummary {
  volunteerId: string;
  name: string;
  kind: StatementKind;
  paidYen: number;
  withheldYen: number;
  payments: number;
  needsStatement: boolean;
  problems: StatementProblem[];
}

/** What a volunteer was paid by one association in a calendar year, payment by payment. */
export interface OwnYear {
  associationId: string;
  associationNameJa: string;
  associationNameEn: string;
  payments: { runId: string; paidOn: string; grossYen: number; withheldYen: number; netYen: number }[];
  grossYen: number;
  withheldYen: number;
  netYen: number;
}

const yearOf = (year: number) => {
  if (!Number.isInteger(year) || year < 2019 || year > 2100)
    throw ValidationError.of(['year'], {
      ja: '2019年から2100年までの年を選んでください。',
      en: 'Pick a year from 2019 to 2100.',
    });
  return { from: `${year}-01-01`, to: `${year}-12-31` };
};

const monthLabels = {
  ja: ['支払年月', '年度', '人員', '支払金額（円）', '源泉徴収税額（円）', '納期限'],
  en: ['Month paid', 'Fiscal year', 'Persons', 'Paid (yen)', 'Tax withheld (yen)', 'Due date'],
};

/**
 * The tax side of payouts: the month's withholding and its payment slip, and the yearly payment
 * statements. A payment counts on the day its run was transferred (withholding follows the payment),
 * and only once the transfer is confirmed.
 */
export function createTaxService({ db, clock, masterKey }: { db: Db; clock: Clock; masterKey?: MasterKey }) {
  /**
   * Confirmed payments of the year, for one association or for one volunteer. A confirmed correction
   * counts against the payment it reverses, on that payment's day: a payment reversed in full is no
   * income of the year, and one reversed in part counts for what it kept.
   */
  async function paymentsOf(year: number, where: { associationId?: string; volunteerId?: string }) {
    const { from, to } = yearOf(year);
    const reversed = alias(schema.payoutRuns, 'reversed_run');
    const paidOn = sql<string>`coalesce(${reversed.transferDate}, ${schema.payoutRuns.transferDate})`;
    const entries = await db
      .select({
        associationId: schema.payoutRuns.associationId,
        runId: sql<string>`coalesce(${reversed.id}, ${schema.payoutRuns.id})`,
        paidOn,
        volunteerId: schema.payoutPayments.volunteerId,
        grossYen: schema.payoutPayments.grossYen,
        withheldYen: schema.payoutPayments.withheldYen,
        netYen: schema.payoutPayments.netYen,
      })
      .from(schema.payoutPayments)
      .innerJoin(schema.payoutRuns, eq(schema.payoutRuns.id, schema.payoutPayments.runId))
      .leftJoin(reversed, eq(reversed.id, schema.payoutRuns.reversesRunId))
      .where(
        and(
          eq(schema.payoutRuns.status, 'confirmed'),
          between(paidOn, from, to),
          where.associationId ? eq(schema.payoutRuns.associationId, where.associationId) : undefined,
          where.volunteerId ? eq(schema.payoutPayments.volunteerId, where.volunteerId) : undefined,
        ),
      )
      .orderBy(paidOn, sql`coalesce(${reversed.id}, ${schema.payoutRuns.id})`, schema.payoutRuns.createdAt);
    const payments = new Map<string, (typeof entries)[number]>();
    for (const entry of entries) {
      const key = `${entry.runId}:${entry.volunteerId}`;
      const payment = payments.get(key);
      if (!payment) payments.set(key, { ...entry });
      else {
        payment.grossYen += entry.grossYen;
        payment.withheldYen += entry.withheldYen;
        payment.netYen += entry.netYen;
      }
    }
    return [...payments.values()].filter((payment) => payment.grossYen !== 0 || payment.withheldYen !== 0);
  }

  async function holidaysFor(year: number): Promise<Set<string>> {
    const rows = await db
      .select({ date: schema.holidays.date })
      .from(schema.holidays)
      .where(between(schema.holidays.date, `${year}-01-01`, `${year + 1}-01-31`));
    return new Set(rows.map((row) => row.date));
  }

  async function withholding(viewer: Viewer, associationId: string, year: number): Promise<WithholdingMonth[]> {
    await assertPayoutStaff(db, viewer, associationId);
    const payments: TaxedPayment[] = (await paymentsOf(year, { associationId })).map((payment) => ({
      personId: payment.volunteerId,
      paidOn: payment.paidOn,
      grossYen: payment.grossYen,
      withheldYen: payment.withheldYen,
    }));
    const holidays = await holidaysFor(year);
    return Array.from({ length: 12 }, (_, index) => ({
      month: index + 1,
      slip: paymentSlipFigures(payments, `${year}-${String(index + 1).padStart(2, '0')}`, holidays),
    }));
  }

  /** Each paid person's statement for the year, with what it needs that is not on file. */
  async function statementsOf(viewer: Viewer, associationId: string, year: number, withNumbers: boolean) {
    await assertPayoutStaff(db, viewer, associationId);
    const payments = await paymentsOf(year, { associationId });
    const totals = calendarYearTotals(
      payments.map((payment) => ({ ...payment, personId: payment.volunteerId })),
      year,
    );
    const personIds = totals.map((total) => total.personId);
    const runIds = [...new Set(payments.map((payment) => payment.runId))];
    const [association, settings, people, numbers, kinds] = await Promise.all([
      db.query.associations.findFirst({ where: { id: associationId }, columns: { nameJa: true } }),
      db.query.payoutSettings.findFirst({ where: { associationId } }),
      personIds.length === 0
        ? []
        : db
            .select({ id: schema.volunteers.id, fullName: schema.volunteers.fullName })
            .from(schema.volunteers)
            .where(inArray(schema.volunteers.id, personIds)),
      personIds.length === 0
        ? []
        : db.select().from(schema.individualNumbers).where(inArray(schema.individualNumbers.volunteerId, personIds)),
      runIds.length === 0
        ? []
        : db
            .select({ volunteerId: schema.payoutRunLines.volunteerId, kind: schema.expenseLines.kind })
            .from(schema.payoutRunLines)
            .innerJoin(schema.expenseLines, eq(schema.expenseLines.id, schema.payoutRunLines.lineId))
            .where(inArray(schema.payoutRunLines.runId, runIds)),
    ]);
    const nameOf = new Map(people.map((person) => [person.id, person.fullName]));
    const numberOf = new Map(numbers.map((row) => [row.volunteerId, row]));
    const kindsOf = new Map<string, ExpenseKind[]>();
    for (const row of kinds) kindsOf.set(row.volunteerId, [...(kindsOf.get(row.volunteerId) ?? []), row.kind]);
    if (withNumbers && numbers.length > 0 && !masterKey)
      throw new Error('no master key is configured for individual numbers (PAYOUT_MASTER_KEY)');
    const statements = totals.map((total) => {
      const number = numberOf.get(total.personId);
      const statement: PaymentStatement = {
        year,
        payer: {
          name: association?.nameJa ?? '',
          address: settings?.payerAddress ?? null,
          phone: settings?.payerPhone ?? null,
          corporateNumber: settings?.corporateNumber ?? null,
        },
        payee: {
          name: nameOf.get(total.personId) ?? '',
          address: number?.address ?? null,
          // Opened only for the statement itself; the list needs to know only that it is on file.
          individualNumber: number && withNumbers && masterKey ? open(masterKey, number, total.personId) : null,
        },
        kind: statementKindOf(kindsOf.get(total.personId) ?? []),
        paidYen: total.grossYen,
        withheldYen: total.withheldYen,
      };
      return { total, statement, numberOnFile: number !== undefined };
    });
    await recordAudit(db, viewer, [
      ...statements.map(({ total }) => ({
        action: 'read' as const,
        subjectType: 'Volunteer',
        subjectId: total.personId,
        fields: ['fullName', ...(withNumbers ? ['address'] : [])],
        associationIds: [associationId],
      })),
      ...(withNumbers
        ? statements
            .filter(({ total }) => total.needsStatement && numberOf.has(total.personId))
            .map(({ total }) => ({
              action: 'read' as const,
              subjectType: 'IndividualNumber',
              subjectId: total.personId,
              fields: ['individualNumber'],
              associationIds: [associationId],
            }))
        : []),
    ]);
    return statements;
  }

  return {
    withholding,

    /** The association's side of its statements, for the admin's form; null before it is entered. */
    async payer(viewer: Viewer, associationId: string) {
      if (!mayActOn(viewer, { associationId }, 'admin') && !(await isPayoutStaff(db, viewer, associationId)))
        throw new ForbiddenError('payout_staff_only');
      const settings = await db.query.payoutSettings.findFirst({ where: { associationId } });
      return {
        address: settings?.payerAddress ?? null,
        phone: settings?.payerPhone ?? null,
        corporateNumber: settings?.corporateNumber ?? null,
      };
    },

    /** An admin enters the association's address, telephone and 法人番号 for its statements (after its bank account). */
    async savePayer(viewer: Viewer, input: unknown): Promise<void> {
      const parsed = parseInput(statementPayerSchema, input);
      if (!mayActOn(viewer, { associationId: parsed.associationId }, 'admin')) throw new ForbiddenError('admins_only');
      const saved = await db
        .update(schema.payoutSettings)
        .set({
          payerAddress: parsed.address,
          payerPhone: parsed.phone,
          corporateNumber: parsed.corporateNumber,
          updatedBy: viewer.userId,
          updatedAt: clock.now().toJSDate(),
        })
        .where(eq(schema.payoutSettings.associationId, parsed.associationId))
        .returning({ associationId: schema.payoutSettings.associationId });
      if (saved.length === 0) throw new ConflictError('no_payout_settings');
    },

    /** A volunteer gives the address their statement names, once their individual number is on file. */
    async saveStatementAddress(viewer: Viewer, input: unknown): Promise<void> {
      const volunteerId = viewer.volunteerId;
      if (!volunteerId) throw new ForbiddenError('own_payout_details_only');
      const { address } = parseInput(statementAddressSchema, input);
      await db.transaction(async (tx) => {
        const saved = await tx
          .update(schema.individualNumbers)
          .set({ address, updatedAt: clock.now().toJSDate() })
          .where(eq(schema.individualNumbers.volunteerId, volunteerId))
          .returning({ volunteerId: schema.individualNumbers.volunteerId });
        if (saved.length === 0) throw new ConflictError('individual_number_first');
        const memberships = await tx.query.volunteerMemberships.findMany({
          where: { volunteerId },
          columns: { associationId: true },
        });
        await recordAudit(tx, viewer, [
          {
            action: 'update',
            subjectType: 'IndividualNumber',
            subjectId: volunteerId,
            fields: ['address'],
            associationIds: memberships.map((row) => row.associationId),
          },
        ]);
      });
    },

    /** Whether the volunteer's statement address is on file (the address itself stays on the statement). */
    async hasStatementAddress(viewer: Viewer): Promise<boolean> {
      if (!viewer.volunteerId) return false;
      const row = await db.query.individualNumbers.findFirst({
        where: { volunteerId: viewer.volunteerId },
        columns: { address: true },
      });
      return Boolean(row?.address);
    },

    /** The year's months as a CSV (UTF-8 with its mark, for Excel in Japan), in the reader's language. */
    async withholdingCsv(viewer: Viewer, associationId: string, year: number, language: 'ja' | 'en') {
      const months = await withholding(viewer, associationId, year);
      let text = csvBom + csvRecord(monthLabels[language]);
      for (const { slip } of months) {
        if (!slip) continue;
        text += csvRecord([slip.paymentMonth, slip.fiscalYear, slip.persons, slip.paidYen, slip.taxYen, slip.dueDate]);
      }
      return { fileName: language === 'ja' ? `源泉徴収_${year}年.csv` : `withholding-${year}.csv`, text };
    },

    /** Who was paid in the year, and whose statement can be filed as it is (no individual number is opened). */
    async statements(viewer: Viewer, associationId: string, year: number): Promise<StatementSummary[]> {
      return (await statementsOf(viewer, associationId, year, false)).map(({ total, statement, numberOnFile }) => ({
        volunteerId: total.personId,
        name: statement.payee.name,
        kind: statement.kind,
        paidYen: total.grossYen,
        withheldYen: total.withheldYen,
        payments: total.payments,
        needsStatement: total.needsStatement,
        problems: total.needsStatement ? statementProblems(statement, numberOnFile) : [],
      }));
    },

    /** The statements to file (persons paid more than ¥50,000), one per page, with their numbers; audited. */
    async statementsPdf(viewer: Viewer, associationId: string, year: number) {
      const filed = (await statementsOf(viewer, associationId, year, true)).filter(({ total }) => total.needsStatement);
      return {
        fileName: `支払調書_${year}年.pdf`,
        fallback: `payment-statements-${year}.pdf`,
        bytes: await renderStatementsPdf(filed.map(({ statement }) => statement)),
      };
    },

    /**
     * The statements to file as the CSV of 法定資料の種類 309 (Shift_JIS, CR LF, no header row), for the
     * e-Tax software's CSV import; audited.
     */
    async statementsCsv(viewer: Viewer, associationId: string, year: number) {
      const filed = (await statementsOf(viewer, associationId, year, true)).filter(({ total }) => total.needsStatement);
      const text = filed.map(({ statement }) => csvRecord(statementRecord309(statement))).join('');
      return {
        fileName: `支払調書_309_${year}年.csv`,
        fallback: `payment-statements-309-${year}.csv`,
        bytes: iconv.encode(text, 'Shift_JIS'),
      };
    },

    /** A volunteer's own year: what each association paid them, and what it withheld. */
    async ownYear(viewer: Viewer, year?: number | null): Promise<OwnYear[]> {
      const volunteerId = viewer.volunteerId;
      if (!volunteerId) throw new ForbiddenError('own_payout_details_only');
      const payments = await paymentsOf(year ?? clock.now().setZone(tokyo).year, { volunteerId });
      const byAssociation = new Map<string, OwnYear>();
      for (const payment of payments) {
        const own = byAssociation.get(payment.associationId) ?? {
          associationId: payment.associationId,
          associationNameJa: '',
          associationNameEn: '',
          payments: [],
          grossYen: 0,
          withheldYen: 0,
          netYen: 0,
        };
        own.payments.push({
          runId: payment.runId,
          paidOn: payment.paidOn,
          grossYen: payment.grossYen,
          withheldYen: payment.withheldYen,
          netYen: payment.netYen,
        });
        own.grossYen += payment.grossYen;
        own.withheldYen += payment.withheldYen;
        own.netYen += payment.netYen;
        byAssociation.set(payment.associationId, own);
      }
      if (byAssociation.size === 0) return [];
      const associations = await db
        .select({ id: schema.associations.id, nameJa: schema.associations.nameJa, nameEn: schema.associations.nameEn })
        .from(schema.associations)
        .where(inArray(schema.associations.id, [...byAssociation.keys()]));
      for (const association of associations) {
        const own = byAssociation.get(association.id);
        if (own) Object.assign(own, { associationNameJa: association.nameJa, associationNameEn: association.nameEn });
      }
      return [...byAssociation.values()];
    },
  };
}

export type TaxService = ReturnType<typeof createTaxService>;
