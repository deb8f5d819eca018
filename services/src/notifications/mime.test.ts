import { createTransport } from 'nodemailer';
import { expect, test } from 'vitest';
import { parseMailMessage } from './mime';

/** What nodemailer would put on the wire, without a server. */
async function wireFormat(subject: string, text: string, textEncoding?: 'base64' | 'quoted-printable') {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail({ from: 'a@example.jp', to: 'b@example.jp', subject, text, textEncoding });
  return info.message as Buffer;
}

const longJapanese = `${'通訳ボランティアの派遣について、'.repeat(6)}終わり`;
const link = 'https://tsunagu.example.jp/accept-invitation#token=AbC-dEf_0123456789abcdefghijklmnopqrstuvwxyz=';

test.each([
  ['quoted-printable', 'quoted-printable'],
  ['base64', 'base64'],
  ['plain ASCII (7bit)', undefined],
] as const)('reads back a message sent as %s, long lines and all', async (_encoding, textEncoding) => {
  const text = textEncoding ? `${longJapanese}\n\n${link}\n` : `Hello,\n\n${link}\n`;
  const subject = textEncoding ? `【つなぐ】${longJapanese}` : '[Tsunagu] Reset your password';
  const mail = await parseMailMessage(await wireFormat(subject, text, textEncoding));
  expect(mail.subject).toBe(subject);
  expect(mail.text).toBe(text);
});

test('an invitation reads back with its calendar part beside the text', async () => {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const content = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:a-1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
  const info = await transport.sendMail({
    from: 'a@example.jp',
    to: 'b@example.jp',
    subject: '確定のお知らせ',
    text: '通訳が確定しました。',
    icalEvent: { method: 'REQUEST', content },
    messageId: '<row-1@tsunagu.example.jp>',
  });
  const mail = await parseMailMessage(info.message as Buffer);
  expect(mail.text).toBe('通訳が確定しました。');
  expect(mail.messageId).toBe('<row-1@tsunagu.example.jp>');
  expect(mail.calendar).toBe(content);
});
