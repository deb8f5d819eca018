import { expect, test } from 'vitest';
import { artifactPath, signIn, useBrowser } from '../support/web';

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
    '0円以上で入力してください。',
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
  await row
    .getByRole('group', { name: `${effectiveFrom} からの基準を削除しますか？` })
    .getByRole('button', { name: '削除する' })
    .click();
  await expect.poll(() => row.count()).toBe(0);
  expect(await rates.getByText('説明用', { exact: true }).count()).toBe(1);
}, 120_000);

test('deleting a rate schedule asks first, in place: Keep and Escape keep it, Delete removes it', async () => {
  const admin = await browser.openPage('ja-JP');
  await signIn(admin, browser.app().url, 'admin');
  await admin.getByRole('link', { name: '謝金・費用の基準' }).click();
  const rates = admin.getByRole('region', { name: /の謝金・費用の基準$/ });
  await rates.getByRole('button', { name: '基準を追加する' }).click();
  const form = admin.getByRole('region', { name: '基準を追加する' });
  const effectiveFrom = `${new Date().getFullYear() + 2}-04-01`;
  await form.getByLabel(/適用開始日/).fill(effectiveFrom);
  await form.getByRole('textbox', { name: 'メモ' }).fill('削除の確認用');
  await form.getByRole('button', { name: '基準を保存する' }).click();
  const row = rates.getByRole('row', { name: new RegExp(effectiveFrom) });
  await expect.poll(() => row.count()).toBe(1);

  // Asked first, the keyboard lands on the choice that changes nothing.
  const deleteButton = row.getByRole('button', { name: '削除する' });
  await deleteButton.click();
  const question = row.getByRole('group', { name: `${effectiveFrom} からの基準を削除しますか？` });
  await expect.poll(() => question.count()).toBe(1);
  const focused = () => admin.evaluate(() => document.activeElement?.textContent ?? '');
  expect(await focused()).toBe('残す');
  await row.screenshot({ path: artifactPath('admin-rates-confirm-delete.png') });
  await question.getByRole('button', { name: '残す' }).click();
  await expect.poll(() => question.count()).toBe(0);
  expect(await row.count()).toBe(1);
  expect(await focused()).toBe('削除する');
  // Escape keeps it too.
  await admin.keyboard.press('Enter');
  await expect.poll(() => question.count()).toBe(1);
  await admin.keyboard.press('Escape');
  await expect.poll(() => question.count()).toBe(0);
  expect(await row.count()).toBe(1);

  await deleteButton.click();
  await question.getByRole('button', { name: '削除する' }).click();
  await expect.poll(() => row.count()).toBe(0);
  const deleted = rates.getByRole('status');
  expect(await deleted.textContent()).toBe(`${effectiveFrom} からの基準を削除しました。`);
  expect(await focused()).toBe(`${effectiveFrom} からの基準を削除しました。`);
  expect(await rates.getByText('説明用', { exact: true }).count()).toBe(1);
  await admin.reload();
  await expect
    .poll(() =>
      admin
        .getByRole('region', { name: /の謝金・費用の基準$/ })
        .getByText('説明用', { exact: true })
        .count(),
    )
    .toBe(1);
  expect(await admin.getByRole('row', { name: new RegExp(effectiveFrom) }).count()).toBe(0);
}, 120_000);
