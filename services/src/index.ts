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
export type { AuditEntry } from './audit';
export { recordAudit } from './audit';
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
export type { Health, HealthProbe, HealthProbes } from './health';
export { checkHealth, shortReason } from './health';
export type { Logger } from './logger';
export { createLogger } from './logger';
export type { OrganizationApplication, OrganizationDecision, OrganizationType } from './organizations/service';
export { organizationTypes } from './organizations/service';
export type { ServiceDependencies, Services } from './services';
export { createServices } from './services';
export { parseInput } from './validation';
export { version } from './version';
export type { Viewer } from './viewer';
export { anonymous, isAdmin, isCoordinator, isRequester, isVolunteer } from './viewer';
