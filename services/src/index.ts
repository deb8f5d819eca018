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
export type { AssociationPolicy, PolicyChanges, ScopeRule } from './associations/policy';
export { defaultPolicy, readPolicy, scopeRules } from './associations/policy';
export type { StaffRole } from './associations/service';
export { staffRoles } from './associations/service';
export type { AuditEntry, PersonalDataRead } from './audit';
export { recordAudit } from './audit';
export { addBusinessDays, businessDaysBetween, fiscalYearOf, type Holidays, isBusinessDay } from './calendar';
export type { Clock } from './clock';
export { fixedClock, systemClock, tokyo } from './clock';
export type { FieldProblem } from './errors';
export {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  ValidationError,
} from './errors';
export { requestPurposes } from './grant-tax';
export type { Health, HealthProbe, HealthProbes } from './health';
export { checkHealth, shortReason } from './health';
export type { IdempotencyClaim, IdempotencyStore } from './idempotency';
export type { Logger } from './logger';
export { createLogger } from './logger';
export type { Applicant, BoardEntry } from './matching/board';
export type { Candidate } from './matching/candidates';
export { minimumLevel, rankCandidates } from './matching/candidates';
export type { DeliveryDependencies, MailTransport } from './notifications/delivery';
export { createMailTransport, deliverPending } from './notifications/delivery';
export type { MailCatcher } from './notifications/mail-catcher';
export { startMailCatcher } from './notifications/mail-catcher';
export type { ParsedMail } from './notifications/mime';
export { parseMailMessage } from './notifications/mime';
export type { OutgoingEmail } from './notifications/outbox';
export { enqueueEmail } from './notifications/outbox';
export type { EmailMessage } from './notifications/templates';
export type { OrganizationApplication, OrganizationDecision, OrganizationType } from './organizations/service';
export { organizationTypes } from './organizations/service';
export { doubleBookingMessage, isDoubleBooking } from './requests/assignments';
export type { RequestChanges, RequestInput, RequestSeriesInput, SeriesChanges } from './requests/service';
export {
  requestModalities,
  requestRoutings,
  requestStatuses,
  translationDirections,
  volumeUnits,
} from './requests/service';
export type { ServiceDependencies, Services } from './services';
export { createServices } from './services';
export { parseInput } from './validation';
export { version } from './version';
export type { Viewer } from './viewer';
export { anonymous, isAdmin, isCoordinator, isRequester, isVolunteer } from './viewer';
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
