import { expect, test } from 'vitest';
import { artifactPath, signIn, useBrowser } from '../support/web';

const browser = useBrowser();

test('an admin sees the partners both ways, proposes a partnership to Tokyo, sees it wait for an answer, and withdraws it', async () => {
  const admin = await browser.openPage('ja-JP');
  await signIn(admin, browser.app().url, 'admin');
  await admin.getByRole('link', { name: '連携協会' }).click();
  const partners = admin.getByRole('region', { name: '大阪府国際交流協会 の連携' });
  // The demo's standing partnership with the city association, agreed both ways.
  await expect.poll(() => partners.getByRole('row', { name: /大阪市国際交流協会/ }).count()).toBe(2);
  expect(await partners.getByRole('button', { name: /連携を終える/ }).count()).toBe(2);

  await partners.getByLabel(/相手の協会/).selectOption({ label: '東京都国際交流協会' });
  await partners.getByRole('button', { name: '申し入れる', exact: true }).click();
  await expect.poll(() => partners.getByRole('status').textContent()).toBe('連携を申し入れました。');
  const waiting = partners.getByRole('row', { name: /東京都国際交流協会/ });
  await expect.poll(() => waiting.count()).toBe(1);
  expect(await waiting.textContent()).toContain('に申し入れ');
  await partners.screenshot({ path: artifactPath('admin-partners.png') });

  // Proposing again to the same association is not offered: it is no longer in the list.
  await expect
    .poll(() =>
      partners
        .getByLabel(/相手の協会/)
        .locator('option', { hasText: '東京都国際交流協会' })
        .count(),
    )
    .toBe(0);

  await waiting.getByRole('button', { name: /申し入れを取り下げる/ }).click();
  await expect.poll(() => partners.getByRole('status').textContent()).toBe('連携を終えました。');
  await expect.poll(() => partners.getByRole('row', { name: /東京都国際交流協会/ }).count()).toBe(0);
}, 120_000);
