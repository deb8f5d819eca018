import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { artifactPath, desktop, graphqlIn, phone, type Role, signIn as signInAt, useBrowser } from '../support/web';

const browser = useBrowser();
const signIn = (page: Page, role: Role) => signInAt(page, browser.app().url, role);

/** A day in Japan, `daysBack` before today there, as the calendar names it. */
function japanDay(daysBack: number) {
  const japanNow = new Date(Date.now() + 9 * 60 * 60 * 1000);
  const day = new Date(Date.UTC(japanNow.getUTCFullYear(), japanNow.getUTCMonth(), japanNow.getUTCDate() - daysBack));
  return {
    iso: day.toISOString().slice(0, 10),
    /** 2026年11月22日 */
    ja: `${day.getUTCFullYear()}年${day.getUTCMonth() + 1}月${day.getUTCDate()}日`,
    month: day.getUTCFullYear() * 12 + day.getUTCMonth(),
  };
}

/** The demo volunteer's two bookings: yesterday and the day before, 10:00–12:00 in Vietnamese at 市民相談室 (services/server/src/demo.ts). */
const bookingDays = [japanDay(1), japanDay(2)];
const today = japanDay(0);
const jaMonth = (month: number) => `${Math.floor(month / 12)}年${(month % 12) + 1}月`;

async function openCalendar(page: Page, bookingsLink: string, calendarLink: string) {
  await signIn(page, 'volunteer');
  // The English test switches the page's language (the sign-in page kept the device's).
  if (bookingsLink === 'Bookings') await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('link', { name: bookingsLink }).click();
  await page
    .getByRole('navigation', { name: /予定の表示|Show bookings as/ })
    .getByRole('link', { name: calendarLink })
    .click();
  await expect.poll(() => page.locator('table.calendar').count()).toBe(1);
}

