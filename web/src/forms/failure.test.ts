import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, test } from 'vitest';
import { fromCombinedError } from './failure';

const answered = (message: string, extensions: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });

describe('a query that failed, as the page tells it', () => {
  test.each([
    [
      'a request of another organization is not found',
      answered('依頼が見つかりません。', { code: 'NOT_FOUND' }),
      'notFound',
      '依頼が見つかりません。',
    ],
    [
      'a refusal gives its reason in the page’s language',
      answered('この操作は協会のコーディネーターだけができます。', { code: 'FORBIDDEN', reason: 'coordinators_only' }),
      'forbidden',
      'この操作は協会のコーディネーターだけができます。',
    ],
    [
      'a conflict says what to do',
      answered('This request already has every interpreter it needs.', {
        code: 'CONFLICT',
        reason: 'request_fully_booked',
      }),
      'conflict',
      'This request already has every interpreter it needs.',
    ],
    ['a masked error says nothing of its insides', answered('Unexpected error.', {}), 'unexpected', null],
    ['a lost session is the app’s to say', answered('Sign in first.', { code: 'UNAUTHENTICATED' }), 'signedOut', null],
  ])('%s', (_case, error, kind, message) => {
    expect(fromCombinedError(error)).toMatchObject({ kind, message });
  });

  test('an unreachable API is a network failure, whatever else came', () => {
    const error = new CombinedError({ networkError: new TypeError('Failed to fetch') });
    expect(fromCombinedError(error)).toMatchObject({ kind: 'network', message: null });
  });
});
