import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { acceptOfferStarting, approveWhenReady, freeAnyDay, graphqlIn, phone, useBrowser } from '../support/web';

const browser = useBrowser();
const app = browser.app;

const languages = [
  {
    lang: 'ja',
    locale: 'ja-JP',
    button: '日本語',
    // Weeks apart from the other language's series, so that each test finds its own occurrences.
    days: 9,
    words: {
      changeFrom: 'この日以降の時刻を変更',
      newLastDate: '新しい最終日',
      apply: '以降の回に適用する',
      chooseReason: '理由を選んでください。',
      dateChanged: '日程が変わった',
      changed: '以降の回の時刻を変更しました。',
      bookings: '予定と報告',
      byRequester: '依頼者からの理由: 日程が変わった — 年末は窓口が休みです',
    },
  },
  {
    lang: 'en',
    locale: 'en-GB',
    button: 'English',
    days: 10,
    words: {
      changeFrom: 'Change the times from a date on',
      newLastDate: 'New last date',
      apply: 'Apply to this and later ones',
      chooseReason: 'Choose a reason.',
      dateChanged: 'The date changed',
      changed: 'The later occurrences have been changed.',
      bookings: 'Bookings',
      byRequester: 'Reason given by the requester: The date changed — 年末は窓口が休みです',
    },
  },
] as const;

const signIn = browser.openSignedIn;

/** The day `days` from now in Japan, as YYYY-MM-DD. */
const dayIn = (days: number) => new Date(Date.now() + days * 24 * 3600_000 + 9 * 3600_000).toISOString().slice(0, 10);
const isoWeekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() || 7;

/**
 * Behind the story: a requester files a weekly series of three, each needing two interpreters; a
 * coordinator approves the last week and the demo volunteer (free any day in Osaka) accepts its
 * offer, so that week stays open with a booking in it. Returns the occurrences' ids, in order.
 */
async function seriesWithABookedLastWeek(requester: Page, coordinator: Page, volunteer: Page, days: number) {
  const url = app().url;
  await freeAnyDay(volunteer, url);
  const [firstDate, lastDate] = [dayIn(days), dayIn(days + 14)];
  const { fileRequestSeries } = await graphqlIn<{
    fileRequestSeries: { __typename: string; data?: { requests: Array<{ id: string }> } };
  }>(
    requester,
    url,
    `mutation ($input: RequestSeriesInput!) {
      fileRequestSeries(input: $input) {
        __typename ... on MutationFileRequestSeriesSuccess { data { requests { id } } }
      }
    }`,
    {
      input: {
        modality: 'on_site',
        languageCode: 'vi',
        purpose: 'consultation_desk',
        contactName: '窓口 一郎',
        localGovernmentCode: '272035',
        interpretersNeeded: 2,
        series: { weekday: isoWeekday(firstDate), firstDate, lastDate, startTime: '10:00', endTime: '12:00' },
      },
    },
  );
  const occurrences = (fileRequestSeries.data?.requests ?? []).map((request) => request.id);
  expect(occurrences).toHaveLength(3);
  const lastWeek = occurrences[2] ?? '';
  await approveWhenReady(coordinator, url, lastWeek);
  await acceptOfferStarting(volunteer, url, `${lastDate}T10:00:00+09:00`);
  return { occurrences, lastDate };
}

describe.each(languages)('shortening a weekly series that drops a booked week, in $lang', (language) => {
  const { words } = language;

  test('the requester must say why before it saves, and the booked volunteer reads the reason', async () => {
    const [requester, coordinator, volunteer] = [
      await signIn(language, 'requester'),
      await signIn(language, 'coordinator'),
      await signIn(language, 'volunteer', phone),
    ];
    const { occurrences } = await seriesWithABookedLastWeek(requester, coordinator, volunteer, language.days);
    const status = async (id: string | undefined) =>
      (
        await graphqlIn<{ node: { status: string } }>(
          requester,
          app().url,
          'query ($id: ID!) { node(id: $id) { ... on Request { status } } }',
          { id },
        )
      ).node.status;
    await expect.poll(() => status(occurrences[2]), { timeout: 20_000 }).toBe('open');

    await requester.goto(`${app().url}/requester/requests/${encodeURIComponent(occurrences[0] ?? '')}`);
    const form = requester.locator('details.change-from');
    await form.getByText(words.changeFrom, { exact: true }).click();
    // Ending the series a week earlier drops the booked last week.
    await form.getByLabel(words.newLastDate, { exact: true }).fill(dayIn(language.days + 7));

    // Without a reason nothing is saved, and the form says so beside the reasons in the reader's language.
    await form.getByRole('button', { name: words.apply, exact: true }).click();
    await expect
      .poll(async () => (await form.locator('.field-invalid').allTextContents()).join(' '))
      .toContain(words.chooseReason);
    expect(await status(occurrences[2])).toBe('open');

    await form.getByLabel(words.dateChanged, { exact: true }).check();
    await form.locator('textarea').fill('年末は窓口が休みです');
    await form.getByRole('button', { name: words.apply, exact: true }).click();
    await expect.poll(() => form.getByRole('status').textContent(), { timeout: 20_000 }).toBe(words.changed);
    expect(await status(occurrences[2])).toBe('cancelled');
    expect(await status(occurrences[1])).not.toBe('cancelled');

    await volunteer.getByRole('link', { name: words.bookings, exact: true }).click();
    await expect
      .poll(() => volunteer.locator('.stated-reason').allTextContents(), { timeout: 20_000 })
      .toContain(words.byRequester);
  }, 180_000);
});
