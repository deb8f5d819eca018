import { expect, test } from 'vitest';
import { signIn, useBrowser } from '../support/web';

const browser = useBrowser();

test('an admin adds a rate schedule, corrects a negative amount the API refuses, and sees it listed, then deletes it', async () => {
  const admin = await browser.openPage('ja-JP');
  await signIn(admin, browser.app().url, 'admin');
  await admin.getByRole('link', { name: '謝金・費用の基準' }).click();
  const rates = admin.getByRole('region', { name: /の謝金・費用の基準$/ });
  await expect.poll(() => rates.getByText('説明用', { exact: true }).count()).toBe(1);

  await rates.getByRole('button', { name: '基準を追加する' }).click();
  const form = admin.getByRole('region', { name: '基準を追加する' });
  // A date well after the demo's schedule, which started in April of the last fiscal year.
  const effectiveFrom = `${new Date().getFullYear() + 1}-04-01`;
  await form.getByLabel(/適用開始日/).fill(effectiveFrom);
  await form.getByRole('textbox', { name: 'メモ' }).fill('2年目からの改定');
  const firstBlockYen = form.getByRole('spinbutton', { name: '最初の時間帯の金額（円）', exact: true });
  await firstBlockYen.fill('-100');
  await form.getByRole('button', { name: '基準を保存する' }).click();

  await expect.poll(() => firstBlockYen.getAttribute('aria-invalid')).toBe('true');
  expect(await form.locator('#field-rules-honorarium-firstBlockYen-error').textContent()).toContain(
    'Use zero or more yen.',
  );
  expect(await firstBlockYen.inputValue()).toBe('-100');
  expect(await form.getByLabel(/適用開始日/).inputValue()).toBe(effectiveFrom);
  expect(await form.getByRole('textbox', { name: 'メモ' }).inputValue()).toBe('2年目からの改定');
  expect(await form.getByRole('spinbutton', { name: '以降1時間あたり（円）', exact: true }).inputValue()).toBe('1500');

  await firstBlockYen.fill('6000');
  await form.getByRole('button', { name: '基準を保存する' }).click();
  const row = rates.getByRole('row', { name: new RegExp(effectiveFrom) });
  await expect.poll(() => row.count()).toBe(1);
  expect(await row.textContent()).toContain('120分まで 6,000円、以降1時間 1,500円');
  expect(await row.textContent()).toContain('2年目からの改定');
  expect(await rates.getByText('説明用', { exact: true }).count()).toBe(1);

  await row.getByRole('button', { name: '削除する' }).click();
  await expect.poll(() => row.count()).toBe(0);
  expect(await rates.getByText('説明用', { exact: true }).count()).toBe(1);
}, 120_000);
