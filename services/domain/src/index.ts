export {
  emailSchema,
  type OrganizationApplication,
  type OrganizationType,
  organizationApplicationSchema,
  organizationTypes,
  passwordSchema,
  type VolunteerApplicationInput,
  volunteerApplicationSchema,
} from './accounts/applications';
export {
  type AssociationPolicy,
  applyPolicyChanges,
  defaultPolicy,
  type PolicyChanges,
  policySchema,
  readPolicy,
  type ScopeRule,
  scopeRules,
} from './associations/policy';
export { addBusinessDays, businessDaysBetween, fiscalYearOf, type Holidays, isBusinessDay } from './calendar';
export { type Clock, fixedClock, systemClock, tokyo } from './clock';
export { classifyStepFailure, type StepFailure } from './dispatch/failures';
export { reasonSchema, requesterReportSchema, volunteerReportSchema } from './dispatch/input';
export {
  answerDueAt,
  type ByHandRefusal,
  byHandRefusal,
  cancellationTerms,
  confirmedSchedule,
  type DispatchStage,
  dispatchStages,
  finalStages,
  needsReconfirmation,
  nextWaveStep,
  offerDeadline,
  pickWave,
  reportedTimesProblems,
  reportReminderTimes,
  screeningDecision,
} from './dispatch/rules';
export { type DispatchTimer, earliest, type TimedPlan, timersOf } from './dispatch/timers';
export { type DocumentCountUnit, type DocumentRole, documentCountUnits, documentRoles } from './documents/kinds';
export {
  ConflictError,
  type ConflictReason,
  conflictReasons,
  DomainError,
  type ErasureRefusal,
  ErasureRefusedError,
  erasureRefusals,
  type FieldProblem,
  ForbiddenError,
  type ForbiddenReason,
  forbiddenReasons,
  found,
  type Localized,
  type NotFoundEntity,
  NotFoundError,
  PeriodClosedError,
  RateLimitedError,
  UnauthenticatedError,
  ValidationError,
} from './errors';
export {
  activityDateOf,
  bearingBodyOf,
  calendarYearOf,
  categoryForPayer,
  classify,
  type ExpenseStatus,
  expenseStatuses,
  type FiscalPeriod,
  fiscalYearOfDate,
  isEditable,
  isInClosedPeriod,
  isReversible,
  type LineEligibility,
  lineEligibilities,
  monthOfDate,
  nextStatus,
} from './expenses/lines';
export {
  type CancellationFacts,
  type DispatchFacts,
  type ExpenseKind,
  expenseKinds,
  type FeeLine,
  feesForCancellation,
  feesForDispatch,
  honorariumKinds,
  illustrativeRateRules,
  type Payer,
  payers,
  RateRuleGap,
  type RateRules,
  type RateRulesInput,
  rateRulesSchema,
  rateScheduleFieldsSchema,
  roundingModes,
  volumeUnits,
} from './expenses/rates';
export {
  assembleReport,
  type BearingGovernment,
  type DispatchCell,
  hoursOf,
  type ReconciliationTotals,
  type ReportRow,
  type TotalsCell,
} from './expenses/report';
export {
  assignmentStatusWords,
  cancellationPartyWords,
  cancellationReasonWords,
  dispatchStageWords,
  expenseKindWords,
  expenseStatusWords,
  languageLevelWords,
  membershipStatusWords,
  offerStatusWords,
  organizationStatusWords,
  requestStatusWords,
  volunteerStatusWords,
  withdrawalReasonWords,
  wordsIn,
} from './glossary';
export {
  type BearingBodyKind,
  bearingBodyKinds,
  type GrantTaxCategory,
  type GrantTaxMeasure,
  grantTaxCategories,
  grantTaxCategoryNames,
  grantTaxMeasures,
  requestPurposes,
  suggestCategory,
} from './grant-tax';
export { type Direction, describeCandidate } from './matching/reasons';
export { type LanguageLevel, scoreCandidate } from './matching/score';
export {
  calendarMethods,
  type DispatchEvent,
  type DispatchNotice,
  type DispatchReason,
  dispatchEvents,
  type StatedReason,
} from './notifications/dispatch-templates';
export {
  type AssociationNames,
  type EmailMessage,
  invitationDays,
  isEmailTemplate,
  type Locale,
  type PartnershipEvent,
  type PartnershipNotice,
  passwordResetHours,
  renderEmail,
  withoutTokens,
} from './notifications/templates';
export {
  type EmailTopic,
  emailTopics,
  topicOf,
  topicsFor,
  type UnreadCounter,
  unreadCounterOf,
} from './notifications/topics';
export { type RetentionPolicy, retentionDue } from './privacy/retention';
export { busyRange, travelBufferMinutes } from './requests/busy';
export {
  type Cancellation,
  type CancellationParty,
  type CancellationReason,
  cancellationParties,
  cancellationReasons,
  cancellationSchema,
  reasonNoteLimit,
  type Withdrawal,
  type WithdrawalReason,
  withdrawalReasons,
  withdrawalSchema,
} from './requests/cancellation';
export { isDeadlock, isDoubleBooking } from './requests/double-booking';
export { requestDetails, requestSchema, seriesChangeSchema, seriesSchema } from './requests/input';
export {
  checkRequestPolicy,
  closedReason,
  finishedStatuses,
  modalities,
  type Specialty,
} from './requests/policy';
export { occurrences, seriesProblems, splitSeries, type WeeklySeries } from './requests/recurrence';
export { isRoute, pathTo, type RouteName, routes } from './routes';
export { type Capacity, mayActOn, type Owner, type Tenancy, tenancyOf } from './tenancy';
export { bilingual, inputProblems, isoDate, maxLengthOf, parseInput, wholeNumber } from './validation';
export {
  anonymous,
  isAdmin,
  isCoordinator,
  isRequester,
  isVolunteer,
  localeFromAcceptLanguage,
  type Viewer,
} from './viewer';
export {
  availabilityProblems,
  type DayOffRange,
  dayOffProblems,
  type EntryProblem,
  findOverlaps,
  isDayOff,
  type WeeklyWindow,
} from './volunteers/availability';
export { certificateDateProblem, isCertificateValidOn } from './volunteers/certificates';
export { date, profileSchema } from './volunteers/input';
export { type RenewalReminder, registrationExpiryAfterRenewal, renewalRemindersDue } from './volunteers/paperwork';
export {
  canChangeMembershipStatus,
  canChangeVolunteerStatus,
  type MembershipStatus,
  type ProfileCompleteness,
  type ProfileGap,
  profileCompleteness,
  type VolunteerStatus,
} from './volunteers/profile';
