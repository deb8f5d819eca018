import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { type SmtpServer, startSmtpServer } from '../support/smtp';
import {
  artifactPath,
  demoPassword,
  desktop,
  emailOf,
  phone,
  type Role,
  signIn as signInAt,
  useBrowser,
} from '../support/web';

// Mail goes to a mail server of the test, where the invited person's mailbox is: the app's mail
// catcher shows nobody else the token of a link.
let smtp: SmtpServer | undefined;
const browser = useBrowser({
  env: async () => {
    smtp = await startSmtpServer();
    return { SMTP_URL: smtp.url };
  },
});
afterAll(async () => {
  await smtp?.close();
});
const openPage = browser.openPage;

const signIn = (page: Page, role: Role) => signInAt(page, browser.app().url, role);

/** A day of the week (0 is Sunday) three to four weeks ahead in Japan: well past any notice period. */
function dayAhead(weekday: number): string {
  const japanNow = new Date(Date.now() + 9 * 60 * 60 * 1000);
  const day = new Date(Date.UTC(japanNow.getUTCFullYear(), japanNow.getUTCMonth(), japanNow.getUTCDate() + 21));
  while (day.getUTCDay() !== weekday) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

const tuesday = 2;
const saturday = 6;

/** The link in the newest e-mail to an address, as its recipient reads it (the outbox delivers within a second or two). */
async function linkInEmail(to: string, path: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      () => {
        const mail = smtp
          ?.to(to)
          .reverse()
          .find((received) => received.text.includes(path));
        link = mail?.text.match(new RegExp(`https?://\\S+${path}#token=[A-Za-z0-9_-]+`))?.[0];
        return link;
      },
      { timeout: 30_000 },
    )
    .toBeDefined();
  return link as string;
}

const portals: Array<{ role: Role; heading: string; viewport: typeof desktop }> = [
  { role: 'requester', heading: '依頼一覧', viewport: desktop },
  { role: 'volunteer', heading: 'プロフィール', viewport: phone },
  { role: 'coordinator', heading: '依頼ボード', viewport: desktop },
  { role: 'admin', heading: 'スタッフと招待', viewport: desktop },
];

