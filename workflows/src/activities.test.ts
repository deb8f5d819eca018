import { ApplicationFailure } from '@temporalio/common';
import type { DeliveryDependencies, DispatchSteps } from '@tsunagu/services';
import { describe, expect, test } from 'vitest';
import { createActivities } from './activities';

/** The error Drizzle throws for a refused query: it quotes the parameters, the driver's error is its cause. */
function refusedQuery(code: string, parameter: string): Error {
  const driver = Object.assign(new Error('the server refused it'), { code });
  return Object.assign(new Error(`Failed query: update "requests" set "rejection_reason" = $1\nparams: ${parameter}`), {
    query: 'update "requests" set "rejection_reason" = $1',
    params: [parameter],
    cause: driver,
  });
}

/** What the `rejectRequest` activity throws when its step throws `error`. */
async function rejectingFails(error: Error, reason: string): Promise<unknown> {
  const steps = {
    rejectRequest: async () => {
      throw error;
    },
  } as unknown as DispatchSteps;
  const { rejectRequest } = createActivities({
    checkDatabase: async () => 'ok',
    dispatch: { steps, delivery: {} as DeliveryDependencies },
  });
  if (!rejectRequest) throw new Error('no rejectRequest activity');
  return rejectRequest('request', 'coordinator', reason, '2027-02-01T00:00:00Z').catch((thrown: unknown) => thrown);
}

describe('the dispatch steps as activities', () => {
  const reason = 'グエン・ティ・ランさんの在留手続きのため';

  test('a step the database refuses for its data fails for good, named after the failure, without quoting the data', async () => {
    const thrown = await rejectingFails(refusedQuery('22021', reason), reason);
    expect(thrown).toBeInstanceOf(ApplicationFailure);
    expect(thrown).toMatchObject({ type: 'DataException', nonRetryable: true });
    expect(String((thrown as Error).message)).toBe('rejectRequest cannot succeed: DataException (SQLSTATE 22021)');
  });

  test('a deadlock is thrown to be tried again, as the driver said it, without the query’s parameters', async () => {
    const thrown = await rejectingFails(refusedQuery('40P01', reason), reason);
    expect(thrown).not.toBeInstanceOf(ApplicationFailure);
    expect(thrown).toMatchObject({ code: '40P01', message: 'the server refused it' });
    expect(JSON.stringify(thrown)).not.toContain('グエン');
  });
});
