import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { makeDocx, makePdf } from '../support/documents';
import { artifactPath, graphqlIn, phone, useBrowser } from '../support/web';

const browser = useBrowser();
const app = browser.app;

/** The words the story clicks and reads, in each language of the app. */
const languages = [
  {
    lang: 'ja',
    locale: 'ja-JP',
    button: '日本語',
    daysAhead: 21,
    words: {
      newRequest: '新しい依頼',
      translation: '翻訳（文書）',
      send: '依頼を送信する',
      detailTitle: '依頼の詳細',
      pdfCount: '5 語 · 1 ページ',
      docxCount: '464 文字（400字詰め原稿用紙 2 枚）',
      approveRequest: '承認して打診を始める',
      offering: '募集中',
      offers: '依頼の打診',
      accept: '引き受ける',
      booked: '予約が確定しました',
      bookings: '予定と報告',
      openJob: '翻訳の仕事を開く',
      jobTitle: '翻訳の仕事',
      fromInto: '日本語からベトナム語へ',
      download: 'ダウンロード',
      sourceDownloaded: '原文受け取り済み',
      proposeChange: '変更を提案する',
      withdraw: 'notice.pdf',
      changeNote: '翻訳者へのメモ',
      changeNoteText: 'お知らせの PDF は別の課で訳すことになりました。',
      sendProposal: '提案を送る',
      proposalSent: '変更を提案しました。翻訳者の回答を待っています。',
      waiting: '翻訳者の回答待ち',
      proposedChange: '変更の提案',
      declineChange: '変更を断る',
      sendDecline: '断る',
      declineNeedsReason: '変更を断る理由を入力してください。',
      keepAsIs: 'やめる',
      acceptChange: '変更を承諾する',
      changeAccepted: '変更を承諾しました。新しい納期と原文で進めてください。',
      acceptedByTranslator: '翻訳者が承諾',
      changeTitle: '納期・原文の変更',
      addSources: '追加する原文',
      declineReason: '断る理由',
      declineReasonText: '追加の原文は今の納期では訳しきれません。',
      changeDeclined: '変更を断りました。依頼元に理由が届きます。',
      declinedByTranslator: '翻訳者が断った',
      uploaded: '訳文アップロード済み',
      submit: (version: number) => `第${version}版を提出する`,
      submitted: '確認待ち',
      review: '訳文を確認する',
      reviewTitle: '訳文の確認',
      comment: '修正してほしい点',
      askRevision: '修正を依頼する',
      revisionSent: '修正を依頼しました。',
      roundsLeft: '修正依頼はあと1回できます（全2回）。',
      revisionAsked: '修正依頼',
      accept2: '検収する',
      acceptDone: '検収しました。翻訳料が経費明細に入りました。',
      accepted: '検収済み',
      approvals: '承認待ち',
      expenses: '経費の承認',
      fee: '翻訳料',
      approveOne: /^承認する/,
      deadlineYear: (year: number) => `${year}/`,
      yen: (amount: number) => `${amount.toLocaleString('ja-JP')}円`,
    },
  },
  {
    lang: 'en',
    locale: 'en-GB',
    button: 'English',
    daysAhead: 22,
    words: {
      newRequest: 'New request',
      translation: 'Translation (documents)',
      send: 'Send the request',
      detailTitle: 'Request',
      pdfCount: '5 words · 1 page',
      docxCount: '464 characters (2 manuscript pages of 400 characters)',
      approveRequest: 'Approve and send offers',
      offering: 'Open',
      offers: 'Offers',
      accept: 'Accept',
      booked: 'You are booked',
      bookings: 'Bookings',
      openJob: 'Open the translation job',
      jobTitle: 'Translation job',
      fromInto: 'From Japanese into Vietnamese',
      download: 'Download',
      sourceDownloaded: 'Source downloaded',
      proposeChange: 'Propose a change',
      withdraw: 'notice.pdf',
      changeNote: 'A note to the translator',
      changeNoteText: 'Another department translates the PDF notice.',
      sendProposal: 'Send the proposal',
      proposalSent: 'Change proposed: waiting for the translator’s answer.',
      waiting: 'Waiting for the translator',
      proposedChange: 'A proposed change',
      declineChange: 'Decline the change',
      sendDecline: 'Decline',
      declineNeedsReason: 'Say why you decline the change.',
      keepAsIs: 'Cancel',
      acceptChange: 'Accept the change',
      changeAccepted: 'You accepted the change: work to the new deadline and sources.',
      acceptedByTranslator: 'Accepted by the translator',
      changeTitle: 'Change the deadline or the sources',
      addSources: 'Sources to add',
      declineReason: 'Why you decline',
      declineReasonText: 'The added source cannot be translated by the deadline.',
      changeDeclined: 'You declined the change: the requester reads your reason.',
      declinedByTranslator: 'Declined by the translator',
      uploaded: 'Translation uploaded',
      submit: (version: number) => `Submit version ${version}`,
      submitted: 'Submitted',
      review: 'Review the translation',
      reviewTitle: 'Review the translation',
      comment: 'What should be revised',
      askRevision: 'Ask for a revision',
      revisionSent: 'Revision asked.',
      roundsLeft: '1 of 2 revisions left to ask for.',
      revisionAsked: 'Revision asked',
      accept2: 'Accept',
      acceptDone: 'Accepted: the fee is now an expense line.',
      accepted: 'Accepted',
      approvals: 'Approvals',
      expenses: 'Expenses to approve',
      fee: 'Translation fee',
      approveOne: /^Approve\b/,
      deadlineYear: (year: number) => ` ${year}`,
      yen: (amount: number) => `¥${amount.toLocaleString('en-GB')}`,
    },
  },
] as const;

