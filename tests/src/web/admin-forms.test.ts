import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { signIn, useBrowser } from '../support/web';

const browser = useBrowser();

async function adminPage(locale: 'ja-JP' | 'en-GB'): Promise<Page> {
  const page = await browser.openPage(locale);
  await signIn(page, browser.app().url, 'admin');
  // The account keeps the language last chosen (another test may have chosen the other): choose it.
  await page.getByRole('button', { name: locale === 'ja-JP' ? '日本語' : 'English' }).click();
  return page;
}

const words = {
  'ja-JP': {
    inviteTitle: '招待する',
    role: '役割',
    requester: '依頼機関の職員',
    invite: '招待メールを送る',
    email: '正しいメールアドレスを入力してください。',
    organization: 'この方が所属する団体を選んでください。',
    counter: '0 / 254 文字',
    partnersLink: '連携協会',
    partners: /の連携$/,
    propose: '申し入れる',
    partner: '連携を申し入れる協会を選んでください。',
  },
  'en-GB': {
    inviteTitle: 'Invite someone',
    role: 'Role',
    requester: 'Requesting staff',
    invite: 'Send the invitation',
    email: 'Enter a valid e-mail address.',
    organization: 'Choose the organization the person will work for.',
    counter: '0 / 254 characters',
    partnersLink: 'Partners',
    partners: /^Partnerships of /,
    propose: 'Propose',
    partner: 'Choose the association to propose a partnership to.',
  },
} as const;

describe('the admin’s forms answer at once by the API’s rules, in the reader’s language', () => {
  for (const locale of ['ja-JP', 'en-GB'] as const) {
    const w = words[locale];

    test(`an empty invitation of requesting staff shows every problem beside its field (${locale})`, async () => {
      const page = await adminPage(locale);
      const form = page.getByRole('region', { name: w.inviteTitle });
      await form.getByLabel(w.role).selectOption({ label: w.requester });
      expect(await form.locator('#field-email-counter').textContent()).toBe(w.counter);
      await form.getByRole('button', { name: w.invite }).click();

      await expect.poll(() => form.locator('#field-email-error').textContent()).toContain(w.email);
      expect(await form.locator('#field-organizationId-error').textContent()).toContain(w.organization);
      expect(await form.getByLabel(/メールアドレス|E-mail/).getAttribute('aria-invalid')).toBe('true');
      if (locale === 'en-GB') expect(await form.textContent()).not.toMatch(/[\u3040-\u30ff]/);
    }, 120_000);

    test(`a partnership proposed without a partner is told so at the field (${locale})`, async () => {
      const page = await adminPage(locale);
      await page.getByRole('link', { name: w.partnersLink, exact: true }).click();
      const partners = page.getByRole('region', { name: w.partners }).first();
      await partners.getByRole('button', { name: w.propose, exact: true }).click();

      await expect.poll(() => partners.locator('[id$="-error"]').first().textContent()).toContain(w.partner);
      expect(await partners.getByRole('status').count()).toBe(0);
    }, 120_000);
  }
});
