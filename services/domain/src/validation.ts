import { z } from 'zod';
import { type Localized, ValidationError } from './errors';

/** The Japanese of each message written into a schema, by its English. */
const japaneseOf = new Map<string, string>();
const zodLocaleJa = z.locales.ja().localeError;

/** zod's own Japanese for an issue; it reads a parsed issue as well as the raw one it is made for. */
function zodJapanese(issue: z.core.$ZodIssue): string | undefined {
  const message = zodLocaleJa(issue as Parameters<typeof zodLocaleJa>[0]);
  return typeof message === 'string' ? message : message?.message;
}

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
 * Parses input with a zod schema; every problem becomes a field problem under `basePath`
 * (`["input", "email"]`), so the client can show it beside the field. An issue without a message
 * of ours (a wrong type, which the GraphQL types mostly prevent) keeps zod's wording in each language.
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  basePath: string[] = ['input'],
): z.infer<Schema> {
  // zod's Japanese for a wrong type names what was received, so it needs the input.
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      path: [...basePath, ...issue.path.map(String)],
      message: { en: issue.message, ja: japaneseOf.get(issue.message) ?? zodJapanese(issue) ?? issue.message },
    })),
  );
}
