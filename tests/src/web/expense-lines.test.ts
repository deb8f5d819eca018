import { describe, expect, test } from 'vitest';
import { artifactPath, graphqlIn, useBrowser } from '../support/web';

const browser = useBrowser();
const app = browser.app;

/** Japan's fiscal year of today (April to March), as the reconciliation opens on it. */
function currentFiscalYear(): number {
  const japan = new Date(Date.now() + 9 * 60 * 60 * 1000);
  return japan.getUTCMonth() >= 3 ? japan.getUTCFullYear() : japan.getUTCFullYear() - 1;
}

/** The words the stories click and read, in each language; each language uses its own amounts and months. */
const languages = [
  {
    lang: 'ja',
    locale: 'ja-JP',
    button: '日本語',
    amount: 1200,
    corrected: 1500,
    month: 3,
    words: {
      panel: '経費明細',
      addLine: /^明細を追加する/,
      amount: /^金額/,
      note: /^備考/,
      reason: /^理由/,
      saveLine: '明細を保存する',
      save: '保存する',
      wholeYen: '金額は円単位の整数で入力してください。',
      sayWhy: '理由を入力してください。',
      added: '明細を追加しました。',
      saved: '明細を保存しました。',
      reversedDone: '取消の明細を作りました。',
      removed: '明細を削除しました。',
      draft: '下書き',
      edit: /^直す/,
      changeCategory: /^区分を変える/,
      category: /^区分/,
      saveCategory: '区分を変更する',
      sameCategory: '今と違う区分を選んでください。',
      overrideReason: '県の事業として計上',
      overridden: '区分を変更（理由: 県の事業として計上）',
      reverse: /^取り消す/,
      reverseLine: '取消の明細を作る',
      reversal: '取消の明細',
      reversed: '取消済み',
      remove: '削除する',
      equipment: '機材費',
      yen: (amount: number) => `${amount.toLocaleString('ja-JP')}円`,
      reconciliation: '特別交付税の精算',
      closeMonth: '締める期間',
      close: '締める',
      period: (year: number, month: number) => `${month >= 4 ? year : year + 1}年${month}月`,
      closedHint: (month: number) => `締めた期間: ${month}月`,
      reopen: '締めの解除（管理者）',
      reopenPeriod: '開き直す期間',
      reopenReason: /^解除の理由/,
      reopenButton: '締めを解除する',
      reopened: (period: string) => `${period} の締めを解除しました。`,
    },
  },
  {
    lang: 'en',
    locale: 'en-GB',
    button: 'English',
    amount: 1300,
    corrected: 1700,
    month: 2,
    words: {
      panel: 'Expense lines',
      addLine: /^Add a line/,
      amount: /^Amount/,
      note: /^Note/,
      reason: /^Reason/,
      saveLine: 'Save the line',
      save: 'Save',
      wholeYen: 'Enter the amount in whole yen.',
      sayWhy: 'Say why.',
      added: 'The line has been added.',
      saved: 'The line has been saved.',
      reversedDone: 'The reversing line has been made.',
      removed: 'The line has been deleted.',
      draft: 'Draft',
      edit: /^Correct/,
      changeCategory: /^Change category/,
      category: /^Category/,
      saveCategory: 'Change the category',
      sameCategory: 'Choose a category other than the current one.',
      overrideReason: 'booked as a prefectural programme',
      overridden: 'Category changed (reason: booked as a prefectural programme)',
      reverse: /^Reverse/,
      reverseLine: 'Make the reversing line',
      reversal: 'Reversing line',
      reversed: 'Reversed',
      remove: 'Delete',
      equipment: 'Equipment',
      yen: (amount: number) => `¥${amount.toLocaleString('en-GB')}`,
      reconciliation: 'Grant-tax reconciliation',
      closeMonth: 'Period to close',
      close: 'Close',
      period: (year: number, month: number) =>
        new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
          Date.UTC(month >= 4 ? year : year + 1, month - 1, 1),
        ),
      closedHint: (month: number) =>
        `Closed: ${new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1))}`,
      reopen: 'Reopening a period (admins)',
      reopenPeriod: 'Period to reopen',
      reopenReason: /^Reason for reopening/,
      reopenButton: 'Reopen',
      reopened: (period: string) => `${period} has been reopened.`,
    },
  },
] as const;

