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
    days: [5, 6],
    words: {
      bookings: '予定と報告',
      withdraw: '参加を取りやめる',
      yesWithdraw: '取りやめる',
      withdrawn: '参加を取りやめました。コーディネーターに連絡しました。',
      withdrewReason: '（ご自身で取りやめ）',
      illness: '体調不良',
      chooseReason: '理由を選んでください。',
      release: 'この派遣から外す',
      yesRelease: '外す',
      dateChanged: '日程が変わった',
      noLongerBooked: '外れたボランティア',
      byVolunteer: 'ボランティアからの理由: 体調不良 — 熱が出ました',
      byCoordinator: 'コーディネーターからの理由: 日程が変わった',
      released: (name: string) => `${name} さんを外しました。代わりの方に打診しています。`,
    },
  },
  {
    lang: 'en',
    locale: 'en-GB',
    button: 'English',
    days: [7, 8],
    words: {
      bookings: 'Bookings',
      withdraw: 'Withdraw from this booking',
      yesWithdraw: 'Withdraw',
      withdrawn: 'You have withdrawn. The coordinators have been told.',
      withdrewReason: '(you withdrew)',
      illness: 'Illness',
      chooseReason: 'Choose a reason.',
      release: 'Release from this dispatch',
      yesRelease: 'Release',
      dateChanged: 'The date changed',
      noLongerBooked: 'Volunteers no longer booked',
      byVolunteer: 'Reason given by the volunteer: Illness — 熱が出ました',
      byCoordinator: 'Reason given by the coordinator: The date changed',
      released: (name: string) => `${name} has been released; the place is being offered to others.`,
    },
  },
] as const;

const signIn = browser.openSignedIn;

/**
 * Behind the story: the demo volunteer can work any day anywhere in Osaka, a requester files a
 * request `days` ahead, a coordinator approves it, and the volunteer accepts the offer. Returns
 * the request's id and the volunteer's name.
 */
async function bookedRequest(requester: Page, coordinator: Page, volunteer: Page, days: number) {
  const url = app().url;
  await freeAnyDay(volunteer, url);
  const day = new Date(Date.now() + days * 24 * 3600_000 + 9 * 3600_000).toISOString().slice(0, 10);
  const { fileRequest } = await graphqlIn<{ fileRequest: { data?: { id: string } } }>(
    requester,
    url,
    `mutation ($input: RequestInput!) {
      fileRequest(input: $input) { __typename ... on MutationFileRequestSuccess { data { id } } }
    }`,
    {
      input: {
        modality: 'on_site',
        languageCode: 'vi',
        purpose: 'consultation_desk',
        contactName: '窓口 一郎',
        localGovernmentCode: '272035',
        startsAt: `${day}T10:00:00+09:00`,
        endsAt: `${day}T12:00:00+09:00`,
      },
    },
  );
  const requestId = fileRequest.data?.id ?? '';
  await approveWhenReady(coordinator, url, requestId);
  await acceptOfferStarting(volunteer, url, `${day}T10:00:00+09:00`);
  const { myVolunteerProfile } = await graphqlIn<{ myVolunteerProfile: { fullName: string } }>(
    volunteer,
    url,
    '{ myVolunteerProfile { fullName } }',
  );
  return { requestId, volunteerName: myVolunteerProfile.fullName };
}

describe.each(languages)('ending a booking before its day, in $lang', (language) => {
  const { words } = language;

  test('the volunteer on a phone withdraws from a booking with their reason, which the coordinator reads', async () => {
    const [requester, coordinator, volunteer] = [
      await signIn(language, 'requester'),
      await signIn(language, 'coordinator'),
      await signIn(language, 'volunteer', phone),
    ];
    const { requestId } = await bookedRequest(requester, coordinator, volunteer, language.days[0]);
    await volunteer.getByRole('link', { name: words.bookings, exact: true }).click();
    const withdraw = volunteer.getByRole('button', { name: words.withdraw });
    await expect.poll(() => withdraw.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const before = await withdraw.count();
    const reasonsBefore = await volunteer.getByText(words.withdrewReason).count();
    // The booking of that day is the one that has its button: the demo's other bookings are past.
    await withdraw.first().click();
    const asked = volunteer.locator('fieldset.confirm');
    // Without a reason, the form says so beside the list before anything is sent.
    await asked.getByRole('button', { name: words.yesWithdraw, exact: true }).click();
    await expect.poll(() => asked.locator('.field-invalid').textContent()).toContain(words.chooseReason);
    await asked.getByLabel(words.illness, { exact: true }).check();
    await asked.locator('textarea').fill('熱が出ました');
    await asked.getByRole('button', { name: words.yesWithdraw, exact: true }).click();
    await expect.poll(() => volunteer.getByRole('status').filter({ hasText: words.withdrawn }).count()).toBe(1);
    expect(await withdraw.count()).toBe(before - 1);
    expect(await volunteer.getByText(words.withdrewReason).count()).toBe(reasonsBefore + 1);

    await coordinator.goto(`${app().url}/coordinator/requests/${encodeURIComponent(requestId)}`);
    const dispatch = coordinator.locator('#dispatch-title').locator('..');
    await expect.poll(() => dispatch.textContent(), { timeout: 20_000 }).toContain(words.noLongerBooked);
    await expect.poll(() => dispatch.locator('.stated-reason').allTextContents()).toContain(words.byVolunteer);
  }, 180_000);

  test('a coordinator releases a booked volunteer from the request’s page with a reason, which the volunteer reads', async () => {
    const [requester, coordinator, volunteer] = [
      await signIn(language, 'requester'),
      await signIn(language, 'coordinator'),
      await signIn(language, 'volunteer', phone),
    ];
    const { requestId, volunteerName } = await bookedRequest(requester, coordinator, volunteer, language.days[1]);
    await coordinator.goto(`${app().url}/coordinator/requests/${encodeURIComponent(requestId)}`);
    const dispatch = coordinator.locator('#dispatch-title').locator('..');
    await expect.poll(() => dispatch.textContent(), { timeout: 20_000 }).toContain(volunteerName);
    await dispatch.getByRole('button', { name: words.release }).click();
    const asked = dispatch.locator('fieldset.confirm');
    await asked.getByLabel(words.dateChanged, { exact: true }).check();
    await asked.getByRole('button', { name: words.yesRelease, exact: true }).click();
    await expect
      .poll(() =>
        dispatch
          .getByRole('status')
          .filter({ hasText: words.released(volunteerName) })
          .count(),
      )
      .toBe(1);
    await expect.poll(() => dispatch.getByRole('button', { name: words.release }).count()).toBe(0);

    await volunteer.getByRole('link', { name: words.bookings, exact: true }).click();
    await expect
      .poll(() => volunteer.locator('.stated-reason').allTextContents(), { timeout: 20_000 })
      .toContain(words.byCoordinator);
  }, 180_000);
});
