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
  const mail = parseMailMessage(await wireFormat(subject, text, textEncoding));
  expect(mail.subject).toBe(subject);
  expect(mail.text).toBe(text);
});
