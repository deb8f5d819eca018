export { invitedRoles } from './accounts/invitations';
export { emailSchema, hashPassword, passwordSchema, verifyPassword } from './accounts/passwords';
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
export type { AssociationPolicy, PolicyChanges, ScopeRule } from './associations/policy';
export { defaultPolicy, readPolicy, scopeRules } from './associations/policy';
export type { StaffRole } from './associations/service';
export { staffRoles } from './associations/service';
export type { AuditEntry, PersonalDataRead } from './audit';
export { recordAudit } from './audit';
export { addBusinessDays, businessDaysBetween, fiscalYearOf, type Holidays, isBusinessDay } from './calendar';
export type { Clock } from './clock';
export { fixedClock, systemClock, tokyo } from './clock';
export { classifyStepFailure, type StepFailure } from './dispatch/failures';
export type { Dispatcher, DispatchSignal } from './dispatch/port';
export { detachedDispatcher } from './dispatch/port';
export type { DispatchStage } from './dispatch/rules';
export { dispatchStages } from './dispatch/rules';
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
  ReportStatus,
  ScreeningResult,
  WaveOutcome,
} from './dispatch/steps';
export { createDispatchSteps } from './dispatch/steps';
export type { ConflictReason, FieldProblem, ForbiddenReason, Localized, NotFoundEntity } from './errors';
export {
  ConflictError,
  conflictReasons,
  DomainError,
  type ErasureRefusal,
  ErasureRefusedError,
  erasureRefusals,
  ForbiddenError,
  forbiddenReasons,
  NotFoundError,
  PeriodClosedError,
  RateLimitedError,
  UnauthenticatedError,
  ValidationError,
} from './errors';
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
export {
  activityDateOf,
  bearingBodyOf,
  type ExpenseStatus,
  expenseStatuses,
  type FiscalPeriod,
  fiscalYearOfDate,
  type LineEligibility,
  lineEligibilities,
} from './expenses/lines';
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
  type ExpenseKind,
  expenseKinds,
  honorariumKinds,
  illustrativeRateRules,
  type Payer,
  payers,
  type RateRules,
  type RateRulesInput,
  rateRulesSchema,
  roundingModes,
} from './expenses/rates';
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
export type { ReconciliationTotals, ReportRow } from './expenses/report';
export { hoursOf } from './expenses/report';
export {
  createCancellationFeeLines,
  createExpenseLinesForReport,
  type ExpenseLineRow,
  type LineChanges,
  type ManualLineInput,
} from './expenses/service';
export {
  type BearingBodyKind,
  type GrantTaxCategory,
  type GrantTaxMeasure,
  grantTaxCategories,
  grantTaxCategoryNames,
  requestPurposes,
  suggestCategory,
} from './grant-tax';
export type { Health, HealthProbe, HealthProbes } from './health';
export { checkHealth, shortReason } from './health';
export type { IdempotencyClaim, IdempotencyStore } from './idempotency';
export type { Logger } from './logger';
export { createLogger } from './logger';
export type { Applicant, BoardEntry } from './matching/board';
export type { Candidate } from './matching/candidates';
export { minimumLevel, rankCandidates } from './matching/candidates';
export type { DeliveryDependencies, MailTransport } from './notifications/delivery';
export { createMailTransport, defaultBatchSize, deliverPending } from './notifications/delivery';
export type { DispatchEvent, DispatchNotice } from './notifications/dispatch-templates';
export { calendarMethods, dispatchEvents } from './notifications/dispatch-templates';
export type { MailCatcher } from './notifications/mail-catcher';
export { startMailCatcher } from './notifications/mail-catcher';
export type { ParsedMail } from './notifications/mime';
export { parseMailMessage } from './notifications/mime';
export type { OutgoingEmail } from './notifications/outbox';
export { enqueueEmail } from './notifications/outbox';
export type { EmailMessage } from './notifications/templates';
export { withoutTokens } from './notifications/templates';
export type { OrganizationApplication, OrganizationDecision, OrganizationType } from './organizations/service';
export { organizationTypes } from './organizations/service';
export { pseudonymOf } from './privacy/erasure';
export { type RetentionPolicy, retentionDue } from './privacy/retention';
export type { PersonalDataDisclosure, PrivacyService, RetentionRun } from './privacy/service';
export { busyRange } from './requests/busy';
export { isDoubleBooking } from './requests/double-booking';
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
export type { Capacity, Owner, Tenancy } from './tenancy';
export { mayActOn, tenancyOf } from './tenancy';
export { parseInput } from './validation';
export { version } from './version';
export type { Viewer } from './viewer';
export { anonymous, isAdmin, isCoordinator, isRequester, isVolunteer, localeFromAcceptLanguage } from './viewer';
export type { DayOffRange, WeeklyWindow } from './volunteers/availability';
export { availabilityProblems, findOverlaps, isDayOff } from './volunteers/availability';
export { isCertificateValidOn } from './volunteers/certificates';
export type { RenewalReminder } from './volunteers/paperwork';
export { registrationExpiryAfterRenewal, renewalRemindersDue } from './volunteers/paperwork';
export type { MembershipStatus, ProfileCompleteness, ProfileGap, VolunteerStatus } from './volunteers/profile';
export { profileCompleteness } from './volunteers/profile';
export type { BanDirection, VolunteerPaperwork, VolunteerProfileUpdate } from './volunteers/service';
export {
  banDirections,
  languageDirections,
  languageLevels,
  membershipStatuses,
  specialties,
  volunteerStatuses,
} from './volunteers/service';
