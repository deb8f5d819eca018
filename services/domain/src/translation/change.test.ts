import { describe, expect, test } from 'vitest';
import type { ConflictError } from '../errors';
import { checkTranslationChange, checkTranslationChangeAnswer, type TranslationChange } from './change';
import type { TranslationJobState } from './job';

// Monday 1 February 2027, 09:00 in Tokyo; the deadline that Friday at 17:00.
const now = '2027-02-01T00:00:00.000Z';
const deadline = '2027-02-05T08:00:00.000Z';
const change = (values: Partial<TranslationChange>): TranslationChange => ({
  deadline: null,
  addDocumentIds: [],
  removeDocumentIds: [],
  ...values,
});

const refusalOf = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as ConflictError).reason;
  }
};

describe('proposing a change to a booked translation', () => {
  test.each<[string, TranslationJobState, boolean, TranslationChange, string | null]>([
    ['the deadline moved to the next Monday', 'booked', false, change({ deadline: '2027-02-08T08:00:00.000Z' }), null],
    [
      'a corrected source added while the translator works',
      'source_downloaded',
      false,
      change({ addDocumentIds: ['d2'] }),
      null,
    ],
    ['an old source taken out during a revision', 'revision_asked', false, change({ removeDocumentIds: ['d1'] }), null],
    ['more time for an overdue job', 'overdue', false, change({ deadline: '2027-02-10T08:00:00.000Z' }), null],
    ['the same deadline again changes nothing', 'booked', false, change({ deadline }), 'translation_change_empty'],
    ['nothing at all', 'booked', false, change({}), 'translation_change_empty'],
    [
      'a deadline already past',
      'booked',
      false,
      change({ deadline: '2027-01-31T08:00:00.000Z' }),
      'translation_change_deadline_past',
    ],
    [
      'while another waits for the translator',
      'booked',
      true,
      change({ deadline: '2027-02-08T08:00:00.000Z' }),
      'translation_change_pending',
    ],
    [
      'after the translation was accepted',
      'accepted',
      false,
      change({ deadline: '2027-02-08T08:00:00.000Z' }),
      'translation_change_closed',
    ],
    [
      'after the translator gave it back',
      'given_back',
      false,
      change({ addDocumentIds: ['d2'] }),
      'translation_change_closed',
    ],
  ])('%s', (_what, state, pending, proposed, refusal) => {
    expect(
      refusalOf(() => checkTranslationChange({ state, pending, currentDeadline: deadline, change: proposed, now })),
    ).toBe(refusal);
  });
});

describe('the translator’s answer', () => {
  test.each<[string, 'proposed' | 'accepted' | 'declined', TranslationJobState, string | null]>([
    ['a proposal waiting, the job under way', 'proposed', 'source_downloaded', null],
    ['a proposal declined already', 'declined', 'booked', 'translation_change_answered'],
    ['a proposal accepted already', 'accepted', 'booked', 'translation_change_answered'],
    ['the job released meanwhile', 'proposed', 'released', 'translation_change_closed'],
  ])('%s', (_what, status, state, refusal) => {
    expect(refusalOf(() => checkTranslationChangeAnswer({ status, state }))).toBe(refusal);
  });
});