describe('the web portals, in Chromium against the real API with the demo data', () => {
  test.each(portals)(
    'the demo $role signs in and lands on their portal (screenshot kept)',
    async ({ role, heading, viewport }) => {
      const page = await openPage('ja-JP', viewport);
      await signIn(page, role);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
      // The heading takes the focus when a page opens, so that keyboard users start from it.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-title');
      await expect.poll(() => page.locator('.loading').count()).toBe(0);
      await page.screenshot({ path: artifactPath(`portal-${role}.png`), fullPage: true });
    },
  );

  test('a requester files a request in Japanese: the API’s error shows beside the field, nothing typed is lost', async () => {
    const page = await openPage('ja-JP');
    await signIn(page, 'requester');
    await page.getByRole('link', { name: '新しい依頼' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('通訳・翻訳の依頼');

    await page.locator('#field-languageCode').selectOption('vi');
    await page.locator('#field-startsAt').fill(dayAhead(tuesday));
    await page.locator('#field-startTime').fill('13:00');
    await page.locator('#field-endsAt').fill('12:00');
    await page.locator('#field-localGovernmentCode-prefecture').selectOption('27');
    await page.locator('#field-localGovernmentCode').selectOption('271004');
    await page.locator('#field-venue').fill('大阪市役所 1階 市民相談室');
    await page.locator('#field-purpose').selectOption('consultation_desk');
    await page.locator('#field-contactName').fill('山田 花子');
    await page.locator('#field-notes').fill('相談者は母語での説明を希望');
    await page.getByRole('button', { name: '依頼を送信する' }).click();

    const summary = page.getByRole('alert');
    await expect.poll(() => summary.textContent()).toContain('入力内容を確認してください');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(await page.locator('#field-endsAt-error').textContent()).toContain(
      '終了時刻は開始時刻より後にしてください。',
    );
    expect(await page.locator('#field-endsAt').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#field-endsAt').getAttribute('aria-describedby')).toContain('field-endsAt-error');
    await page.screenshot({ path: artifactPath('requester-field-error-ja.png'), fullPage: true });
    // Everything typed is still there.
    expect(await page.locator('#field-languageCode').inputValue()).toBe('vi');
    expect(await page.locator('#field-localGovernmentCode').inputValue()).toBe('271004');
    expect(await page.locator('#field-venue').inputValue()).toBe('大阪市役所 1階 市民相談室');
    expect(await page.locator('#field-contactName').inputValue()).toBe('山田 花子');
    expect(await page.locator('#field-notes').inputValue()).toBe('相談者は母語での説明を希望');

    // The summary's link takes the keyboard to the field.
    await summary.getByRole('link', { name: '終了時刻' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-endsAt');
    await page.locator('#field-endsAt').fill('16:00');
    await page.getByRole('button', { name: '依頼を送信する' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('依頼の詳細');
    expect(await page.getByRole('status').first().textContent()).toContain('依頼を受け付けました。');
    expect(await page.locator('.timeline').textContent()).toContain('受付');
    expect(await page.locator('.timeline [aria-current="step"]').textContent()).toContain('確認済み');
    expect(await page.locator('.facts').textContent()).toContain('大阪市役所 1階 市民相談室');

    await page.getByRole('link', { name: '戻る' }).click();
    await expect.poll(() => page.locator('.request-item').count()).toBeGreaterThan(0);
    expect(await page.locator('.request-list').textContent()).toContain('ベトナム語');
  });

  test('in English: the language chosen before sign-in is kept, the e-mail language is its own setting, and errors show in place', async () => {
    const page = await openPage('ja-JP');
    await page.goto(`${browser.app().url}/sign-in`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('サインイン');
    // Chosen on the sign-in page, English stays after sign-in (the demo account's e-mails are Japanese).
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('textbox', { name: /E-mail address/ }).fill(emailOf('requester'));
    await page.getByLabel(/^Password/).fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/requester');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Requests');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const emailLanguage = page.getByLabel('E-mail language');
    expect(await emailLanguage.inputValue()).toBe('ja');
    // Changing the e-mail language leaves the page's alone, and the account remembers it.
    await emailLanguage.selectOption('en');
    await expect
      .poll(async () => {
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
        return page.getByLabel('E-mail language').inputValue();
      })
      .toBe('en');
    await emailLanguage.selectOption('ja');

    await page.getByRole('link', { name: 'New request' }).click();
    await page.getByLabel('Remote (phone or video)').check();
    await page.locator('#field-languageCode').selectOption('zh');
    // Saturday afternoon, when the demo's remote Chinese interpreters are free: the coordinator's test ranks them.
    await page.locator('#field-startsAt').fill(dayAhead(saturday));
    await page.locator('#field-startTime').fill('14:00');
    await page.locator('#field-endsAt').fill('13:30');
    await page.locator('#field-remoteJoinInstructions').fill('Video call: the link comes by e-mail the day before.');
    await page.locator('#field-purpose').selectOption('school_enrollment');
    await page.locator('#field-specialty').selectOption('education');
    await page.locator('#field-contactName').fill('Tanaka Ken');
    await page.getByRole('button', { name: 'Send the request' }).click();

    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Please check what you entered');
    expect(await page.locator('#field-endsAt-error').textContent()).toContain('The end must be after the start.');
    await page.screenshot({ path: artifactPath('requester-field-error-en.png'), fullPage: true });
    expect(await page.locator('#field-remoteJoinInstructions').inputValue()).toBe(
      'Video call: the link comes by e-mail the day before.',
    );
    expect(await page.locator('#field-specialty').inputValue()).toBe('education');

    await page.locator('#field-endsAt').fill('15:00');
    await page.getByRole('button', { name: 'Send the request' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Request');
    expect(await page.getByRole('status').first().textContent()).toContain('Your request has been received.');
    expect(await page.locator('.facts').textContent()).toContain('School enrollment support');
  });

  test('a coordinator opens a filed request from the board and sees its ranked candidates', async () => {
    const page = await openPage('ja-JP');
    await signIn(page, 'coordinator');
    await expect.poll(() => page.locator('.request-item').count()).toBeGreaterThanOrEqual(2);
    await page.locator('.request-item', { hasText: '中国語' }).getByRole('link').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('依頼の詳細');
    const candidates = page.getByRole('region', { name: '候補のボランティア' });
    await expect
      .poll(async () => (await candidates.locator('table, .empty').count()) > 0, { timeout: 20_000 })
      .toBe(true);
    await page.screenshot({ path: artifactPath('coordinator-request.png'), fullPage: true });
  });

  test('a coordinator opens the reconciliation of this fiscal year: its totals, or that there are no lines yet', async () => {
    const page = await openPage('ja-JP');
    await signIn(page, 'coordinator');
    await page.getByRole('link', { name: '精算' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('特別交付税の精算');
    await expect.poll(() => page.locator('.loading').count(), { timeout: 20_000 }).toBe(0);
    const totals = page.getByRole('region', { name: '年度の合計' });
    expect(await totals.locator('dt').allTextContents()).toEqual(['合計金額', '明細', '派遣', '時間', '言語']);
    expect(await totals.locator('dd').first().textContent()).toMatch(/^[\d,]+円$/);
    // The demo data may hold no expense lines: then the page says so instead of an empty chart.
    const governments = page.getByRole('region', { name: '自治体・区分ごとの合計' });
    const empty = page.locator('.empty', { hasText: 'この年度の経費明細はまだありません' });
    expect((await governments.count()) + (await empty.count())).toBe(1);
    expect(await page.getByRole('heading', { level: 2, name: '確認が必要な明細（年度全体）' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '書き出す' }).isEnabled()).toBe(true);
    await page.screenshot({ path: artifactPath('coordinator-reconciliation.png'), fullPage: true });
  });

  test('an invited coordinator follows the e-mailed link, creates the account, and later resets the password', async () => {
    const email = `invited.${Date.now()}@example.jp`;
    const admin = await openPage('ja-JP');
    await signIn(admin, 'admin');
    const invite = admin.getByRole('region', { name: '招待する' });
    await invite.getByRole('textbox', { name: /メールアドレス/ }).fill(email);
    await invite.getByLabel('メールの言語').selectOption('en');
    await invite.getByRole('button', { name: '招待メールを送る' }).click();
    await expect.poll(() => invite.getByRole('status').textContent()).toContain(email);

    const invited = await openPage('en-GB');
    await invited.goto(await linkInEmail(email, '/accept-invitation'));
    await expect.poll(() => invited.getByRole('heading', { level: 1 }).textContent()).toBe('Create your account');
    // The token is read once and taken out of the address bar.
    expect(new URL(invited.url()).hash).toBe('');
    await invited.getByRole('textbox', { name: /Display name/ }).fill('Sato Yui');
    await invited.getByLabel(/^Password/).fill('short');
    await invited.getByRole('button', { name: 'Create my account' }).click();
    await expect
      .poll(() => invited.locator('#field-password-error').textContent())
      .toContain('Use at least 10 characters.');
    expect(await invited.getByRole('textbox', { name: /Display name/ }).inputValue()).toBe('Sato Yui');
    await invited.getByLabel(/^Password/).fill('a long enough password');
    await invited.getByRole('button', { name: 'Create my account' }).click();
    await invited.waitForURL('**/coordinator');
    await expect.poll(() => invited.getByRole('heading', { level: 1 }).textContent()).toBe('Dispatch board');

    const forgetful = await openPage('en-GB');
    await forgetful.goto(`${browser.app().url}/sign-in`);
    await forgetful.getByRole('link', { name: 'Forgot your password?' }).click();
    await forgetful.getByRole('textbox', { name: /E-mail address/ }).fill(email);
    await forgetful.getByRole('button', { name: 'Send the link' }).click();
    await expect.poll(() => forgetful.getByRole('status').textContent()).toContain(email);
    await forgetful.goto(await linkInEmail(email, '/reset-password'));
    await forgetful.getByLabel(/^New password/).fill('another long password');
    await forgetful.getByRole('button', { name: 'Set the password' }).click();
    await forgetful.waitForURL('**/coordinator');
  });

  test('a volunteer on a phone corrects days off the API refused, and the profile keeps them', async () => {
    const page = await openPage('ja-JP', phone);
    await signIn(page, 'volunteer');
    const daysOff = page.getByRole('region', { name: '休みの期間' });
    await daysOff.getByRole('button', { name: '休みを追加' }).click();
    // The new row is the last one.
    const before = (await daysOff.locator('.list-row').count()) - 1;
    await page.locator(`#field-daysOff-${before}-startsOn`).fill('2027-08-20');
    await page.locator(`#field-daysOff-${before}-endsOn`).fill('2027-08-10');
    await daysOff.getByRole('button', { name: '保存する' }).click();

    await expect
      .poll(() => page.locator(`#field-daysOff-${before}-endsOn-error`).textContent())
      .toContain('休みの最終日は初日以降にしてください。');
    expect(await page.locator(`#field-daysOff-${before}-startsOn`).inputValue()).toBe('2027-08-20');
    await page.screenshot({ path: artifactPath('volunteer-field-error.png'), fullPage: true });

    await page.locator(`#field-daysOff-${before}-endsOn`).fill('2027-08-27');
    await daysOff.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => daysOff.getByRole('status').textContent()).toBe('保存しました。');

    await page.reload();
    await expect
      .poll(() =>
        daysOff
          .locator('input[type="date"]')
          .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
      )
      .toContain('2027-08-27');
  });
});
