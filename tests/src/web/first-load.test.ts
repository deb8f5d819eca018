import { beforeAll, expect, test } from 'vitest';
import { ensureWebBuilt, measureFirstLoad } from '../support/web';

/** The target: a portal's first load under 300 KB of compressed JavaScript. */
const budgetBytes = 300 * 1024;

beforeAll(() => ensureWebBuilt());

test('the JavaScript web/dist/index.html loads first stays under 300 KB gzipped', () => {
  const { files, gzipBytes } = measureFirstLoad();
  const lines = files.map(({ file, gzipBytes: bytes }) => `  ${file}: ${(bytes / 1024).toFixed(1)} KB`);
  console.log(
    `first-load JavaScript, gzipped: ${(gzipBytes / 1024).toFixed(1)} KB of ${budgetBytes / 1024} KB\n${lines.join('\n')}`,
  );
  expect(files.some(({ file }) => file.endsWith('.js'))).toBe(true);
  expect(gzipBytes).toBeLessThan(budgetBytes);
});

test('the portals are not in the first load: each is fetched when first opened', () => {
  const names = measureFirstLoad().files.map(({ file }) => file);
  for (const portal of ['RequesterPortal', 'VolunteerPortal', 'CoordinatorPortal', 'AdminPortal', 'AuthPages']) {
    expect(names.some((name) => name.includes(portal))).toBe(false);
  }
});