const signIn = browser.openSignedIn;

describe.each(languages)('expense lines and periods through the browser, in $lang', (language) => {
  const { words } = language;

  test('a coordinator enters a line on a booking, corrects it, recategorizes it with a reason, deletes it, and reverses an approved one', async () => {
    const coordinator = await signIn(language, 'coordinator');
    // The demo's filled requests have their volunteers booked.
    await coordinator.goto(`${app().url}/coordinator/?status=filled`);
    await expect.poll(() => coordinator.locator('.request-item').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await coordinator.locator('.request-item').first().getByRole('link').first().click();
    const panel = coordinator.getByRole('region', { name: words.panel, exact: true });
    const addLine = panel.getByRole('button', { name: words.addLine }).first();
    await expect.poll(() => addLine.count(), { timeout: 20_000 }).toBe(1);

    // A fraction of a yen is refused by the form itself, beside the field; what was typed stays.
    await addLine.click();
    const form = panel.locator('.line-form');
    await form.getByRole('spinbutton', { name: words.amount }).fill('12.5');
    await form.getByRole('textbox', { name: words.note }).fill('Projector');
    await form.getByRole('button', { name: words.saveLine }).click();
    const amountField = form.getByRole('spinbutton', { name: words.amount });
    await expect.poll(() => amountField.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field-error').textContent()).toContain(words.wholeYen);
    expect(await form.getByRole('textbox', { name: words.note }).inputValue()).toBe('Projector');

    await amountField.fill(String(language.amount));
    await form.getByRole('button', { name: words.saveLine }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe(words.added);
    // The line of that amount, not its reversal ("-1,200円" holds "1,200円").
    const row = panel
      .locator('tr', { hasText: words.yen(language.amount) })
      .filter({ hasNotText: words.yen(-language.amount) });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(words.equipment);
    expect(await row.textContent()).toContain(words.draft);
    // A draft is corrected or deleted, never reversed.
    expect(await row.getByRole('button', { name: words.reverse }).count()).toBe(0);

    await row.getByRole('button', { name: words.edit }).click();
    await form.getByRole('spinbutton', { name: words.amount }).fill(String(language.corrected));
    await form.getByRole('button', { name: words.save, exact: true }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe(words.saved);
    const corrected = panel.locator('tr', { hasText: words.yen(language.corrected) });
    await expect.poll(() => corrected.count()).toBe(1);

    // A new category needs a reason, which shows on the line.
    await corrected.getByRole('button', { name: words.changeCategory }).click();
    const category = form.getByRole('combobox', { name: words.category });
    const suggested = await category.inputValue();
    await form.getByRole('button', { name: words.saveCategory }).click();
    await expect
      .poll(async () => (await form.locator('.field-error').allTextContents()).map((text) => text.trim()))
      .toEqual([words.sameCategory, words.sayWhy]);
    const target = suggested === '6' ? 'G' : '6';
    await category.selectOption(target);
    await form.getByRole('textbox', { name: words.reason }).fill(words.overrideReason);
    await form.getByRole('button', { name: words.saveCategory }).click();
    await expect.poll(() => corrected.textContent()).toContain(words.overridden);
    expect(await corrected.locator('td').nth(2).textContent()).toMatch(new RegExp(`^${target} `));

    await corrected.getByRole('button', { name: words.remove }).click();
    await corrected.getByRole('group').getByRole('button', { name: words.remove }).click();
    await expect.poll(() => corrected.count()).toBe(0);
    expect(await panel.getByRole('status').textContent()).toBe(words.removed);

    // An approved line (approved here behind the story) is corrected by a reversing line.
    await addLine.click();
    await form.getByRole('spinbutton', { name: words.amount }).fill(String(language.amount));
    await form.getByRole('button', { name: words.saveLine }).click();
    await expect.poll(() => row.count()).toBe(1);
    const requestId = new URL(coordinator.url()).pathname.split('/').pop() ?? '';
    const { node } = await graphqlIn<{
      node: { assignments: Array<{ expenseLines: Array<{ id: string; amountYen: number; status: string }> }> };
    }>(
      coordinator,
      app().url,
      'query ($id: ID!) { node(id: $id) { ... on Request { assignments { expenseLines { id amountYen status } } } } }',
      { id: decodeURIComponent(requestId) },
    );
    const line = node.assignments
      .flatMap((booking) => booking.expenseLines)
      .find((one) => one.amountYen === language.amount && one.status === 'draft');
    for (const to of ['submitted', 'approved']) {
      await graphqlIn(
        coordinator,
        app().url,
        `mutation ($ids: [ID!]!) { advanceExpenseLines(lineIds: $ids, to: ${to}) { __typename } }`,
        { ids: [line?.id] },
      );
    }
    await coordinator.reload();
    await expect.poll(() => row.getByRole('button', { name: words.reverse }).count(), { timeout: 20_000 }).toBe(1);
    expect(await row.getByRole('button', { name: words.remove }).count()).toBe(0);
    await row.getByRole('button', { name: words.reverse }).click();
    await form.getByRole('button', { name: words.reverseLine }).click();
    await expect.poll(() => form.locator('.field-error').textContent()).toContain(words.sayWhy);
    await form.getByRole('textbox', { name: words.reason }).fill('Entered twice');
    await form.getByRole('button', { name: words.reverseLine }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe(words.reversedDone);
    const reversal = panel.locator('tr', { hasText: words.yen(-language.amount) });
    await expect.poll(() => reversal.count()).toBe(1);
    expect(await reversal.textContent()).toContain(words.reversal);
    expect(await reversal.textContent()).toContain('Entered twice');
    expect(await row.textContent()).toContain(words.reversed);
    expect(await row.getByRole('button', { name: words.reverse }).count()).toBe(0);
    await panel.screenshot({ path: artifactPath(`coordinator-expense-lines-${language.lang}.png`) });
  }, 180_000);

  test('an admin closes a month, then reopens it with a reason that the form asks for first', async () => {
    const admin = await signIn(language, 'admin');
    await admin.goto(`${app().url}/coordinator/reconciliation`);
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe(words.reconciliation);
    await expect.poll(() => admin.locator('.loading').count(), { timeout: 20_000 }).toBe(0);
    const year = currentFiscalYear();
    const period = words.period(year, language.month);
    await admin.getByRole('combobox', { name: words.closeMonth }).selectOption({ label: period });
    await admin.getByRole('button', { name: words.close, exact: true }).click();
    await admin.getByRole('group').getByRole('button', { name: words.close, exact: true }).click();
    await expect.poll(() => admin.getByText(words.closedHint(language.month)).count(), { timeout: 20_000 }).toBe(1);

    const reopen = admin.getByRole('region', { name: words.reopen });
    await reopen.getByRole('combobox', { name: words.reopenPeriod }).selectOption({ label: period });
    await reopen.getByRole('button', { name: words.reopenButton }).click();
    await expect.poll(() => reopen.locator('.field-error').textContent()).toContain(words.sayWhy);
    await reopen.getByRole('textbox', { name: words.reopenReason }).fill('A late receipt');
    await reopen.getByRole('button', { name: words.reopenButton }).click();
    await expect
      .poll(() =>
        admin
          .getByRole('status')
          .filter({ hasText: words.reopened(period) })
          .count(),
      )
      .toBe(1);
    await expect.poll(() => admin.getByText(words.closedHint(language.month)).count(), { timeout: 20_000 }).toBe(0);
    // The month can be closed again: its option is back.
    expect(
      await admin.getByRole('combobox', { name: words.closeMonth }).locator('option', { hasText: period }).count(),
    ).toBe(1);
  }, 120_000);
});
