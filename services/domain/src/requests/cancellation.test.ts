import { describe, expect, test } from 'vitest';
import { cancellationReasonWords, withdrawalReasonWords } from '../glossary';
import { inputProblems } from '../validation';
import { cancellationReasons, cancellationSchema, withdrawalReasons, withdrawalSchema } from './cancellation';

const problems = (schema: typeof cancellationSchema | typeof withdrawalSchema, input: unknown) =>
  inputProblems(schema, input, ['cancellation']).map((problem) => [problem.path.join('.'), problem.message.ja]);

describe('a requester or a coordinator says why they cancel', () => {
  test.each([
    ['the date changed, no note', { reason: 'date_changed' }, []],
    ['no longer needed, with a note', { reason: 'no_longer_needed', note: '相談者が来所しないため' }, []],
    ['no reason at all', { note: '急に' }, [['cancellation.reason', '理由を選んでください。']]],
    ['a reason not on the list', { reason: 'weather' }, [['cancellation.reason', '理由を選んでください。']]],
    [
      '"other" without a word',
      { reason: 'other', note: '   ' },
      [['cancellation.note', '理由を簡単に入力してください。']],
    ],
    ['"other" with a few words', { reason: 'other', note: '会場が使えなくなった' }, []],
    [
      'a note of 501 characters',
      { reason: 'date_changed', note: 'あ'.repeat(501) },
      [['cancellation.note', '500文字以内で入力してください。']],
    ],
  ])('%s', (_case, input, expected) => {
    expect(problems(cancellationSchema, input)).toEqual(expected);
  });
});

describe('a booked volunteer says why they withdraw, from their own list', () => {
  test.each([
    ['illness', { reason: 'illness' }, []],
    [
      'a requester’s reason is not theirs',
      { reason: 'client_did_not_come' },
      [['cancellation.reason', '理由を選んでください。']],
    ],
    ['"other" needs a note', { reason: 'other' }, [['cancellation.note', '理由を簡単に入力してください。']]],
  ])('%s', (_case, input, expected) => {
    expect(problems(withdrawalSchema, input)).toEqual(expected);
  });
});

test('every reason has its words in the glossary', () => {
  expect(Object.keys(cancellationReasonWords)).toEqual([...cancellationReasons]);
  expect(Object.keys(withdrawalReasonWords)).toEqual([...withdrawalReasons]);
});
