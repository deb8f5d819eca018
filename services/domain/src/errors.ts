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

/** The one way to say "that row or not found": `found(await db.query.x.findFirst(…), 'X', id)`. */
export function found<Row>(row: Row | null | undefined, entity: string, id: string): Row {
  if (row === null || row === undefined) throw new NotFoundError(entity, id);
  return row;
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

/**
 * The thing is not in a state where this can happen. Given its reason in both languages, the reader
 * is told why in theirs; an English message alone is for logs (and is being replaced everywhere).
 */
export class ConflictError extends DomainError {
  override name = 'ConflictError';
  readonly code = 'CONFLICT';
  readonly localized: Localized | null;
  constructor(reason: string | Localized) {
    super(typeof reason === 'string' ? reason : reason.en);
    this.localized = typeof reason === 'string' ? null : reason;
  }
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

/** Why a person cannot be erased yet. */
export const erasureRefusals = ['booking_to_come', 'already_erased', 'staff_member'] as const;
export type ErasureRefusal = (typeof erasureRefusals)[number];

const erasureRefusalMessages: Record<ErasureRefusal, Localized> = {
  booking_to_come: {
    en: 'This person has a booking still to come: release or cancel it first.',
    ja: 'この方にはこれからの予定（確定済みの派遣）があります。先に解除または取り消してください。',
  },
  already_erased: { en: 'This person’s data has already been erased.', ja: 'この方のデータはすでに消去されています。' },
  staff_member: {
    en: 'This person is on an association’s staff: remove their staff role first.',
    ja: 'この方は協会の職員です。先に職員の権限を外してください。',
  },
};

/** An erasure that must wait (or has nothing left to do); `localized` says why in both languages. */
export class ErasureRefusedError extends DomainError {
  override name = 'ErasureRefusedError';
  readonly code = 'ERASURE_REFUSED';
  readonly localized: Localized;
  constructor(readonly reason: ErasureRefusal) {
    super(erasureRefusalMessages[reason].en);
    this.localized = erasureRefusalMessages[reason];
  }
}
