import { schema } from '@tsunagu/db';
import { requestPurposes } from '@tsunagu/domain';
import { expect, test } from 'vitest';

test('the purposes are the ones the database stores', () => {
  expect(schema.requestPurpose.enumValues).toEqual([...requestPurposes]);
});
