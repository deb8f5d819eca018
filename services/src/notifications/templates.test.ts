import { describe, expect, test } from 'vitest';
import { type EmailMessage, type Locale, renderEmail } from './templates';

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
  { template: 'volunteerApplicationApproved', payload: { association } },
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
