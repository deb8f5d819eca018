import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { artifactPath, graphqlIn, useBrowser } from '../support/web';

const browser = useBrowser();
const app = browser.app;

const languages = [
  {
    lang: 'ja',
    locale: 'ja-JP',
    button: '日本語',
    amount: 4400,
    words: {
      title: '請求書',
      association: '協会',
      registrationNumber: /^適格請求書発行事業者の登録番号/,
      savePolicy: '運用ルールを保存する',
      checkDigit: '検査用数字',
      policySaved: '運用ルールを保存しました。',
      month: '対象月',
      pending: 'これから発行する請求書',
      issuedTitle: '発行した請求書',
      issue: '発行する',
      issued: /^請求書 (\d{4}-\d{5}) を発行しました。$/,
      reissue: '訂正して再発行',
      markPaid: '入金済みにする',
      paid: '入金済み',
      superseded: '訂正済み',
      corrects: (number: string) => `${number} の訂正`,
      download: 'PDF をダウンロード',
      yen: '4,400円',
    },
  },
  {
    lang: 'en',
    locale: 'en-GB',
    button: 'English',
    amount: 5500,
    words: {
      title: 'Invoices',
      association: 'Association',
      registrationNumber: /^Qualified invoice registration number/,
      savePolicy: 'Save the policy',
      checkDigit: 'does not check',
      policySaved: 'The policy has been saved.',
      month: 'Month',
      pending: 'Invoices to issue',
      issuedTitle: 'Invoices issued',
      issue: 'Issue',
      issued: /^Invoice (\d{4}-\d{5}) issued\.$/,
      reissue: 'Correct and reissue',
      markPaid: 'Mark paid',
      paid: 'Paid',
      superseded: 'Superseded',
      corrects: (number: string) => `corrects ${number}`,
      download: 'Download PDF',
      yen: '¥5,500',
    },
  },
] as const;

const signIn = browser.openSignedIn;

interface Booked {
  organization: { name: string; association: { id: string } };
  assignments: Array<{ id: string }>;
}

/**
 * Behind the story: an approved line the demo requester's office pays, on one of its bookings. Returns the office's name and the line's month.
 */
async function arrange(requester: Page, coordinator: Page, amountYen: number) {
  const { requests } = await graphqlIn<{ requests: { nodes: Array<{ id: string }> } }>(
    requester,
    app().url,
    '{ requests(first: 100) { nodes { id } } }',
  );
  let booked: (Booked & { id: string }) | undefined;
  for (const { id } of requests.nodes) {
    const { node } = await graphqlIn<{ node: Booked }>(
      coordinator,
      app().url,
      'query ($id: ID!) { node(id: $id) { ... on Request { organization { name association { id } } assignments { id } } } }',
      { id },
    );
    if (node.assignments.length > 0) {
      booked = { ...node, id };
      break;
    }
  }
  if (!booked) throw new Error('the demo requester has no booked request');
  const created = await graphqlIn<{ createExpenseLine: { data: { id: string; activityDate: string } } }>(
    coordinator,
    app().url,
    `mutation ($input: ExpenseLineInput!) {
      createExpenseLine(input: $input) { __typename ... on MutationCreateExpenseLineSuccess { data { id activityDate } } ... on Error { message } }
    }`,
    {
      input: {
        // The input takes the assignment as stored; the node gives its global ID.
        assignmentId: Buffer.from(booked.assignments[0]?.id ?? '', 'base64')
          .toString()
          .split(':')[1],
        kind: 'honorarium',
        amountYen,
        payer: 'requester',
      },
    },
  );
  const line = created.createExpenseLine.data;
  if (!line) throw new Error(`no line: ${JSON.stringify(created)}`);
  for (const to of ['submitted', 'approved']) {
    await graphqlIn(
      coordinator,
      app().url,
      `mutation ($ids: [ID!]!) { advanceExpenseLines(lineIds: $ids, to: ${to}) { __typename } }`,
      { ids: [line.id] },
    );
  }
  return {
    office: booked.organization.name,
    associationId: booked.organization.association.id,
    month: line.activityDate.slice(0, 7),
  };
}

