import { sqlStateOf } from '../database-errors';
import { DomainError } from '../errors';

/**
 * What to do with a dispatch step that threw: try it again (the database was unreachable, or
 * chose this transaction to break a deadlock or a serialization conflict), or stop, because the
 * step can never accept its data and trying again would only loop. `type` names the failure for
 * the workflow and the coordinators; `code` is the SQLSTATE, when the database refused.
 */
export type StepFailure = { retry: true } | { retry: false; type: string; code?: string };

/** SQLSTATE classes of data the database will refuse however often it is sent. */
const refusedData: Record<string, string> = {
  '22': 'DataException',
  '23': 'IntegrityConstraintViolation',
  '54': 'ProgramLimitExceeded',
};

/**
 * Sorts a step's failure. Domain errors (a validation, a conflict, something not found), the
 * database's refusals of data (classes 22, 23 and 54) and values out of JavaScript's range are for
 * good. A lost connection (class 08
 * or the driver's own codes), a deadlock or serialization failure (class 40), a server short of
 * resources or shutting down (53, 57, 58) are retried; so is whatever cannot be told apart, as
 * Temporal does by default: a bug is fixed by a deploy, and the step then goes on.
 */
export function classifyStepFailure(error: unknown): StepFailure {
  if (error instanceof DomainError) return { retry: false, type: error.name };
  // A value outside what JavaScript can hold: a stored date beyond year 275760 read as an invalid Date.
  if (error instanceof RangeError) return { retry: false, type: 'RangeError' };
  const code = sqlStateOf(error)?.code;
  const refused = code && /^[0-9A-Z]{5}$/.test(code) ? refusedData[code.slice(0, 2)] : undefined;
  return refused && code ? { retry: false, type: refused, code } : { retry: true };
}
