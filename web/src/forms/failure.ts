import type { CombinedError, OperationResult } from 'urql';
import { graphql } from '../graphql';

/** Spread into every mutation's result: the typed errors the API answers with, in full. */
export const ErrorFields = graphql(`
  fragment ErrorFields on Error @_unmask {
    __typename
    message
    ... on ValidationError {
      problems {
        path
        message
      }
    }
    ... on RateLimitedError {
      retryAfterSeconds
    }
    ... on ErasureRefusedError {
      explanation
    }
  }
`);

export interface FieldProblem {
  /** The input field as the form names it: `startsAt`, `volunteer.fullName`, `languages.0.code`. */
  field: string;
  message: string;
  /** The language of `message` when it may not be the page's; the API answers in the page's. */
  lang?: string;
}

/** Why an operation did not go through, in terms a form can show. */
export interface Failure {
  kind: 'validation' | 'forbidden' | 'notFound' | 'conflict' | 'rateLimited' | 'network' | 'signedOut' | 'unexpected';
  /** The API's own words, in the page's language: why it refused, and what to do. */
  message: string | null;
  problems: FieldProblem[];
  retryAfterSeconds: number | null;
  /** What to do, already in the reader's language (refusals that carry their own words). */
  explanation?: string | null;
}

interface TypedError {
  __typename: string;
  message: string;
  problems?: ReadonlyArray<{ path: readonly string[]; message: string }>;
  retryAfterSeconds?: number;
  explanation?: string | null;
}

const kinds: Record<string, Failure['kind']> = {
  ValidationError: 'validation',
  ForbiddenError: 'forbidden',
  NotFoundError: 'notFound',
  ConflictError: 'conflict',
  // An approved expense in a closed fiscal period: the API says what to do instead.
  PeriodClosedError: 'conflict',
  ErasureRefusedError: 'conflict',
  RateLimitedError: 'rateLimited',
};

/** `["input", "volunteer", "fullName"]` → `volunteer.fullName`: forms name fields inside their input. */
export const fieldOf = (path: readonly string[]) => (path[0] === 'input' ? path.slice(1) : path).join('.');

export function fromTypedError(error: TypedError): Failure {
  return {
    kind: kinds[error.__typename] ?? 'unexpected',
    message: error.message,
    problems: (error.problems ?? []).map((problem) => ({
      field: fieldOf(problem.path),
      message: problem.message,
    })),
    retryAfterSeconds: error.retryAfterSeconds ?? null,
    explanation: error.explanation ?? null,
  };
}

/** The codes a field without a union of typed errors answers a domain error with (graphql/src/input-guard.ts). */
const kindsOfCode: Record<string, Failure['kind']> = {
  UNAUTHENTICATED: 'signedOut',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'notFound',
  CONFLICT: 'conflict',
  PERIOD_CLOSED: 'conflict',
  ERASURE_REFUSED: 'conflict',
  UPLOAD_REFUSED: 'conflict',
  RATE_LIMITED: 'rateLimited',
  BAD_USER_INPUT: 'validation',
};

/**
 * A transport or resolver error (no typed answer): the network, a lost session, or a refusal. A
 * refusal carries the API's typed reason in the page's language, as typed errors do; a masked error
 * has no code and stays unexpected.
 */
export function fromCombinedError(error: CombinedError): Failure {
  if (error.networkError) return { kind: 'network', message: null, problems: [], retryAfterSeconds: null };
  const typed = error.graphQLErrors.find((graphQLError) => {
    const code = graphQLError.extensions?.code;
    return typeof code === 'string' && code in kindsOfCode;
  });
  const kind = typed ? (kindsOfCode[typed.extensions.code as string] ?? 'unexpected') : 'unexpected';
  // Signing in again is said by the app: the API's words for it add nothing.
  const message = typed && kind !== 'signedOut' ? typed.message : null;
  return { kind, message, problems: [], retryAfterSeconds: null };
}

export type Outcome<Data> = { ok: true; data: Data } | { ok: false; failure: Failure };

/**
 * A mutation's answer as success or failure. `field` picks the mutation's result union, whose
 * success member carries `data`; anything else is a typed error or a transport error.
 */
export function outcomeOf<Result, Field extends { __typename: string }>(
  result: OperationResult<Result>,
  field: (data: Result) => Field,
): Outcome<Extract<Field, { data: unknown }>['data']> {
  if (result.error && !result.data) return { ok: false, failure: fromCombinedError(result.error) };
  if (!result.data)
    return { ok: false, failure: { kind: 'unexpected', message: null, problems: [], retryAfterSeconds: null } };
  const answer = field(result.data);
  if ('data' in answer) return { ok: true, data: (answer as Extract<Field, { data: unknown }>).data };
  return { ok: false, failure: fromTypedError(answer as unknown as TypedError) };
}

/** Problems the form finds before sending (a value the API's types cannot even carry), in the page's language. */
export function formProblems(problems: Array<{ field: string; message: string }>, lang: string): Failure | null {
  if (problems.length === 0) return null;
  return {
    kind: 'validation',
    message: null,
    problems: problems.map((problem) => ({ ...problem, lang })),
    retryAfterSeconds: null,
  };
}

/** Renames the fields of problems, for a form whose controls stand for several API fields. */
export function renamed(failure: Failure, names: Readonly<Record<string, string>>): Failure {
  return {
    ...failure,
    problems: failure.problems.map((problem) => ({ ...problem, field: names[problem.field] ?? problem.field })),
  };
}
