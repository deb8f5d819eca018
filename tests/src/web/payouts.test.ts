import { readFile } from 'node:fs/promises';
import { zenginRecordsOf } from '@tsunagu/domain';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { artifactPath, graphqlIn, phone, useBrowser } from '../support/web';

const browser = useBrowser();
const app = browser.app;

const languages = [
  {
    lang: 'ja',
    locale: 'ja-JP',
    button: '日本語',
    amount: 12_000,
    words: {
      honorariaTitle: '謝金・交通費',
      bankSearch: '金融機関を探す',
      bank: /^金融機関/,
      branchSearch: '支店を探す',
      branch: /^支店/,
      accountNumber: /^口座番号/,
      holderKana: /^口座名義（カナ）/,
      holderKanaRefused: '名義は通帳のとおりカタカナで入力してください。',
      save: '保存する',
      saved: '振込先を保存しました。',
      fiscalYear: '年度',
      payoutsTitle: '謝金の支払',
      month: '対象月',
      build: 'この月の支払を作成する',
      runTitle: (year: number, month: number) => `${year}年${month}月分の支払`,
      built: '作成済み',
      approved: '承認済み',
      transferred: '振込済み',
      approve: '承認する',
      download: '振込ファイルをダウンロード',
      confirm: '振込済みにする',
      transfers: 'この年の支払いと源泉徴収',
      paid: '支払済み',
      correct: '訂正する',
      correctReason: /^訂正の理由/,
      correctYes: '訂正の支払を作成する',
      correctionTitle: (year: number, month: number) => `訂正：${year}年${month}月分`,
      noFile: '返金は振込ではないため、振込ファイルはありません。',
      confirmCorrection: '訂正を確定する',
      corrected: '訂正確定',
      yen: (amount: number) => `${new Intl.NumberFormat('ja-JP').format(amount)}円`,
    },
  },
  {
    lang: 'en',
    locale: 'en-GB',
    button: 'English',
    amount: 15_000,
    words: {
      honorariaTitle: 'Honoraria and fares',
      bankSearch: 'Find your bank',
      bank: /^Bank/,
      branchSearch: 'Find the branch',
      branch: /^Branch/,
      accountNumber: /^Account number/,
      holderKana: /^Account holder \(kana\)/,
      holderKanaRefused: 'Write the name in katakana, as on the bankbook.',
      save: 'Save',
      saved: 'Your account has been saved.',
      fiscalYear: 'Fiscal year',
      payoutsTitle: 'Payouts',
      month: 'Month',
      build: 'Build this month’s run',
      runTitle: (year: number, month: number) =>
        `Payments for ${new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1))}`,
      built: 'Built',
      approved: 'Approved',
      transferred: 'Transferred',
      approve: 'Approve',
      download: 'Download the transfer file',
      confirm: 'Confirm the transfer',
      transfers: 'This year’s payments and tax withheld',
      paid: 'Paid',
      correct: 'Correct',
      correctReason: /^Reason for the correction/,
      correctYes: 'Build the correction',
      correctionTitle: (year: number, month: number) =>
        `Correction for ${new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1))}`,
      noFile: 'Money paid back is not a transfer: there is no transfer file.',
      confirmCorrection: 'Confirm the correction',
      corrected: 'Corrected',
      yen: (amount: number) => `¥${new Intl.NumberFormat('en-GB').format(amount)}`,
    },
  },
] as const;

type Language = (typeof languages)[number];

const signIn = browser.openSignedIn;

/**
 * Behind the story: the admin makes the demo coordinator payout staff and enters the association's
 * own account; the coordinator enters a fee on one of the demo volunteer's past bookings and
 * approves it. Returns the line's day.
 */
