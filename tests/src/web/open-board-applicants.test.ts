import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { artifactPath, freeAnyDay, graphqlIn, phone, useBrowser } from '../support/web';

const browser = useBrowser();
const app = browser.app;

const languages = [
  {
    lang: 'ja',
    locale: 'ja-JP',
    button: '日本語',
    words: {
      openBoard: '募集中の依頼',
      apply: '応募する',
      applied: '応募済みです。',
      withdraw: '応募を取り下げる',
      yesWithdraw: '取り下げる',
      applicants: '応募したボランティア',
      fitsNow: 'すべての条件を満たしています',
      pick: /^選ぶ/,
      picked: '割り当てました。',
      profile: 'プロフィール',
      declinedTitle: '派遣を希望しない依頼機関',
      organization: '依頼機関（これまでの派遣先）',
      reason: '理由（任意）',
      decline: '今後は派遣を希望しない',
      declined: '登録しました。',
      undo: /^取り消す/,
      declinedVolunteers: '派遣を希望しないボランティア',
      declineVolunteer: '今後このボランティアの派遣を希望しない',
    },
  },
  {
    lang: 'en',
    locale: 'en-GB',
    button: 'English',
    words: {
      openBoard: 'Open requests',
      apply: 'Apply',
      applied: 'You have applied.',
      withdraw: 'Withdraw the application',
      yesWithdraw: 'Withdraw it',
      applicants: 'Applicants',
      fitsNow: 'Passes every filter',
      pick: /^Pick/,
      picked: 'Assigned.',
      profile: 'Profile',
      declinedTitle: 'Organizations you declined',
      organization: 'Organization (where you have been sent)',
      reason: 'Reason (optional)',
      decline: 'Do not send me there',
      declined: 'Recorded.',
      undo: /^Undo/,
      declinedVolunteers: 'Declined volunteers',
      declineVolunteer: 'Do not send this volunteer again',
    },
  },
] as const;

const signIn = browser.openSignedIn;

/** The demo volunteer can work any day, all day, anywhere in Osaka: the request fits them. */
async function freeEveryDay(volunteer: Page) {
  await freeAnyDay(volunteer, app().url);
  const { myVolunteerProfile } = await graphqlIn<{ myVolunteerProfile: { fullName: string } }>(
    volunteer,
    app().url,
    '{ myVolunteerProfile { fullName } }',
  );
  return myVolunteerProfile.fullName;
}

