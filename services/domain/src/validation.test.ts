import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { emailSchema } from './accounts/applications';
import { ValidationError } from './errors';
import { bilingual, inputProblems, maxLengthOf, parseInput, wholeNumber } from './validation';

const contactSchema = z.object({
  contactName: z
    .string()
    .trim()
    .min(1, bilingual({ en: 'Enter a contact person.', ja: '担当者名を入力してください。' })),
  interpretersNeeded: z.int().max(20),
});

const problemsOf = (input: unknown) => {
  try {
    parseInput(contactSchema, input);
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  return [];
};

describe('a field problem from a schema reads in both languages', () => {
  test('a message written into the schema keeps its Japanese', () => {
    expect(problemsOf({ contactName: ' ', interpretersNeeded: 1 })).toEqual([
      {
        path: ['input', 'contactName'],
        message: { en: 'Enter a contact person.', ja: '担当者名を入力してください。' },
      },
    ]);
  });

  test('a check without a message of ours says what to do, never zod’s own words', () => {
    expect(problemsOf({ contactName: '窓口 一郎', interpretersNeeded: 21 })).toEqual([
      {
        path: ['input', 'interpretersNeeded'],
        message: { en: 'Use at most 20.', ja: '20以下の数を入力してください。' },
      },
    ]);
  });

  test('the error’s own message, for logs, is in English', () => {
    expect(() => parseInput(contactSchema, { contactName: '', interpretersNeeded: 1 })).toThrow(
      'input.contactName: Enter a contact person.',
    );
  });

  test('one English message cannot have two Japanese ones', () => {
    expect(() => bilingual({ en: 'Enter a contact person.', ja: '連絡先を入力してください。' })).toThrow(
      'two translations',
    );
  });
});

describe('what zod finds without a message of ours reads as people write', () => {
  const profile = z.object({
    venue: z.string().trim().max(200).nullish(),
    notes: z.string().max(2000),
    maxTravelKm: wholeNumber(bilingual({ en: 'Use whole kilometres.', ja: 'km単位の整数で入力してください。' }))
      .min(0)
      .max(1000)
      .nullish(),
    monthlyCap: wholeNumber(bilingual({ en: 'Use a whole number.', ja: '整数で入力してください。' }))
      .min(1, bilingual({ en: 'Use at least 1, or no cap.', ja: '1以上を入力するか、上限なしにしてください。' }))
      .max(200)
      .nullish(),
    purpose: z.enum(['consultation_desk', 'other']),
    languages: z.array(z.string()).min(1),
    startsOn: z.string().min(1),
  });
  const fine = { notes: '', purpose: 'other', languages: ['vi'], startsOn: '2026-04-01' };
  const messageOf = (input: Record<string, unknown>) => inputProblems(profile, { ...fine, ...input })[0]?.message;

  test.each([
    [
      'a venue of 201 characters',
      { venue: 'あ'.repeat(201) },
      { en: 'Use at most 200 characters.', ja: '200文字以内で入力してください。' },
    ],
    [
      'notes of 2,001 characters',
      { notes: 'a'.repeat(2001) },
      { en: 'Use at most 2,000 characters.', ja: '2,000文字以内で入力してください。' },
    ],
    ['−5 km', { maxTravelKm: -5 }, { en: 'Use 0 or more.', ja: '0以上の数を入力してください。' }],
    ['1.5 km', { maxTravelKm: 1.5 }, { en: 'Use whole kilometres.', ja: 'km単位の整数で入力してください。' }],
    ['a cap of 100000', { monthlyCap: 100_000 }, { en: 'Use at most 200.', ja: '200以下の数を入力してください。' }],
    [
      'a cap of 0, whose bound has its own message',
      { monthlyCap: 0 },
      { en: 'Use at least 1, or no cap.', ja: '1以上を入力するか、上限なしにしてください。' },
    ],
    ['no purpose chosen', { purpose: '' }, { en: 'Choose one of the options.', ja: '選択肢から選んでください。' }],
    ['no language', { languages: [] }, { en: 'Choose at least one.', ja: '1つ以上選んでください。' }],
    ['an empty start date', { startsOn: '' }, { en: 'Fill this in.', ja: '入力してください。' }],
    ['a start date left out', { startsOn: undefined }, { en: 'Fill this in.', ja: '入力してください。' }],
  ])('%s', (_case, input, message) => {
    expect(messageOf(input)).toEqual(message);
  });

  test('every problem of the input comes at once, each at its field', () => {
    const problems = inputProblems(profile, { notes: 'x'.repeat(2001), maxTravelKm: -5, languages: [] });
    expect(problems.map((problem) => problem.path.join('.'))).toEqual([
      'input.notes',
      'input.maxTravelKm',
      'input.purpose',
      'input.languages',
      'input.startsOn',
    ]);
  });

  test('an input without problems has none', () => {
    expect(inputProblems(profile, fine)).toEqual([]);
  });
});

describe('the limit a form shows before it is hit', () => {
  test.each([
    ['a plain text field', z.string().max(200), 200],
    ['an optional note', z.string().trim().max(1000).nullish(), 1000],
    ['an e-mail address, trimmed and then checked', emailSchema, 254],
    ['a field without a limit', z.string(), null],
  ] as const)('%s', (_case, schema, limit) => {
    expect(maxLengthOf(schema)).toBe(limit);
  });
});
