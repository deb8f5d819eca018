import { describe, expect, test } from 'vitest';
import { authPaths, forwards, routes } from './links';

/** The portals App.tsx mounts under their prefix; each page inside is the portal's own. */
const portals = ['/requester', '/volunteer', '/coordinator', '/admin'];

describe('the web app serves every address the server links to', () => {
  test.each(Object.entries(routes))('%s (%s) is a route of the app', (_name, path) => {
    const served =
      path === '/' ||
      (authPaths as readonly string[]).includes(path) ||
      forwards.some((forward) => forward.path === path) ||
      portals.some((portal) => path.startsWith(`${portal}/`));
    expect(served).toBe(true);
  });
});
