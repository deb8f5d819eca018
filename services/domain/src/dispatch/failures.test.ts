import { describe, expect, test } from 'vitest';
import { ConflictError, NotFoundError, PeriodClosedError, ValidationError } from '../errors';
import { classifyStepFailure } from './failures';

/** An error as Drizzle throws it: the query's error, the driver's (with its code) as the cause. */
function databaseError(code: string): Error {
  const driver = Object.assign(new Error('refused'), { code });
  return new Error('Failed query: update "requests" set …', { cause: driver });
}

describe('a dispatch step that failed', () => {
  test.each([
    { scenario: 'a NUL in a text (invalid byte sequence)', error: databaseError('22021'), type: 'DataException' },
    { scenario: 'an id that is no UUID', error: databaseError('22P02'), type: 'DataException' },
    { scenario: 'a date PostgreSQL cannot store', error: databaseError('22008'), type: 'DataException' },
    { scenario: 'a text too long for its column', error: databaseError('22001'), type: 'DataException' },
    {
      scenario: 'a volunteer who does not exist (foreign key)',
      error: databaseError('23503'),
      type: 'IntegrityConstraintViolation',
    },
    {
      scenario: 'a row that breaks a check constraint',
      error: databaseError('23514'),
      type: 'IntegrityConstraintViolation',
    },
    { scenario: 'an index row too large', error: databaseError('54000'), type: 'ProgramLimitExceeded' },
    {
      scenario: 'a validation of the domain',
      error: ValidationError.of(['reason'], { en: 'Say why.', ja: '理由を入力してください。' }),
      type: 'ValidationError',
    },
    { scenario: 'a conflict', error: new ConflictError('report_already_approved'), type: 'ConflictError' },
    { scenario: 'something not found', error: new NotFoundError('Request', 'x'), type: 'NotFoundError' },
    { scenario: 'a closed fiscal period', error: new PeriodClosedError(2026, null), type: 'PeriodClosedError' },
    {
      scenario: 'a stored date JavaScript cannot hold (an invalid Date written as ISO)',
      error: (() => {
        try {
          new Date(Number.NaN).toISOString();
        } catch (error) {
          return error;
        }
      })(),
      type: 'RangeError',
    },
  ])('$scenario fails for good ($type)', ({ error, type }) => {
    expect(classifyStepFailure(error)).toMatchObject({ retry: false, type });
  });

  test.each([
    { scenario: 'a deadlock', error: databaseError('40P01') },
    { scenario: 'a serialization failure', error: databaseError('40001') },
    { scenario: 'the connection lost mid-statement (SQLSTATE)', error: databaseError('08006') },
    { scenario: 'the connection closed (postgres.js)', error: databaseError('CONNECTION_CLOSED') },
    { scenario: 'the connection refused (Node)', error: databaseError('ECONNREFUSED') },
    { scenario: 'the server shutting down', error: databaseError('57P01') },
    { scenario: 'a statement timeout', error: databaseError('57014') },
    { scenario: 'too many connections', error: databaseError('53300') },
    { scenario: 'a plain error of unknown cause', error: new Error('socket hang up') },
    { scenario: 'something thrown that is no error', error: 'oops' },
  ])('$scenario is tried again', ({ error }) => {
    expect(classifyStepFailure(error)).toEqual({ retry: true });
  });
});
