/**
 * Errors a user can act on. GraphQL maps each to a typed error in the schema; anything else that
 * is thrown is unexpected and masked.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/** Text a user reads, in both languages of the app; each viewer gets it in their own. */
export interface Localized {
  ja: string;
  en: string;
}

export interface FieldProblem {
  /** The input field, as a path: `["input", "email"]`. */
  path: string[];
  message: Localized;
}

export class ValidationError extends DomainError {
  override name = 'ValidationError';
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly problems: FieldProblem[]) {
    // For logs, which are in English.
    super(problems.map((problem) => `${problem.path.join('.')}: ${problem.message.en}`).join('; '));
  }

  static of(path: string[], message: Localized): ValidationError {
    return new ValidationError([{ path, message }]);
  }
}

export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} was not found`);
  }
}

export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
  readonly code = 'FORBIDDEN';
  constructor(message = 'You are not allowed to do this.') {
    super(message);
  }
}

export class UnauthenticatedError extends DomainError {
  override name = 'UnauthenticatedError';
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Sign in first.') {
    super(message);
  }
}

export class ConflictError extends DomainError {
  override name = 'ConflictError';
  readonly code = 'CONFLICT';
}

/** Too many attempts; `retryAfterSeconds` tells the client when to try again. */
export class RateLimitedError extends DomainError {
  override name = 'RateLimitedError';
  readonly code = 'RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`);
  }
}

/**
 * A line of a closed fiscal period (a year, or a month of it) cannot change: correct it with a
 * reversing line in an open period, or ask an admin to reopen the period.
 */
export class PeriodClosedError extends DomainError {
  override name = 'PeriodClosedError';
  readonly code = 'PERIOD_CLOSED';
  constructor(
    readonly fiscalYear: number,
    /** 1–12 when only that month is closed; null when the whole fiscal year is. */
    readonly month: number | null,
    message = `FY${fiscalYear}${month === null ? '' : `, month ${month},`} is closed: its lines cannot change.`,
  ) {
    super(message);
  }
}
