import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { approveWhenReady, freeAnyDay, graphqlIn, type Role, signIn as signInAt, useBrowser } from '../support/web';

const browser = useBrowser();
const url = () => browser.app().url;
/** Signs in and speaks the page's language (the account remembers the choice). */
async function signIn(page: Page, role: Role) {
  await signInAt(page, url(), role);
  const lang = (await page.evaluate(() => navigator.language)).startsWith('en') ? 'en' : 'ja';
  await page.getByRole('button', { name: lang === 'en' ? 'English' : '日本語', exact: true }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

/** The plain id inside a global ID: what the pages' addresses carry. */
const plainId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1] ?? '';

interface Listed {
  id: string;
  status: string;
  canCancel: boolean;
  assignments: Array<{ status: string; volunteerName: string }>;
}

async function coordinatorsRequests(page: Page, status: string): Promise<Listed[]> {
  const { requests } = await graphqlIn<{ requests: { nodes: Listed[] } }>(
    page,
    url(),
    `query ($status: RequestStatus) {
      requests(first: 100, status: $status) { nodes { id status canCancel assignments { status volunteerName } } }
    }`,
    { status },
  );
  return requests.nodes;
}

/** An urgent consultation the day after tomorrow, filed by the demo requester: it leads the board. */
async function fileUrgentRequest(page: Page, venue = '豊中市役所 至急窓口') {
  const start = new Date(Date.now() + 2 * 24 * 3_600_000);
  start.setUTCHours(1, 0, 0, 0);
  const end = new Date(start.getTime() + 2 * 3_600_000);
  const { fileRequest } = await graphqlIn<{ fileRequest: { __typename: string } }>(
    page,
    url(),
    `mutation ($input: RequestInput!) { fileRequest(input: $input) { __typename } }`,
    {
      input: {
        modality: 'on_site',
        languageCode: 'vi',
        startsAt: start.toISOString(),
        endsAt: end.toISOString(),
        localGovernmentCode: '272035',
        venue,
        purpose: 'consultation_desk',
        contactName: '窓口 一郎',
        urgent: true,
      },
    },
  );
  expect(fileRequest.__typename).toBe('MutationFileRequestSuccess');
}

const languages = [
  {
    locale: 'ja-JP' as const,
    urgent: '至急',
    finishedStatuses: ['取消', '不受理', '完了'],
    showFinished: '終わった依頼（過去・取消・不受理）も表示する',
  },
  {
    locale: 'en-GB' as const,
    urgent: 'Urgent',
    finishedStatuses: ['Cancelled', 'Rejected', 'Completed'],
    showFinished: 'Also show finished requests (past, cancelled, rejected)',
  },
];

describe.each(languages)('the coordinators’ board ($locale)', (language) => {
  test('urgent requests come first; finished ones show only when asked, and the choice stays in the address', async () => {
    const requester = await browser.openPage(language.locale);
    await signIn(requester, 'requester');
    await fileUrgentRequest(requester);

    const page = await browser.openPage(language.locale);
    await signIn(page, 'coordinator');
    const rows = page.locator('.request-item');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const urgentFlags = async () =>
      Promise.all((await rows.all()).map(async (row) => (await row.locator('.badge-urgent').count()) > 0));
    const flags = await urgentFlags();
    expect(flags[0]).toBe(true);
    // Urgent ones form the head of the list: none after the first that is not.
    const firstNotUrgent = flags.indexOf(false);
    if (firstNotUrgent >= 0) expect(flags.slice(firstNotUrgent)).not.toContain(true);
    const statuses = () => page.locator('.request-item .status').allTextContents();
    for (const status of await statuses()) expect(language.finishedStatuses).not.toContain(status);
    const unfinished = await rows.count();

    // The demo's bookings of the last mornings are past: they show only when asked for.
    await page.getByLabel(language.showFinished).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('finished')).toBe('1');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(unfinished);
    expect((await urgentFlags())[0]).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByLabel(language.showFinished).isChecked(), { timeout: 20_000 }).toBe(true);
  });
});

