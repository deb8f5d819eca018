import {
  expenseKinds,
  expenseStatuses,
  hoursOf,
  mayActOn,
  type ReconciliationTotals,
  type ReportRow,
} from '@tsunagu/domain';
import {
  type Anomaly,
  anomalyKinds,
  type ExpenseLineRow,
  fileNameOf,
  type ReconciliationReport,
  type SupplyDemandCell,
} from '@tsunagu/services';
import { builder } from '../builder';
import { Association } from './association';
import {
  BearingBodyKindEnum,
  categoryName,
  EligibilityEnum,
  ExpenseKindEnum,
  ExpenseLine,
  ExpenseStatusEnum,
  MeasureEnum,
} from './expense-line';
import { selected } from './selection';

const AnomalyKindEnum = builder.enumType('ReconciliationAnomalyKind', {
  values: anomalyKinds,
  description:
    'no_completed_assignment: an expense whose assignment was not completed (a late cancellation’s fee aside); duplicate: a second line of the same assignment, kind, payer and amount; ineligible: a category the table does not allow for the bearing body; unapproved_at_close: a line still draft or submitted in a closed period.',
});

const KindAmount = builder
  .objectRef<{ kind: (typeof expenseKinds)[number]; amountYen: number }>('KindAmount')
  .implement({
    fields: (t) => ({
      kind: t.expose('kind', { type: ExpenseKindEnum }),
      amountYen: t.exposeFloat('amountYen', { description: 'Whole yen (a Float: a year’s sums outgrow 32 bits).' }),
    }),
  });

const StatusAmount = builder
  .objectRef<{ status: (typeof expenseStatuses)[number]; amountYen: number }>('StatusAmount')
  .implement({
    fields: (t) => ({
      status: t.expose('status', { type: ExpenseStatusEnum }),
      amountYen: t.exposeFloat('amountYen', { description: 'Whole yen.' }),
    }),
  });

const BearingGovernment = builder.objectRef<ReportRow['bearingGovernment']>('BearingGovernment').implement({
  description: 'The prefecture or municipality that bears a cost (a ward’s city bears the ward’s).',
  fields: (t) => ({
    code: t.exposeString('code'),
    nameJa: t.exposeString('nameJa'),
    nameEn: t.exposeString('nameEn', { nullable: true }),
    kind: t.expose('kind', { type: BearingBodyKindEnum }),
  }),
});

type Amounts = Pick<
  ReconciliationTotals,
  'totalYen' | 'lines' | 'byKind' | 'byStatus' | 'dispatches' | 'minutes' | 'languages'
>;

const ReconciliationAmounts = builder.interfaceRef<Amounts>('ReconciliationAmounts').implement({
  description: 'Sums of lines: in yen, by kind and by status, with the dispatches, hours and languages behind them.',
  fields: (t) => ({
    totalYen: t.exposeFloat('totalYen', { description: 'Whole yen (a Float: a year’s sums outgrow 32 bits).' }),
    lines: t.exposeInt('lines'),
    dispatches: t.exposeInt('dispatches'),
    minutes: t.exposeInt('minutes'),
    hours: t.float({ resolve: (amounts) => hoursOf(amounts.minutes) }),
    languages: t.exposeStringList('languages'),
    byKind: t.field({
      type: [KindAmount],
      resolve: (amounts) => expenseKinds.map((kind) => ({ kind, amountYen: amounts.byKind[kind] })),
    }),
    byStatus: t.field({
      type: [StatusAmount],
      resolve: (amounts) => expenseStatuses.map((status) => ({ status, amountYen: amounts.byStatus[status] })),
    }),
  }),
});

const ReconciliationRow = builder.objectRef<ReportRow>('ReconciliationRow').implement({
  description: 'One bearing body and category of a fiscal year: its dispatches, hours, languages and totals.',
  interfaces: [ReconciliationAmounts],
  fields: (t) => ({
    bearingGovernment: t.expose('bearingGovernment', { type: BearingGovernment }),
    grantTaxCategory: t.exposeString('category', { description: '1–7, G or N.' }),
    grantTaxCategoryName: t.string({ resolve: (row, _args, context) => categoryName(row.category, context) }),
    measure: t.field({ type: MeasureEnum, nullable: true, resolve: (row) => row.classification.measure }),
    eligibility: t.field({ type: EligibilityEnum, resolve: (row) => row.classification.eligibility }),
    flagReason: t.string({
      nullable: true,
      description: 'Why the table does not allow this combination, in the viewer’s language.',
      resolve: (row, _args, context) => row.classification.flagReason?.[context.viewer.locale] ?? null,
    }),
  }),
});

