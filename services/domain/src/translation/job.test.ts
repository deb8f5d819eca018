import { describe, expect, test } from 'vitest';
import { defaultPolicy } from '../associations/policy';
import { ConflictError, type ConflictReason } from '../errors';
import {
  acceptedCount,
  nextTranslationJobState,
  overdueFromAfter,
  type TranslationJobEvent,
  type TranslationJobState,
  translationJobTimers,
  volumeOfCount,
} from './job';

const revision = (roundsUsed: number, roundsAllowed = 2): TranslationJobEvent => ({
  kind: 'ask_revision',
  roundsUsed,
  roundsAllowed,
});

describe('a translation job moves step by step', () => {
  test.each<[string, TranslationJobState, TranslationJobEvent, TranslationJobState]>([
    ['the translator fetches the source of a new booking', 'booked', { kind: 'download_source' }, 'source_downloaded'],
    ['a second download changes nothing', 'translation_uploaded', { kind: 'download_source' }, 'translation_uploaded'],
    ['the translator uploads a first version', 'source_downloaded', { kind: 'upload' }, 'translation_uploaded'],
    ['a revision is uploaded', 'revision_asked', { kind: 'upload' }, 'translation_uploaded'],
    ['a late upload keeps the job overdue', 'overdue', { kind: 'upload' }, 'overdue'],
    ['a version is submitted', 'translation_uploaded', { kind: 'submit' }, 'submitted'],
    ['a revised version is submitted', 'revision_asked', { kind: 'submit' }, 'submitted'],
    ['a late version is still submitted', 'overdue', { kind: 'submit' }, 'submitted'],
    ['the requester accepts it', 'submitted', { kind: 'accept' }, 'accepted'],
    ['the requester asks for a first revision', 'submitted', revision(0), 'revision_asked'],
    ['the requester asks for a second revision', 'submitted', revision(1), 'revision_asked'],
    ['the fee is written and the job is done', 'accepted', { kind: 'finish' }, 'done'],
    ['the translator gives back a job not started', 'booked', { kind: 'give_back' }, 'given_back'],
    ['the translator gives back an overdue job', 'overdue', { kind: 'give_back' }, 'given_back'],
    ['the deadline passes with the work still out', 'source_downloaded', { kind: 'deadline_passed' }, 'overdue'],
    ['the deadline passes during a revision', 'revision_asked', { kind: 'deadline_passed' }, 'overdue'],
    ['the deadline passes a submitted job by', 'submitted', { kind: 'deadline_passed' }, 'submitted'],
    ['the deadline passes an accepted job by', 'accepted', { kind: 'deadline_passed' }, 'accepted'],
    ['a coordinator releases the translator', 'submitted', { kind: 'release' }, 'released'],
    [
      'a later deadline takes an overdue job back to its work',
      'overdue',
      { kind: 'deadline_moved', workingState: 'revision_asked' },
      'revision_asked',
    ],
    [
      'a later deadline leaves a job on time as it is',
      'source_downloaded',
      { kind: 'deadline_moved', workingState: 'booked' },
      'source_downloaded',
    ],
    [
      'a later deadline never takes a job out of review',
      'overdue',
      { kind: 'deadline_moved', workingState: 'submitted' },
      'overdue',
    ],
  ])('%s', (_scenario, state, event, next) => {
    expect(nextTranslationJobState(state, event)).toBe(next);
  });
});

describe('an overdue job remembers where its work stood', () => {
  test.each<[string, TranslationJobState, TranslationJobState | null, TranslationJobEvent, TranslationJobState | null]>(
    [
      [
        'the deadline finds the source fetched',
        'source_downloaded',
        null,
        { kind: 'deadline_passed' },
        'source_downloaded',
      ],
      ['the deadline finds a revision asked', 'revision_asked', null, { kind: 'deadline_passed' }, 'revision_asked'],
      ['the source fetched while overdue', 'overdue', 'booked', { kind: 'download_source' }, 'source_downloaded'],
      ['a version uploaded while overdue', 'overdue', 'revision_asked', { kind: 'upload' }, 'translation_uploaded'],
      [
        'a second download while overdue',
        'overdue',
        'translation_uploaded',
        { kind: 'download_source' },
        'translation_uploaded',
      ],
      ['submitted late: no longer overdue', 'overdue', 'translation_uploaded', { kind: 'submit' }, null],
    ],
  )('%s', (_scenario, state, overdueFrom, event, remembered) => {
    expect(overdueFromAfter({ state, overdueFrom }, event, nextTranslationJobState(state, event))).toBe(remembered);
  });
});

