import { describe, expect, test } from 'vitest';
import { changesBetween, draftProblems, emptyDraft, type RequestDraft, toRequestInput, toSeriesInput } from './draft';
import { requestMessages } from './messages';

const onSite: RequestDraft = {
  ...emptyDraft,
  languageCode: 'vi',
  date: '2026-05-12',
  startTime: '13:00',
  endTime: '16:00',
  localGovernmentCode: '271004',
  venue: ' 市役所 2階 ',
  purpose: 'consultation_desk',
  contactName: '山田 花子',
};

describe('the request form, as the API takes it', () => {
  test('an on-site request sends its times in Japan time and its place, and leaves out what it does not use', () => {
    const input = toRequestInput({ ...onSite, remoteJoinInstructions: 'left from a remote draft' });
    expect(input).toMatchObject({
      modality: 'on_site',
      startsAt: '2026-05-12T13:00:00+09:00',
      endsAt: '2026-05-12T16:00:00+09:00',
      deadline: null,
      localGovernmentCode: '271004',
      venue: '市役所 2階',
      remoteJoinInstructions: null,
      interpretersNeeded: 1,
      pairLanguageCode: 'ja',
    });
  });

  test('a half-typed time goes as null, for the rules to name the missing field', () => {
    const input = toRequestInput({ ...onSite, endTime: '' });
    expect(input.endsAt).toBeNull();
  });

  test('a translation sends its deadline and volume, not a place or interpreters', () => {
    const input = toRequestInput({
      ...onSite,
      modality: 'translation',
      deadlineDate: '2026-06-01',
      deadlineTime: '17:00',
      volume: '12',
      translationDirection: 'into_japanese',
    });
    expect(input).toMatchObject({
      startsAt: null,
      endsAt: null,
      deadline: '2026-06-01T17:00:00+09:00',
      volume: 12,
      volumeUnit: 'pages',
      translationDirection: 'into_japanese',
      localGovernmentCode: null,
      interpretersNeeded: undefined,
    });
  });

  test('a weekly series takes its weekday from the first date', () => {
    const input = toSeriesInput({ ...onSite, repeatWeekly: true, lastDate: '2026-07-28' });
    expect(input.series).toEqual({
      weekday: 2,
      startTime: '13:00',
      endTime: '16:00',
      firstDate: '2026-05-12',
      lastDate: '2026-07-28',
    });
    expect(input).not.toHaveProperty('startsAt');
  });

  test('a change sends only the fields that changed; a cleared field goes as null', () => {
    const after = { ...onSite, endTime: '17:00', venue: '' };
    expect(changesBetween(onSite, after)).toEqual({ endsAt: '2026-05-12T17:00:00+09:00', venue: null });
  });
});

describe('the request form, checked by the API’s rules before it is sent', () => {
  const problems = (draft: RequestDraft, locale: 'ja' | 'en' = 'ja', series = false) =>
    draftProblems(draft, series, locale, requestMessages[locale].problems).map((problem) => [
      problem.field,
      problem.message,
    ]);

  test('an empty form is told every missing field at once, each beside its own field', () => {
    expect(problems(emptyDraft)).toEqual([
      ['startsAt', '日付を選んでください。'],
      ['startTime', '開始時刻を入力してください。'],
      ['endsAt', '終了時刻を入力してください。'],
      ['languageCode', '言語を選んでください。'],
      ['purpose', '目的を選んでください。'],
      ['contactName', '担当者名を入力してください。'],
      ['localGovernmentCode', '場所の市区町村を入力してください。'],
    ]);
  });

  test('in English for an English page', () => {
    expect(problems(emptyDraft, 'en')).toContainEqual(['startTime', 'Enter the start time.']);
    expect(problems(emptyDraft, 'en')).toContainEqual(['purpose', 'Choose a purpose.']);
  });

  test('a missing start time is told at the start time, not at the date', () => {
    expect(problems({ ...onSite, startTime: '' })).toEqual([['startTime', '開始時刻を入力してください。']]);
  });

  test('a number that is not whole, and text beyond its limit, are named at their fields', () => {
    expect(problems({ ...onSite, interpretersNeeded: '1.5', notes: 'あ'.repeat(2001) })).toEqual([
      ['interpretersNeeded', '整数で入力してください。'],
      ['notes', '2,000文字以内で入力してください。'],
    ]);
  });

  test('a weekly series names its empty times and last date at the form’s fields', () => {
    expect(problems({ ...onSite, startTime: '', repeatWeekly: true }, 'ja', true)).toEqual([
      ['startTime', '時刻を入力してください。'],
      ['lastDate', '日付を選んでください。'],
    ]);
  });

  test('a filled form has no problem', () => {
    expect(problems(onSite)).toEqual([]);
  });
});
