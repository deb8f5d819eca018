import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { artifactPath, phone, signIn, useBrowser } from '../support/web';

const browser = useBrowser();

/** The requester's new request form, in the language of `locale`. */
async function newRequestForm(locale: 'ja-JP' | 'en-GB'): Promise<Page> {
  const page = await browser.openPage(locale);
  await signIn(page, browser.app().url, 'requester');
  // The account keeps the language last chosen (another test may have chosen English): choose it.
  await page.getByRole('button', { name: locale === 'ja-JP' ? '日本語' : 'English' }).click();
  await page.getByRole('link', { name: locale === 'ja-JP' ? '新しい依頼' : 'New request' }).click();
  await expect.poll(() => page.locator('#field-contactName').count()).toBe(1);
  return page;
}

/** Each field's message, as it shows beside the field. */
const besideEach = (page: Page, fields: string[]) =>
  Promise.all(
    fields.map(async (field) => [field, (await page.locator(`#field-${field}-error`).textContent())?.trim()]),
  );

const missing = ['startsAt', 'startTime', 'endsAt', 'languageCode', 'purpose', 'contactName', 'localGovernmentCode'];

describe('forms answer at once: every problem on the first submit, beside its field, in the reader’s words', () => {
  test('an empty request form, sent once, shows every missing field in Japanese', async () => {
    const page = await newRequestForm('ja-JP');
    await page.getByRole('button', { name: '依頼を送信する' }).click();

    const summary = page.getByRole('alert');
    await expect.poll(() => summary.textContent()).toContain('7件の問題があります');
    expect(await besideEach(page, missing)).toEqual([
      ['startsAt', '日付を選んでください。'],
      ['startTime', '開始時刻を入力してください。'],
      ['endsAt', '終了時刻を入力してください。'],
      ['languageCode', '言語を選んでください。'],
      ['purpose', '目的を選んでください。'],
      ['contactName', '担当者名を入力してください。'],
      ['localGovernmentCode', '場所の市区町村を入力してください。'],
    ]);
    for (const field of missing) {
      expect(await page.locator(`#field-${field}`).getAttribute('aria-invalid')).toBe('true');
    }
    // The summary follows the form from top to bottom and links each problem to its field.
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      '言語',
      '日付',
      '開始時刻',
      '終了時刻',
      '市区町村',
      '目的',
      '担当者名',
    ]);
    await page.screenshot({ path: artifactPath('request-form-empty-ja.png'), fullPage: true });

    // A missing start time alone is told at the start time, not at the date.
    await page.locator('#field-startsAt').fill('2030-05-14');
    await page.getByRole('button', { name: '依頼を送信する' }).click();
    await expect.poll(() => page.locator('#field-startsAt-error').count()).toBe(0);
    expect(await page.locator('#field-startTime-error').textContent()).toContain('開始時刻を入力してください。');
  });

  test('an empty request form, sent once, shows every missing field in English', async () => {
    const page = await newRequestForm('en-GB');
    await page.getByRole('button', { name: 'Send the request' }).click();

    await expect.poll(() => page.getByRole('alert').textContent()).toContain('There are 7 problems');
    expect(await besideEach(page, missing)).toEqual([
      ['startsAt', 'Choose a date.'],
      ['startTime', 'Enter the start time.'],
      ['endsAt', 'Enter the end time.'],
      ['languageCode', 'Choose a language.'],
      ['purpose', 'Choose a purpose.'],
      ['contactName', 'Enter a contact person.'],
      ['localGovernmentCode', 'Give the municipality of the place.'],
    ]);
    await page.screenshot({ path: artifactPath('request-form-empty-en.png'), fullPage: true });
  });

  test('a text field shows its limit as it is typed, and text beyond it is named in words, not cut', async () => {
    const page = await newRequestForm('ja-JP');
    const counter = page.locator('#field-venue-counter');
    expect(await counter.textContent()).toBe('0 / 200 文字');
    await page.locator('#field-venue').fill('大阪市役所 1階 市民相談室');
    expect(await counter.textContent()).toBe('14 / 200 文字');
    expect(await page.locator('#field-venue').getAttribute('aria-describedby')).toContain('field-venue-counter');

    await page.locator('#field-notes').fill('あ'.repeat(2001));
    expect(await page.locator('#field-notes-counter').textContent()).toBe('2,001 / 2,000 文字');
    await page.getByRole('button', { name: '依頼を送信する' }).click();
    await expect
      .poll(() => page.locator('#field-notes-error').textContent())
      .toContain('2,000文字以内で入力してください。');
    expect(await page.locator('#field-notes').inputValue()).toHaveLength(2001);
  });

  test('a rate schedule without its start date is told so at the date, not "unexpected error"', async () => {
    const admin = await browser.openPage('ja-JP');
    await signIn(admin, browser.app().url, 'admin');
    await admin.getByRole('link', { name: '謝金・費用の基準' }).click();
    const rates = admin.getByRole('region', { name: /の謝金・費用の基準$/ });
    await rates.getByRole('button', { name: '基準を追加する' }).click();
    const form = admin.getByRole('region', { name: '基準を追加する' });
    await form.getByRole('textbox', { name: 'メモ' }).fill('日付なし');
    await form.getByRole('button', { name: '基準を保存する' }).click();

    const date = form.getByLabel(/適用開始日/);
    await expect.poll(() => date.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('#field-effectiveFrom-error').textContent()).toContain('日付を選んでください。');
    expect(await form.getByRole('alert').textContent()).not.toContain('予期しないエラー');
    expect(await form.locator('#field-note-counter').textContent()).toBe('4 / 1,000 文字');
  });

  test('a volunteer’s numbers out of range are told their bound, not "use whole kilometres"', async () => {
    const page = await browser.openPage('ja-JP', phone);
    await signIn(page, browser.app().url, 'volunteer');
    const basics = page.getByRole('region', { name: '基本情報' });
    await basics.locator('#field-maxTravelKm').fill('-5');
    await basics.locator('#field-monthlyCap').fill('100000');
    await basics.getByRole('button', { name: '保存する' }).click();

    await expect
      .poll(() => basics.locator('#field-maxTravelKm-error').textContent())
      .toContain('0以上の数を入力してください。');
    expect(await basics.locator('#field-monthlyCap-error').textContent()).toContain('200以下の数を入力してください。');
    expect(await basics.locator('#field-fullName-counter').textContent()).toMatch(/^\d+ \/ 100 文字$/);
  });

  test('a policy’s numbers out of range are named at their fields before anything is sent', async () => {
    const admin = await browser.openPage('ja-JP');
    await signIn(admin, browser.app().url, 'admin');
    await admin.getByRole('link', { name: '運用ルール' }).click();
    const days = admin.getByLabel('何営業日前までに依頼するか');
    await days.fill('-5');
    await admin.getByRole('button', { name: '運用ルールを保存する' }).click();

    await expect.poll(() => days.getAttribute('aria-invalid')).toBe('true');
    expect(await admin.locator('#field-leadTime-minimumBusinessDays-error').textContent()).toContain(
      '0以上の数を入力してください。',
    );
    expect(await admin.getByRole('alert').textContent()).not.toMatch(/leadTime|expected|予期しない/);
  });
});
