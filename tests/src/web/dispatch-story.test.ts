import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { artifactPath, emailOf, freeAnyDay, graphqlIn, phone, useBrowser } from '../support/web';

const browser = useBrowser();
const app = browser.app;

/** The words the story clicks and reads, in each language of the app. */
const languages = [
  {
    lang: 'ja',
    locale: 'ja-JP',
    button: '日本語',
    fare: 1230,
    words: {
      newRequest: '新しい依頼',
      urgent: /^至急/,
      send: '依頼を送信する',
      detailTitle: '依頼の詳細',
      approveRequest: '承認して打診を始める',
      offering: '募集中',
      offers: '依頼の打診',
      inbox: 'お知らせ',
      markAllRead: 'すべて既読にする',
      openBoard: '募集中の依頼',
      candidates: '候補のボランティア',
      offerByHand: /^打診する/,
      escalationsLink: '要対応',
      escalations: '要対応の依頼',
      accept: '引き受ける',
      booked: '予約が確定しました',
      cancelRequest: 'この依頼を取り消す',
      yesCancel: '取り消す',
      noLongerNeeded: '不要になった',
      cancelled: '取り消し',
      bookings: '予定と報告',
      writeReport: '活動報告を書く',
      makeCalendar: 'カレンダー用のアドレスを作る',
      calendarAddress: 'カレンダー用のアドレス',
      sendReport: '報告を送る',
      requesterReport: '派遣の報告を書く',
      tookPlaceYes: 'はい',
      verySatisfied: /^5 /,
      remarks: 'ご意見',
      reportFiled: '報告を受け付けました。',
      approveReports: '報告を承認する',
      completed: '完了',
      approvals: '承認待ち',
      expenses: '経費の承認',
      approveAll: /すべて承認する$/,
      approveOne: /^承認する/,
      noExpenses: '承認待ちの経費明細はありません。',
      transport: '交通費',
      approved: '承認済み',
      reconciliation: '精算',
      totals: '年度の合計',
      showLines: /^明細を見る/,
      exports: '書き出し',
      format: '形式',
      detail: '内容',
      startExport: '書き出す',
      yen: (amount: number) => `${amount.toLocaleString('ja-JP')}円`,
    },
  },
  {
    lang: 'en',
    locale: 'en-GB',
    button: 'English',
    fare: 870,
    words: {
      newRequest: 'New request',
      urgent: /^Urgent/,
      send: 'Send the request',
      detailTitle: 'Request',
      approveRequest: 'Approve and send offers',
      offering: 'Open',
      offers: 'Offers',
      inbox: 'Inbox',
      markAllRead: 'Mark all as read',
      openBoard: 'Open requests',
      candidates: 'Candidates',
      offerByHand: /^Offer\b/,
      escalationsLink: 'Escalations',
      escalations: 'Escalations',
      accept: 'Accept',
      booked: 'You are booked',
      cancelRequest: 'Cancel this request',
      yesCancel: 'Cancel it',
      noLongerNeeded: 'No longer needed',
      cancelled: 'Cancelled',
      bookings: 'Bookings',
      writeReport: 'Write the activity report',
      makeCalendar: 'Make a calendar address',
      calendarAddress: 'Calendar address',
      sendReport: 'Send the report',
      requesterReport: 'Report on this dispatch',
      tookPlaceYes: 'Yes',
      verySatisfied: /^5 /,
      remarks: 'Remarks',
      reportFiled: 'Your report has been received.',
      approveReports: 'Approve the reports',
      completed: 'Done',
      approvals: 'Approvals',
      expenses: 'Expenses to approve',
      approveAll: /^Approve all/,
      approveOne: /^Approve\b/,
      noExpenses: 'No expense line is waiting for approval.',
      transport: 'Transport',
      approved: 'Approved',
      reconciliation: 'Reconciliation',
      totals: 'Totals for the year',
      showLines: /^Show lines/,
      exports: 'Exports',
      format: 'Format',
      detail: 'Content',
      startExport: 'Export',
      yen: (amount: number) => `¥${amount.toLocaleString('en-GB')}`,
    },
  },
] as const;

