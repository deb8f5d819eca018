import { describe, expect, test } from 'vitest';
import { useBrowser } from '../support/web';

const browser = useBrowser();
const url = () => browser.app().url;

const languages = [
  {
    locale: 'ja-JP' as const,
    words: {
      volunteerLink: '通訳・翻訳ボランティアとして登録を申し込む',
      organizationLink: '依頼する団体（自治体・学校・病院など）として利用を申し込む',
      apply: '申し込む',
      chooseAssociation: '協会を選んでください。',
      fullName: '氏名を入力してください。',
      email: '正しいメールアドレスを入力してください。',
      password: '10文字以上で入力してください。',
      code: '6桁の地方公共団体コードを入力してください。',
      organizationName: '団体名を入力してください。',
      kind: '団体の種類を選んでください。',
      counter: '4 / 100 文字',
      received: '申し込みを受け付けました',
      approves: 'コーディネーターが内容を確認し',
      alreadyRegistered: 'すでに登録されている場合は',
    },
  },
  {
    locale: 'en-GB' as const,
    words: {
      volunteerLink: 'Apply to volunteer as an interpreter or translator',
      organizationLink: 'Apply as an organization that asks for interpreters (a city office, school, hospital…)',
      apply: 'Apply',
      chooseAssociation: 'Choose an association.',
      fullName: 'Enter your full name.',
      email: 'Enter a valid e-mail address.',
      password: 'Use at least 10 characters.',
      code: 'Use the six-digit local government code.',
      organizationName: 'Enter the name of the organization.',
      kind: 'Choose the kind of organization.',
      counter: '4 / 100 characters',
      received: 'Your application has been received',
      approves: 'A coordinator of the association will look at it',
      alreadyRegistered: 'already has an account',
    },
  },
];

describe.each(languages)('public sign-up pages in $locale', ({ locale, words }) => {
  test('a volunteer applies from the sign-in page: an empty form shows every problem at once, then a truthful confirmation', async () => {
    const page = await browser.openPage(locale);
    await page.goto(`${url()}/sign-in`);
    await page.getByRole('link', { name: words.volunteerLink }).click();
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/sign-up/volunteer');
    await page.getByRole('button', { name: words.apply, exact: true }).click();
    const problems = () => page.locator('.field-invalid .field-error').allTextContents();
    await expect
      .poll(async () => (await problems()).join('\n'))
      .toMatch(new RegExp([words.chooseAssociation, words.fullName, words.email, words.password].join('[^]*')));
    expect((await problems()).join('\n')).toContain(words.code);
    // The full name shows its limit before it is hit.
    await page.locator('#field-fullName').fill('山田花子');
    expect(await page.locator('#field-fullName-counter').textContent()).toBe(words.counter);

    await page.locator('#field-associationId').selectOption({ index: 1 });
    await page.locator('#field-email').fill(`sign-up-${locale}@example.jp`);
    await page.locator('#field-password').fill('a-long-enough-password');
    await page.locator('#field-homeLocalGovernmentCode-prefecture').selectOption('27');
    await page.locator('#field-homeLocalGovernmentCode').selectOption('272035');
    await page.getByRole('button', { name: words.apply, exact: true }).click();
    await expect.poll(() => page.evaluate(() => location.pathname), { timeout: 20_000 }).toBe('/sign-up/received');
    const said = await page.locator('main').textContent();
    expect(said).toContain(words.received);
    expect(said).toContain(words.approves);
    expect(said).toContain(words.alreadyRegistered);
  });

  test('an organization applies: every problem beside its field, then the same confirmation for a registered address', async () => {
    const page = await browser.openPage(locale);
    await page.goto(`${url()}/sign-in`);
    await page.getByRole('link', { name: words.organizationLink }).click();
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/sign-up/organization');
    await page.getByRole('button', { name: words.apply, exact: true }).click();
    const problems = () => page.locator('.field-invalid .field-error').allTextContents();
    await expect.poll(async () => (await problems()).join('\n')).toContain(words.organizationName);
    expect((await problems()).join('\n')).toContain(words.kind);

    await page.locator('#field-associationId').selectOption({ index: 1 });
    await page.locator('#field-name').fill('豊中市 国際交流課');
    await page.locator('#field-type').selectOption('municipality');
    await page.locator('#field-localGovernmentCode-prefecture').selectOption('27');
    await page.locator('#field-localGovernmentCode').selectOption('272035');
    await page.locator('#field-contactName').fill('窓口 一郎');
    await page.locator('#field-contactEmail').fill('kokusai@example.jp');
    await page.locator('#field-staff-displayName').fill('窓口 一郎');
    // The demo requester's address: the answer does not tell that it is registered.
    await page.locator('#field-staff-email').fill('requester@demo.example.jp');
    await page.locator('#field-staff-password').fill('a-long-enough-password');
    await page.getByRole('button', { name: words.apply, exact: true }).click();
    await expect.poll(() => page.evaluate(() => location.pathname), { timeout: 20_000 }).toBe('/sign-up/received');
    expect(await page.locator('main').textContent()).toContain(words.received);
  });
});
