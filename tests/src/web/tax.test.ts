import { describe, expect, test } from 'vitest';
import { graphqlIn, useBrowser } from '../support/web';

/**
 * Withholding and payment statements in Chromium: a confirmed payout run's withheld tax shows on
 * payout staff's page in the month of the transfer, the person on the year's statement list with
 * what it still needs; the volunteer reads their year on their phone; an admin enters the
 * association as payer, told beside the field when the corporate number is wrong. Japanese and English.
 */

const browser = useBrowser();
const app = browser.app;
const phone = { width: 390, height: 844 };

const languages = [
  {
    lang: 'ja',
    locale: 'ja-JP',
    button: '日本語',
    yen: (amount: number) => `${amount.toLocaleString('ja-JP')}円`,
    month: (month: number) => `${month}月`,
    words: {
      title: '源泉徴収と支払調書',
      needs: /マイナンバー未登録|提出が必要|不要（5万円以下）/,
      own: 'この年の支払いと源泉徴収',
      payer: '支払者（協会）の情報',
      address: '所在地',
      phone: '電話番号',
      corporateNumber: '法人番号',
      save: '保存する',
      wrongNumber: '13桁の法人番号を入力してください。',
      saved: '支払者の情報を保存しました。',
    },
  },
  {
    lang: 'en',
    locale: 'en-GB',
    button: 'English',
    yen: (amount: number) => `¥${amount.toLocaleString('en-GB')}`,
    month: (month: number) =>
      new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1)),
    words: {
      title: 'Withholding tax and payment statements',
      needs: /No individual number yet|Due|Not needed/,
      own: 'This year’s payments and tax withheld',
      payer: 'The association as payer',
      address: 'Address',
      phone: 'Telephone',
      corporateNumber: 'Corporate number (法人番号)',
      save: 'Save',
      wrongNumber: 'Enter the 13-digit corporate number (法人番号).',
      saved: 'The payer’s details are saved.',
    },
  },
] as const;

const signIn = browser.openSignedIn;

const todayInJapan = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());

interface Run {
  grossYen: number;
  withheldYen: number;
  transferDate: string;
}
let run: Run | undefined;

/**
 * Behind the story, once: the coordinator made payout staff, the association's bank account, the
 * demo volunteer's account, an approved ¥20,000 honorarium on one of their bookings, and a run
 * of its month built, approved and confirmed as transferred today.
 */
