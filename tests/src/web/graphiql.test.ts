import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { launchChromium } from '../support/web';

let testDb: TestDatabase;
let api: TestApi;
let browser: Browser;
beforeAll(async () => {
  testDb = await openTestDatabase({ engine: 'pglite' });
  [api, browser] = await Promise.all([startTestApi(testDb.database), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
  await testDb?.dispose();
});

test('GraphiQL at /graphql opens with nothing from another site, and runs a query', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', ''].includes(url.hostname) && url.protocol !== 'blob:' && url.protocol !== 'data:') {
      elsewhere.push(request.url());
    }
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // GraphiQL takes its first query from the address, as a shared link would carry it.
  await page.goto(`${api.url}/graphql?query=${encodeURIComponent('{ health { database } }')}`);
  await page.locator('.graphiql-container').first().waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: /Execute query/ }).click();
  await expect
    .poll(() => page.locator('.graphiql-response').first().textContent(), { timeout: 30_000 })
    .toContain('"ok"');
  expect(elsewhere).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