const ReconciliationTotalsRef = builder.objectRef<ReconciliationTotals>('ReconciliationTotals').implement({
  description: 'The sums of the rows. A dispatch booked under two categories counts in each.',
  interfaces: [ReconciliationAmounts],
  fields: () => ({}),
});

const ReconciliationAnomaly = builder.objectRef<Anomaly & { line: ExpenseLineRow }>('ReconciliationAnomaly').implement({
  fields: (t) => ({
    kind: t.expose('kind', { type: AnomalyKindEnum }),
    line: t.field({ type: ExpenseLine, resolve: (anomaly) => anomaly.line }),
  }),
});

const ClosedPeriod = builder.objectRef<{ fiscalYear: number; month: number | null }>('ClosedPeriod').implement({
  fields: (t) => ({
    fiscalYear: t.exposeInt('fiscalYear'),
    month: t.exposeInt('month', { nullable: true, description: 'Null when the whole fiscal year is closed.' }),
  }),
});

const ReconciliationReportRef = builder.objectRef<ReconciliationReport>('ReconciliationReport').implement({
  description:
    'A fiscal year’s expenses per bearing body and category, with the anomalies to look at. Every figure is a sum of lines; `expenseLines` lists the lines behind any of them.',
  fields: (t) => ({
    fiscalYear: t.exposeInt('fiscalYear'),
    bearingGovernmentCode: t.exposeString('bearingGovernmentCode', { nullable: true }),
    rows: t.expose('rows', { type: [ReconciliationRow] }),
    totals: t.expose('totals', { type: ReconciliationTotalsRef }),
    anomalies: t.field({
      type: [ReconciliationAnomaly],
      description: 'At most 500 of each kind (see anomaliesTruncated).',
      resolve: async (report, _args, context) => {
        if (report.anomalies.length === 0) return [];
        const lines = await context.db.query.expenseLines.findMany({
          where: { id: { in: [...new Set(report.anomalies.map((anomaly) => anomaly.lineId))] } },
        });
        const byId = new Map(lines.map((line) => [line.id, line]));
        return report.anomalies.flatMap((anomaly) => {
          const line = byId.get(anomaly.lineId);
          return line ? [{ ...anomaly, line }] : [];
        });
      },
    }),
    anomaliesTruncated: t.exposeBoolean('anomaliesTruncated'),
    closedPeriods: t.expose('closedPeriods', { type: [ClosedPeriod] }),
  }),
});

builder.queryField('reconciliation', (t) =>
  t.field({
    type: ReconciliationReportRef,
    description: 'Coordinators: the grant-tax reconciliation of a fiscal year, for one bearing body or all.',
    authScopes: { coordinator: true },
    args: {
      associationId: t.arg.globalID({ required: true, for: Association }),
      fiscalYear: t.arg.int({ required: true }),
      bearingGovernmentCode: t.arg.string({ required: false }),
    },
    errors: {},
    resolve: (_root, args, { services, viewer }) =>
      services.reconciliation.report(viewer, {
        associationId: args.associationId.id,
        fiscalYear: args.fiscalYear,
        bearingGovernmentCode: args.bearingGovernmentCode ?? null,
      }),
  }),
);

/* Exports. */

const ExportFormatEnum = builder.enumType('ExportFormat', { values: ['csv', 'xlsx'] as const });
const ExportDetailEnum = builder.enumType('ExportDetail', {
  values: ['summary', 'lines'] as const,
  description: 'One row per bearing body and category, or one row per line.',
});
const ExportStatusEnum = builder.enumType('ExportStatus', {
  values: ['ready', 'running', 'finished', 'failed'] as const,
});
const HeaderLanguageEnum = builder.enumType('HeaderLanguage', { values: ['ja', 'en'] as const });

