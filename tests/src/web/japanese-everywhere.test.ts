import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { graphqlIn, type Role, signIn, useBrowser } from '../support/web';

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

  test('the demo translation: the translator’s job page, and the review page of the requester and the coordinator', async () => {
    const url = browser.app().url;
    const volunteer = await browser.openPage('ja-JP');
    await signIn(volunteer, url, 'volunteer');
    const { myAssignments } = await graphqlIn<{
      myAssignments: { nodes: Array<{ id: string; translationJob: { requestId: string; state: string } | null }> };
    }>(volunteer, url, '{ myAssignments(first: 50) { nodes { id translationJob { requestId state } } } }');
    const booking = myAssignments.nodes.find((node) => node.translationJob?.state === 'booked');
    if (!booking?.translationJob) throw new Error('the demo volunteer has no booked translation');
    const jobPath = `/volunteer/assignments/${encodeURIComponent(booking.id)}/translation`;
    await volunteer.goto(`${url}${jobPath}`);
    // Its main parts: where it stands, the counted source to download, and where the upload comes
    // once the source is downloaded (not offered before: the API would refuse it).
    await expect.poll(() => volunteer.getByTestId('translation-state').textContent()).toBe('確定');
    await expect.poll(() => volunteer.getByTestId('document-count').first().textContent()).toContain('文字');
    expect(await volunteer.getByRole('link', { name: 'ダウンロード' }).count()).toBe(1);
    expect(await volunteer.getByTestId('document-upload').count()).toBe(0);
    expect(await volunteer.getByTestId('upload-after-download').textContent()).toBe(
      '原文をダウンロードすると、ここから訳文をアップロードできます。',
    );
    expect({ path: jobPath, english: await englishOn(volunteer) }).toEqual({ path: jobPath, english: [] });

    for (const role of ['requester', 'coordinator'] as const) {
      const page = await browser.openPage('ja-JP');
      await signIn(page, url, role);
      const reviewPath = `/${role}/requests/${encodeURIComponent(booking.translationJob.requestId)}/translation`;
      await page.goto(`${url}${reviewPath}`);
      await expect.poll(() => page.getByTestId('translation-state').textContent()).toBe('確定');
      expect(await page.getByRole('heading', { name: '納期・原文の変更' }).count()).toBe(1);
      // The proposal form too, with its fields and the upload of a new source.
      await page.getByRole('button', { name: '変更を提案する' }).click();
      await expect.poll(() => page.getByLabel('新しい納期（日付）').count()).toBe(1);
      expect({ path: reviewPath, english: await englishOn(page) }).toEqual({ path: reviewPath, english: [] });
    }
  });
});
