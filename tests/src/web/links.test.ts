import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { graphqlIn, type Role, signIn as signInAt, useBrowser } from '../support/web';

const browser = useBrowser();
const signIn = (page: Page, role: Role) => signInAt(page, browser.app().url, role);

/** The plain id inside a global ID: what e-mails and calendar events carry. */
const plainId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1] ?? '';

async function demoRequest(page: Page) {
  const { requests } = await graphqlIn<{ requests: { nodes: Array<{ id: string; venue: string | null }> } }>(
    page,
    browser.app().url,
    '{ requests(first: 20) { nodes { id venue } } }',
  );
  const request = requests.nodes.find((node) => node.venue);
  if (!request?.venue) throw new Error('the demo requester has no request with a venue');
  return { id: request.id, venue: request.venue };
}

async function expectAPage(page: Page, path: RegExp) {
  await expect.poll(() => new URL(page.url()).pathname).toMatch(path);
  await expect.poll(() => page.locator('main h1, main h2').count()).toBeGreaterThan(0);
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).not.toContain('ページが見つかりません');
  expect(text).not.toContain('見つかりませんでした');
}

describe('every link an e-mail or a calendar event carries opens a page', () => {
  test('a request’s link opens the request in the requester’s portal, and in the coordinator’s', async () => {
    const requesterPage = await browser.openPage('ja-JP');
    await signIn(requesterPage, 'requester');
    const request = await demoRequest(requesterPage);
    await requesterPage.goto(`${browser.app().url}/requests/${plainId(request.id)}`);
    await expectAPage(requesterPage, /^\/requester\/requests\//);
    await expect.poll(() => requesterPage.locator('main').textContent()).toContain(request.venue);

    const coordinatorPage = await browser.openPage('ja-JP');
    await signIn(coordinatorPage, 'coordinator');
    await coordinatorPage.goto(`${browser.app().url}/requests/${plainId(request.id)}`);
    await expectAPage(coordinatorPage, /^\/coordinator\/requests\//);
    await expect.poll(() => coordinatorPage.locator('main').textContent()).toContain(request.venue);
  });

  test('signed out, a request’s link asks to sign in first and then opens the request', async () => {
    const setup = await browser.openPage('ja-JP');
    await signIn(setup, 'requester');
    const request = await demoRequest(setup);

    const page = await browser.openPage('ja-JP');
    await page.goto(`${browser.app().url}/requests/${plainId(request.id)}`);
    await page.waitForURL('**/sign-in?next=*');
    await page.getByRole('textbox', { name: 'メールアドレス' }).fill('requester@demo.example.jp');
    await page.keyboard.press('Tab');
    await page.keyboard.type('tsunagu-demo');
    await page.keyboard.press('Enter');
    await expectAPage(page, /^\/requester\/requests\//);
    await expect.poll(() => page.locator('main').textContent()).toContain(request.venue);
  });

  test('the offers and bookings links, and a calendar event’s link to one booking, open the volunteer’s pages', async () => {
    const page = await browser.openPage('ja-JP');
    await signIn(page, 'volunteer');
    await page.goto(`${browser.app().url}/offers`);
    await expectAPage(page, /^\/volunteer\/offers$/);
    await page.goto(`${browser.app().url}/assignments`);
    await expectAPage(page, /^\/volunteer\/assignments$/);

    const { myAssignments } = await graphqlIn<{ myAssignments: { nodes: Array<{ id: string }> } }>(
      page,
      browser.app().url,
      '{ myAssignments(first: 20) { nodes { id } } }',
    );
    const booking = myAssignments.nodes.at(-1);
    if (!booking) throw new Error('the demo volunteer has no booking');
    // The calendar feed's event links to /volunteer/assignments/<id>; e-mails to /assignments/<id>.
    for (const link of [`/volunteer/assignments/${plainId(booking.id)}`, `/assignments/${plainId(booking.id)}`]) {
      await page.goto(`${browser.app().url}${link}`);
      await expectAPage(page, /^\/volunteer\/assignments\//);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`booking-${booking.id}`);
    }
  });

  test('a link for a portal the reader does not have says so and leads to their own page', async () => {
    const page = await browser.openPage('ja-JP');
    await signIn(page, 'requester');
    await page.goto(`${browser.app().url}/offers`);
    await expect.poll(() => page.locator('main h1').textContent()).toBe('このページは表示できません');
    await page.getByRole('link', { name: '自分のページへ' }).click();
    await page.waitForURL('**/requester');
  });
});