export const ReconciliationExport = builder.drizzleNode('reconciliationExports', {
  name: 'ReconciliationExport',
  description:
    'An export a coordinator asked for. Download it from downloadUrl (same session); poll rowsWritten / rowsExpected for progress meanwhile.',
  id: { column: (row) => row.id },
  select: { columns: { id: true, associationId: true } },
  authScopes: (row) => ({ coordinatorOf: row.associationId }),
  fields: (t) => ({
    fiscalYear: t.exposeInt('fiscalYear'),
    bearingGovernmentCode: t.exposeString('bearingGovernmentCode', { nullable: true }),
    format: t.expose('format', { type: ExportFormatEnum }),
    detail: t.expose('detail', { type: ExportDetailEnum }),
    status: t.expose('status', { type: ExportStatusEnum }),
    rowsExpected: t.exposeInt('rowsExpected', { description: 'Known before the download starts.' }),
    rowsWritten: t.exposeInt('rowsWritten', { description: 'Updated every 10,000 rows while the download runs.' }),
    progress: t.float({
      description: '0 to 1.',
      select: { columns: { rowsWritten: true, rowsExpected: true, status: true } },
      resolve: (row) =>
        row.status === 'finished' ? 1 : row.rowsExpected === 0 ? 0 : Math.min(1, row.rowsWritten / row.rowsExpected),
    }),
    downloadUrl: t.string({ resolve: (row) => `/exports/reconciliation/${row.id}` }),
    fileName: t.string({
      select: { columns: { fiscalYear: true, bearingGovernmentCode: true, detail: true, format: true } },
      resolve: (row) => fileNameOf(row),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
  }),
});

const ExportInput = builder.inputType('ReconciliationExportInput', {
  fields: (t) => ({
    associationId: t.globalID({ required: true, for: Association }),
    fiscalYear: t.int({ required: true }),
    bearingGovernmentCode: t.string({
      required: false,
      description: 'One municipality or prefecture; all if left out.',
    }),
    format: t.field({ type: ExportFormatEnum, required: true }),
    detail: t.field({ type: ExportDetailEnum, required: false, description: 'summary unless told.' }),
    headerLanguage: t.field({ type: HeaderLanguageEnum, required: false, description: 'Japanese unless told.' }),
  }),
});

builder.mutationField('startReconciliationExport', (t) =>
  t.drizzleField({
    type: 'reconciliationExports',
    description: 'A coordinator asks for a CSV (UTF-8 with BOM, for Excel) or XLSX export of a fiscal year.',
    authScopes: { coordinator: true },
    args: { input: t.arg({ type: ExportInput, required: true }) },
    errors: {},
    resolve: async (query, _root, { input }, context) => {
      const row = await context.services.reconciliation.startExport(context.viewer, {
        associationId: input.associationId.id,
        fiscalYear: input.fiscalYear,
        bearingGovernmentCode: input.bearingGovernmentCode ?? null,
        format: input.format,
        detail: input.detail ?? 'summary',
        headerLanguage: input.headerLanguage ?? 'ja',
      });
      return selected(
        context.db.query.reconciliationExports.findFirst(query({ where: { id: row.id } })),
        'ReconciliationExport',
        row.id,
      );
    },
  }),
);

builder.queryField('reconciliationExport', (t) =>
  t.drizzleField({
    type: 'reconciliationExports',
    nullable: true,
    description: 'An export the viewer asked for, with its progress.',
    authScopes: { coordinator: true },
    args: { id: t.arg.globalID({ required: true, for: ReconciliationExport }) },
    resolve: (query, _root, { id }, { db, viewer }) =>
      db.query.reconciliationExports.findFirst(query({ where: { id: id.id, requestedBy: viewer.userId ?? '' } })),
  }),
);

/* Supply and demand. */

const SupplyDemandCellRef = builder.objectRef<SupplyDemandCell>('SupplyDemandCell').implement({
  description: 'Requests in one language, month and association, and how many were filled.',
  fields: (t) => ({
    association: t.globalID({ resolve: (cell) => ({ type: 'Association', id: cell.associationId }) }),
    languageCode: t.exposeString('languageCode'),
    month: t.exposeString('month', { description: 'YYYY-MM, in Japan.' }),
    requests: t.exposeInt('requests', { description: 'Filed, cancelled and rejected ones aside.' }),
    filled: t.exposeInt('filled', { description: 'Every interpreter asked for was found.' }),
    unfilled: t.exposeInt('unfilled'),
    fillRate: t.exposeFloat('fillRate', { description: 'filled / requests, 0 to 1.' }),
  }),
});

builder.queryField('supplyAndDemand', (t) =>
  t.field({
    type: [SupplyDemandCellRef],
    description:
      'Coordinators: requests, filled, unfilled and fill rate per language, month and association over a fiscal year, to see where to recruit.',
    authScopes: { coordinator: true },
    args: {
      fiscalYear: t.arg.int({ required: true }),
      associationId: t.arg.globalID({ required: false, for: Association }),
    },
    resolve: async (_root, { fiscalYear, associationId }, context) => {
      // An association the viewer does not coordinate has nothing to show them.
      if (associationId && !mayActOn(context.viewer, { associationId: associationId.id }, 'coordinator')) return [];
      return context.services.reconciliation.supplyAndDemand(context.viewer, {
        fiscalYear,
        associationId: associationId?.id ?? null,
      });
    },
  }),
);
