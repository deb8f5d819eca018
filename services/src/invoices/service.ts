import { type Db, schema } from '@tsunagu/db';
import {
  activityDateOf,
  type Clock,
  ConflictError,
  type ExpenseKind,
  ForbiddenError,
  formatInvoiceNumber,
  found,
  type InvoiceGrouping,
  invoiceMayBecome,
  invoiceTotals,
  mayActOn,
  monthRange,
  NotFoundError,
  numberingYearOf,
  readPolicy,
  type TaxTreatment,
  ValidationError,
  type Viewer,
} from '@tsunagu/domain';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { renderInvoicePdf } from './pdf';

type InvoiceRow = typeof schema.invoices.$inferSelect;

/** A line the requesting organization pays that an invoice may bill: approved (or already paid to the volunteer). */
export interface InvoiceableLine {
  lineId: string;
  assignmentId: string;
  organizationId: string;
  activityDate: string;
  kind: ExpenseKind;
  amountYen: number;
}

/** What an invoice copies of a line into its items. */
type ItemSource = Pick<InvoiceableLine, 'lineId' | 'activityDate' | 'kind' | 'amountYen'>;

/** What one invoice would bill: an organization's month, or one dispatch. */
export interface InvoiceGroup {
  organizationId: string;
  month: string;
  /** Set when the association invoices per dispatch. */
  assignmentId: string | null;
}

export interface PendingInvoice extends InvoiceGroup {
  lines: number;
  totalYen: number;
  taxYen: number;
}

const invoicedStatuses = ['approved', 'paid'] as const;

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

function checkMonth(month: string): void {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || Number(month.slice(0, 4)) < 2000 || Number(month.slice(0, 4)) > 2100) {
    throw ValidationError.of(['month'], {
      en: 'Give a month as YYYY-MM, such as 2026-05.',
      ja: '月は 2026-05 のように YYYY-MM の形で入力してください。',
    });
  }
}

/** The lines of a month not yet on a live invoice, for one group or every group of the association. */
async function invoiceableLines(
  db: Db,
  associationId: string,
  month: string,
  group?: { organizationId: string; assignmentId: string | null },
): Promise<InvoiceableLine[]> {
  const { from, to } = monthRange(month);
  const result = await db.execute(sql`
    select l.id as "lineId", l.assignment_id as "assignmentId", r.organization_id as "organizationId",
           l.activity_date::text as "activityDate", l.kind, l.amount_yen as "amountYen"
      from expense_lines l
      join assignments a on a.id = l.assignment_id
      join requests r on r.id = a.request_id
     where l.association_id = ${associationId}
       and l.payer = 'requester'
       and l.status in ${sql`(${sql.join(
         invoicedStatuses.map((status) => sql`${status}`),
         sql`, `,
       )})`}
       and l.activity_date between ${from} and ${to}
       and not exists (select 1 from invoiced_lines i where i.line_id = l.id)
       ${group ? sql`and r.organization_id = ${group.organizationId}` : sql``}
       ${group?.assignmentId ? sql`and l.assignment_id = ${group.assignmentId}` : sql``}
     order by l.activity_date, l.assignment_id, l.reverses_line_id is not null, l.created_at, l.id
  `);
  return rowsOf<InvoiceableLine>(result);
}

