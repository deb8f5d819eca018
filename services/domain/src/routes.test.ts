import { describe, expect, test } from 'vitest';
import { isRoute, pathTo } from './routes';

describe('the addresses the server links to', () => {
  test('a route’s path takes its parameters; an optional one left out drops its segment', () => {
    expect(pathTo('request', { id: 'abc' })).toBe('/requests/abc');
    expect(pathTo('assignments', { id: 'b1' })).toBe('/assignments/b1');
    expect(pathTo('assignments')).toBe('/assignments');
    expect(() => pathTo('request')).toThrow('needs its id');
  });

  test.each([
    ['/requests/abc', true],
    ['/assignments', true],
    ['/assignments/b1', true],
    ['/offers', true],
    ['/admin/partners', true],
    ['/paperwork', true],
    ['/', true],
    ['/volunteer/assignments/b1', false],
    ['/requests', false],
    ['/offers/1', false],
  ])('%s is a route of the table: %s', (path, expected) => {
    expect(isRoute(path)).toBe(expected);
  });
});
