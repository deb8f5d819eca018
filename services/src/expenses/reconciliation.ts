import type { Writable } from 'node:stream';
import { type Db, schema } from '@tsunagu/db';
import {
  assembleReport,
  type BearingGovernment,
  type Clock,
  calendarYearOf,
  type DispatchCell,
  type ExpenseKind,
  type ExpenseStatus,
  type FiscalPeriod,
  ForbiddenError,
  type LineEligibility,
  mayActOn,
  NotFoundError,
  type Payer,
  type ReconciliationTotals,
  type ReportRow,
  type TotalsCell,
  ValidationError,
  type Viewer,
} from '@tsunagu/domain';
import { eq, type SQL, sql } from 'drizzle-orm';
import { cancellationReport } from '../requests/cancellation-report';
import { supplyAndDemand } from '../requests/supply-demand';
import {
  csvWriter,
  type ExportLine,
  type HeaderLanguage,
  headerOf,
  lineColumns,
  lineTotalsRow,
  subtotalLabel,
  summaryColumns,
  summaryTotalsRow,
  summedColumns,
  type TableWriter,
  valuesOf,
  xlsxWriter,
} from './export';
import { closedPeriods } from './periods';

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

export const anomalyKinds = ['no_completed_assignment', 'duplicate', 'ineligible', 'unapproved_at_close'] as const;
export type AnomalyKind = (typeof anomalyKinds)[number];

export interface Anomaly {
  kind: AnomalyKind;
  lineId: string;
}

export interface ReconciliationReport {
  associationId: string;
  fiscalYear: number;
  bearingGovernmentCode: string | null;
  rows: ReportRow[];
  totals: ReconciliationTotals;
  anomalies: Anomaly[];
  /** True when some kind of anomaly had more than `anomalyLimit` lines: only the first are listed. */
  anomaliesTruncated: boolean;
  closedPeriods: FiscalPeriod[];
}

export interface ReportScope {
  associationId: string;
  fiscalYear: number;
  /** One municipality or prefecture; all when null. */
  bearingGovernmentCode?: string | null;
}

/** Anomalies listed per kind at most. */
export const anomalyLimit = 500;

function checkScope(viewer: Viewer, scope: ReportScope) {
  if (!mayActOn(viewer, { associationId: scope.associationId }, 'coordinator')) {
    throw new ForbiddenError('coordinators_only');
  }
  if (!Number.isInteger(scope.fiscalYear) || scope.fiscalYear < 2000 || scope.fiscalYear > 2100) {
    throw ValidationError.of(['fiscalYear'], {
      en: 'Give a fiscal year such as 2025.',
      ja: '年度を 2025 のように入力してください。',
    });
  }
}

const bearingFilter = (scope: ReportScope, column: SQL) =>
  scope.bearingGovernmentCode ? sql`and ${column} = ${scope.bearingGovernmentCode}` : sql``;

