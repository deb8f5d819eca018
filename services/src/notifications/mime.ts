import { simpleParser } from 'mailparser';

/**
 * A received e-mail read back with mailparser (nodemailer's sibling): the mail catcher stores what
 * it receives this way, and tests read links and calendar invitations out of arriving mail.
 */
export interface ParsedMail {
  subject: string;
  text: string;
  messageId: string | null;
  /** The iCalendar text of an invitation, update or cancellation, when the message carries one. */
  calendar: string | null;
}

export async function parseMailMessage(raw: Buffer): Promise<ParsedMail> {
  const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
  const calendar = mail.attachments.find((attachment) => attachment.contentType === 'text/calendar');
  return {
    subject: mail.subject ?? '',
    text: (mail.text ?? '').replace(/\r\n/g, '\n'),
    messageId: mail.messageId ?? null,
    calendar: calendar ? calendar.content.toString('utf8') : null,
  };
}
