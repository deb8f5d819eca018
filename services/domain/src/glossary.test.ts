import { expect, test } from 'vitest';
import {
  assignmentStatusWords,
  cancellationPartyWords,
  cancellationReasonWords,
  dispatchStageWords,
  expenseKindWords,
  expenseStatusWords,
  invoiceStatusWords,
  languageLevelWords,
  membershipStatusWords,
  offerStatusWords,
  organizationStatusWords,
  requestStatusWords,
  taxTreatmentWords,
  translationJobStateWords,
  volunteerStatusWords,
  withdrawalReasonWords,
  wordsIn,
} from './glossary';

const tables = {
  requestStatusWords,
  dispatchStageWords,
  assignmentStatusWords,
  offerStatusWords,
  expenseStatusWords,
  expenseKindWords,
  invoiceStatusWords,
  taxTreatmentWords,
  volunteerStatusWords,
  membershipStatusWords,
  organizationStatusWords,
  languageLevelWords,
  translationJobStateWords,
  cancellationReasonWords,
  withdrawalReasonWords,
  cancellationPartyWords,
};

test.each(Object.entries(tables))('%s: every word in Japanese without English, and in English', (_name, words) => {
  for (const word of Object.values(words)) {
    expect(word.ja).not.toMatch(/[A-Za-z]/);
    expect(word.en).toMatch(/^[A-Z]/);
  }
});

test('one state has one name wherever it is shown', () => {
  // The request open for offers, the dispatch offering it, the requester's progress step: 募集中.
  expect(dispatchStageWords.offering).toBe(requestStatusWords.open);
  expect(requestStatusWords.open.ja).toBe('募集中');
  expect([dispatchStageWords.rejected.ja, organizationStatusWords.rejected.ja]).toEqual(['不受理', '不受理']);
  expect(assignmentStatusWords.confirmed).toBe(dispatchStageWords.confirmed);
  expect(expenseStatusWords.approved.ja).toBe('承認済み');
  expect(expenseKindWords.honorarium.ja).toBe('謝金');
  expect(languageLevelWords.native.ja).toBe('母語');
});

test('a table in one language, for a screen', () => {
  expect(wordsIn(expenseStatusWords, 'ja')).toEqual({
    draft: '下書き',
    submitted: '申請済み',
    approved: '承認済み',
    paid: '支払済み',
  });
});
