export { invitedRoles } from './accounts/invitations';
export { hashPassword, verifyPassword } from './accounts/passwords';
export {
  activeSessionCount,
  createSession,
  deleteSession,
  deleteSessionsOf,
  hashToken,
  newToken,
  viewerForSession,
} from './accounts/sessions';
export { partnershipStatuses } from './associations/partnerships';
export type { StaffRole } from './associations/service';
export { staffRoles } from './associations/service';
export type { AuditEntry, PersonalDataRead } from './audit';
export { recordAudit } from './audit';
export type { Dispatcher, DispatchSignal } from './dispatch/port';
export { detachedDispatcher } from './dispatch/port';
export type { DispatchService, RequesterReportInput, VolunteerReportInput } from './dispatch/service';
export { acceptResults, assignmentStatuses, offerStatuses } from './dispatch/service';
export type {
  AcceptOutcome,
  AssignOutcome,
  ConfirmedPlan,
  DeclineOutcome,
  DispatchFacts,
  DispatchSteps,
  ManualOfferOutcome,
  ReconfirmOutcome,
  ReleaseOutcome,
  ReleaseReason,
  ReportStatus,
  ScreeningResult,
  WaveOutcome,
} from './dispatch/steps';
export { createDispatchSteps } from './dispatch/steps';
export { chunkBytes } from './documents/chunks';
export { createDocumentCountSteps, type DocumentCountSteps } from './documents/counting';
export {
  type DocumentRow,
  type DocumentService,
  defaultMaxUploadBytes,
  type UploadedFile,
  type UploadTarget,
} from './documents/service';
export {
  type CostLine,
  type CostShares,
  type HonorariaYear,
  type HonorariumLine,
  type MonthCosts,
  monthsOfFiscalYear,
  type OrganizationCosts,
  organizationCosts,
  type RequestCostSummary,
  type RequestCosts,
  requestCosts,
  type ShownStatus,
  shownStatuses,
  volunteerHonoraria,
  volunteerPaidKinds,
} from './expenses/costs';
export { type HeaderLanguage, kindLabels, statusLabels } from './expenses/export';
export { closedPeriods } from './expenses/periods';
export {
  type AssignmentRates,
  copyRatesForAssignment,
  type RateScheduleInput,
  type RateScheduleRow,
  rateScheduleInForce,
  readRateRules,
} from './expenses/rate-schedules';
export {
  type Anomaly,
  type AnomalyKind,
  anomalyKinds,
  type ExportRequest,
  type ExportRow,
  fileNameOf,
  type ReconciliationReport,
  type ReportScope,
  reconciliationReport,
} from './expenses/reconciliation';
export {
  createCancellationFeeLines,
  createExpenseLinesForReport,
  type ExpenseLineRow,
  type LineChanges,
  type ManualLineInput,
} from './expenses/service';
export type { Health, HealthProbe, HealthProbes } from './health';
export { checkHealth, shortReason } from './health';
export type { IdempotencyClaim, IdempotencyStore } from './idempotency';
export { invoiceFileName } from './invoices/pdf';
export type { InvoiceService, PendingInvoice } from './invoices/service';
export type { Logger } from './logger';
export { createLogger } from './logger';
export type { Applicant, BoardEntry } from './matching/board';
export type { Candidate, CandidateStanding, HeldBackCandidate } from './matching/candidates';
export { minimumLevel, rankCandidates } from './matching/candidates';
export type { DeliveryDependencies, MailTransport } from './notifications/delivery';
export { createMailTransport, defaultBatchSize, deliverPending } from './notifications/delivery';
export type { EmailPreference, InboxService, Listen, UnreadCounts } from './notifications/inbox';
export { announceInboxChange, inboxChannel } from './notifications/inbox';
export type { MailCatcher } from './notifications/mail-catcher';
export { startMailCatcher } from './notifications/mail-catcher';
export type { ParsedMail } from './notifications/mime';
export { parseMailMessage } from './notifications/mime';
export type { OutgoingEmail } from './notifications/outbox';
export { enqueueEmail } from './notifications/outbox';
export type { OrganizationDecision } from './organizations/service';
export { type BankChoice, bankBranchOf, findBanks, findBranches } from './payouts/banks';
export type { PayoutDetails, PayoutDetailsService } from './payouts/details';
export { type MasterKey, masterKeyFrom } from './payouts/envelope';
export type { PayoutRunService, TransferFile } from './payouts/runs';
export { assertPayoutStaff, isPayoutStaff, setPayoutRole } from './payouts/staff';
export type { OwnYear, StatementSummary, TaxService, WithholdingMonth } from './payouts/tax';
export { pseudonymOf } from './privacy/erasure';
export type { PersonalDataDisclosure, PrivacyService, RetentionRun } from './privacy/service';
export {
  type CancellationCount,
  type CancellationKind,
  cancellationKinds,
  cancellationReport,
} from './requests/cancellation-report';
export type { RequestChanges, RequestInput, RequestSeriesInput, SeriesChanges } from './requests/service';
export {
  requestModalities,
  requestRoutings,
  requestStatuses,
  translationDirections,
  volumeUnits,
} from './requests/service';
export { type SupplyDemandCell, supplyAndDemand } from './requests/supply-demand';
export type { ServiceDependencies, Services } from './services';
export { createServices } from './services';
export type { TranslationJobRow } from './translations/jobs';
export { createTranslationService, type TranslationService } from './translations/service';
export { createTranslationJobSteps, type TranslationJobPlan, type TranslationJobSteps } from './translations/steps';
export { version } from './version';
export type { DirectorySearch } from './volunteers/directory';
export { levelsAtLeast, volunteerDirectoryWhere } from './volunteers/directory';
export type { PaperworkHold, PaperworkService, ReminderRun } from './volunteers/paperwork';
export type { BanDirection, VolunteerPaperwork, VolunteerProfileUpdate } from './volunteers/service';
export {
  banDirections,
  languageDirections,
  languageLevels,
  membershipStatuses,
  specialties,
  volunteerStatuses,
} from './volunteers/service';
