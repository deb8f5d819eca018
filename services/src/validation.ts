import type { z } from 'zod';
import { ValidationError } from './errors';

/**
 * Parses input with a zod schema; every problem becomes a field problem under `basePath`
 * (`["input", "email"]`), so the client can show it beside the field.
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  basePath: string[] = ['input'],
): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      path: [...basePath, ...issue.path.map(String)],
      message: issue.message,
    })),
  );
}