describe.each(languages)('invoices through the browser, in $lang', (language) => {
  const { words } = language;

  test('a coordinator issues a month’s invoice, corrects it and marks it paid; the office downloads its PDF', async () => {
    const requester = await signIn(language, 'requester');
    const coordinator = await signIn(language, 'coordinator');
    const admin = await signIn(language, 'admin');
    const { office, associationId, month } = await arrange(requester, coordinator, language.amount);

    // The admin enters the registration number; a mistyped digit is refused beside the field.
    await admin.goto(`${app().url}/admin/policy`);
    const number = admin.getByRole('textbox', { name: words.registrationNumber }).first();
    await expect.poll(() => number.count(), { timeout: 20_000 }).toBe(1);
    await number.fill('T7123456789013');
    await admin.getByRole('button', { name: words.savePolicy }).first().click();
    await expect
      .poll(() => admin.locator('.field-error').first().textContent(), { timeout: 20_000 })
      .toContain(words.checkDigit);
    await number.fill('T7123456789012');
    await admin.getByRole('button', { name: words.savePolicy }).first().click();
    await expect
      .poll(() => admin.getByRole('status').first().textContent(), { timeout: 20_000 })
      .toBe(words.policySaved);

    await coordinator.goto(`${app().url}/coordinator/invoices`);
    await expect.poll(() => coordinator.getByRole('heading', { level: 1 }).textContent()).toBe(words.title);
    const associations = coordinator.getByLabel(words.association, { exact: true });
    if ((await associations.count()) > 0) await associations.first().selectOption(associationId);
    await coordinator.getByLabel(words.month).selectOption(month);
    const pending = coordinator.getByRole('region', { name: words.pending });
    const row = pending.locator('tr', { hasText: office });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    expect(await row.textContent()).toContain(words.yen);
    await row.getByRole('button', { name: words.issue }).click();
    const status = coordinator.getByRole('status').filter({ hasText: words.issued });
    await expect.poll(() => status.count(), { timeout: 20_000 }).toBe(1);
    const first = words.issued.exec((await status.textContent()) ?? '')?.[1] ?? '';

    const issued = coordinator.getByRole('region', { name: words.issuedTitle });
    const firstRow = issued.locator('tr', { hasText: first }).filter({ hasNotText: words.corrects(first) });
    await expect.poll(() => firstRow.count(), { timeout: 20_000 }).toBe(1);
    await firstRow.getByRole('button', { name: words.reissue }).click();
    const correction = issued.locator('tr', { hasText: words.corrects(first) });
    await expect.poll(() => correction.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => firstRow.textContent()).toContain(words.superseded);
    await correction.getByRole('button', { name: words.markPaid }).click();
    // The button's own label holds the word for paid: wait for it to go, then read the status.
    await expect
      .poll(() => correction.getByRole('button', { name: words.markPaid }).count(), { timeout: 20_000 })
      .toBe(0);
    expect(await correction.textContent()).toContain(words.paid);
    await coordinator.screenshot({ path: artifactPath(`coordinator-invoices-${language.lang}.png`), fullPage: true });

    await requester.goto(`${app().url}/requester/invoices`);
    await expect.poll(() => requester.getByRole('heading', { level: 1 }).textContent()).toBe(words.title);
    const own = requester.locator('tr', { hasText: words.corrects(first) });
    await expect.poll(() => own.count(), { timeout: 20_000 }).toBe(1);
    const link = own.getByRole('link', { name: words.download });
    const href = (await link.getAttribute('href')) ?? '';
    expect(await link.getAttribute('download')).toMatch(/^請求書_\d{4}-\d{5}\.pdf$/);
    const pdf = await requester.request.get(`${app().url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toContain("filename*=UTF-8''%E8%AB%8B%E6%B1%82%E6%9B%B8_");
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await requester.screenshot({ path: artifactPath(`requester-invoices-${language.lang}.png`), fullPage: true });
  }, 180_000);
});
