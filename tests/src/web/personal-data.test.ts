import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { emailOf, signIn, useBrowser } from '../support/web';

const browser = useBrowser();

test('a volunteer downloads their own data as JSON from beside their name', async () => {
  const volunteer = await browser.openPage('ja-JP');
  await signIn(volunteer, browser.app().url, 'volunteer');
  const [download] = await Promise.all([
    volunteer.waitForEvent('download'),
    // The page speaks the device's language, Japanese.
    volunteer.getByRole('link', { name: /自分のデータ|My data/ }).click(),
  ]);
  const disclosure = JSON.parse(await readFile((await download.path()) as string, 'utf8'));
  expect(disclosure.account.email).toBe(emailOf('volunteer'));
  expect(disclosure.volunteer.languages.length).toBeGreaterThan(0);
}, 120_000);

test('an admin erases a retired volunteer after confirming in place; the list shows the pseudonym', async () => {
  const admin = await browser.openPage('ja-JP');
  await signIn(admin, browser.app().url, 'admin');
  await admin.getByRole('link', { name: '個人情報の消去' }).click();
  const retired = admin.getByRole('row').filter({ hasText: '退会' }).first();
  await expect.poll(() => retired.count()).toBe(1);
  const name = (await retired.getByRole('cell').first().textContent()) ?? '';
  expect(name).not.toMatch(/^P-/);

  await retired.getByRole('button', { name: '個人情報を消去' }).click();
  const question = admin.getByRole('group', { name: `${name} さんの個人情報を消去しますか？元に戻せません。` });
  await question.getByRole('button', { name: '消去する' }).click();

  await expect.poll(() => admin.getByRole('cell', { name, exact: true }).count()).toBe(0);
  expect(await admin.getByRole('cell', { name: /^P-[0-9a-f]{8}$/ }).count()).toBeGreaterThan(0);
}, 120_000);
