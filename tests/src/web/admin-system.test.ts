import { describe, expect, test } from 'vitest';
import { signIn, useBrowser } from '../support/web';

const browser = useBrowser();

describe('the admin’s system page', () => {
  test.each([
    ['ja-JP', '✓ 正常'],
    ['en-GB', '✓ Working'],
  ] as const)('in %s, each part of the system says that it works in the reader’s language', async (locale, working) => {
    const page = await browser.openPage(locale);
    await signIn(page, browser.app().url, 'admin');
    // The page keeps the language of the sign-in page; the English reader switches anyway, as a person may.
    if (locale === 'en-GB') await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`${browser.app().url}/admin/system`);
    for (const part of ['database', 'temporal', 'worker']) {
      await expect.poll(() => page.getByTestId(`health-${part}`).locator('dd').textContent()).toBe(working);
    }
  });
});
