import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { demoPassword, graphqlIn, signIn, useBrowser } from '../support/web';

const browser = useBrowser();
const url = () => browser.app().url;

/** The demo association's prefectural office: a prefecture bears its costs (db/src/seed/demo.ts). */
const prefecturalRequester = 'prefectural-requester@demo.example.jp';

type Locale = 'ja-JP' | 'en-GB';
const words = {
  'ja-JP': {
    language: '日本語',
    newRequest: '新しい依頼',
    purpose: '目的',
    consultation: '相談窓口',
    suggested: '目安どおり（区分G その他の外国人住民支援（普通交付税））',
    measure: '都道府県が負担する場合、普通交付税の対象です。',
    category1: '区分1 行政・生活情報の多言語化',
    flag: '区分1（行政・生活情報の多言語化）は、表では都道府県が負担できません。',
    takeG: '区分Gにする',
    send: '依頼を送信する',
    changeTo: '別の区分にする',
    categoryN: '区分N 対象外',
    notClaimed: '交付税の対象にはなりません（区分N）。',
    categoryG: '区分G その他の外国人住民支援（普通交付税）',
    taken: '区分を変更しました。',
  },
  'en-GB': {
    language: 'English',
    newRequest: 'New request',
    purpose: 'Purpose',
    consultation: 'Consultation desk',
    suggested: 'As suggested (category G, Other support for foreign residents (ordinary grant tax))',
    measure: 'Borne by a prefecture, it is claimed under the ordinary grant tax.',
    category1: 'Category 1, Multilingual administrative and living information',
    flag: 'Category 1 (Multilingual administrative and living information) cannot be borne by a prefecture under the table.',
    takeG: 'Take category G',
    send: 'Send the request',
    changeTo: 'Change to',
    categoryN: 'Category N, Not eligible',
    notClaimed: 'It is claimed under no grant tax (category N).',
    categoryG: 'Category G, Other support for foreign residents (ordinary grant tax)',
    taken: 'The category has been changed.',
  },
} as const;

/** Signs in as the prefectural office's staff, in the page's language. */
async function signInAsPrefecture(locale: Locale): Promise<Page> {
  const page = await browser.openPage(locale);
  await page.goto(`${url()}/`);
  await page.waitForURL('**/sign-in');
  await page.getByRole('textbox', { name: /メールアドレス|E-mail address/ }).fill(prefecturalRequester);
  await page.keyboard.press('Tab');
  await page.keyboard.type(demoPassword);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/requester');
  await page.getByRole('button', { name: words[locale].language, exact: true }).click();
  return page;
}

/** A consultation next week at the prefectural office, filed under N (claimed under no grant tax). */
async function fileUnclaimed(page: Page): Promise<string> {
  const start = new Date(Date.now() + 9 * 24 * 3_600_000);
  start.setUTCHours(1, 0, 0, 0);
  const { fileRequest } = await graphqlIn<{ fileRequest: { __typename: string; data?: { id: string } } }>(
    page,
    url(),
    `mutation ($input: RequestInput!) {
      fileRequest(input: $input) { __typename ... on MutationFileRequestSuccess { data { id } } }
    }`,
    {
      input: {
        modality: 'on_site',
        languageCode: 'vi',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
        localGovernmentCode: '272035',
        venue: '大阪府庁 相談コーナー',
        purpose: 'consultation_desk',
        contactName: '府庁 花子',
        grantTaxCategory: 'N',
      },
    },
  );
  expect(fileRequest.__typename).toBe('MutationFileRequestSuccess');
  return (
    Buffer.from(fileRequest.data?.id ?? '', 'base64')
      .toString('utf8')
      .split(':')[1] ?? ''
  );
}

describe.each(['ja-JP', 'en-GB'] as const)('the grant-tax category where it is chosen (%s)', (locale) => {
  const say = words[locale];

  test('a prefectural office filing a consultation sees G suggested with its measure, is warned off 1 in words, and takes G in one click', async () => {
    const page = await signInAsPrefecture(locale);
    await page.getByRole('link', { name: say.newRequest }).click();
    await page.getByLabel(say.purpose).selectOption('consultation_desk');

    const category = page.locator('#field-grantTaxCategory');
    expect(await category.locator('option:checked').textContent()).toBe(say.suggested);
    expect(await page.locator('main').textContent()).toContain(say.measure);

    await category.selectOption({ label: say.category1 });
    const warning = page.getByRole('alert');
    await expect.poll(() => warning.textContent()).toContain(say.flag);

    // Sent as it is, the form says so beside the field, before anything reaches the API.
    await page.getByRole('button', { name: say.send }).click();
    await expect.poll(() => page.locator('#field-grantTaxCategory-error').textContent()).toContain(say.flag);

    await page.getByRole('button', { name: say.takeG }).click();
    expect(await category.inputValue()).toBe('G');
    // The warning goes at once; the problem beside the field stays until the form is sent again.
    expect(await page.locator('.notice-warn').count()).toBe(0);
    // Sent again, the category is no problem any more (the fields left empty still are).
    await page.getByRole('button', { name: say.send }).click();
    await expect.poll(() => page.locator('#field-grantTaxCategory-error').count()).toBe(0);
    expect(await page.locator('#field-contactName-error').count()).toBe(1);
    expect(await page.locator('main').textContent()).not.toContain(say.flag);
  });

  test('at screening, the coordinator sees the category and its measure, is warned off 1 for a prefecture, and takes G in one click', async () => {
    const requester = await signInAsPrefecture(locale);
    const requestId = await fileUnclaimed(requester);

    const page = await browser.openPage(locale);
    await signIn(page, url(), 'coordinator');
    await page.getByRole('button', { name: say.language, exact: true }).click();
    await page.goto(`${url()}/coordinator/requests/${requestId}`);
    const review = page.getByRole('region', { name: locale === 'ja-JP' ? '特別交付税の区分' : 'Grant-tax category' });
    await expect.poll(() => review.textContent()).toContain(say.categoryN);
    expect(await review.textContent()).toContain(say.notClaimed);

    await review.getByLabel(say.changeTo).selectOption({ label: say.category1 });
    await expect.poll(() => review.getByRole('alert').textContent()).toContain(say.flag);
    await review.getByRole('button', { name: say.takeG }).click();

    await expect.poll(() => review.textContent()).toContain(say.measure);
    expect(await review.locator('p').first().textContent()).toContain(say.categoryG);
    expect(await review.textContent()).not.toContain(say.flag);
    const { node } = await graphqlIn<{ node: { grantTax: { category: string } } }>(
      page,
      url(),
      'query ($id: ID!) { node(id: $id) { ... on Request { grantTax { category } } } }',
      { id: Buffer.from(`Request:${requestId}`).toString('base64') },
    );
    expect(node.grantTax.category).toBe('G');
  });
});