const signIn = browser.openSignedIn;

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const counts = (page: Page) => page.locator('[data-testid=document-count]').allTextContents();

/** A weekday some weeks ahead in Japan, as the request form's date field takes it. */
function dayAhead(days: number): string {
  const japanNow = new Date(Date.now() + 9 * 60 * 60 * 1000);
  const day = new Date(Date.UTC(japanNow.getUTCFullYear(), japanNow.getUTCMonth(), japanNow.getUTCDate() + days));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** The admin offers to every fitting volunteer at once; the demo volunteer translates Vietnamese both ways. */
async function arrange(admin: Page, volunteer: Page) {
  const { associations } = await graphqlIn<{ associations: Array<{ id: string; nameJa: string; policy: unknown }> }>(
    admin,
    app().url,
    '{ associations { id nameJa policy { reminders { hoursBeforeStart } } } }',
  );
  const association = associations.find((one) => one.policy !== null && one.nameJa === '大阪府国際交流協会');
  if (!association) throw new Error('the demo admin administers no association');
  await graphqlIn(
    admin,
    app().url,
    `mutation ($id: ID!, $input: AssociationPolicyInput!) {
      updateAssociationPolicy(associationId: $id, input: $input) { __typename }
    }`,
    { id: association.id, input: { offers: { waveSize: 50 } } },
  );
  const profile = await graphqlIn<{ updateMyVolunteerProfile: { __typename: string } }>(
    volunteer,
    app().url,
    `mutation ($input: VolunteerProfileInput!) {
      updateMyVolunteerProfile(input: $input) { __typename ... on ValidationError { problems { path message } } }
    }`,
    {
      input: {
        languages: [
          {
            code: 'vi',
            level: 'native',
            directions: ['interpretation', 'translation_into_japanese', 'translation_from_japanese'],
          },
        ],
        availability: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 })),
        daysOff: [],
        holidaysOff: false,
        regions: ['270008'],
        maxTravelKm: null,
        monthlyCap: null,
      },
    },
  );
  expect(profile.updateMyVolunteerProfile).toEqual({ __typename: 'MutationUpdateMyVolunteerProfileSuccess' });
}