async function arrange(): Promise<Run> {
  if (run) return run;
  const japanese = languages[0];
  const [admin, coordinator, volunteer] = [
    await signIn(japanese, 'admin'),
    await signIn(japanese, 'coordinator'),
    await signIn(japanese, 'volunteer'),
  ];
  const url = app().url;
  const { me } = await graphqlIn<{ me: { id: string } }>(coordinator, url, '{ me { id } }');
  // Every association is listed; the one whose policy the coordinator may read is theirs.
  const { associations } = await graphqlIn<{ associations: Array<{ id: string; policy: unknown }> }>(
    coordinator,
    url,
    '{ associations { id policy { scope { medical } } } }',
  );
  const associationId = associations.find((association) => association.policy !== null)?.id ?? '';
  const role = await graphqlIn<{ setPayoutRole: { __typename: string } }>(
    admin,
    url,
    'mutation ($a: ID!, $u: ID!) { setPayoutRole(associationId: $a, userId: $u, granted: true) { __typename ... on Error { message } } }',
    { a: associationId, u: me.id },
  );
  expect(role).toEqual({ setPayoutRole: { __typename: 'MutationSetPayoutRoleSuccess' } });
  await graphqlIn(
    admin,
    url,
    `mutation ($a: ID!) { savePayoutSettings(associationId: $a, requesterCode: "1234567890", requesterKana: "ツナグ",
      bankCode: "0005", branchCode: "001", accountType: ordinary, accountNumber: "7654321", withholdOnTransport: true) { __typename } }`,
    { a: associationId },
  );
  await graphqlIn(
    volunteer,
    url,
    `mutation { savePayoutDetails(declinesPayment: false, account: { bankCode: "0001", branchCode: "001",
      accountType: ordinary, accountNumber: "1234567", holderKana: "グエン ヴァン アン" }) { __typename } }`,
  );
  const { myAssignments } = await graphqlIn<{
    myAssignments: { nodes: Array<{ id: string; request: { startsAt: string } }> };
  }>(volunteer, url, '{ myAssignments(first: 50) { nodes { id request { startsAt } } } }');
  const past = myAssignments.nodes.find((assignment) => assignment.request.startsAt < new Date().toISOString());
  if (!past) throw new Error('the demo volunteer has no past booking');
  const created = await graphqlIn<{ createExpenseLine: { data?: { id: string; activityDate: string } } }>(
    coordinator,
    url,
    `mutation ($input: ExpenseLineInput!) {
      createExpenseLine(input: $input) { __typename ... on MutationCreateExpenseLineSuccess { data { id activityDate } } }
    }`,
    {
      input: {
        assignmentId: Buffer.from(past.id, 'base64').toString().split(':')[1],
        kind: 'honorarium',
        amountYen: 20_000,
        payer: 'association',
      },
    },
  );
  const line = created.createExpenseLine.data;
  if (!line) throw new Error(`no line: ${JSON.stringify(created)}`);
  for (const to of ['submitted', 'approved'])
    await graphqlIn(
      coordinator,
      url,
      `mutation ($ids: [ID!]!) { advanceExpenseLines(lineIds: $ids, to: ${to}) { __typename } }`,
      { ids: [line.id] },
    );
  const [year, month] = line.activityDate.split('-').map(Number);
  const transferDate = todayInJapan();
  const built = await graphqlIn<{ buildPayoutRun: { data?: { id: string; grossYen: number; withheldYen: number } } }>(
    coordinator,
    url,
    `mutation ($a: ID!, $year: Int!, $month: Int!, $date: String!) {
      buildPayoutRun(associationId: $a, year: $year, month: $month, transferDate: $date) {
        __typename ... on MutationBuildPayoutRunSuccess { data { id grossYen withheldYen } } ... on Error { message }
      }
    }`,
    { a: associationId, year, month, date: transferDate },
  );
  const made = built.buildPayoutRun.data;
  if (!made) throw new Error(`no run: ${JSON.stringify(built)}`);
  for (const act of ['approvePayoutRun', 'confirmPayoutRun'])
    await graphqlIn(coordinator, url, `mutation ($id: ID!) { ${act}(id: $id) { __typename } }`, { id: made.id });
  run = { grossYen: made.grossYen, withheldYen: made.withheldYen, transferDate };
  return run;
}

describe.each(languages)('withholding and statements in $lang', (language) => {
  test('payout staff see the month’s tax and the person; the volunteer their year; an admin enters the payer', async () => {
    const { withheldYen, grossYen, transferDate } = await arrange();
    const month = Number(transferDate.slice(5, 7));

    const coordinator = await signIn(language, 'coordinator');
    await coordinator.goto(`${app().url}/coordinator/tax`);
    await expect.poll(() => coordinator.getByRole('heading', { level: 1 }).textContent()).toBe(language.words.title);
    const monthRow = coordinator.getByRole('row', { name: new RegExp(`^${language.month(month)}`) });
    await expect.poll(() => monthRow.textContent()).toContain(language.yen(withheldYen));
    expect(await monthRow.textContent()).toContain(language.yen(grossYen));
    const statements = coordinator.getByRole('region', {
      name: language.lang === 'ja' ? '支払調書' : 'Payment statements',
      exact: true,
    });
    expect(await statements.textContent()).toMatch(language.words.needs);

    const volunteer = await signIn(language, 'volunteer', phone);
    await volunteer.goto(`${app().url}/volunteer/honoraria`);
    const own = volunteer.getByRole('region', { name: language.words.own });
    await expect.poll(() => own.textContent()).toContain(language.yen(withheldYen));
    // Nothing on the phone runs off the screen's edge.
    expect(await volunteer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);

    const admin = await signIn(language, 'admin');
    await admin.goto(`${app().url}/admin/statements`);
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe(language.words.payer);
    await admin.getByRole('textbox', { name: language.words.address }).fill('大阪府豊中市玉井町1-1-1');
    await admin.getByRole('textbox', { name: language.words.phone }).fill('06-6843-4343');
    const corporateNumber = admin.getByRole('textbox', { name: language.words.corporateNumber });
    await corporateNumber.fill('8000012050002');
    await admin.getByRole('button', { name: language.words.save, exact: true }).click();
    await expect.poll(() => admin.locator('.field-invalid').textContent()).toContain(language.words.wrongNumber);
    await corporateNumber.fill('7000012050002');
    await admin.getByRole('button', { name: language.words.save, exact: true }).click();
    await expect.poll(() => admin.getByRole('status').textContent()).toBe(language.words.saved);
  });
});
