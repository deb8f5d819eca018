import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { schemaFile, schemaSdl } from './sdl';

test('the committed schema.graphql matches the schema the code builds (pnpm --dir graphql print-schema)', () => {
  expect(readFileSync(schemaFile, 'utf8')).toBe(schemaSdl());
});
