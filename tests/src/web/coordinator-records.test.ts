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
    pick: 0,
    words: {
      organizations: '依頼機関',
      detail: '依頼機関の詳細',
      code: '団体コード',
      actions: '状態を変える',
      suspend: '利用を停止する',
      suspended: '利用を停止しました。',
      suspendedStatus: '利用停止中',
      reactivate: '利用を再開する',
      reactivated: '利用を再開しました。',
      close: '閉鎖する',
      yesClose: '閉鎖する',
      keepOpen: '閉鎖しない',
      closed: '閉鎖しました。',
      closedStatus: '閉鎖',
      noActions: 'この状態からは変更できません。',
      conflict: '「終了」の機関を「停止中」にはできません。',
      bans: '派遣しない組み合わせ',
      recordTitle: '組み合わせを登録する',
      organization: '依頼機関',
      volunteer: 'ボランティア',
      direction: 'どちらの希望か',
      reason: '理由',
      record: '登録する',
      recorded: '登録しました。',
      declinedVolunteer: '依頼機関がボランティアを断った',
      lift: /^解除する/,
      directoryLink: 'ボランティア名簿',
      directory: 'ボランティア名簿',
      name: '氏名（一部）',
      level: 'レベル（以上）',
      native: '母語',
      search: '検索する',
      clear: '条件をクリア',
      none: '条件に合うボランティアはいません。',
    },
  },
  {
    lang: 'en',
    locale: 'en-GB',
    button: 'English',
    pick: 1,
    words: {
      organizations: 'Organizations',
      detail: 'Organization',
      code: 'code',
      actions: 'Change the status',
      suspend: 'Suspend',
      suspended: 'Suspended.',
      suspendedStatus: 'Suspended',
      reactivate: 'Reactivate',
      reactivated: 'Reactivated.',
      close: 'Close',
      yesClose: 'Close it',
      keepOpen: 'Keep it open',
      closed: 'Closed.',
      closedStatus: 'Closed',
      noActions: 'Nothing can be changed from this status.',
      conflict: 'An organization that is closed cannot be suspended.',
      bans: 'Bans',
      recordTitle: 'Record a ban',
      organization: 'Organization',
      volunteer: 'Volunteer',
      direction: 'Whose wish',
      reason: 'Reason',
      record: 'Record',
      recorded: 'Recorded.',
      declinedVolunteer: 'The organization declined the volunteer',
      lift: /^Lift/,
      directoryLink: 'Volunteers',
      directory: 'Volunteer directory',
      name: 'Name (or part of it)',
      level: 'Level (at least)',
      native: 'Native',
      search: 'Search',
      clear: 'Clear',
      none: 'No volunteer matches.',
    },
  },
] as const;

type Language = (typeof languages)[number];

const signIn = browser.openSignedIn;

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/** An active organization of the coordinator's association other than the demo requester's own. */
async function someOtherOrganization(language: Language, coordinator: Page): Promise<{ id: string; name: string }> {
  const requester = await signIn(language, 'requester');
  type Organizations = { organizations: { nodes: Array<{ id: string; name: string }> } };
  const own = await graphqlIn<Organizations>(requester, app().url, '{ organizations { nodes { id name } } }');
  const all = await graphqlIn<Organizations>(
    coordinator,
    app().url,
    '{ organizations(status: approved, first: 100) { nodes { id name } } }',
  );
  const ownIds = new Set(own.organizations.nodes.map((organization) => organization.id));
  const others = all.organizations.nodes.filter((organization) => !ownIds.has(organization.id));
  const organization = others[language.pick];
  if (!organization) throw new Error('the demo has too few organizations');
  return organization;
}