describe('a volunteer’s bookings on a month calendar', () => {
  test('on a phone: the demo bookings sit on their days, a day lists its bookings below, and the months turn', async () => {
    const page = await browser.openPage('ja-JP', phone);
    await openCalendar(page, '予定と報告', 'カレンダー');
    const title = page.locator('#month-title');
    expect(await title.textContent()).toBe(jaMonth(today.month));
    const calendar = page.getByRole('table', { name: jaMonth(today.month) });
    // Monday first, as in the weekly availability grid.
    expect(await calendar.locator('thead th').allTextContents()).toEqual([
      '月月曜日',
      '火火曜日',
      '水水曜日',
      '木木曜日',
      '金金曜日',
      '土土曜日',
      '日日曜日',
    ]);
    expect(await calendar.locator('[aria-current="date"]').count()).toBe(1);
    expect(await calendar.locator('[aria-current="date"]').textContent()).toContain(`${today.ja}`);

    // On a phone a cell counts the day's bookings; the bookings themselves are listed under the grid.
    for (const day of bookingDays.filter((one) => one.month === today.month)) {
      const link = calendar.getByRole('link', { name: new RegExp(`^${day.ja}.*予定1件$`) });
      expect(await link.count()).toBe(1);
      expect(await link.locator('.calendar-count').textContent()).toBe('1');
    }
    expect(
      await calendar
        .locator('.calendar-bookings')
        .evaluateAll((lists) => lists.every((list) => getComputedStyle(list).display === 'none')),
    ).toBe(true);
    await page.screenshot({ path: artifactPath('volunteer-calendar-ja.png'), fullPage: true });

    // Yesterday's booking, chosen with the keyboard, which may mean a month back.
    const [yesterday] = bookingDays;
    if (!yesterday) throw new Error('no booking day');
    if (yesterday.month !== today.month) {
      await page.getByRole('link', { name: `前の月（${jaMonth(yesterday.month)}）` }).click();
      await expect.poll(() => title.textContent()).toBe(jaMonth(yesterday.month));
    }
    const yesterdayLink = page.getByRole('link', { name: new RegExp(`^${yesterday.ja}.*予定1件$`) });
    await yesterdayLink.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('day')).toBe(yesterday.iso);
    const dayList = page.getByRole('region', { name: new RegExp(`^${yesterday.ja}.*の予定$`) });
    await expect.poll(() => dayList.locator('.card').count()).toBe(1);
    expect(await dayList.textContent()).toContain('ベトナム語');
    expect(await dayList.textContent()).toContain('市民相談室');
    expect(await dayList.textContent()).toContain('10:00');
    expect(await yesterdayLink.getAttribute('aria-current')).toBe('true');
    await page.screenshot({ path: artifactPath('volunteer-calendar-day-ja.png'), fullPage: true });

    // The months turn both ways; a month without bookings says so.
    const shown = yesterday.month;
    await page.getByRole('link', { name: `次の月（${jaMonth(shown + 1)}）` }).click();
    await expect.poll(() => title.textContent()).toBe(jaMonth(shown + 1));
    await page.getByRole('link', { name: `次の月（${jaMonth(shown + 2)}）` }).click();
    await expect.poll(() => title.textContent()).toBe(jaMonth(shown + 2));
    expect(await page.getByRole('region', { name: `${jaMonth(shown + 2)}の予定` }).textContent()).toContain(
      'この月の予定はありません。',
    );
    await page.getByRole('link', { name: `前の月（${jaMonth(shown + 1)}）` }).click();
    await page.getByRole('link', { name: `前の月（${jaMonth(shown)}）` }).click();
    await expect.poll(() => title.textContent()).toBe(jaMonth(shown));
    expect(await page.getByRole('link', { name: new RegExp(`^${yesterday.ja}.*予定1件$`) }).count()).toBe(1);

    // The view is in the address: a reload keeps the calendar, and the list is a click away.
    await page.reload();
    await expect.poll(() => title.textContent()).toBe(jaMonth(shown));
    await page.getByRole('navigation', { name: '予定の表示' }).getByRole('link', { name: '一覧' }).click();
    await expect.poll(() => page.locator('table.calendar').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 2, name: '終わった活動' }).count()).toBe(1);
  });

  test('once a report on a demo booking is approved, the requester’s costs and the volunteer’s honoraria show the year’s total (screenshots kept)', async () => {
    const url = browser.app().url;
    // The volunteer reports on the booking of the day before yesterday; a coordinator approves it.
    const volunteer = await browser.openPage('ja-JP', phone);
    await signIn(volunteer, 'volunteer');
    const { myAssignments } = await graphqlIn<{
      myAssignments: { nodes: Array<{ id: string; request: { startsAt: string | null; endsAt: string | null } }> };
    }>(volunteer, url, '{ myAssignments(first: 20) { nodes { id request { startsAt endsAt } } } }');
    // The demo's translation has a deadline, not a start: it is not a booking of a day.
    const reported = myAssignments.nodes.find(
      (node) =>
        node.request.startsAt !== null &&
        new Date(Date.parse(node.request.startsAt) + 9 * 60 * 60 * 1000).toISOString().slice(0, 10) ===
          bookingDays[1]?.iso,
    );
    if (!reported) throw new Error('the demo volunteer has no booking on the day before yesterday');
    const { fileActivityReport } = await graphqlIn<{ fileActivityReport: { __typename: string } }>(
      volunteer,
      url,
      `mutation ($id: ID!, $start: DateTime!, $end: DateTime!) {
        fileActivityReport(assignmentId: $id, input: { volunteer: { actualStart: $start, actualEnd: $end, transportFareYen: 480 } }) { __typename }
      }`,
      { id: reported.id, start: reported.request.startsAt, end: reported.request.endsAt },
    );
    expect(fileActivityReport.__typename).toMatch(/Success$/);
    const coordinator = await browser.openPage('ja-JP', desktop);
    await signIn(coordinator, 'coordinator');
    // The request waiting for its reports at the booking's time (volunteers do not see requests' ids).
    const { requests } = await graphqlIn<{ requests: { nodes: Array<{ id: string; startsAt: string | null }> } }>(
      coordinator,
      url,
      '{ requests(first: 50, dispatchStage: awaiting_reports) { nodes { id startsAt } } }',
    );
    const request = requests.nodes.find(
      (node) => node.startsAt !== null && Date.parse(node.startsAt) === Date.parse(reported.request.startsAt ?? ''),
    );
    if (!request) throw new Error('the coordinator does not see the reported request');
    const { approveActivityReports } = await graphqlIn<{ approveActivityReports: { __typename: string } }>(
      coordinator,
      url,
      'mutation ($id: ID!) { approveActivityReports(requestId: $id) { __typename } }',
      { id: request.id },
    );
    expect(approveActivityReports.__typename).toMatch(/Success$/);

    const requester = await browser.openPage('ja-JP', desktop);
    await signIn(requester, 'requester');
    await requester.getByRole('link', { name: '費用', exact: true }).click();
    await expect.poll(() => requester.getByRole('heading', { level: 1 }).textContent()).toBe('費用');
    const totals = requester.getByRole('region', { name: '合計', exact: true });
    await expect.poll(() => totals.count(), { timeout: 20_000 }).toBe(1);
    expect(await totals.locator('dd').first().textContent()).toMatch(/^[\d,]+円$/);
    expect(await requester.getByRole('region', { name: '依頼ごとの合計' }).textContent()).toContain('ベトナム語');
    await requester.screenshot({ path: artifactPath('requester-costs.png'), fullPage: true });

    await volunteer.getByRole('link', { name: '謝金', exact: true }).click();
    await expect.poll(() => volunteer.getByRole('heading', { level: 1 }).textContent()).toBe('謝金・交通費');
    const total = volunteer.locator('.figures div', { hasText: '年度の合計' });
    await expect.poll(() => total.count(), { timeout: 20_000 }).toBe(1);
    expect(await total.locator('dd').textContent()).toMatch(/^[1-9][\d,]*円$/);
    await volunteer.screenshot({ path: artifactPath('volunteer-honoraria.png'), fullPage: true });
  });

  test('on a wide screen in English: the cells list time, language and place, and a booking chosen there takes the focus', async () => {
    const page = await browser.openPage('en-GB', desktop);
    await openCalendar(page, 'Bookings', 'Calendar');
    const [yesterday] = bookingDays;
    if (!yesterday) throw new Error('no booking day');
    if (yesterday.month !== today.month) {
      await page.getByRole('link', { name: /^Previous month/ }).click();
    }
    const entry = page.locator('.calendar-bookings a', { hasText: '10:00' }).first();
    await expect.poll(() => entry.isVisible()).toBe(true);
    expect(await entry.textContent()).toBe('10:00 Vietnamese · 市民相談室');
    await entry.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^booking-/);
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Vietnamese');
    await page.screenshot({ path: artifactPath('volunteer-calendar-en.png'), fullPage: true });
  });
});
