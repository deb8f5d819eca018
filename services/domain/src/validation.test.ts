import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { ValidationError } from './errors';
import { bilingual, parseInput } from './validation';

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

  test('a check without a message of ours has zod’s wording in each language', () => {
    const [problem] = problemsOf({ contactName: '窓口 一郎', interpretersNeeded: 21 });
    expect(problem?.path).toEqual(['input', 'interpretersNeeded']);
    expect(problem?.message.en).toMatch(/20/);
    expect(problem?.message.ja).toMatch(/20.*以下/);
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
