import { describe, expect, test } from 'vitest';
import { isRoute } from '../routes';
import { type EmailMessage, type Locale, partnershipEvents, renderEmail, withoutTokens } from './templates';

const association = { nameJa: '大阪国際交流センター', nameEn: 'Osaka International House' };
const publicUrl = 'https://tsunagu.example.jp/';

const invitation: EmailMessage = {
  template: 'invitation',
  payload: {
    role: 'requester',
    association,
    organizationName: '豊中市役所 市民課',
    token: 'abc-DEF_123',
    // 2026-04-08 10:00 in Japan.
    expiresAt: '2026-04-08T01:00:00.000Z',
  },
};

const everyMessage: EmailMessage[] = [
  invitation,
  { template: 'passwordReset', payload: { token: 'reset-token' } },
  { template: 'volunteerApplicationReceived', payload: { association } },
  { template: 'volunteerApplicationExistingAccount', payload: { association } },
  { template: 'organizationApplicationExistingAccount', payload: { association } },
  { template: 'volunteerApplicationApproved', payload: { association } },
  {
    template: 'paperworkRenewalDue',
    payload: { item: 'registration', expiresOn: '2027-01-05', daysLeft: 30, association },
  },
  {
    template: 'paperworkRenewalDue',
    payload: { item: 'insurance', expiresOn: '2026-12-09', daysLeft: 7, association },
  },
  ...partnershipEvents.map(
    (template): EmailMessage => ({
      template,
      payload: {
        by: association,
        to: { nameJa: '神戸国際コミュニティセンター', nameEn: 'Kobe International Community Center' },
      },
    }),
  ),
];

describe('e-mail templates', () => {
  test.each(
    everyMessage.flatMap((message) =>
      (['ja', 'en'] as Locale[]).map((locale) => [message.template, locale, message] as const),
    ),
  )('%s in %s has a subject and a body in that language', (_template, locale, message) => {
    const email = renderEmail(message, locale, publicUrl);
    expect(email.subject).toMatch(locale === 'ja' ? /^【つなぐ】/ : /^\[Tsunagu\] /);
    const japanese = /[\u3040-\u30ff]/;
    if (locale === 'ja') expect(email.text).toMatch(japanese);
    else expect(`${email.subject}${email.text}`.replace(association.nameJa, '')).not.toMatch(japanese);
  });

  test.each(everyMessage.map((message) => [message.template, message] as const))(
    '%s links only to routes of the web app’s table',
    (_template, message) => {
      for (const locale of ['ja', 'en'] as Locale[]) {
        const { text } = renderEmail(message, locale, publicUrl);
        const paths = [...text.matchAll(/https:\/\/tsunagu\.example\.jp(\/[^\s#]*)/g)].map((match) => match[1] ?? '');
        for (const path of paths) expect(isRoute(path), path).toBe(true);
      }
    },
  );

  test('a proposal tells the partner’s admins who asks, what accepting opens, and where to answer', () => {
    const message: EmailMessage = {
      template: 'partnershipProposed',
      payload: {
        by: association,
        to: { nameJa: '神戸国際コミュニティセンター', nameEn: 'Kobe International Community Center' },
      },
    };
    const en = renderEmail(message, 'en', publicUrl);
    expect(en.subject).toBe('[Tsunagu] Osaka International House proposes a partnership');
    expect(en.text).toContain("match Kobe International Community Center's volunteers");
    expect(en.text).toContain('https://tsunagu.example.jp/admin/partners');
    const ja = renderEmail(message, 'ja', publicUrl);
    expect(ja.subject).toBe('【つなぐ】大阪国際交流センターから連携の申し入れ');
    expect(ja.text).toContain('https://tsunagu.example.jp/admin/partners');
  });

  test('an invitation links to the public URL with its token, and says until when in Japan time', () => {
    const ja = renderEmail(invitation, 'ja', publicUrl);
    expect(ja.text).toContain('https://tsunagu.example.jp/accept-invitation#token=abc-DEF_123\n');
    expect(ja.text).toContain('2026年4月8日 10:00まで有効');
    expect(ja.text).toContain('豊中市役所 市民課の依頼担当者');
    expect(ja.subject).toBe('【つなぐ】大阪国際交流センターからの招待');

    const en = renderEmail(invitation, 'en', 'http://127.0.0.1:4000');
    expect(en.text).toContain('http://127.0.0.1:4000/accept-invitation#token=abc-DEF_123\n');
    expect(en.text).toContain('until 8 April 2026, 10:00 (Japan time)');
    expect(en.subject).toBe('[Tsunagu] Invitation from Osaka International House');
  });

  test('a password reset links to the reset page under a public URL with a path', () => {
    const email = renderEmail(
      { template: 'passwordReset', payload: { token: 't0k3n' } },
      'en',
      'https://example.jp/tsunagu',
    );
    expect(email.text).toContain('https://example.jp/tsunagu/reset-password#token=t0k3n\n');
  });
});

test('a copy for someone else keeps the message but not the token of its link', () => {
  const { text } = renderEmail(invitation, 'en', publicUrl);
  expect(text).toContain('https://tsunagu.example.jp/accept-invitation#token=abc-DEF_123');
  const copy = withoutTokens(text);
  expect(copy).not.toContain('abc-DEF_123');
  expect(copy).toContain('https://tsunagu.example.jp/accept-invitation#token=(hidden)');
  expect(copy.replace('(hidden)', 'abc-DEF_123')).toBe(text);
});

describe('paperwork reminders', () => {
  test('a renewal reminder says the last day with its year, and links to the volunteer’s papers', () => {
    const message: EmailMessage = {
      template: 'paperworkRenewalDue',
      payload: { item: 'registration', expiresOn: '2027-01-05', daysLeft: 30, association },
    };
    const ja = renderEmail(message, 'ja', publicUrl);
    expect(ja.subject).toBe('【つなぐ】ボランティア登録の期限が近づいています（あと30日）');
    expect(ja.text).toContain('2027年1月5日(火)まで');
    expect(ja.text).toContain('https://tsunagu.example.jp/paperwork');
    expect(renderEmail(message, 'en', publicUrl).text).toContain('valid until Tue 5 January 2027');
  });
});