describe('a step not allowed now is refused with its reason', () => {
  test.each<[string, TranslationJobState, TranslationJobEvent, ConflictReason]>([
    ['uploading before fetching the source', 'booked', { kind: 'upload' }, 'source_not_downloaded'],
    ['submitting before fetching the source', 'booked', { kind: 'submit' }, 'source_not_downloaded'],
    ['submitting again while under review', 'submitted', { kind: 'submit' }, 'translation_awaiting_review'],
    ['uploading while under review', 'submitted', { kind: 'upload' }, 'translation_awaiting_review'],
    ['submitting after acceptance', 'accepted', { kind: 'submit' }, 'translation_already_accepted'],
    ['accepting twice', 'accepted', { kind: 'accept' }, 'translation_already_accepted'],
    ['accepting with nothing submitted', 'source_downloaded', { kind: 'accept' }, 'translation_not_submitted'],
    ['asking a revision with nothing submitted', 'revision_asked', revision(1), 'translation_not_submitted'],
    ['a third revision when two are allowed', 'submitted', revision(2), 'revision_rounds_used'],
    ['any revision when none is allowed', 'submitted', revision(0, 0), 'revision_rounds_used'],
    ['giving back a job under review', 'submitted', { kind: 'give_back' }, 'translation_awaiting_review'],
    ['giving back an accepted job', 'accepted', { kind: 'give_back' }, 'translation_already_accepted'],
    ['anything on a job given back', 'given_back', { kind: 'submit' }, 'translation_job_ended'],
    ['anything on a job done', 'done', { kind: 'download_source' }, 'translation_job_ended'],
    ['anything on a released job', 'released', { kind: 'accept' }, 'translation_job_ended'],
    ['finishing a job not accepted', 'submitted', { kind: 'finish' }, 'translation_not_submitted'],
  ])('%s', (_scenario, state, event, reason) => {
    let refusal: unknown;
    try {
      nextTranslationJobState(state, event);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ConflictError);
    expect((refusal as ConflictError).reason).toBe(reason);
  });

  test('the revision limit says how many rounds there are, in both languages', () => {
    expect(() => nextTranslationJobState('submitted', revision(2))).toThrow(
      'Revisions are limited to 2 rounds: accept the translation, or talk to the association’s coordinators.',
    );
    try {
      nextTranslationJobState('submitted', revision(1, 1));
    } catch (error) {
      expect((error as ConflictError).localized.ja).toBe(
        '修正の依頼は1回までです。検収するか、協会のコーディネーターにご相談ください。',
      );
    }
  });
});

describe('the timers of a job', () => {
  const policy = defaultPolicy.translation;
  test('booked a week ahead: reminders 3 days and 1 day before, then the deadline', () => {
    expect(translationJobTimers('2026-05-15T08:00:00.000Z', '2026-05-08T01:00:00.000Z', policy)).toEqual([
      {
        key: 'reminder:72:2026-05-15T08:00:00.000Z',
        kind: 'reminder',
        hoursBefore: 72,
        at: '2026-05-12T08:00:00.000Z',
      },
      {
        key: 'reminder:24:2026-05-15T08:00:00.000Z',
        kind: 'reminder',
        hoursBefore: 24,
        at: '2026-05-14T08:00:00.000Z',
      },
      { key: 'deadline:2026-05-15T08:00:00.000Z', kind: 'deadline', at: '2026-05-15T08:00:00.000Z' },
    ]);
  });

  test('booked two days ahead: only the day-before reminder is left', () => {
    const timers = translationJobTimers('2026-05-15T08:00:00.000Z', '2026-05-13T08:00:00.000Z', policy);
    expect(timers.map((timer) => timer.kind === 'reminder' && timer.hoursBefore)).toEqual([24, false]);
  });
});

describe('what the fee counts', () => {
  test('the requester’s correction wins over the count from the text', () => {
    expect(acceptedCount({ counted: 1800, correctedCount: 2000 })).toBe(2000);
    expect(acceptedCount({ counted: 1800, correctedCount: null })).toBe(1800);
    expect(acceptedCount({ counted: null, correctedCount: null })).toBeNull();
  });

  test('characters, pages and words are each priced in their own unit', () => {
    expect(volumeOfCount(1800, 'characters')).toEqual({ volume: 1800, unit: 'characters' });
    expect(volumeOfCount(3, 'pages')).toEqual({ volume: 3, unit: 'pages' });
    expect(volumeOfCount(500, 'words')).toEqual({ volume: 500, unit: 'words' });
  });
});