/** Clicks a download link and answers the bytes the browser saved. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
  return readFileSync(await download.path());
}

describe.each(languages)('the translation story through the browser, in $lang', (language) => {
  const { words } = language;

  test('a requester files two documents, a translator works on a phone (a later deadline and a withdrawn source proposed and accepted, an added source declined with a reason), one revision, accepted, and the fee is a line for the counted pages', async () => {
    const admin = await signIn(language, 'admin');
    const volunteer = await signIn(language, 'volunteer', phone);
    await arrange(admin, volunteer);

    // The requester uploads a .pdf and a .docx, sees their counts, and files the request.
    const requester = await signIn(language, 'requester');
    await requester.getByRole('link', { name: words.newRequest }).click();
    await expect.poll(() => requester.locator('#field-contactName').count()).toBe(1);
    await requester.getByLabel(words.translation).check();
    const pdf = Buffer.from(makePdf(['Garbage is collected on Tuesdays.']));
    const docx = Buffer.from(
      await makeDocx(['外国人住民のための防災ガイド', '避難所の場所を確認しましょう。'.repeat(30)]),
    );
    const input = requester.locator('[data-testid=document-upload] input[type=file]');
    await input.setInputFiles({ name: 'notice.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(() => counts(requester)).toEqual([words.pdfCount]);
    await input.setInputFiles({ name: '防災ガイド.docx', mimeType: 'application/octet-stream', buffer: docx });
    await expect.poll(() => counts(requester)).toEqual([words.pdfCount, words.docxCount]);
    const deadline = dayAhead(language.daysAhead);
    await requester.locator('#field-languageCode').selectOption('vi');
    await requester.locator('#field-deadline').fill(deadline);
    await requester.locator('#field-translationDirection').selectOption('from_japanese');
    await requester.locator('#field-purpose').selectOption('administrative_translation');
    await requester.locator('#field-contactName').fill('Yamada Hanako');
    await requester.getByRole('button', { name: words.send }).click();
    await expect.poll(() => heading(requester)).toBe(words.detailTitle);
    await expect.poll(() => counts(requester)).toEqual([words.pdfCount, words.docxCount]);
    const requestUrl = requester.url();
    const requestPath = new URL(requestUrl).pathname.replace(/^\/requester/, '');

    // A coordinator approves it: the offers go out.
    const coordinator = await signIn(language, 'coordinator');
    await coordinator.goto(`${app().url}/coordinator${requestPath}`);
    await coordinator.getByRole('button', { name: words.approveRequest }).click();
    const dispatch = coordinator.locator('#dispatch-title').locator('..');
    await expect.poll(() => dispatch.textContent(), { timeout: 30_000 }).toContain(words.offering);

    // The translator, on a phone, accepts the offer.
    await volunteer.getByRole('link', { name: words.offers, exact: true }).click();
    const offer = volunteer.locator('.offer', { hasText: words.translation });
    await expect
      .poll(
        async () => {
          if ((await offer.count()) === 0) await volunteer.reload();
          return offer.count();
        },
        { timeout: 90_000, interval: 2_000 },
      )
      .toBe(1);
    await offer.getByRole('button', { name: words.accept }).click();
    await expect
      .poll(() => volunteer.getByRole('status').filter({ hasText: words.booked }).count(), { timeout: 30_000 })
      .toBe(1);

    // The job page: what to translate, into what, by when (with the year), and the source's bytes.
    await volunteer.getByRole('link', { name: words.bookings, exact: true }).click();
    // The booking of this story's request: the other language's story booked the same translator.
    const { myAssignments } = await graphqlIn<{
      myAssignments: { nodes: Array<{ id: string; translationJob: { requestId: string } | null }> };
    }>(volunteer, app().url, '{ myAssignments(first: 50) { nodes { id translationJob { requestId } } } }');
    const requestId = decodeURIComponent(requestPath.split('/')[2] ?? '');
    const booking = myAssignments.nodes.find((node) => node.translationJob?.requestId === requestId);
    if (!booking) throw new Error(`no booking of ${requestId}`);
    await volunteer.locator(`a[href$="/assignments/${encodeURIComponent(booking.id)}/translation"]`).click();
    await expect.poll(() => heading(volunteer)).toBe(words.jobTitle);
    const job = volunteer.locator('.translation-job');
    await expect
      .poll(() => job.locator('.card').textContent(), { timeout: 20_000 })
      .toContain(words.deadlineYear(Number(deadline.slice(0, 4))));
    expect(await job.locator('.card').textContent()).toContain(words.fromInto);
    // Nothing to upload before the source is downloaded (the API would refuse it): the page says so.
    expect(await volunteer.locator('[data-testid=document-upload]').count()).toBe(0);
    expect(await volunteer.getByTestId('upload-after-download').count()).toBe(1);
    const sources = volunteer.getByRole('region', {
      name: language.lang === 'ja' ? '翻訳する原文' : 'What to translate',
    });
    const links = sources.getByRole('link', { name: words.download });
    expect(await links.count()).toBe(2);
    expect((await downloaded(volunteer, () => links.nth(0).click())).equals(pdf)).toBe(true);
    expect((await downloaded(volunteer, () => links.nth(1).click())).equals(docx)).toBe(true);
    // The download moved the job on, and the page says so without a reload.
    await expect
      .poll(() => job.getByTestId('translation-state').textContent(), { timeout: 20_000 })
      .toBe(words.sourceDownloaded);
    // The page fits the phone: nothing is wider than the screen.
    expect(await volunteer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);

    // The requester proposes a later deadline and withdraws the .pdf, with a note; it waits for the translator.
    const later = dayAhead(language.daysAhead + 7);
    await requester.goto(`${requestUrl}/translation`);
    await requester.getByRole('button', { name: words.proposeChange }).click();
    await requester.locator('#field-changeDeadline').fill(later);
    await requester.getByLabel(words.withdraw).check();
    await requester.getByRole('textbox', { name: words.changeNote }).fill(words.changeNoteText);
    await requester.getByRole('button', { name: words.sendProposal }).click();
    await expect.poll(() => requester.getByRole('status').filter({ hasText: words.proposalSent }).count()).toBe(1);
    expect(await requester.getByTestId('translation-change').textContent()).toContain(words.waiting);

    // The translator is told, and their open page shows it without a reload: the deadline
    // from → to, the .pdf withdrawn, the note.
    const proposal = volunteer.getByRole('region', { name: words.proposedChange });
    await expect.poll(() => proposal.count(), { timeout: 30_000 }).toBe(1);
    const proposed = await proposal.getByTestId('translation-change').textContent();
    expect(proposed).toContain('→');
    expect(proposed).toContain(words.deadlineYear(Number(later.slice(0, 4))));
    expect(proposed).toContain('notice.pdf');
    expect(proposed).toContain(words.changeNoteText);
    // Declining needs a reason, said beside the field; they think again and accept.
    await proposal.getByRole('button', { name: words.declineChange }).click();
    await proposal.getByRole('button', { name: words.sendDecline, exact: true }).click();
    await expect.poll(() => proposal.textContent()).toContain(words.declineNeedsReason);
    await proposal.getByRole('button', { name: words.keepAsIs }).click();
    await proposal.getByRole('button', { name: words.acceptChange }).click();
    await expect.poll(() => volunteer.getByRole('status').filter({ hasText: words.changeAccepted }).count()).toBe(1);
    // The page shows the new sources at once: the .pdf is gone, the .docx stays.
    await expect.poll(() => links.count()).toBe(1);
    expect(await sources.textContent()).not.toContain('notice.pdf');
    expect(await job.getByTestId('translation-state').textContent()).toBe(words.sourceDownloaded);
    // The requester is told too, and their open page follows without a reload.
    await expect
      .poll(() => requester.getByTestId('translation-change').textContent(), { timeout: 30_000 })
      .toContain(words.acceptedByTranslator);

    // Next the requester proposes adding a source, uploaded in the change form; the translator
    // declines, saying why, and the requester's open page shows the reason. The sources stay.
    await requester.getByRole('button', { name: words.proposeChange }).click();
    const toAdd = requester.getByRole('region', { name: words.changeTitle }).getByRole('region', {
      name: words.addSources,
    });
    await toAdd
      .locator('[data-testid=document-upload] input[type=file]')
      .setInputFiles({ name: 'glossary.txt', mimeType: 'text/plain', buffer: Buffer.from('避難所 shelter\n') });
    await expect.poll(() => toAdd.locator('[data-testid=document-count]').count(), { timeout: 20_000 }).toBe(1);
    await requester.getByRole('button', { name: words.sendProposal }).click();
    await expect.poll(() => requester.getByTestId('translation-change').textContent()).toContain(words.waiting);
    await expect.poll(() => proposal.count(), { timeout: 30_000 }).toBe(1);
    expect(await proposal.getByTestId('translation-change').textContent()).toContain('glossary.txt');
    await volunteer.screenshot({ path: artifactPath(`translator-change-${language.lang}.png`), fullPage: true });
    await proposal.getByRole('button', { name: words.declineChange }).click();
    await proposal.getByRole('textbox', { name: words.declineReason }).fill(words.declineReasonText);
    await proposal.getByRole('button', { name: words.sendDecline, exact: true }).click();
    await expect.poll(() => volunteer.getByRole('status').filter({ hasText: words.changeDeclined }).count()).toBe(1);
    expect(await links.count()).toBe(1);
    expect(await sources.textContent()).not.toContain('glossary.txt');
    const declined = requester.getByTestId('translation-change');
    await expect.poll(() => declined.textContent(), { timeout: 30_000 }).toContain(words.declinedByTranslator);
    expect(await declined.textContent()).toContain(words.declineReasonText);
    await requester.screenshot({
      path: artifactPath(`requester-change-declined-${language.lang}.png`),
      fullPage: true,
    });

    const upload = volunteer.locator('[data-testid=document-upload] input[type=file]');
    const first = Buffer.from('Hướng dẫn phòng chống thiên tai cho cư dân nước ngoài.\n');
    await upload.setInputFiles({ name: 'ban-dich-1.txt', mimeType: 'text/plain', buffer: first });
    await expect
      .poll(() => job.getByTestId('translation-state').textContent(), { timeout: 20_000 })
      .toBe(words.uploaded);
    await volunteer.getByRole('button', { name: words.submit(1) }).click();
    await expect.poll(() => job.getByTestId('translation-state').textContent()).toBe(words.submitted);
    await volunteer.screenshot({ path: artifactPath(`translator-job-${language.lang}.png`), fullPage: true });

    // The requester downloads the submitted version and asks for a revision.
    await requester.goto(requestUrl);
    await requester.getByRole('link', { name: words.review }).click();
    await expect.poll(() => heading(requester)).toBe(words.reviewTitle);
    const submitted = requester.getByTestId('submitted-download');
    expect((await downloaded(requester, () => submitted.click())).equals(first)).toBe(true);
    const comment = language.lang === 'ja' ? '地名の表記をそろえてください。' : 'Please spell the place names alike.';
    await requester.getByRole('textbox', { name: words.comment }).fill(comment);
    await requester.getByRole('button', { name: words.askRevision }).click();
    await expect.poll(() => requester.getByRole('status').filter({ hasText: words.revisionSent }).count()).toBe(1);
    await expect.poll(() => requester.getByTestId('rounds-left').textContent()).toBe(words.roundsLeft);

    // The translator reads the comment and submits a second version.
    await volunteer.reload();
    await expect
      .poll(() => volunteer.getByTestId('translation-review').first().textContent(), { timeout: 20_000 })
      .toContain(comment);
    const second = Buffer.from('Hướng dẫn phòng chống thiên tai dành cho cư dân nước ngoài.\n');
    await upload.setInputFiles({ name: 'ban-dich-2.txt', mimeType: 'text/plain', buffer: second });
    await volunteer.getByRole('button', { name: words.submit(2) }).click();
    await expect.poll(() => job.getByTestId('translation-state').textContent()).toBe(words.submitted);

    // The requester accepts the second version.
    await requester.reload();
    expect(
      (await downloaded(requester, () => requester.getByTestId('submitted-download').click())).equals(second),
    ).toBe(true);
    await requester.getByRole('button', { name: words.accept2, exact: true }).click();
    await expect.poll(() => requester.getByTestId('translation-state').textContent()).toBe(words.accepted);
    await requester.screenshot({ path: artifactPath(`requester-review-${language.lang}.png`), fullPage: true });

    // The coordinator approves the fee: the .docx's 2 manuscript pages at the illustrative ¥1,200.
    await coordinator.getByRole('link', { name: words.approvals, exact: true }).click();
    const expenses = coordinator.getByRole('region', { name: words.expenses });
    const feeLine = expenses.locator('tr', { hasText: words.fee }).filter({ hasText: words.yen(2400) });
    await expect.poll(() => feeLine.count(), { timeout: 20_000 }).toBe(1);
    await feeLine.getByRole('button', { name: words.approveOne }).click();
    await expect.poll(() => feeLine.count(), { timeout: 20_000 }).toBe(0);
    await coordinator.goto(`${app().url}/coordinator${requestPath}`);
    await expect.poll(() => coordinator.locator('main').textContent(), { timeout: 20_000 }).toContain(words.yen(2400));
  }, 480_000);
});