describe('a request’s page offers only what can succeed', () => {
  test('a past booking’s candidates offer nothing by hand, and it offers neither change nor cancelling', async () => {
    const page = await browser.openPage('ja-JP');
    await signIn(page, 'coordinator');
    // The demo's bookings of the last mornings: confirmed, over, their reports still to come.
    const past = (await coordinatorsRequests(page, 'filled')).find(
      (request) => !request.canCancel && request.assignments.some((booking) => booking.status === 'confirmed'),
    );
    if (!past) throw new Error('the demo has no past booking');
    await page.goto(`${url()}/coordinator/requests/${plainId(past.id)}`);
    await expect.poll(() => page.locator('.status-line').textContent(), { timeout: 20_000 }).toContain('確定');
    const candidates = page.getByRole('region', { name: '候補のボランティア' });
    await expect.poll(() => candidates.locator('tbody tr, .empty').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await candidates.getByRole('button', { name: /^打診する/ }).count()).toBe(0);
    expect(await candidates.getByRole('button', { name: /^割り当てる/ }).count()).toBe(0);
    const volunteerName = past.assignments.find((booking) => booking.status === 'confirmed')?.volunteerName ?? '';
    const bookedRow = candidates.locator('tbody tr', { hasText: volunteerName });
    if ((await bookedRow.count()) > 0) expect(await bookedRow.textContent()).toContain('この依頼に確定済み');
    expect(await page.getByRole('button', { name: 'この依頼を取り消す' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '変更する' }).count()).toBe(0);
  });

  test('a request cancelled keeps the steps it reached, ends on Cancelled, and offers no more cancelling or change', async () => {
    const page = await browser.openPage('en-GB');
    await signIn(page, 'requester');
    await fileUrgentRequest(page);
    const { requests } = await graphqlIn<{ requests: { nodes: Array<{ id: string; status: string; venue: string }> } }>(
      page,
      url(),
      '{ requests(first: 100, unfinishedOnly: true) { nodes { id status venue } } }',
    );
    const filed = requests.nodes.find((request) => request.venue === '豊中市役所 至急窓口');
    if (!filed) throw new Error('the request just filed is not listed');
    await page.goto(`${url()}/requester/requests/${plainId(filed.id)}`);
    await page.getByRole('button', { name: 'Cancel this request' }).click();
    await page.getByLabel('No longer needed', { exact: true }).check();
    await page.getByRole('button', { name: 'Cancel it', exact: true }).click();
    await expect.poll(() => page.locator('.status-line').textContent(), { timeout: 20_000 }).toContain('Cancelled');
    await expect
      .poll(() => page.locator('.timeline .step-name').allTextContents(), { timeout: 20_000 })
      .toEqual(['Filed', 'Cancelled']);
    expect(await page.locator('.timeline [aria-current="step"] .step-name').textContent()).toBe('Cancelled');
    expect(await page.getByRole('button', { name: 'Cancel this request' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Change', exact: true }).count()).toBe(0);
  });

  test.each([
    {
      who: 'the requester cancels in English, and a coordinator reads why in Japanese',
      canceller: { locale: 'en-GB' as const, role: 'requester' as Role, portal: 'requester' },
      reader: { locale: 'ja-JP' as const, role: 'coordinator' as Role, portal: 'coordinator' },
      words: {
        cancel: 'Cancel this request',
        yes: 'Cancel it',
        chooseReason: 'Choose a reason.',
        other: 'Other',
        sayWhy: 'Say why, in a few words.',
        counter: '7 / 500 characters',
      },
      venue: '豊中市役所 取消窓口A',
      read: '依頼者からの理由: その他 — 会場が使えない',
    },
    {
      who: 'a coordinator cancels in Japanese, and the requester reads why in English',
      canceller: { locale: 'ja-JP' as const, role: 'coordinator' as Role, portal: 'coordinator' },
      reader: { locale: 'en-GB' as const, role: 'requester' as Role, portal: 'requester' },
      words: {
        cancel: 'この依頼を取り消す',
        yes: '取り消す',
        chooseReason: '理由を選んでください。',
        other: 'その他',
        sayWhy: '理由を簡単に入力してください。',
        counter: '7 / 500 文字',
      },
      venue: '豊中市役所 取消窓口B',
      read: 'Reason given by the coordinator: Other — 会場が使えない',
    },
  ])('$who', async ({ canceller, reader, words, venue, read }) => {
    const requester = await browser.openPage(canceller.role === 'requester' ? canceller.locale : reader.locale);
    await signIn(requester, 'requester');
    await fileUrgentRequest(requester, venue);
    const { requests } = await graphqlIn<{ requests: { nodes: Array<{ id: string; venue: string }> } }>(
      requester,
      url(),
      '{ requests(first: 100, unfinishedOnly: true) { nodes { id venue } } }',
    );
    const filed = requests.nodes.find((request) => request.venue === venue);
    if (!filed) throw new Error('the request just filed is not listed');
    const page =
      canceller.role === 'requester'
        ? requester
        : await browser.openPage(canceller.locale).then(async (opened) => {
            await signIn(opened, canceller.role);
            return opened;
          });
    await page.goto(`${url()}/${canceller.portal}/requests/${plainId(filed.id)}`);
    await page.getByRole('button', { name: words.cancel }).click();
    const asked = page.locator('fieldset.confirm');
    // Sent without a reason, then "other" without a word: each problem beside its field, nothing sent.
    await asked.getByRole('button', { name: words.yes, exact: true }).click();
    await expect.poll(() => asked.locator('.field-invalid').textContent()).toContain(words.chooseReason);
    await asked.getByLabel(words.other, { exact: true }).check();
    await asked.getByRole('button', { name: words.yes, exact: true }).click();
    await expect.poll(() => asked.locator('.field-invalid').textContent()).toContain(words.sayWhy);
    await asked.locator('textarea').fill('会場が使えない');
    expect(await asked.locator('.counter').textContent()).toBe(words.counter);
    await asked.getByRole('button', { name: words.yes, exact: true }).click();
    await expect.poll(() => page.locator('.stated-reason').count(), { timeout: 20_000 }).toBe(1);

    const other =
      reader.role === 'requester'
        ? requester
        : await browser.openPage(reader.locale).then(async (opened) => {
            await signIn(opened, reader.role);
            return opened;
          });
    await other.goto(`${url()}/${reader.portal}/requests/${plainId(filed.id)}`);
    await expect.poll(() => other.locator('.stated-reason').textContent(), { timeout: 20_000 }).toBe(read);
  });
});

/** Changes the demo association's policy as its admin. */
async function setPolicy(input: Record<string, unknown>) {
  const admin = await browser.openPage('ja-JP');
  await signIn(admin, 'admin');
  const { associations } = await graphqlIn<{ associations: Array<{ id: string; nameJa: string; policy: unknown }> }>(
    admin,
    url(),
    '{ associations { id nameJa policy { offers { waveSize } } } }',
  );
  const association = associations.find((one) => one.policy !== null && one.nameJa === '大阪府国際交流協会');
  if (!association) throw new Error('the demo admin administers no association');
  const { updateAssociationPolicy } = await graphqlIn<{ updateAssociationPolicy: { __typename: string } }>(
    admin,
    url(),
    `mutation ($id: ID!, $input: AssociationPolicyInput!) {
      updateAssociationPolicy(associationId: $id, input: $input) { __typename }
    }`,
    { id: association.id, input },
  );
  expect(updateAssociationPolicy.__typename).toMatch(/Success$/);
}

/** The id of the request the demo requester filed at `venue`, as a coordinator reads it. */
async function filedAt(coordinator: Page, venue: string): Promise<string> {
  const { requests } = await graphqlIn<{ requests: { nodes: Array<{ id: string; venue: string }> } }>(
    coordinator,
    url(),
    '{ requests(first: 100, status: filed) { nodes { id venue } } }',
  );
  const filed = requests.nodes.find((request) => request.venue === venue);
  if (!filed) throw new Error(`the request filed at ${venue} is not listed`);
  return filed.id;
}

describe('the volunteer’s offers page shows what became of an action without a reload', () => {
  test('an offer sent while the page is open appears; declined, it goes and stays gone when the page asks again', async () => {
    // Every fitting volunteer in the first wave: the demo volunteer among them.
    await setPolicy({ offers: { waveSize: 50 } });
    const volunteer = await browser.openPage('ja-JP');
    await signIn(volunteer, 'volunteer');
    await freeAnyDay(volunteer, url());
    const asked: string[] = [];
    volunteer.on('request', (request) => {
      // Sent by GET or POST: the operation's name is in the address or in the body.
      const sent = `${decodeURIComponent(request.url())} ${request.postData() ?? ''}`;
      if (request.url().includes('/graphql') && sent.includes('MyOffers')) asked.push(request.url());
    });
    await volunteer.goto(`${url()}/volunteer/offers`);
    const offers = volunteer.getByRole('list', { name: '依頼の打診' });
    await expect.poll(() => volunteer.getByRole('heading', { name: '依頼の打診' }).count()).toBeGreaterThan(0);
    const before = await offers.locator('li.offer').count();
    const askedBefore = asked.length;

    // Elsewhere, a requester files and a coordinator approves: the offers go out from the workflow.
    const requester = await browser.openPage('ja-JP');
    await signIn(requester, 'requester');
    await fileUrgentRequest(requester, '豊中市役所 打診窓口');
    const coordinator = await browser.openPage('ja-JP');
    await signIn(coordinator, 'coordinator');
    const filedId = await filedAt(coordinator, '豊中市役所 打診窓口');
    await approveWhenReady(coordinator, url(), filedId);

    // The page asks again on the live count, and lists the new offer: nobody reloaded it.
    await expect.poll(() => offers.locator('li.offer').count(), { timeout: 60_000 }).toBe(before + 1);
    expect(asked.length).toBeGreaterThan(askedBefore);

    const card = offers.locator('li.offer').first();
    await card.getByRole('button', { name: '断る', exact: true }).click();
    await expect.poll(() => volunteer.getByRole('status').filter({ hasText: '打診を断りました。' }).count()).toBe(1);
    await expect.poll(() => offers.locator('li.offer').count(), { timeout: 20_000 }).toBe(before);
    // Read afresh, the server's list agrees: the declined offer is not waiting any more.
    await volunteer.reload();
    await expect.poll(() => volunteer.locator('li.offer, .empty').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await volunteer.locator('li.offer').count()).toBe(before);
  });
});

describe('the candidates panel shows who is held back for their papers', () => {
  test('a volunteer whose insurance lapsed is listed apart, marked, with why, and not among the candidates', async () => {
    const volunteer = await browser.openPage('ja-JP');
    await signIn(volunteer, 'volunteer');
    await freeAnyDay(volunteer, url());
    const { myVolunteerProfile } = await graphqlIn<{ myVolunteerProfile: { id: string; fullName: string } }>(
      volunteer,
      url(),
      '{ myVolunteerProfile { id fullName } }',
    );
    const coordinator = await browser.openPage('ja-JP');
    await signIn(coordinator, 'coordinator');
    const { recordVolunteerPaperwork } = await graphqlIn<{ recordVolunteerPaperwork: { __typename: string } }>(
      coordinator,
      url(),
      `mutation ($id: ID!) {
        recordVolunteerPaperwork(volunteerId: $id, input: { insuranceEnrolledUntil: "2026-03-31" }) { __typename }
      }`,
      { id: myVolunteerProfile.id },
    );
    expect(recordVolunteerPaperwork.__typename).toMatch(/Success$/);
    await setPolicy({ paperwork: { requireInsurance: true } });
    try {
      const requester = await browser.openPage('ja-JP');
      await signIn(requester, 'requester');
      await fileUrgentRequest(requester, '豊中市役所 書類窓口');
      const filedId = await filedAt(coordinator, '豊中市役所 書類窓口');
      await coordinator.goto(`${url()}/coordinator/requests/${plainId(filedId)}`);
      const heldBack = coordinator.getByRole('region', { name: '書類の期限切れで候補から外れている人' });
      const row = heldBack.locator('tbody tr', { hasText: myVolunteerProfile.fullName });
      await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
      expect(await row.locator('.status-held-back').textContent()).toBe('書類の期限切れ');
      expect(await row.textContent()).toContain(
        'ボランティア保険の期限が切れている（または加入の記録がない）ため、依頼の候補になりません。',
      );
      // Nothing to press for them: the API would refuse it.
      expect(await row.getByRole('button').count()).toBe(0);
      const candidates = coordinator.getByRole('region', { name: '候補のボランティア' });
      expect(await candidates.locator('tbody tr', { hasText: myVolunteerProfile.fullName }).count()).toBe(0);
    } finally {
      await setPolicy({ paperwork: { requireInsurance: false } });
    }
  });
});