async function arrange(volunteer: Page, coordinator: Page, admin: Page, amountYen: number) {
  const { me } = await graphqlIn<{ me: { id: string } }>(coordinator, app().url, '{ me { id } }');
  const { associations } = await graphqlIn<{ associations: Array<{ id: string; policy: unknown }> }>(
    coordinator,
    app().url,
    '{ associations { id policy { __typename } } }',
  );
  const associationId = associations.find((association) => association.policy !== null)?.id;
  if (!associationId) throw new Error('the demo coordinator coordinates no association');
  await graphqlIn(
    admin,
    app().url,
    'mutation ($a: ID!, $u: ID!) { setPayoutRole(associationId: $a, userId: $u, granted: true) { __typename } }',
    { a: associationId, u: me.id },
  );
  await graphqlIn(
    admin,
    app().url,
    `mutation ($a: ID!) { savePayoutSettings(associationId: $a, requesterCode: "1234567890", requesterKana: "ツナグキョウカイ",
       bankCode: "0005", branchCode: "001", accountType: ordinary, accountNumber: "7654321", withholdOnTransport: true) { __typename } }`,
    { a: associationId },
  );
  const { myAssignments } = await graphqlIn<{
    myAssignments: { nodes: Array<{ storedId: string; request: { startsAt: string | null } }> };
  }>(volunteer, app().url, '{ myAssignments(first: 100) { nodes { storedId request { startsAt } } } }');
  const now = Date.now();
  const past = myAssignments.nodes
    .filter((node) => node.request.startsAt && Date.parse(node.request.startsAt) < now)
    .sort((a, b) => Date.parse(b.request.startsAt ?? '') - Date.parse(a.request.startsAt ?? ''));
  for (const assignment of past) {
    const created = await graphqlIn<{ createExpenseLine: { data?: { id: string; activityDate: string } } }>(
      coordinator,
      app().url,
      `mutation ($input: ExpenseLineInput!) {
        createExpenseLine(input: $input) { __typename ... on MutationCreateExpenseLineSuccess { data { id activityDate } } }
      }`,
      { input: { assignmentId: assignment.storedId, kind: 'honorarium', amountYen, payer: 'association' } },
    );
    const line = created.createExpenseLine.data;
    // A booking of a closed fiscal period, or of another association, takes no new line: try the next.
    if (!line) continue;
    for (const to of ['submitted', 'approved']) {
      await graphqlIn(
        coordinator,
        app().url,
        `mutation ($ids: [ID!]!) { advanceExpenseLines(lineIds: $ids, to: ${to}) { __typename } }`,
        { ids: [line.id] },
      );
    }
    return line.activityDate;
  }
  throw new Error('no past booking of the demo volunteer takes a line');
}