/** A Vietnamese on-site request at Osaka city hall in three weeks, filed and approved: it is open. */
async function openRequest(requester: Page, coordinator: Page, venue: string, daysAhead: number): Promise<string> {
  const day = new Date(Date.now() + daysAhead * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const filed = await graphqlIn<{ fileRequest: { __typename: string; data?: { id: string } } }>(
    requester,
    app().url,
    `mutation ($input: RequestInput!) {
      fileRequest(input: $input) { __typename ... on MutationFileRequestSuccess { data { id } } }
    }`,
    {
      input: {
        modality: 'on_site',
        languageCode: 'vi',
        startsAt: `${day}T10:00:00+09:00`,
        endsAt: `${day}T11:00:00+09:00`,
        localGovernmentCode: '271004',
        venue,
        purpose: 'consultation_desk',
        contactName: 'Yamada Hanako',
      },
    },
  );
  const id = filed.fileRequest.data?.id;
  if (!id) throw new Error(`filing failed: ${filed.fileRequest.__typename}`);
  const approved = await graphqlIn<{ approveRequest: { __typename: string } }>(
    coordinator,
    app().url,
    'mutation ($id: ID!) { approveRequest(requestId: $id) { __typename } }',
    { id },
  );
  expect(approved.approveRequest.__typename).toBe('MutationApproveRequestSuccess');
  return id;
}

describe.each(languages)('applicants beside the candidates, in $lang', (language) => {
  const { words } = language;

  test('a volunteer on a phone applies from the open board, withdraws and applies again; the coordinator sees them beside the candidates and picks them; the volunteer then declines that organization and the organization that volunteer, each taking it back', async () => {
    const volunteer = await signIn(language, 'volunteer', phone);
    const volunteerName = await freeEveryDay(volunteer);
    const requester = await signIn(language, 'requester');
    const coordinator = await signIn(language, 'coordinator');
    const venue = `Board ${language.lang} ${Date.now()}`;
    const requestId = await openRequest(requester, coordinator, venue, language.lang === 'ja' ? 20 : 21);

    await volunteer.getByRole('link', { name: words.openBoard, exact: true }).click();
    const card = volunteer.locator('.work-list > li', { hasText: venue });
    await expect
      .poll(
        async () => {
          if ((await card.count()) === 0) await volunteer.reload();
          return card.count();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(1);
    await card.getByRole('button', { name: words.apply, exact: true }).click();
    await expect.poll(() => card.getByText(words.applied).count(), { timeout: 20_000 }).toBe(1);

    // Withdrawing asks once more, in place, and then offers to apply again.
    await card.getByRole('button', { name: words.withdraw }).click();
    await card.getByRole('button', { name: words.yesWithdraw, exact: true }).click();
    await expect
      .poll(() => card.getByRole('button', { name: words.apply, exact: true }).count(), { timeout: 20_000 })
      .toBe(1);
    expect(await card.getByText(words.applied).count()).toBe(0);
    // The buttons fit the phone's width.
    expect(await volunteer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await card.getByRole('button', { name: words.apply, exact: true }).click();
    await expect.poll(() => card.getByText(words.applied).count(), { timeout: 20_000 }).toBe(1);
    await volunteer.screenshot({ path: artifactPath(`volunteer-applied-${language.lang}.png`), fullPage: true });

    await coordinator.goto(`${app().url}/coordinator/requests/${encodeURIComponent(requestId)}`);
    const applicants = coordinator.getByRole('region', { name: words.applicants });
    const row = applicants.getByRole('row', { name: new RegExp(volunteerName) });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    expect(await row.textContent()).toContain(words.fitsNow);
    await coordinator.screenshot({ path: artifactPath(`coordinator-applicants-${language.lang}.png`), fullPage: true });
    await row.getByRole('button', { name: words.pick }).click();
    await expect.poll(() => applicants.getByRole('status').textContent(), { timeout: 20_000 }).toBe(words.picked);
    await expect
      .poll(() => coordinator.locator('.booked-volunteer').allTextContents(), { timeout: 30_000 })
      .toEqual([volunteerName]);

    // Sent there once, the volunteer asks not to be sent to that organization again, then takes it back.
    const { organizations } = await graphqlIn<{ organizations: { nodes: Array<{ name: string }> } }>(
      requester,
      app().url,
      '{ organizations { nodes { name } } }',
    );
    const organizationName = organizations.nodes[0]?.name ?? '';
    await volunteer.getByRole('link', { name: words.profile, exact: true }).click();
    const declined = volunteer.getByRole('region', { name: words.declinedTitle });
    const choice = declined.getByLabel(words.organization);
    await expect
      .poll(() => choice.locator('option', { hasText: organizationName }).count(), { timeout: 20_000 })
      .toBe(1);
    await choice.selectOption({ label: organizationName });
    await declined.getByLabel(words.reason).fill('Too far for me');
    await declined.getByRole('button', { name: words.decline, exact: true }).click();
    await expect.poll(() => declined.getByRole('status').textContent()).toBe(words.declined);
    const entry = declined.locator('li', { hasText: organizationName });
    await expect.poll(() => entry.count(), { timeout: 20_000 }).toBe(1);
    expect(await volunteer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await volunteer.screenshot({ path: artifactPath(`volunteer-declined-${language.lang}.png`), fullPage: true });
    await entry.getByRole('button', { name: words.undo }).click();
    await expect.poll(() => entry.count(), { timeout: 20_000 }).toBe(0);
    expect(await choice.locator('option', { hasText: organizationName }).count()).toBe(1);

    // The other way: the requester declines the volunteer on the booking, then takes it back on its page.
    await requester.goto(`${app().url}/requester/requests/${encodeURIComponent(requestId)}`);
    const booking = requester.locator('.bookings li', { hasText: volunteerName });
    await expect.poll(() => booking.count(), { timeout: 20_000 }).toBe(1);
    await booking.getByRole('button', { name: words.declineVolunteer }).click();
    await booking.getByLabel(words.reason).fill('Test reason');
    await booking
      .locator('form')
      .getByRole('button', { name: new RegExp(volunteerName) })
      .click();
    await expect.poll(() => booking.getByRole('status').textContent()).toContain(words.declined);
    await requester.getByRole('link', { name: words.declinedVolunteers, exact: true }).click();
    await expect.poll(() => requester.getByRole('heading', { level: 1 }).textContent()).toBe(words.declinedVolunteers);
    const ban = requester.locator('li', { hasText: volunteerName });
    await expect.poll(() => ban.count(), { timeout: 20_000 }).toBe(1);
    expect(await ban.textContent()).toContain('Test reason');
    await requester.screenshot({ path: artifactPath(`requester-declined-${language.lang}.png`), fullPage: true });
    await ban.getByRole('button', { name: words.undo }).click();
    await expect.poll(() => ban.count(), { timeout: 20_000 }).toBe(0);
  }, 240_000);
});