/** Lines in groups, in the order of their first line. */
export function groupLines(
  lines: readonly InvoiceableLine[],
  grouping: InvoiceGrouping,
  month: string,
): Array<InvoiceGroup & { lines: InvoiceableLine[] }> {
  const groups = new Map<string, InvoiceGroup & { lines: InvoiceableLine[] }>();
  for (const line of lines) {
    const assignmentId = grouping === 'dispatch' ? line.assignmentId : null;
    const key = `${line.organizationId}/${assignmentId ?? ''}`;
    const group = groups.get(key) ?? { organizationId: line.organizationId, month, assignmentId, lines: [] };
    group.lines.push(line);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const isUniqueViolation = (error: unknown) => {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if ((current as Error & { code?: unknown }).code === '23505') return true;
  }
  return false;
};

export function createInvoiceService({ db, clock }: { db: Db; clock: Clock }) {
  function assertCoordinator(viewer: Viewer, associationId: string) {
    if (!mayActOn(viewer, { associationId }, 'coordinator')) throw new ForbiddenError('coordinators_only');
  }

  /**
   * Writes an invoice for some lines, numbered next in its association and year. The counter's row
   * is bumped first: it stays locked until the transaction ends, so issues of one association wait
   * for each other and see each other's lines as invoiced; a failure rolls the number back.
   */
  async function write(
    tx: Db,
    viewer: Viewer,
    group: InvoiceGroup & { associationId: string },
    pickLines: () => Promise<ItemSource[]>,
    corrects: InvoiceRow | null,
  ): Promise<InvoiceRow> {
    const association = found(
      await tx.query.associations.findFirst({ where: { id: group.associationId } }),
      'Association',
      group.associationId,
    );
    const { invoicing } = readPolicy(association.policy);
    if (!invoicing.registrationNumber) throw new ConflictError('invoice_needs_registration_number');
    const organization = found(
      await tx.query.organizations.findFirst({
        where: { id: group.organizationId, associationId: group.associationId },
      }),
      'Organization',
      group.organizationId,
    );
    const now = clock.now();
    const issueDate = activityDateOf(now);
    const numberingYear = numberingYearOf(issueDate);
    const [counter] = await tx
      .insert(schema.invoiceCounters)
      .values({ associationId: group.associationId, numberingYear, lastSequence: 1 })
      .onConflictDoUpdate({
        target: [schema.invoiceCounters.associationId, schema.invoiceCounters.numberingYear],
        set: { lastSequence: sql`${schema.invoiceCounters.lastSequence} + 1` },
      })
      .returning({ sequence: schema.invoiceCounters.lastSequence });
    if (!counter) throw new Error('the invoice counter returned no row');
    const lines = await pickLines();
    if (lines.length === 0) throw new ConflictError('nothing_to_invoice');
    const treatment: TaxTreatment = invoicing.taxTreatment;
    const totals = invoiceTotals(lines.map((line) => ({ amountYen: line.amountYen, treatment })));
    const [invoice] = await tx
      .insert(schema.invoices)
      .values({
        associationId: group.associationId,
        organizationId: group.organizationId,
        numberingYear,
        sequence: counter.sequence,
        number: formatInvoiceNumber(numberingYear, counter.sequence),
        issueDate,
        grouping: group.assignmentId ? 'dispatch' : 'organization_month',
        month: group.month,
        assignmentId: group.assignmentId,
        issuerNameJa: association.nameJa,
        registrationNumber: invoicing.registrationNumber,
        recipientName: organization.name,
        taxTreatment: treatment,
        totalYen: totals.totalYen,
        taxYen: totals.taxYen,
        byRate: totals.byRate,
        correctsInvoiceId: corrects?.id ?? null,
        issuedAt: now.toJSDate(),
        issuedBy: viewer.userId,
      })
      .returning();
    if (!invoice) throw new Error('insert returned no invoice');
    await tx.insert(schema.invoiceItems).values(
      lines.map((line, position) => ({
        invoiceId: invoice.id,
        lineId: line.lineId,
        activityDate: line.activityDate,
        kind: line.kind,
        amountYen: line.amountYen,
        taxTreatment: treatment,
        position,
      })),
    );
    if (corrects) {
      await tx
        .update(schema.invoicedLines)
        .set({ invoiceId: invoice.id })
        .where(eq(schema.invoicedLines.invoiceId, corrects.id));
    }
    // A correction's lines are on the invoice it corrects already; the rest are claimed here.
    const claimed = corrects
      ? new Set(
          (await tx.query.invoiceItems.findMany({ where: { invoiceId: corrects.id }, columns: { lineId: true } })).map(
            (item) => item.lineId,
          ),
        )
      : new Set<string>();
    const unclaimed = lines.filter((line) => !claimed.has(line.lineId));
    if (unclaimed.length > 0) {
      await tx
        .insert(schema.invoicedLines)
        .values(unclaimed.map((line) => ({ lineId: line.lineId, invoiceId: invoice.id })));
    }
    await recordAudit(tx, viewer, [
      {
        action: 'create',
        subjectType: 'invoice',
        subjectId: invoice.id,
        fields: corrects ? ['number', 'correctsInvoiceId'] : ['number'],
        associationIds: [group.associationId],
      },
    ]);
    return invoice;
  }

  /** Runs an issue; two coordinators claiming the same line at once (across numbering years) is a conflict, not a crash. */
  async function issuing<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('changed_meanwhile');
      throw error;
    }
  }

  async function lockedInvoice(tx: Db, invoiceId: string): Promise<InvoiceRow> {
    const [row] = await tx.select().from(schema.invoices).where(eq(schema.invoices.id, invoiceId)).for('update');
    return found(row, 'Invoice', invoiceId);
  }

  return {
    /** What building invoices for a month would give: one entry per organization (or dispatch), not yet issued. */
    async pending(viewer: Viewer, associationId: string, month: string): Promise<PendingInvoice[]> {
      assertCoordinator(viewer, associationId);
      checkMonth(month);
      const association = found(
        await db.query.associations.findFirst({ where: { id: associationId }, columns: { policy: true } }),
        'Association',
        associationId,
      );
      const { invoicing } = readPolicy(association.policy);
      const lines = await invoiceableLines(db, associationId, month);
      return groupLines(lines, invoicing.grouping, month).map(({ lines: ofGroup, ...group }) => {
        const totals = invoiceTotals(
          ofGroup.map((line) => ({ amountYen: line.amountYen, treatment: invoicing.taxTreatment })),
        );
        return { ...group, lines: ofGroup.length, totalYen: totals.totalYen, taxYen: totals.taxYen };
      });
    },

    /** A coordinator issues the invoice of one organization's month (or one dispatch) from its lines not yet invoiced. */
    async issue(
      viewer: Viewer,
      input: { associationId: string; organizationId: string; month: string; assignmentId: string | null },
    ): Promise<InvoiceRow> {
      assertCoordinator(viewer, input.associationId);
      checkMonth(input.month);
      return issuing((tx) =>
        write(tx, viewer, input, () => invoiceableLines(tx, input.associationId, input.month, input), null),
      );
    },

    /** The requesting organization paid: issued → paid. */
    async markPaid(viewer: Viewer, invoiceId: string): Promise<InvoiceRow> {
      return db.transaction(async (tx) => {
        const invoice = await lockedInvoice(tx, invoiceId);
        assertCoordinator(viewer, invoice.associationId);
        if (!invoiceMayBecome(invoice.status, 'paid')) {
          throw new ConflictError('invoice_status_change', { from: invoice.status, to: 'paid' });
        }
        const [paid] = await tx
          .update(schema.invoices)
          .set({ status: 'paid', paidAt: clock.now().toJSDate(), paidBy: viewer.userId })
          .where(eq(schema.invoices.id, invoiceId))
          .returning();
        if (!paid) throw new Error('update returned no invoice');
        await recordAudit(tx, viewer, [
          {
            action: 'update',
            subjectType: 'invoice',
            subjectId: invoiceId,
            fields: ['status'],
            associationIds: [invoice.associationId],
          },
        ]);
        return paid;
      });
    },

    /**
     * A corrected invoice: a new number, today's settings (registration number, tax), the first's
     * lines and those of its month (or dispatch) approved since, the first marked superseded and
     * otherwise left as it was.
     */
    async reissue(viewer: Viewer, invoiceId: string): Promise<InvoiceRow> {
      return issuing(async (tx) => {
        const first = await lockedInvoice(tx, invoiceId);
        assertCoordinator(viewer, first.associationId);
        if (!invoiceMayBecome(first.status, 'superseded')) {
          throw new ConflictError('invoice_status_change', { from: first.status, to: 'superseded' });
        }
        const group = {
          associationId: first.associationId,
          organizationId: first.organizationId,
          month: first.month,
          assignmentId: first.assignmentId,
        };
        const corrected = await write(
          tx,
          viewer,
          group,
          async () => {
            const items = await tx.query.invoiceItems.findMany({
              where: { invoiceId: first.id },
              orderBy: { position: 'asc' },
            });
            const since = await invoiceableLines(tx, first.associationId, first.month, group);
            return [...items, ...since].sort((a, b) => a.activityDate.localeCompare(b.activityDate));
          },
          first,
        );
        await tx
          .update(schema.invoices)
          .set({ status: 'superseded', supersededAt: clock.now().toJSDate() })
          .where(eq(schema.invoices.id, first.id));
        return corrected;
      });
    },

    /** Whether the viewer may read an invoice: its organization's staff, its association's coordinators. */
    mayRead(viewer: Viewer, invoice: Pick<InvoiceRow, 'associationId' | 'organizationId'>): boolean {
      return mayActOn(viewer, invoice, ['requester', 'coordinator']);
    },

    /** The invoice as a PDF, for its organization's staff and its association's coordinators; each download is audited. */
    async pdf(viewer: Viewer, invoiceId: string): Promise<{ invoice: InvoiceRow; bytes: Uint8Array }> {
      const invoice = await db.query.invoices.findFirst({
        where: { id: invoiceId },
        with: { items: { orderBy: { position: 'asc' } }, corrects: { columns: { number: true } } },
      });
      // Someone else's invoice is not found, as any row the viewer may not see.
      if (!invoice || !mayActOn(viewer, invoice, ['requester', 'coordinator'])) {
        throw new NotFoundError('Invoice', invoiceId);
      }
      // The issuer's address is the one the association gives for its payment statements (one place to keep it).
      const settings = await db.query.payoutSettings.findFirst({
        where: { associationId: invoice.associationId },
        columns: { payerAddress: true },
      });
      const bytes = await renderInvoicePdf({ ...invoice, issuerAddress: settings?.payerAddress ?? null });
      await recordAudit(db, viewer, [
        {
          action: 'read',
          subjectType: 'invoice',
          subjectId: invoice.id,
          fields: ['pdf'],
          associationIds: [invoice.associationId],
        },
      ]);
      return { invoice, bytes };
    },
  };
}

export type InvoiceService = ReturnType<typeof createInvoiceService>;