/** The volunteer enters their account on their honoraria page, on a phone; a name not in kana is refused beside it. */
async function enterAccount(volunteer: Page, language: Language) {
  const { words } = language;
  await volunteer.goto(`${app().url}/volunteer/honoraria`);
  await expect.poll(() => volunteer.getByRole('heading', { level: 1 }).textContent()).toBe(words.honorariaTitle);
  const form = volunteer.locator('section', { has: volunteer.locator('#payout-details-title') });
  await form.getByRole('searchbox', { name: words.bankSearch }).fill('みずほ');
  const bank = form.getByRole('combobox', { name: words.bank });
  await expect.poll(() => bank.locator('option[value="0001"]').count(), { timeout: 20_000 }).toBe(1);
  await bank.selectOption('0001');
  await form.getByRole('searchbox', { name: words.branchSearch }).fill('001');
  const branch = form.getByRole('combobox', { name: words.branch });
  await expect.poll(() => branch.locator('option[value="001"]').count(), { timeout: 20_000 }).toBe(1);
  await branch.selectOption('001');
  await form.getByRole('textbox', { name: words.accountNumber }).fill('1234567');
  const holder = form.getByRole('textbox', { name: words.holderKana });
  await holder.fill('山田 太郎');
  await form.getByRole('button', { name: words.save, exact: true }).click();
  await expect
    .poll(() => form.locator('#field-account-holderKana-error').textContent(), { timeout: 20_000 })
    .toContain(words.holderKanaRefused);
  await holder.fill('ﾔﾏﾀﾞ ﾀﾛｳ');
  await form.getByRole('button', { name: words.save, exact: true }).click();
  await expect.poll(() => form.getByRole('status').textContent(), { timeout: 20_000 }).toBe(words.saved);
  // On a phone, nothing of the form runs off the screen.
  expect(await volunteer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  await volunteer.screenshot({ path: artifactPath(`payout-details-${language.lang}.png`), fullPage: true });
}

const fiscalYearOf = (day: string) => {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return month >= 4 ? year : year - 1;
};

describe.each(languages)('payouts through the browser, in $lang', (language) => {
  const { words } = language;

  test('a month’s approved lines are built into a run, approved, downloaded as a Zengin file, confirmed, and show paid to the volunteer with the tax withheld', async () => {
    const volunteer = await signIn(language, 'volunteer', phone);
    const coordinator = await signIn(language, 'coordinator');
    const admin = await signIn(language, 'admin');
    await enterAccount(volunteer, language);
    const day = await arrange(volunteer, coordinator, admin, language.amount);
    const [year, month] = day.split('-').map(Number) as [number, number];

    await coordinator.goto(`${app().url}/coordinator/payouts`);
    await expect.poll(() => coordinator.getByRole('heading', { level: 1 }).textContent()).toBe(words.payoutsTitle);
    await coordinator.getByRole('combobox', { name: words.month }).selectOption(day.slice(0, 7));
    await coordinator.getByRole('button', { name: words.build }).click();
    // Each language's run of the month is its own: the other language's is transferred already.
    const ofMonth = coordinator.getByRole('listitem', { name: words.runTitle(year, month) });
    const run = (status: string) => ofMonth.filter({ has: coordinator.locator('.status', { hasText: status }) });
    await expect.poll(() => run(words.built).count(), { timeout: 30_000 }).toBe(1);
    await run(words.built).getByRole('button', { name: words.approve }).click();
    await expect.poll(() => run(words.approved).count(), { timeout: 30_000 }).toBe(1);
    const approved = run(words.approved);

    const cells = async (row: ReturnType<Page['locator']>) =>
      (await row.locator('td').allTextContents()).map((text) => text.trim());
    const [lines, gross, withheld, net] = await cells(approved.locator('tfoot tr'));
    // Only the demo volunteer has an account: the others are left out of the run.
    const payments = await approved.locator('tbody tr').count();
    expect(payments).toBe(1);
    expect(Number(lines)).toBeGreaterThan(0);

    const [download] = await Promise.all([
      coordinator.waitForEvent('download'),
      approved.getByRole('link', { name: words.download }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^zengin-\d{4}-\d{2}-[0-9a-f]{8}\.txt$/);
    const bytes = new Uint8Array(await readFile((await download.path()) ?? ''));
    const records = zenginRecordsOf(bytes);
    // Header, one data record per payment, trailer, end: 120 bytes each, every one ending in CR LF.
    expect(records.map((record) => record.length)).toEqual(Array(payments + 3).fill(120));
    expect(bytes.length).toBe(records.length * 122);
    const text = (record: Uint8Array | undefined) => new TextDecoder('shift_jis').decode(record);
    expect(records.map((record) => text(record)[0])).toEqual(['1', ...Array(payments).fill('2'), '8', '9']);
    const trailer = text(records[payments + 1]);
    expect(Number(trailer.slice(1, 7))).toBe(payments);
    expect(words.yen(Number(trailer.slice(7, 19)))).toBe(net);
    expect(gross).not.toBe(net);

    await approved.getByRole('button', { name: words.confirm }).click();
    await expect.poll(() => approved.getByRole('button', { name: words.confirm }).count(), { timeout: 30_000 }).toBe(0);
    await coordinator.screenshot({ path: artifactPath(`payout-runs-${language.lang}.png`), fullPage: true });

    await volunteer.goto(`${app().url}/volunteer/honoraria`);
    await volunteer.getByLabel(words.fiscalYear).selectOption(String(fiscalYearOf(day)));
    // The calendar year's transfers (the run is transferred today): one list, per association.
    const transfers = volunteer.getByRole('region', { name: words.transfers });
    const transfer = transfers
      .locator('tbody tr')
      .filter({ hasText: withheld ?? '' })
      .filter({ hasText: net ?? '' });
    await expect.poll(() => transfer.count(), { timeout: 30_000 }).toBe(1);
    const paidLine = volunteer.locator('tr', { hasText: words.yen(language.amount) }).filter({ hasText: words.paid });
    await expect.poll(() => paidLine.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await volunteer.screenshot({ path: artifactPath(`honoraria-paid-${language.lang}.png`), fullPage: true });

    // The confirmed run is corrected by a run of its own that refers to it, and has no transfer file.
    // The other language's run of the month may be there too, corrected already: this one is found by its net.
    const netYen = Number((net ?? '').replace(/\D/g, ''));
    const transferred = ofMonth
      .filter({ has: coordinator.locator('.status', { hasText: words.transferred }) })
      .filter({ hasText: net ?? '' });
    await transferred.getByRole('button', { name: words.correct, exact: true }).click();
    await transferred.getByRole('textbox', { name: words.correctReason }).fill('金額の誤り / wrong amount');
    await transferred.getByRole('button', { name: words.correctYes }).click();
    const correction = coordinator
      .getByRole('listitem', { name: words.correctionTitle(year, month) })
      .filter({ hasText: words.yen(-netYen) });
    await expect.poll(() => correction.count(), { timeout: 30_000 }).toBe(1);
    expect(await correction.textContent()).toContain(words.noFile);
    expect(await correction.textContent()).toContain('金額の誤り / wrong amount');
    expect(await correction.getByRole('link', { name: words.download }).count()).toBe(0);
    const [, , correctedNet] = (await correction.locator('tfoot td').allTextContents()).slice(1);
    expect(correctedNet?.trim()).toBe(words.yen(-netYen));
    await correction.getByRole('button', { name: words.approve }).click();
    await correction.getByRole('button', { name: words.confirmCorrection }).click();
    await expect.poll(() => correction.locator('.status').textContent(), { timeout: 30_000 }).toBe(words.corrected);
    await coordinator.screenshot({ path: artifactPath(`payout-correction-${language.lang}.png`), fullPage: true });
  }, 240_000);
});
