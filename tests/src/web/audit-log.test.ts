import { describe, expect, test } from 'vitest';
import { graphqlIn, signIn, useBrowser } from '../support/web';

const browser = useBrowser();

describe('the audit log page, in Chromium against the real API with the demo data', () => {
  test('an admin sees that a coordinator read volunteers’ names, and narrows the log by actor and by day', async () => {
    const url = browser.app().url;
    const coordinator = await browser.openPage('ja-JP');
    await signIn(coordinator, url, 'coordinator');
    const { me } = await graphqlIn<{ me: { displayName: string } }>(coordinator, url, '{ me { displayName } }');
    await graphqlIn(coordinator, url, '{ volunteers(first: 3) { nodes { fullName } } }');

    const admin = await browser.openPage('ja-JP');
    await signIn(admin, url, 'admin');
    await admin.getByRole('link', { name: '監査ログ' }).click();
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe('監査ログ');
    const entries = admin.getByRole('region', { name: '記録' });
    const readByCoordinator = entries
      .getByRole('row')
      .filter({ hasText: me.displayName })
      .filter({ hasText: 'fullName' });
    await expect.poll(() => readByCoordinator.count()).toBeGreaterThanOrEqual(3);
    expect(await readByCoordinator.first().getByRole('cell').nth(2).textContent()).toBe('閲覧');

    // Only what the coordinator did.
    await admin.getByLabel('操作した人').selectOption({ label: me.displayName });
    await expect
      .poll(async () => {
        const actors = await entries.locator('tbody tr td:nth-child(2)').allTextContents();
        return actors.length > 0 && actors.every((actor) => actor === me.displayName);
      })
      .toBe(true);

    // One volunteer's history: every row about the same person.
    await readByCoordinator.first().getByRole('cell').nth(3).getByRole('button').click();
    await expect
      .poll(() => admin.getByRole('status').textContent())
      .toMatch(/^ボランティア [0-9a-f]{8} の記録だけを表示しています。/);
    await expect
      .poll(async () => new Set(await entries.locator('tbody tr td:nth-child(4)').allTextContents()).size)
      .toBe(1);

    // Days before the demo began: nothing.
    await admin.getByLabel('この日から').fill('2001-01-01');
    await admin.getByLabel('この日まで').fill('2001-01-31');
    await expect.poll(() => entries.textContent()).toContain('条件に合う記録はありません。');
  });

  test('in English for an admin who reads English', async () => {
    const url = browser.app().url;
    const admin = await browser.openPage('en-GB');
    await signIn(admin, url, 'admin');
    await graphqlIn(admin, url, 'mutation { updateMyAccount(input: { locale: en }) { __typename } }');
    await admin.reload();
    await admin.getByRole('link', { name: 'Audit log' }).click();
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe('Audit log');
    expect(await admin.getByLabel('Who acted').isVisible()).toBe(true);
    await graphqlIn(admin, url, 'mutation { updateMyAccount(input: { locale: ja }) { __typename } }');
  });
});
