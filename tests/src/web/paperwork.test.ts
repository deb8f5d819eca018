import { describe, expect, test } from 'vitest';
import { artifactPath, graphqlIn, phone, useBrowser } from '../support/web';

const browser = useBrowser();
const app = browser.app;

const languages = [
  {
    lang: 'ja',
    locale: 'ja-JP',
    button: '日本語',
    words: {
      directory: 'ボランティア名簿',
      search: '検索する',
      papersOf: (name: string) => `${name}さんの書類`,
      record: '記録する',
      missingAll: '更新日・保険の期限・誓約の日付のいずれかを入力してください。',
      recorded: '書類を記録しました。上の状況に反映されています。',
      renewedOn: '登録を更新した日',
      insuranceUntil: 'ボランティア保険の期限',
      registration: 'ボランティア登録',
      insurance: 'ボランティア保険',
      valid: '有効',
      papers: '書類',
      todo: '手続きは必要ありません。',
      reminderNote: '登録と保険は、期限の30日前と7日前にメールとお知らせでお伝えします。',
    },
  },
  {
    lang: 'en',
    locale: 'en-GB',
    button: 'English',
    words: {
      directory: 'Volunteers',
      search: 'Search',
      papersOf: (name: string) => `Papers of ${name}`,
      record: 'Record',
      missingAll: 'Give the renewal date, the insurance date or the pledge date.',
      recorded: 'The papers have been recorded; the standing above shows them.',
      renewedOn: 'Registration renewed on',
      insuranceUntil: 'Volunteer insurance until',
      registration: 'Volunteer registration',
      insurance: 'Volunteer insurance',
      valid: 'Valid',
      papers: 'Papers',
      todo: 'Nothing to do.',
      reminderNote:
        'You are reminded by e-mail and in your inbox 30 and 7 days before your registration or insurance ends.',
    },
  },
] as const;

const signIn = browser.openSignedIn;

/** A date `days` from today in Japan, YYYY-MM-DD (the app runs on the machine's clock). */
const dateAhead = (days: number) =>
  new Date(Date.now() + days * 24 * 3600_000 + 9 * 3600_000).toISOString().slice(0, 10);

describe.each(languages)('a volunteer’s papers, in $lang', (language) => {
  const { words } = language;

  test('a coordinator finds the volunteer in the directory, is told what is missing, records the papers and sees them in order', async () => {
    const volunteer = await signIn(language, 'volunteer', phone);
    const { myVolunteerProfile: me } = await graphqlIn<{ myVolunteerProfile: { fullName: string } }>(
      volunteer,
      app().url,
      '{ myVolunteerProfile { fullName } }',
    );
    const coordinator = await signIn(language, 'coordinator');
    await coordinator.getByRole('link', { name: words.directory, exact: true }).click();
    await coordinator.getByRole('searchbox').fill(me.fullName);
    await coordinator.getByRole('button', { name: words.search, exact: true }).click();
    await coordinator.getByRole('link', { name: words.papersOf(me.fullName) }).click();
    await coordinator.getByRole('heading', { name: words.papersOf(me.fullName) }).waitFor();

    // Sent empty: the whole form is checked at once, the problem shown beside the renewal date.
    await coordinator.getByRole('button', { name: words.record, exact: true }).click();
    const renewal = coordinator.getByLabel(words.renewedOn);
    await expect.poll(() => renewal.getAttribute('aria-invalid')).toBe('true');
    expect(await coordinator.locator('.field-invalid').textContent()).toContain(words.missingAll);

    await renewal.fill(dateAhead(0));
    await coordinator.getByLabel(words.insuranceUntil).fill(dateAhead(200));
    await coordinator.getByRole('button', { name: words.record, exact: true }).click();
    await coordinator.getByRole('status').filter({ hasText: words.recorded }).waitFor();
    // The new standing, without a reload: both papers valid.
    for (const item of ['registration', 'insurance']) {
      await expect
        .poll(() => coordinator.locator(`.paper[data-item="${item}"] .state`).textContent())
        .toBe(words.valid);
    }
    expect(await coordinator.locator('.paper[data-item="registration"]').textContent()).toContain(words.registration);
    await coordinator.screenshot({ path: artifactPath(`coordinator-paperwork-${language.lang}.png`), fullPage: true });
  });

  test('the volunteer on a phone reads their papers, when each ends and what to do', async () => {
    const page = await signIn(language, 'volunteer', phone);
    await page.getByRole('link', { name: words.papers, exact: true }).click();
    await page.getByRole('heading', { name: words.papers, level: 1 }).waitFor();
    await page.getByText(words.reminderNote).waitFor();
    const registration = page.locator('.paper[data-item="registration"]');
    await registration.waitFor();
    expect(await registration.textContent()).toContain(words.registration);
    // Recorded by the coordinator in the test before: valid, nothing to do.
    expect(await registration.locator('.state').textContent()).toBe(words.valid);
    expect(await registration.textContent()).toContain(words.todo);
    // Phone first: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await page.screenshot({ path: artifactPath(`volunteer-paperwork-phone-${language.lang}.png`), fullPage: true });
  });
});
