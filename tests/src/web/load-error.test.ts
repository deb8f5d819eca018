import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { signIn, useBrowser } from '../support/web';

const browser = useBrowser();

/**
 * A request the demo requester may not see. The API answers one of another association or
 * organization as it answers one that does not exist (it does not say which ids exist), so an id
 * nobody filed stands for both.
 */
const unseenRequestId = 'b6f1c1de-2f7a-4c1e-9d53-4a1f0e6c9a01';

/** The requester opens a request's link (as an e-mail carries it) on a page in `locale`. */
async function openAs(locale: 'ja-JP' | 'en-GB', requestId: string): Promise<Page> {
  const page = await browser.openPage(locale);
  await signIn(page, browser.app().url, 'requester');
  // The account keeps the language last chosen: choose the one of this page.
  await page.getByRole('button', { name: locale === 'ja-JP' ? '日本語' : 'English' }).click();
  await page.goto(`${browser.app().url}/requests/${requestId}`);
  await expect.poll(() => page.locator('main .notice-problem').count()).toBe(1);
  return page;
}

const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

test('a request the reader may not see, and a link the API refuses, are said in the reader’s language only', async () => {
  const ja = await openAs('ja-JP', unseenRequestId);
  expect(await ja.locator('main .notice-problem').textContent()).toBe(
    '見つかりませんでした。削除されたか、閲覧する権限がありません。',
  );
  const en = await openAs('en-GB', unseenRequestId);
  expect(await en.locator('main .notice-problem').textContent()).toBe(
    'Not found. It may have been removed, or you may not be allowed to see it.',
  );

  // A link whose id Tsunagu never handed out: the page shows the API's typed reason, in the page's language.
  const jaRefused = await openAs('ja-JP', 'not-an-id');
  const jaAlert = (await jaRefused.locator('main [role="alert"]').textContent()) ?? '';
  expect(jaAlert).toContain('つなぐが発行した ID ではありません。');
  // Names and codes (ID) aside, no English words: not the API's English sentence, not "Unexpected error".
  expect(jaAlert).not.toMatch(/[A-Za-z]{3,}/);
  const enRefused = await openAs('en-GB', 'not-an-id');
  const enAlert = (await enRefused.locator('main [role="alert"]').textContent()) ?? '';
  expect(enAlert).toContain('This is not an ID that Tsunagu handed out.');
  expect(enAlert).not.toMatch(japanese);
}, 180_000);