/** Signs in and speaks the story's language (the account remembers the choice). */
const signIn = browser.openSignedIn;

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/** Japan's calendar day and time of an instant, as the request form takes them. */
function inJapan(instant: Date): { date: string; time: string } {
  const shifted = new Date(instant.getTime() + 9 * 60 * 60 * 1000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/**
 * The admin sends a reminder one hour before the start (besides the usual ones) and offers to every
 * fitting volunteer at once; the demo volunteer can work any time, anywhere in Osaka: so an urgent
 * request an hour ahead reaches them, and its reminder falls a minute or two after they accept.
 */
async function arrange(admin: Page, volunteer: Page) {
  const { associations } = await graphqlIn<{ associations: Array<{ id: string; nameJa: string; policy: unknown }> }>(
    admin,
    app().url,
    '{ associations { id nameJa policy { reminders { hoursBeforeStart } } } }',
  );
  const association = associations.find((one) => one.policy !== null && one.nameJa === '大阪府国際交流協会');
  if (!association) throw new Error('the demo admin administers no association');
  const policy = await graphqlIn<{ updateAssociationPolicy: { __typename: string } }>(
    admin,
    app().url,
    `mutation ($id: ID!, $input: AssociationPolicyInput!) {
      updateAssociationPolicy(associationId: $id, input: $input) { __typename }
    }`,
    { id: association.id, input: { reminders: { hoursBeforeStart: [72, 24, 1] }, offers: { waveSize: 50 } } },
  );
  expect(policy.updateAssociationPolicy.__typename).toMatch(/Success$/);
  await freeAnyDay(volunteer, app().url);
  const { myVolunteerProfile } = await graphqlIn<{ myVolunteerProfile: { fullName: string } }>(
    volunteer,
    app().url,
    '{ myVolunteerProfile { fullName } }',
  );
  return myVolunteerProfile.fullName;
}

/** The unread count beside a navigation link (0 when it shows none), read as a screen reader hears it too. */
async function badgeCount(link: Locator): Promise<number> {
  const described = await link.getAttribute('aria-describedby');
  if (!described) return 0;
  const phrase = await link.page().locator(`[id="${described}"]`).textContent();
  return Number(phrase?.match(/\d+/)?.[0] ?? 0);
}

/** The e-mails the demo volunteer received after a moment, as the admin reads them in the mail catcher. */
async function volunteerMailSince(admin: Page, since: number) {
  const { caughtEmails } = await graphqlIn<{
    caughtEmails: { nodes: Array<{ toAddresses: string[]; subject: string; body: string; receivedAt: string }> };
  }>(admin, app().url, '{ caughtEmails(first: 50) { nodes { toAddresses subject body receivedAt } } }');
  return caughtEmails.nodes.filter(
    (mail) => mail.toAddresses.includes(emailOf('volunteer')) && Date.parse(mail.receivedAt) >= since,
  );
}

describe.each(languages)('the dispatch story through the browser, in $lang', (language) => {
  const { words } = language;

  test('a requester files an urgent request an hour ahead, a coordinator approves it, a volunteer accepts it on a phone, the reminder arrives', async () => {
    const admin = await signIn(language, 'admin');
    const volunteer = await signIn(language, 'volunteer', phone);
    const volunteerName = await arrange(admin, volunteer);

    // The requester files an urgent on-site request starting a little over an hour from now.
    const requester = await signIn(language, 'requester');
    const venue = `Story ${language.lang} ${Date.now()}`;
    const start = new Date(Math.ceil((Date.now() + 62 * 60_000) / 60_000) * 60_000);
    const end = new Date(Math.min(start.getTime() + 60 * 60_000, Date.parse(`${inJapan(start).date}T23:59:00+09:00`)));
    await requester.getByRole('link', { name: words.newRequest }).click();
    await requester.locator('#field-languageCode').selectOption('vi');
    await requester.locator('#field-startsAt').fill(inJapan(start).date);
    await requester.locator('#field-startTime').fill(inJapan(start).time);
    await requester.locator('#field-endsAt').fill(inJapan(end).time);
    await requester.locator('#field-localGovernmentCode-prefecture').selectOption('27');
    await requester.locator('#field-localGovernmentCode').selectOption('271004');
    await requester.locator('#field-venue').fill(venue);
    await requester.locator('#field-purpose').selectOption('consultation_desk');
    await requester.locator('#field-contactName').fill('Yamada Hanako');
    await requester.getByLabel(words.urgent).check();
    await requester.getByRole('button', { name: words.send }).click();
    await expect.poll(() => heading(requester)).toBe(words.detailTitle);
    const requestPath = new URL(requester.url()).pathname.replace(/^\/requester/, '');

    // A coordinator screens it in the browser: the offers go out.
    const offersWaiting = () => badgeCount(volunteer.getByRole('link', { name: words.offers, exact: true }));
    const offersBefore = await offersWaiting();
    const coordinator = await signIn(language, 'coordinator');
    await coordinator.goto(`${app().url}/coordinator${requestPath}`);
    await coordinator.getByRole('button', { name: words.approveRequest }).click();
    const dispatch = coordinator.locator('#dispatch-title').locator('..');
    await expect.poll(() => dispatch.textContent(), { timeout: 30_000 }).toContain(words.offering);

    // The volunteer's page counts the offer as it arrives, without being reloaded.
    await expect.poll(offersWaiting, { timeout: 60_000 }).toBeGreaterThan(offersBefore);
    const inboxLink = volunteer.getByRole('link', { name: words.inbox, exact: true });
    expect(await badgeCount(inboxLink)).toBeGreaterThan(0);

    // The volunteer, on a phone, sees the offer with its deadline ticking, and accepts it.
    await volunteer.getByRole('link', { name: words.offers, exact: true }).click();
    const offer = volunteer.locator('.offer', { hasText: venue });
    await expect
      .poll(
        async () => {
          if ((await offer.count()) === 0) await volunteer.reload();
          return offer.count();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(1);
    const timer = offer.getByRole('timer');
    const before = await timer.textContent();
    await expect.poll(() => timer.textContent(), { timeout: 5_000 }).not.toBe(before);
    await volunteer.screenshot({ path: artifactPath(`volunteer-offer-${language.lang}.png`), fullPage: true });
    const acceptedAt = Date.now();
    await offer.getByRole('button', { name: words.accept }).click();
    const answer = volunteer.getByRole('status').filter({ hasText: words.booked });
    await expect.poll(() => answer.count(), { timeout: 30_000 }).toBe(1);
    expect(await answer.textContent()).toContain(venue);
    // The buttons went with the offer: the keyboard lands on what happened.
    expect(await volunteer.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    await volunteer.screenshot({ path: artifactPath(`volunteer-booked-${language.lang}.png`), fullPage: true });

    // In the inbox, the volunteer marks everything read: the counts in the navigation go.
    await inboxLink.click();
    await volunteer.getByRole('button', { name: words.markAllRead }).click();
    await expect.poll(() => badgeCount(inboxLink)).toBe(0);
    // The list is fetched again after the counts, which come live: on a busy machine it is a moment later.
    await expect.poll(() => volunteer.locator('.inbox-message[data-unread="true"]').count()).toBe(0);
    await volunteer.screenshot({ path: artifactPath(`volunteer-inbox-${language.lang}.png`), fullPage: true });
    await volunteer.goBack();

    // The requester sees who goes.
    await requester.reload();
    await expect
      .poll(() => requester.locator('.booked-volunteer').allTextContents(), { timeout: 20_000 })
      .toEqual([volunteerName]);
    await requester.screenshot({ path: artifactPath(`requester-booked-${language.lang}.png`), fullPage: true });

    // The request has everyone it needs: no candidate is offered it by hand any more.
    await coordinator.reload();
    const candidates = coordinator.getByRole('region', { name: words.candidates });
    await expect.poll(() => candidates.locator('tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await candidates.getByRole('button', { name: words.offerByHand }).count()).toBe(0);
    await coordinator.screenshot({ path: artifactPath(`coordinator-dispatch-${language.lang}.png`), fullPage: true });
    // The escalation queue has its own page; this request is not in it.
    await coordinator.getByRole('link', { name: words.escalationsLink, exact: true }).click();
    await expect.poll(() => heading(coordinator)).toBe(words.escalations);
    await expect.poll(() => coordinator.locator('.loading').count(), { timeout: 20_000 }).toBe(0);
    expect(await coordinator.locator('.request-item', { hasText: venue }).count()).toBe(0);
    // The volunteer's open board answers too: requests that fit, or that there are none.
    await volunteer.getByRole('link', { name: words.openBoard, exact: true }).click();
    await expect.poll(() => volunteer.locator('.work-list, .empty').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await volunteer.screenshot({ path: artifactPath(`volunteer-open-board-${language.lang}.png`), fullPage: true });
    // The booking tells the volunteer whom to ask on the day.
    await volunteer.getByRole('link', { name: words.bookings, exact: true }).click();
    await expect
      .poll(() => volunteer.locator('.card', { hasText: venue }).first().textContent(), { timeout: 20_000 })
      .toContain('Yamada Hanako');

    // The reminder an hour before the start reaches the volunteer a minute or two later.
    await expect
      .poll(
        async () =>
          (await volunteerMailSince(admin, acceptedAt)).some((mail) =>
            /前のお知らせ|Reminder: your activity/.test(`${mail.subject}\n${mail.body}`),
          ),
        { timeout: 200_000, interval: 5_000 },
      )
      .toBe(true);

    // The requester calls it off, which frees the volunteer for the next story.
    await requester.getByRole('button', { name: words.cancelRequest }).click();
    await requester.getByLabel(words.noLongerNeeded, { exact: true }).check();
    await requester.getByRole('button', { name: words.yesCancel, exact: true }).click();
    await expect.poll(() => requester.locator('.status-line').textContent()).toContain(words.cancelled);
  }, 420_000);

  test('the volunteer and the requester report on a past booking, the coordinator approves the report and its expenses, and the reconciliation and its CSV show them', async () => {
    // The demo has the volunteer's bookings of the last two mornings waiting for reports.
    const volunteer = await signIn(language, 'volunteer', phone);
    await volunteer.getByRole('link', { name: words.bookings, exact: true }).click();
    await volunteer.getByRole('button', { name: words.writeReport }).first().click();
    const day = await volunteer.locator('#field-volunteer-day').inputValue();
    await volunteer.locator('#field-volunteer-transportFareYen').fill(String(language.fare));
    await volunteer.locator('#field-volunteer-notes').fill('Bus both ways.');
    await volunteer.getByRole('button', { name: words.sendReport }).click();
    await expect.poll(() => volunteer.getByRole('status').filter({ hasText: words.reportFiled }).count()).toBe(1);
    await volunteer.screenshot({ path: artifactPath(`volunteer-report-${language.lang}.png`), fullPage: true });
    // The calendar feed: an address made on request, that a calendar program reads as .ics.
    await volunteer.getByRole('button', { name: words.makeCalendar }).click();
    const feed = await volunteer.getByRole('textbox', { name: words.calendarAddress }).inputValue();
    const calendar = await volunteer.request.get(feed);
    expect(calendar.ok()).toBe(true);
    expect(await calendar.text()).toContain('BEGIN:VCALENDAR');

    // The requesting body reports on the same booking: it took place, and how satisfied they were.
    const requester = await signIn(language, 'requester');
    await requester.goto(`${app().url}/requester/?status=filled&from=${day}&to=${day}`);
    await expect.poll(() => requester.locator('.request-item').count(), { timeout: 20_000 }).toBe(1);
    await requester.locator('.request-item').getByRole('link').click();
    await requester.getByRole('button', { name: words.requesterReport }).click();
    await requester.getByRole('radio', { name: words.tookPlaceYes, exact: true }).check();
    await requester.getByRole('radio', { name: words.verySatisfied }).check();
    await requester.getByRole('textbox', { name: words.remarks }).fill('Clear and kind.');
    await requester.getByRole('button', { name: words.sendReport }).click();
    await expect.poll(() => requester.getByRole('status').filter({ hasText: words.reportFiled }).count()).toBe(1);

    // The coordinator finds the request of that day and approves its reports.
    const coordinator = await signIn(language, 'coordinator');
    await coordinator.goto(`${app().url}/coordinator/?status=filled&from=${day}&to=${day}`);
    await expect.poll(() => coordinator.locator('.request-item').count(), { timeout: 20_000 }).toBe(1);
    await coordinator.locator('.request-item').getByRole('link').click();
    const dispatch = coordinator.locator('#dispatch-title').locator('..');
    await expect.poll(() => dispatch.textContent(), { timeout: 20_000 }).toContain(words.yen(language.fare));
    expect(await dispatch.textContent()).toContain('Clear and kind.');
    await coordinator.getByRole('button', { name: words.approveReports }).click();
    await expect.poll(() => dispatch.textContent(), { timeout: 20_000 }).toContain(words.completed);

    // Then the expense lines the approval made: the fare is among them.
    await coordinator.getByRole('link', { name: words.approvals, exact: true }).click();
    const expenses = coordinator.getByRole('region', { name: words.expenses });
    const fareLine = expenses.locator('tr', { hasText: words.yen(language.fare) });
    await expect.poll(() => fareLine.count(), { timeout: 20_000 }).toBe(1);
    expect(await fareLine.textContent()).toContain(words.transport);
    const approveAll = expenses.getByRole('button', { name: words.approveAll });
    if ((await approveAll.count()) > 0) await approveAll.click();
    else await fareLine.getByRole('button', { name: words.approveOne }).click();
    await expect.poll(() => expenses.textContent(), { timeout: 20_000 }).toContain(words.noExpenses);

    // The reconciliation counts it as approved, and its CSV export carries the line.
    await coordinator.getByRole('link', { name: words.reconciliation, exact: true }).click();
    await expect.poll(() => coordinator.locator('.loading').count(), { timeout: 20_000 }).toBe(0);
    const totals = coordinator.getByRole('region', { name: words.totals });
    expect(await totals.locator('dd').first().textContent()).not.toMatch(/^(0円|¥0)$/);
    const showLines = coordinator.getByRole('button', { name: words.showLines });
    let found = false;
    for (let row = 0; row < (await showLines.count()) && !found; row++) {
      await showLines.nth(row).click();
      const line = coordinator.locator('.drill-down tr', { hasText: words.yen(language.fare) });
      await expect.poll(() => coordinator.locator('.drill-down .loading').count()).toBe(0);
      found = (await line.count()) > 0 && ((await line.first().textContent()) ?? '').includes(words.approved);
    }
    expect(found).toBe(true);
    await coordinator.screenshot({
      path: artifactPath(`coordinator-reconciliation-${language.lang}.png`),
      fullPage: true,
    });
    const exports = coordinator.getByRole('region', { name: words.exports });
    await exports.getByRole('combobox', { name: words.format }).selectOption('csv');
    await exports.getByRole('combobox', { name: words.detail }).selectOption('lines');
    const [download] = await Promise.all([
      coordinator.waitForEvent('download', { timeout: 60_000 }),
      exports.getByRole('button', { name: words.startExport, exact: true }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\n').some((row) => row.includes(String(language.fare)) && row.includes(day))).toBe(true);
  }, 240_000);
});
