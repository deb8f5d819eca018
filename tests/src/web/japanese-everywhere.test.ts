import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { type Role, signIn, useBrowser } from '../support/web';

/**
 * Every route of the web app (web/src/App.tsx and the portals' routes), rendered in Japanese for
 * each role: the visible text holds no English sentence. Names and codes may be Latin; a sentence
 * shows as two or more lower-case English words in a row.
 */
const browser = useBrowser();

const signedOut = [
  '/sign-in',
  '/forgot-password',
  '/reset-password',
  '/accept-invitation',
  '/sign-up/volunteer',
  '/sign-up/organization',
  '/sign-up/received',
  '/no-such-page',
];
const routes: Record<Role, string[]> = {
  requester: ['/requester', '/requester/new', '/requester/costs', '/requester/invoices'],
  volunteer: [
    '/volunteer',
    '/volunteer/offers',
    '/volunteer/board',
    '/volunteer/assignments',
    '/volunteer/honoraria',
    '/volunteer/paperwork',
  ],
  coordinator: [
    '/coordinator',
    '/coordinator/escalations',
    '/coordinator/overdue-translations',
    '/coordinator/approvals',
    '/coordinator/reconciliation',
    '/coordinator/supply-demand',
    '/coordinator/cancellations',
    '/coordinator/invoices',
    '/coordinator/tax',
    '/coordinator/payouts',
    '/coordinator/volunteers',
  ],
  admin: [
    '/admin',
    '/admin/policy',
    '/admin/partners',
    '/admin/rates',
    '/admin/statements',
    '/admin/audit',
    '/admin/people',
    '/admin/system',
  ],
};
/** The detail pages a portal links to from its first page, opened by their first link. */
const details: Partial<Record<Role, string>> = {
  requester: 'a[href*="/requester/requests/"]',
  coordinator: 'a[href*="/coordinator/requests/"]',
};

/** Latin text that is a name or a code, not a sentence: the product, file formats, the demo's addresses. */
const allowed = [/\bTsunagu\b/g, /\S+@\S+/g, /https?:\/\/\S+/g];
const englishSentence = /\b[a-z]{2,}(?:[ ’'-]+[a-z]{2,})+\b/g;

/** The English sentences on the page once it has loaded. */
async function englishOn(page: Page): Promise<string[]> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await expect.poll(() => page.getByText('読み込み中…').count(), { timeout: 15_000 }).toBe(0);
  // Quoted text marked in another language (a copy of an e-mail sent in English) is not the page's.
  let text = await page.evaluate(() => {
    for (const quoted of document.querySelectorAll<HTMLElement>('body [lang]:not([lang|="ja"])')) {
      quoted.style.display = 'none';
    }
    // biome-ignore lint/performance/useDomNodeTextContent: what a person sees, not hidden text, is what must read Japanese.
    return document.body.innerText;
  });
  for (const pattern of allowed) text = text.replace(pattern, ' ');
  return text.match(englishSentence) ?? [];
}

describe('every route reads Japanese, with no English sentence', () => {
  test('signed out', async () => {
    const page = await browser.openPage('ja-JP');
    for (const path of signedOut) {
      await page.goto(`${browser.app().url}${path}`);
      expect({ path, english: await englishOn(page) }).toEqual({ path, english: [] });
    }
    // The check can fail: the same page in English is full of sentences.
    await page.goto(`${browser.app().url}/sign-in`);
    await page.getByRole('button', { name: 'English' }).click();
    expect((await englishOn(page)).length).toBeGreaterThan(0);
  });

  test.each(Object.keys(routes) as Role[])('signed in as the demo %s', async (role) => {
    const page = await browser.openPage('ja-JP');
    await signIn(page, browser.app().url, role);
    for (const path of routes[role]) {
      await page.goto(`${browser.app().url}${path}`);
      expect({ path, english: await englishOn(page) }).toEqual({ path, english: [] });
    }
    const detail = details[role];
    if (detail) {
      // The board leaves finished requests out unless asked, and the demo's may all be finished.
      await page.goto(`${browser.app().url}${routes[role][0]}${role === 'coordinator' ? '?finished=1' : ''}`);
      const link = page.locator(detail).first();
      await link.waitFor();
      await link.click();
      await page.waitForURL('**/requests/**');
      expect({ path: page.url(), english: await englishOn(page) }).toEqual({ path: page.url(), english: [] });
    }
  });
});