/** The first day of a month of a fiscal year, and of the month after. */
function monthBounds(fiscalYear: number, month: number) {
  const year = calendarYearOf({ fiscalYear, month });
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    from: `${year}-${pad(month)}-01`,
    to: month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`,
  };
}

/** Lines no reversing line cancels, that are not themselves reversing. */
const settled = (alias: SQL) =>
  sql`${alias}.reverses_line_id is null and not exists (select 1 from expense_lines r where r.reverses_line_id = ${alias}.id)`;

async function totalsCells(db: Db, scope: ReportScope): Promise<TotalsCell[]> {
  const result = await db.execute(sql`
    select bearing_government_code as "bearingGovernmentCode", grant_tax_category as "grantTaxCategory",
           kind, status, amount_yen::float8 as "amountYen", lines
      from expense_totals
     where association_id = ${scope.associationId} and fiscal_year = ${scope.fiscalYear}
       ${bearingFilter(scope, sql`bearing_government_code`)}
  `);
  return rowsOf<TotalsCell>(result);
}

async function dispatchCells(db: Db, scope: ReportScope): Promise<DispatchCell[]> {
  const result = await db.execute(sql`
    select bearing_government_code as "bearingGovernmentCode", grant_tax_category as "grantTaxCategory",
           language_code as "languageCode", dispatches, minutes::float8 as minutes
      from expense_dispatch_totals
     where association_id = ${scope.associationId} and fiscal_year = ${scope.fiscalYear}
       ${bearingFilter(scope, sql`bearing_government_code`)}
  `);
  return rowsOf<DispatchCell>(result);
}

async function governmentsOf(db: Db, codes: string[]): Promise<Map<string, BearingGovernment>> {
  if (codes.length === 0) return new Map();
  const rows = await db.query.localGovernments.findMany({
    where: { code: { in: codes } },
    columns: { code: true, nameJa: true, nameEn: true, kind: true },
  });
  return new Map(
    rows.map((row) => [row.code, { ...row, kind: row.kind === 'prefecture' ? 'prefecture' : 'municipality' }]),
  );
}

/**
 * What needs a coordinator's eye before a claim: lines whose assignment was not completed (a
 * cancellation fee of a cancelled one is expected), duplicates, categories the table does not allow
 * for the bearing body, and lines still draft or submitted in a closed period.
 */
async function anomaliesOf(db: Db, scope: ReportScope, closed: FiscalPeriod[], limit: number): Promise<Anomaly[]> {
  const where = sql`l.association_id = ${scope.associationId} and l.fiscal_year = ${scope.fiscalYear}
    ${bearingFilter(scope, sql`l.bearing_government_code`)}`;
  // Lines not approved at close: only in the closed months (or the whole year), found by date.
  const closedDates = closed.some((period) => period.month === null)
    ? sql`true`
    : closed.length === 0
      ? sql`false`
      : sql.join(
          closed.map((period) => {
            const { from, to } = monthBounds(period.fiscalYear, period.month ?? 4);
            return sql`(l.activity_date >= ${from}::date and l.activity_date < ${to}::date)`;
          }),
          sql` or `,
        );
  const result = await db.execute(sql`
    (select 'ineligible' as kind, l.id as "lineId" from expense_lines l
      where ${where} and l.eligibility = 'flagged' and ${settled(sql`l`)}
      order by l.activity_date, l.id limit ${limit})
    union all
    (select 'duplicate', l.id from expense_lines l
       join expense_lines twin on twin.id = l.duplicate_of_line_id
      where ${where} and l.duplicate_of_line_id is not null and ${settled(sql`l`)} and ${settled(sql`twin`)}
      order by l.activity_date, l.id limit ${limit})
    union all
    (select 'unapproved_at_close', l.id from expense_lines l
      where ${where} and l.status in ('draft', 'submitted') and (${closedDates})
      order by l.activity_date, l.id limit ${limit})
    union all
    (select 'no_completed_assignment', l.id from assignments a
      cross join lateral (
        -- Few assignments are not completed: from each, its lines (whatever the planner guesses).
        select l.id, l.activity_date from expense_lines l
         where l.assignment_id = a.id and ${where} and ${settled(sql`l`)}
           and not (l.kind = 'cancellation_fee' and a.cancelled_at is not null)) l
      where a.status <> 'completed'
      order by l.activity_date, l.id limit ${limit})
  `);
  return rowsOf<Anomaly>(result);
}

/** The reconciliation of one fiscal year, for one bearing body or all: rows, totals and anomalies. */
export async function reconciliationReport(db: Db, scope: ReportScope): Promise<ReconciliationReport> {
  const closed = await closedPeriods(db, scope.associationId, [scope.fiscalYear]);
  const [cells, dispatches, anomalies] = await Promise.all([
    totalsCells(db, scope),
    dispatchCells(db, scope),
    anomaliesOf(db, scope, closed, anomalyLimit + 1),
  ]);
  const codes = [...new Set([...cells, ...dispatches].map((cell) => cell.bearingGovernmentCode))];
  const { rows, totals } = assembleReport(cells, dispatches, await governmentsOf(db, codes));
  const perKind = new Map<AnomalyKind, number>();
  const listed = anomalies.filter((anomaly) => {
    const seen = (perKind.get(anomaly.kind) ?? 0) + 1;
    perKind.set(anomaly.kind, seen);
    return seen <= anomalyLimit;
  });
  return {
    associationId: scope.associationId,
    fiscalYear: scope.fiscalYear,
    bearingGovernmentCode: scope.bearingGovernmentCode ?? null,
    rows,
    totals,
    anomalies: listed,
    anomaliesTruncated: listed.length < anomalies.length,
    closedPeriods: closed,
  };
}

interface LineRow extends Omit<ExportLine, 'bearingGovernmentName'> {}

/** The lines of a report's scope in batches, in the order of the cell index (keyset pagination, no cursor). */
export async function* linesInBatches(db: Db, scope: ReportScope, batchSize = 5000): AsyncGenerator<LineRow[]> {
  let after: { code: string; category: string; date: string; id: string } | null = null;
  for (;;) {
    const position: SQL = after
      ? sql`and (bearing_government_code, grant_tax_category, activity_date, id) > (${after.code}, ${after.category}, ${after.date}::date, ${after.id}::uuid)`
      : sql``;
    const result = await db.execute(sql`
      select id, activity_date::text as "activityDate", fiscal_year as "fiscalYear",
             bearing_government_code as "bearingGovernmentCode", grant_tax_category as "grantTaxCategory",
             measure, eligibility, kind, payer, amount_yen as "amountYen", status, language_code as "languageCode",
             activity_minutes as "activityMinutes", assignment_id as "assignmentId",
             reverses_line_id as "reversesLineId", note, basis
        from expense_lines
       where association_id = ${scope.associationId} and fiscal_year = ${scope.fiscalYear}
         ${bearingFilter(scope, sql`bearing_government_code`)} ${position}
       order by bearing_government_code, grant_tax_category, activity_date, id
       limit ${batchSize}
    `);
    const batch = rowsOf<LineRow>(result);
    if (batch.length === 0) return;
    yield batch;
    const last = batch[batch.length - 1] as LineRow;
    after = { code: last.bearingGovernmentCode, category: last.grantTaxCategory, date: last.activityDate, id: last.id };
    if (batch.length < batchSize) return;
  }
}

export type ExportRow = typeof schema.reconciliationExports.$inferSelect;

export interface ExportRequest extends ReportScope {
  format: 'csv' | 'xlsx';
  detail: 'summary' | 'lines';
  headerLanguage: HeaderLanguage;
}

/** How often a running export writes its progress, in rows. */
const progressEvery = 10_000;

export function fileNameOf(row: Pick<ExportRow, 'fiscalYear' | 'bearingGovernmentCode' | 'detail' | 'format'>) {
  return `reconciliation-FY${row.fiscalYear}-${row.bearingGovernmentCode ?? 'all'}-${row.detail}.${row.format}`;
}

export function createReconciliationService({ db, clock }: { db: Db; clock: Clock }) {
  async function rowsExpected(request: ExportRequest): Promise<number> {
    if (request.detail === 'summary') return (await reconciliationReport(db, request)).rows.length;
    const [row] = rowsOf<{ lines: number }>(
      await db.execute(sql`
        select coalesce(sum(lines), 0)::int as lines from expense_totals
         where association_id = ${request.associationId} and fiscal_year = ${request.fiscalYear}
           ${bearingFilter(request, sql`bearing_government_code`)}
      `),
    );
    return row?.lines ?? 0;
  }

  async function loadExport(viewer: Viewer, exportId: string): Promise<ExportRow> {
    const row = await db.query.reconciliationExports.findFirst({ where: { id: exportId } });
    if (!row || row.requestedBy !== viewer.userId) throw new NotFoundError('ReconciliationExport', exportId);
    if (!mayActOn(viewer, { associationId: row.associationId }, 'coordinator')) {
      throw new ForbiddenError('coordinators_only');
    }
    return row;
  }

  async function progress(exportId: string, values: Partial<ExportRow>) {
    await db.update(schema.reconciliationExports).set(values).where(eq(schema.reconciliationExports.id, exportId));
  }

  return {
    async report(viewer: Viewer, scope: ReportScope): Promise<ReconciliationReport> {
      checkScope(viewer, scope);
      return reconciliationReport(db, scope);
    },

    /**
     * A coordinator asks for an export: it is recorded with the number of rows it will hold, so
     * that the download's progress can be polled (`reconciliationExport`) from any API process.
     */
    async startExport(viewer: Viewer, request: ExportRequest): Promise<ExportRow> {
      checkScope(viewer, request);
      if (!viewer.userId) throw new ForbiddenError('signed_in_only');
      const [row] = await db
        .insert(schema.reconciliationExports)
        .values({
          associationId: request.associationId,
          requestedBy: viewer.userId,
          fiscalYear: request.fiscalYear,
          bearingGovernmentCode: request.bearingGovernmentCode ?? null,
          format: request.format,
          detail: request.detail,
          headerLanguage: request.headerLanguage,
          rowsExpected: await rowsExpected(request),
          createdAt: clock.now().toJSDate(),
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    supplyAndDemand: (viewer: Viewer, options: { fiscalYear: number; associationId?: string | null }) =>
      supplyAndDemand(db, viewer, options),

    /** Cancellations per reason and organization over a fiscal year (`requests/cancellation-report.ts`). */
    cancellationReport: (viewer: Viewer, options: { associationId: string; fiscalYear: number }) =>
      cancellationReport(db, viewer, options),

    /** The export as the one who asked for it may see it. */
    exportOf: loadExport,

    /**
     * Writes the export to a stream, recording progress as rows go out. Its data is read when the
     * download runs (closed periods do not change; open ones are as of then).
     */
    async writeExport(viewer: Viewer, exportId: string, stream: Writable): Promise<ExportRow> {
      const row = await loadExport(viewer, exportId);
      const language = row.headerLanguage === 'en' ? 'en' : 'ja';
      const scope: ReportScope = {
        associationId: row.associationId,
        fiscalYear: row.fiscalYear,
        bearingGovernmentCode: row.bearingGovernmentCode,
      };
      await progress(row.id, {
        status: 'running',
        rowsWritten: 0,
        startedAt: clock.now().toJSDate(),
        finishedAt: null,
      });
      let written = 0;
      try {
        if (row.detail === 'summary') {
          const report = await reconciliationReport(db, scope);
          const writer = writerFor(row.format, stream, summedColumns(summaryColumns), language, 'Reconciliation');
          await writer.header(headerOf(summaryColumns, language));
          for (const reportRow of report.rows) {
            await writer.row(valuesOf(summaryColumns, reportRow, language));
            written++;
          }
          await writer.totals(summaryTotalsRow(report.totals, language));
          await writer.end();
        } else {
          const names = new Map<string, string>();
          const writer = writerFor(row.format, stream, summedColumns(lineColumns), language, 'Lines');
          await writer.header(headerOf(lineColumns, language));
          let amountYen = 0;
          for await (const batch of linesInBatches(db, scope)) {
            const missing = [...new Set(batch.map((line) => line.bearingGovernmentCode))].filter(
              (code) => !names.has(code),
            );
            for (const [code, government] of await governmentsOf(db, missing)) {
              names.set(code, language === 'en' ? (government.nameEn ?? government.nameJa) : government.nameJa);
            }
            for (const line of batch) {
              const exported: ExportLine = {
                ...line,
                kind: line.kind as ExpenseKind,
                payer: line.payer as Payer,
                status: line.status as ExpenseStatus,
                eligibility: line.eligibility as LineEligibility,
                bearingGovernmentName: names.get(line.bearingGovernmentCode) ?? line.bearingGovernmentCode,
              };
              await writer.row(valuesOf(lineColumns, exported, language));
              amountYen += line.amountYen;
              written++;
              if (written % progressEvery === 0) await progress(row.id, { rowsWritten: written });
            }
          }
          await writer.totals(lineTotalsRow(amountYen, language));
          await writer.end();
        }
      } catch (error) {
        await progress(row.id, { status: 'failed', rowsWritten: written, finishedAt: clock.now().toJSDate() });
        throw error;
      }
      const finished = { status: 'finished' as const, rowsWritten: written, finishedAt: clock.now().toJSDate() };
      await progress(row.id, finished);
      return { ...row, ...finished };
    },
  };
}

function writerFor(
  format: 'csv' | 'xlsx',
  stream: Writable,
  summed: boolean[],
  language: HeaderLanguage,
  sheetName: string,
): TableWriter {
  return format === 'csv'
    ? csvWriter(stream)
    : xlsxWriter(stream, { sheetName, summed, subtotalLabel: subtotalLabel[language] });
}
