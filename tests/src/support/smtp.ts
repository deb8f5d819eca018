import type { AddressInfo } from 'node:net';
import { type ParsedMail, parseMailMessage } from '@tsunagu/services';
import { SMTPServer } from 'smtp-server';

/** A mail server for a test: it keeps every message it receives, as it arrived. */
export async function startSmtpServer() {
  const received: Array<{ to: string[]; mail: ParsedMail }> = [];
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        parseMailMessage(Buffer.concat(chunks)).then((mail) => {
          received.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address), mail });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** What arrived for this address. */
    to: (address: string) => received.filter((message) => message.to.includes(address)).map((message) => message.mail),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;
