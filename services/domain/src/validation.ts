import { z } from 'zod';
import { type FieldProblem, type Localized, ValidationError } from './errors';

/** The Japanese of each message written into a schema, by its English. */
const japaneseOf = new Map<string, string>();

/**
 * A message for a schema, in both languages. A zod issue carries one string, so the schema keeps
 * the English and `parseInput` finds the Japanese by it; one English text has one Japanese.
 */
export function bilingual(message: Localized): string {
  const known = japaneseOf.get(message.en);
  if (known !== undefined && known !== message.ja) throw new Error(`"${message.en}" has two translations.`);
  japaneseOf.set(message.en, message.ja);
  return message.en;
}

/**
 * A whole number whose message (from `bilingual`) says what to type, such as "Use whole yen.";
 * a whole number out of range is told its bound instead, unless its check has a message of its own.
 */
export function wholeNumber(message: string) {
  return z.int({ error: (issue) => (issue.code === 'too_small' || issue.code === 'too_big' ? undefined : message) });
}

/** A date as YYYY-MM-DD; an empty one is told to choose a date, not how to write one. */
export const isoDate = z
  .string()
  .min(1, bilingual({ en: 'Choose a date.', ja: '日付を選んでください。' }))
  .regex(
    /^$|^\d{4}-\d{2}-\d{2}$/,
    bilingual({ en: 'Use a date as YYYY-MM-DD.', ja: '日付は YYYY-MM-DD の形で入力してください。' }),
  );

/** The most characters a text field's schema takes (null when it sets no limit), for a form to show. */
export function maxLengthOf(schema: z.ZodType): number | null {
  let inner: unknown = schema;
  for (;;) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault)
      inner = inner.unwrap();
    // A value trimmed, then checked (an e-mail address): the limit is the check's.
    else if (inner instanceof z.ZodPipe) inner = inner.out;
    else break;
  }
  return inner instanceof z.ZodString || inner instanceof z.ZodStringFormat ? inner.maxLength : null;
}

const count = (value: number | bigint) => value.toLocaleString('en');
const countJa = (value: number | bigint) => value.toLocaleString('ja');

/**
 * What zod finds without a message of ours, in words people use: a limit, an empty field, a choice
 * not on the list. Never zod's own wording ("Too big: expected string to have <=200 characters").
 */
function plainWords(issue: z.core.$ZodRawIssue): Localized {
  switch (issue.code) {
    case 'too_big': {
      const limit = Number(issue.maximum);
      if (issue.origin === 'string')
        return { en: `Use at most ${count(limit)} characters.`, ja: `${countJa(limit)}文字以内で入力してください。` };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { en: `Choose at most ${count(limit)}.`, ja: `${countJa(limit)}件以内にしてください。` };
      if (issue.inclusive === false)
        return { en: `Use a number below ${count(limit)}.`, ja: `${countJa(limit)}未満の数を入力してください。` };
      return { en: `Use at most ${count(limit)}.`, ja: `${countJa(limit)}以下の数を入力してください。` };
    }
    case 'too_small': {
      const limit = Number(issue.minimum);
      if (issue.origin === 'string')
        return limit <= 1
          ? { en: 'Fill this in.', ja: '入力してください。' }
          : { en: `Use at least ${count(limit)} characters.`, ja: `${countJa(limit)}文字以上で入力してください。` };
      if (issue.origin === 'array' || issue.origin === 'set')
        return limit <= 1
          ? { en: 'Choose at least one.', ja: '1つ以上選んでください。' }
          : { en: `Choose at least ${count(limit)}.`, ja: `${countJa(limit)}件以上選んでください。` };
      if (issue.inclusive === false)
        return { en: `Use a number above ${count(limit)}.`, ja: `${countJa(limit)}より大きい数を入力してください。` };
      return { en: `Use ${count(limit)} or more.`, ja: `${countJa(limit)}以上の数を入力してください。` };
    }
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? { en: 'Fill this in.', ja: '入力してください。' }
        : issue.expected === 'int' || issue.expected === 'number'
          ? { en: 'Use a number.', ja: '数値で入力してください。' }
          : issue.expected === 'date'
            ? { en: 'Use a date.', ja: '日付を入力してください。' }
            : { en: 'This value cannot be used here.', ja: 'この値は使えません。' };
    case 'invalid_value':
    case 'invalid_union':
      return { en: 'Choose one of the options.', ja: '選択肢から選んでください。' };
    case 'not_multiple_of':
      return {
        en: `Use a multiple of ${count(Number(issue.divisor))}.`,
        ja: `${countJa(Number(issue.divisor))}の倍数にしてください。`,
      };
    case 'invalid_format':
      return { en: 'This is not in the expected form.', ja: '形式が正しくありません。' };
    default:
      return { en: 'This value cannot be used here.', ja: 'この値は使えません。' };
  }
}

/** The last resort of every parse: plain words, registered so that the problem finds its Japanese. */
const inPlainWords = (issue: z.core.$ZodRawIssue) => bilingual(plainWords(issue));

/**
 * Every problem of an input, each a field problem under `basePath` (`["input", "email"]`) so that
 * it shows beside its field, in both languages; none when the input is fine. The web runs the same
 * schemas before sending, so the form and the API cannot disagree.
 */
export function inputProblems(schema: z.ZodType, input: unknown, basePath: string[] = ['input']): FieldProblem[] {
  const result = schema.safeParse(input, { error: inPlainWords });
  return result.success ? [] : problemsOf(result.error, basePath);
}

function problemsOf(error: z.ZodError, basePath: string[]): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: [...basePath, ...issue.path.map(String)],
    message: { en: issue.message, ja: japaneseOf.get(issue.message) ?? issue.message },
  }));
}

/** Parses input with a zod schema; throws every problem at once, as a `ValidationError`. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  basePath: string[] = ['input'],
): z.infer<Schema> {
  const result = schema.safeParse(input, { error: inPlainWords });
  if (result.success) return result.data;
  throw new ValidationError(problemsOf(result.error, basePath));
}
