import { expect, test } from 'vitest';
import { idFromPath, requestPath } from './ids';

const requestId = '0b5f6a1e-3c2d-4e8f-9a7b-1c2d3e4f5a6b';
const globalId = Buffer.from(`Request:${requestId}`).toString('base64');

test.each([
  ['the app’s own address, an encoded global ID', requestPath(globalId).slice('/requests/'.length), globalId],
  ['an e-mail’s link, the plain id', requestId, globalId],
  [
    'a plain id in capitals',
    requestId.toUpperCase(),
    Buffer.from(`Request:${requestId.toUpperCase()}`).toString('base64'),
  ],
  ['a malformed escape, left as it is', '%E0%A4%A', '%E0%A4%A'],
])('a request page opened from %s asks for the right request', (_, segment, expected) => {
  expect(idFromPath(segment)).toBe(expected);
});

test('a booking’s plain id becomes an Assignment’s global ID', () => {
  expect(idFromPath(requestId, 'Assignment')).toBe(Buffer.from(`Assignment:${requestId}`).toString('base64'));
});
