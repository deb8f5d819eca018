import { describe, expect, test } from 'vitest';
import { isRoute } from '../routes';
import { type DispatchNotice, dispatchEvents, renderDispatchEmail } from './dispatch-templates';
import { type EmailMessage, type Locale, renderEmail } from './templates';

const publicUrl = 'https://tsunagu.example.jp/';

const notice = (event: DispatchNotice['event'], extra: Partial<DispatchNotice> = {}): DispatchNotice => ({
  event,
  requestId: '7f1c7a52-5b0e-4a7e-9d1e-1d6f6b7c2a10',
  request: {
    organizationName: '豊中市役所 市民課',
    language: { ja: 'ベトナム語', en: 'Vietnamese' },
    modality: 'on_site',
    // 2027-03-22 10:00–12:00 in Japan.
    startsAt: '2027-03-22T01:00:00.000Z',
    endsAt: '2027-03-22T03:00:00.000Z',
    deadline: null,
    municipality: { ja: '豊中市', en: 'Toyonaka' },
  },
  ...extra,
});

const particulars = {
  venue: '豊中市役所 市民課窓口',
  address: '豊中市中桜塚3-1-1',
  remoteJoinInstructions: null,
  contactName: '窓口 一郎',
  contactPhone: '06-0000-0000',
};

describe('dispatch e-mails', () => {
  test.each(dispatchEvents.flatMap((event) => (['ja', 'en'] as Locale[]).map((locale) => [event, locale] as const)))(
    '%s in %s is written in that language and says which request',
    (event, locale) => {
      const email = renderEmail({ template: event, payload: notice(event) } as EmailMessage, locale, publicUrl);
      expect(email.subject).toMatch(locale === 'ja' ? /^【つなぐ】/ : /^\[Tsunagu\] /);
      expect(email.text).toContain(locale === 'ja' ? 'ベトナム語' : 'Vietnamese');
      expect(email.text).toContain('https://tsunagu.example.jp/');
      if (locale === 'en') expect(email.text.replace('豊中市役所 市民課', '')).not.toMatch(/[\u3040-\u30ff]/);
    },
  );

  // The web app opens each route of the table in the reader's portal (web/src/links.ts, tests/src/web/links.test.ts).
  test.each(dispatchEvents)('%s links to a route of the web app’s table', (event) => {
    for (const extra of [{}, { assignmentId: '3b8e2f0a-9c1d-4e5f-8a7b-6c5d4e3f2a1b' }]) {
      const { text } = renderDispatchEmail(notice(event, extra), 'ja', publicUrl);
      const path = /https:\/\/tsunagu\.example\.jp(\/\S*)\n$/.exec(text)?.[1] ?? '';
      expect(isRoute(path), `${event}: ${path}`).toBe(true);
    }
  });

  test('an offer says until when to answer, in Japan time with the year, and gives no address or contact', () => {
    const offer = notice('offerMade', { respondBy: '2027-03-03T01:00:00.000Z' });
    const ja = renderDispatchEmail(offer, 'ja', publicUrl);
    expect(ja.text).toContain('2027年3月3日(水) 10:00までにお返事ください');
    expect(ja.text).toContain('2027年3月22日(月) 10:00〜12:00');
    expect(ja.text).not.toContain('窓口 一郎');
    const en = renderDispatchEmail(offer, 'en', publicUrl);
    expect(en.text).toContain('Please answer by Wed 3 March 2027, 10:00 (Japan time)');
    expect(en.text).toContain('Mon 22 March 2027, 10:00–12:00 (Japan time)');
  });

  test('a confirmation gives the booked volunteer the venue, address and contact', () => {
    const email = renderDispatchEmail(notice('assignmentConfirmed', { particulars }), 'ja', publicUrl);
    expect(email.text).toContain('会場：豊中市役所 市民課窓口');
    expect(email.text).toContain('住所：豊中市中桜塚3-1-1');
    expect(email.text).toContain('連絡先：窓口 一郎 (06-0000-0000)');
  });

  test('a withdrawn offer says why; a late cancellation says what it owes', () => {
    expect(renderDispatchEmail(notice('offerWithdrawn', { reason: 'taken' }), 'en', publicUrl).text).toContain(
      'another volunteer took it',
    );
    expect(
      renderDispatchEmail(notice('lateCancellation', { noticeHours: 18, feePercent: 100 }), 'ja', publicUrl).text,
    ).toContain('開始の18時間前に取り消されました。規定により謝金の100%が発生します。');
  });

  test('reminders count days when whole, hours otherwise', () => {
    expect(renderDispatchEmail(notice('reminder', { hoursBefore: 72 }), 'en', publicUrl).subject).toBe(
      '[Tsunagu] Reminder: your activity in 3 days',
    );
    expect(renderDispatchEmail(notice('reminder', { hoursBefore: 2 }), 'ja', publicUrl).subject).toBe(
      '【つなぐ】活動の2時間前のお知らせ',
    );
  });
});

describe('the reason someone gave travels with the message', () => {
  test.each([
    [
      'a coordinator cancels: the booked volunteer reads who and why, in Japanese',
      notice('assignmentCancelled', { stated: { by: 'coordinator', reason: 'date_changed', note: '会場の都合' } }),
      'ja',
      ['コーディネーターにより取り消されました', '理由：日程が変わった（会場の都合）'],
    ],
    [
      'the requester cancels: the volunteer reads it in English',
      notice('assignmentCancelled', { stated: { by: 'requester', reason: 'client_did_not_come', note: null } }),
      'en',
      ['cancelled by the requester', 'Reason: The client did not come'],
    ],
    [
      'a coordinator releases a volunteer: the volunteer reads why',
      notice('assignmentReleased', {
        reason: 'coordinator',
        stated: { by: 'coordinator', reason: 'found_another_interpreter', note: null },
      }),
      'ja',
      ['理由：ほかの通訳者が見つかった'],
    ],
    [
      'a coordinator cancels a request: the requester reads who and why, in Japanese',
      notice('requestCancelled', { stated: { by: 'coordinator', reason: 'no_longer_needed', note: '相談が取りやめ' } }),
      'ja',
      ['コーディネーターにより取り消されました', '理由：不要になった（相談が取りやめ）'],
    ],
    [
      'a coordinator cancels a request: the requester reads it in English',
      notice('requestCancelled', { stated: { by: 'coordinator', reason: 'date_changed', note: null } }),
      'en',
      ['A coordinator cancelled this request.', 'Reason: The date changed'],
    ],
    [
      'a volunteer withdraws: the coordinators read their reason and words',
      notice('coverNeeded', { reason: 'withdrew', stated: { by: 'volunteer', reason: 'illness', note: 'fever' } }),
      'en',
      ['the volunteer withdrew', 'Reason: Illness (fever)'],
    ],
  ] as const)('%s', (_case, payload, locale, expected) => {
    const email = renderEmail({ template: payload.event, payload } as EmailMessage, locale, publicUrl);
    for (const words of expected) expect(email.text).toContain(words);
  });
});
