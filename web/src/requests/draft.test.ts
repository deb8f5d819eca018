import { describe, expect, test } from 'vitest';
import { changesBetween, emptyDraft, type RequestDraft, toRequestInput, toSeriesInput } from './draft';

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
    const { input, problems } = toRequestInput({ ...onSite, remoteJoinInstructions: 'left from a remote draft' });
    expect(problems).toEqual([]);
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

  test('a half-typed time goes as null, so that the API names the missing field', () => {
    const { input } = toRequestInput({ ...onSite, endTime: '' });
    expect(input.endsAt).toBeNull();
  });

  test('a translation sends its deadline and volume, not a place or interpreters', () => {
    const { input } = toRequestInput({
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
      interpretersNeeded: null,
    });
  });

  test('what the API types cannot carry is caught by the form, by field', () => {
    const { problems } = toRequestInput({ ...onSite, purpose: '', interpretersNeeded: '1.5' });
    expect(problems).toEqual([
      { field: 'purpose', problem: 'choosePurpose' },
      { field: 'interpretersNeeded', problem: 'wholeNumber' },
    ]);
  });

  test('a weekly series takes its weekday from the first date', () => {
    const { input } = toSeriesInput({ ...onSite, repeatWeekly: true, lastDate: '2026-07-28' });
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
    expect(changesBetween(onSite, after).input).toEqual({ endsAt: '2026-05-12T17:00:00+09:00', venue: null });
  });
});
