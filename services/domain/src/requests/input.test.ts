import { describe, expect, test } from 'vitest';
import { inputProblems } from '../validation';
import { requestSchema, seriesSchema } from './input';

/** What an empty request form sends: nothing chosen, nothing typed. */
const emptyForm = {
  modality: 'on_site',
  languageCode: '',
  pairLanguageCode: 'ja',
  purpose: '',
  contactName: '',
  startsAt: null,
  endsAt: null,
  deadline: null,
  localGovernmentCode: null,
  interpretersNeeded: 1,
};
const filled = {
  ...emptyForm,
  languageCode: 'vi',
  purpose: 'consultation_desk',
  contactName: '窓口 一郎',
  startsAt: new Date('2026-05-12T01:00:00Z'),
  endsAt: new Date('2026-05-12T03:00:00Z'),
  localGovernmentCode: '141003',
};
const fieldsOf = (schema: typeof requestSchema | typeof seriesSchema, input: unknown) =>
  inputProblems(schema, input).map((problem) => [problem.path.join('.'), problem.message.ja]);

describe('a request form sent empty is told everything missing at once', () => {
  test('on site: the language, purpose, contact, start, end and municipality, each at its field', () => {
    expect(fieldsOf(requestSchema, emptyForm)).toEqual([
      ['input.languageCode', '言語を選んでください。'],
      ['input.purpose', '目的を選んでください。'],
      ['input.contactName', '担当者名を入力してください。'],
      ['input.startsAt', '開始日時を入力してください。'],
      ['input.endsAt', '終了日時を入力してください。'],
      ['input.localGovernmentCode', '場所の市区町村を入力してください。'],
    ]);
  });

  test('a translation needs its deadline, not a time or a place', () => {
    expect(fieldsOf(requestSchema, { ...filled, modality: 'translation', startsAt: null, endsAt: null })).toEqual([
      ['input.deadline', '納期を入力してください。'],
    ]);
  });

  test('remote interpretation needs no municipality', () => {
    expect(fieldsOf(requestSchema, { ...filled, modality: 'remote', localGovernmentCode: null })).toEqual([]);
  });

  test('a weekly series sent empty names its dates and times too', () => {
    const { startsAt: _start, endsAt: _end, deadline: _deadline, ...details } = emptyForm;
    expect(
      fieldsOf(seriesSchema, {
        ...details,
        series: { weekday: 0, startTime: '', endTime: '', firstDate: '', lastDate: '' },
      }),
    ).toEqual([
      ['input.languageCode', '言語を選んでください。'],
      ['input.purpose', '目的を選んでください。'],
      ['input.contactName', '担当者名を入力してください。'],
      ['input.series.startTime', '時刻を入力してください。'],
      ['input.series.endTime', '時刻を入力してください。'],
      ['input.series.firstDate', '日付を選んでください。'],
      ['input.series.lastDate', '日付を選んでください。'],
      ['input.localGovernmentCode', '場所の市区町村を入力してください。'],
    ]);
  });
});

describe('limits read as people write', () => {
  test.each([
    ['a venue of 201 characters', { venue: 'あ'.repeat(201) }, 'input.venue', '200文字以内で入力してください。'],
    ['notes of 2,001 characters', { notes: 'a'.repeat(2001) }, 'input.notes', '2,000文字以内で入力してください。'],
    ['no interpreter at all', { interpretersNeeded: 0 }, 'input.interpretersNeeded', '1以上の数を入力してください。'],
    [
      '21 interpreters',
      { interpretersNeeded: 21 },
      'input.interpretersNeeded',
      '通訳者の人数は20人以内にしてください。',
    ],
  ])('%s', (_case, change, field, message) => {
    expect(fieldsOf(requestSchema, { ...filled, ...change })).toEqual([[field, message]]);
  });
});