describe.each(languages)('organizations, bans and the volunteer directory, in $lang', (language) => {
  const { words } = language;

  test('a coordinator opens an organization from the navigation, suspends and reactivates it, closes it on the second asking, and a stale page shows why it cannot be suspended', async () => {
    const coordinator = await signIn(language, 'coordinator');
    const organization = await someOtherOrganization(language, coordinator);

    await coordinator.getByRole('link', { name: words.organizations, exact: true }).click();
    await expect.poll(() => heading(coordinator)).toBe(words.organizations);
    await coordinator.getByRole('link', { name: organization.name, exact: true }).click();
    await expect.poll(() => heading(coordinator)).toBe(words.detail);
    const details = coordinator.getByRole('region', { name: organization.name });
    await expect.poll(() => details.textContent()).toContain(words.code);
    // The same page in a second tab, left as it is.
    const stale = await coordinator.context().newPage();
    await stale.goto(coordinator.url());
    await expect.poll(() => stale.getByRole('button', { name: words.suspend, exact: true }).count()).toBe(1);

    const actions = coordinator.getByRole('region', { name: words.actions });
    await actions.getByRole('button', { name: words.suspend, exact: true }).click();
    await expect.poll(() => actions.getByRole('status').textContent()).toBe(words.suspended);
    expect(await details.textContent()).toContain(words.suspendedStatus);
    await actions.getByRole('button', { name: words.reactivate, exact: true }).click();
    await expect.poll(() => actions.getByRole('status').textContent()).toBe(words.reactivated);

    // Closing asks once more; keeping it open changes nothing.
    await actions.getByRole('button', { name: words.close, exact: true }).click();
    await actions.getByRole('button', { name: words.keepOpen, exact: true }).click();
    expect(await actions.getByRole('button', { name: words.suspend, exact: true }).count()).toBe(1);
    await actions.getByRole('button', { name: words.close, exact: true }).click();
    await actions.locator('fieldset.confirm').getByRole('button', { name: words.yesClose, exact: true }).click();
    await expect.poll(() => actions.getByRole('status').textContent()).toBe(words.closed);
    await expect.poll(() => actions.textContent()).toContain(words.noActions);
    expect(await details.textContent()).toContain(words.closedStatus);
    await coordinator.screenshot({
      path: artifactPath(`coordinator-organization-${language.lang}.png`),
      fullPage: true,
    });

    // The stale tab still offers to suspend: the API's refusal, in the reader's words, shows beside the button.
    await stale.getByRole('button', { name: words.suspend, exact: true }).click();
    await expect.poll(() => stale.getByRole('alert').textContent()).toContain(words.conflict);
  }, 180_000);

  test('a coordinator records that an organization declines a volunteer, with a reason, sees it listed and lifts it', async () => {
    const coordinator = await signIn(language, 'coordinator');
    await coordinator.getByRole('link', { name: words.bans, exact: true }).click();
    await expect.poll(() => heading(coordinator)).toBe(words.bans);
    const form = coordinator.getByRole('form', { name: words.recordTitle });
    const organization = form.getByLabel(words.organization);
    const volunteer = form.getByLabel(words.volunteer);
    await expect.poll(() => volunteer.locator('option').count(), { timeout: 20_000 }).toBeGreaterThan(3);
    await organization.selectOption({ index: 1 + language.pick });
    await volunteer.selectOption({ index: 1 + language.pick });
    const volunteerName = (await volunteer.locator('option:checked').textContent()) ?? '';
    await form.getByLabel(words.direction).selectOption({ label: words.declinedVolunteer });
    const reason = `Reason ${language.lang} ${Date.now()}`;
    await form.getByLabel(words.reason).fill(reason);
    await form.getByRole('button', { name: words.record, exact: true }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe(words.recorded);

    const row = coordinator.getByRole('row', { name: new RegExp(volunteerName) }).filter({ hasText: reason });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    expect(await row.textContent()).toContain(words.declinedVolunteer);
    await coordinator.screenshot({ path: artifactPath(`coordinator-bans-${language.lang}.png`), fullPage: true });
    await row.getByRole('button', { name: words.lift }).click();
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(0);
  }, 120_000);

  test('a coordinator finds volunteers in the directory by part of a name and by level, and clears the search', async () => {
    const coordinator = await signIn(language, 'coordinator');
    await coordinator.getByRole('link', { name: words.directoryLink, exact: true }).click();
    await expect.poll(() => heading(coordinator)).toBe(words.directory);
    const rows = coordinator.locator('table.directory tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(25);
    const everyone = await rows.allTextContents();
    const someone = (await rows.first().locator('th').textContent()) ?? '';
    const part = someone.split(/[\s・]/)[0] ?? someone;

    await coordinator.getByLabel(words.name).fill(part);
    await coordinator.getByRole('button', { name: words.search, exact: true }).click();
    await expect.poll(async () => (await rows.allTextContents()).every((row) => row.includes(part))).toBe(true);
    expect(await rows.locator('th').allTextContents()).toContain(someone);

    await coordinator.getByRole('button', { name: words.clear, exact: true }).click();
    await expect.poll(() => rows.allTextContents()).toEqual(everyone);
    await coordinator.getByLabel(words.level).selectOption({ label: words.native });
    await coordinator.getByRole('button', { name: words.search, exact: true }).click();
    await expect
      .poll(async () => {
        const found = await rows.allTextContents();
        return found.length > 0 && found.every((row) => row.includes(words.native));
      })
      .toBe(true);
    await coordinator.screenshot({ path: artifactPath(`coordinator-directory-${language.lang}.png`), fullPage: true });

    await coordinator.getByLabel(words.name).fill('no such volunteer name');
    await coordinator.getByRole('button', { name: words.search, exact: true }).click();
    await expect.poll(() => coordinator.getByText(words.none).count()).toBe(1);
  }, 120_000);
});
