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
  type InvitationInput,
  invitationSchema,
  invitedRoles,
  partnershipProposalSchema,
} from './accounts/invitations';
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
export { sqlStateOf } from './database-errors';
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
export {
  addText,
  countText,
  type DocumentVolume,
  emptyCount,
  isJapaneseText,
  manuscriptPageCharacters,
  manuscriptPagesOf,
  manuscriptPagesOfVolume,
  type TextCount,
  volumeOf,
} from './documents/counting';
export { isAcceptableFileName, maxFileNameLength } from './documents/file-name';
export {
  type AcceptedMediaType,
  acceptedMediaTypes,
  type DocumentCountProblem,
  type DocumentCountStatus,
  type DocumentCountUnit,
  type DocumentKind,
  type DocumentRole,
  documentCountProblems,
  documentCountStatuses,
  documentCountUnits,
  documentRoles,
  isAcceptedMediaType,
  isCountedAfterUpload,
} from './documents/kinds';
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
  type UploadRefusal,
  UploadRefusedError,
  uploadRefusals,
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
  honorariumFor,
  honorariumKinds,
  illustrativeRateRules,
  type Payer,
  type PricedVolume,
  payers,
  RateRuleGap,
  type RateRules,
  type RateRulesInput,
  rateRulesSchema,
  rateScheduleFieldsSchema,
  roundingModes,
  splitByPayer,
  translationFeeFor,
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
  documentCountProblemWords,
  documentCountStatusWords,
  documentCountUnitWords,
  documentRoleWords,
  domainWords,
  expenseKindWords,
  expenseStatusWords,
  invoiceStatusWords,
  languageLevelWords,
  membershipStatusWords,
  modalityWords,
  offerStatusWords,
  organizationStatusWords,
  requestStatusWords,
  taxTreatmentWords,
  translationJobStateWords,
  volunteerStatusWords,
  withdrawalReasonWords,
  wordsIn,
} from './glossary';
export {
  adviseCategory,
  type BearingBodyKind,
  bearerNames,
  bearingBodyKinds,
  type CategoryAdvice,
  type Eligibility,
  eligibility,
  type GrantTaxCategory,
  type GrantTaxMeasure,
  grantTaxCategories,
  grantTaxCategoryNames,
  grantTaxMeasureNames,
  grantTaxMeasures,
  type RequestPurpose,
  requestPurposes,
  suggestCategory,
} from './grant-tax';
export {
  formatInvoiceNumber,
  type InvoiceGrouping,
  type InvoiceItemAmount,
  type InvoiceStatus,
  type InvoiceTotals,
  invoiceGroupings,
  invoiceMonthOf,
  invoiceStatuses,
  invoiceTotals,
  mayBecome as invoiceMayBecome,
  monthRange,
  numberingYearOf,
  parseInvoiceNumber,
  type RateTotal,
  type TaxTreatment,
  taxRatePercent,
  taxTreatments,
} from './invoices/invoice';
export { corporateCheckDigit, registrationNumberProblem } from './invoices/registration';
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
export {
  checkDigitOf,
  isIndividualNumber,
  needsIndividualNumber,
} from './payouts/individual-number';
export {
  individualNumberSchema,
  type PayoutAccountInput,
  payoutAccountSchema,
  payoutCorrectionSchema,
  payoutSettingsSchema,
} from './payouts/input';
export { shiftJisBytesOf, type ZenginKana, zenginKana } from './payouts/kana';
export {
  correctionOf,
  type PayableLine,
  type Payment,
  type PayoutRunStatus,
  paymentOf,
  payoutRunStatuses,
  planRun,
  type RunInput,
  type RunPlan,
  type RunTotals,
  totalsOf,
} from './payouts/runs';
export {
  defaultWithholdingSettings,
  higherRateThresholdYen,
  isSubjectToWithholding,
  payableKinds,
  type WithholdingSettings,
  withholdingOn,
} from './payouts/withholding';
export {
  type BankAccountType,
  bankAccountTypes,
  type ZenginBranch,
  type ZenginTotals,
  type ZenginTransfer,
  type ZenginTransferFile,
  zenginRecordBytes,
  zenginRecordsOf,
  zenginTotalsOf,
  zenginTransferFile,
} from './payouts/zengin';
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
export {
  fullWidth,
  isCorporateNumber,
  type PaymentStatement,
  reiwaYear,
  type StatementKind,
  type StatementProblem,
  statementAddressSchema,
  statementKindOf,
  statementPayerSchema,
  statementProblems,
  statementProblemWords,
  statementRecord309,
} from './tax/payment-statement';
export {
  type CalendarYearTotal,
  calendarYearTotals,
  type PaymentSlip,
  paymentSlipFigures,
  statementThresholdYen,
  type TaxedPayment,
  withheldTaxDueDate,
} from './tax/withheld-tax';
export {
  type Capacity,
  type DocumentAccess,
  mayActOn,
  mayReadDocument,
  type Owner,
  type Tenancy,
  tenancyOf,
} from './tenancy';
export {
  checkTranslationChange,
  checkTranslationChangeAnswer,
  isTranslationChangeable,
  type TranslationChange,
  type TranslationChangeStatus,
  translationChangeStatuses,
} from './translation/change';
export {
  acceptedCount,
  endedTranslationJobStates,
  isWithTranslator,
  nextTranslationJobState,
  overdueFromAfter,
  type TranslationJobEvent,
  type TranslationJobState,
  type TranslationJobTimer,
  translationJobStates,
  translationJobTimers,
  volumeOfCount,
} from './translation/job';
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
export {
  nextReminderRunAt,
  type PaperworkInput,
  type PaperworkItem,
  type PaperworkPolicy,
  type PaperworkStanding,
  type PaperworkState,
  paperworkHoldReasons,
  paperworkHolds,
  paperworkItems,
  paperworkSchema,
  paperworkStanding,
  type RenewableItem,
  type RenewalReminder,
  registrationExpiryAfterRenewal,
  renewableItems,
  renewalReminderDays,
  renewalRemindersDue,
  type VolunteerPapers,
} from './volunteers/paperwork';
export {
  canChangeMembershipStatus,
  canChangeVolunteerStatus,
  type MembershipStatus,
  type ProfileCompleteness,
  type ProfileGap,
  profileCompleteness,
  type VolunteerStatus,
} from './volunteers/profile';
