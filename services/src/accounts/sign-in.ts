import type { Db } from '@tsunagu/db';
import { bilingual, type Clock, emailSchema, parseInput, RateLimitedError, ValidationError } from '@tsunagu/domain';
import { z } from 'zod';
import { hashPassword, verifyPassword } from './passwords';
import { loginRetryAfter, recordLoginAttempt } from './throttling';

const credentialsSchema = z.object({
  email: emailSchema,
  password: z
    .string()
    .min(1, bilingual({ en: 'Enter your password.', ja: 'パスワードを入力してください。' }))
    .max(200, bilingual({ en: 'Use at most 200 characters.', ja: '200文字以内で入力してください。' })),
});

export type Credentials = z.input<typeof credentialsSchema>;

/** Checked when the e-mail is unknown, so that an unknown address takes as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

/**
 * Checks an e-mail and password, with throttling; the caller starts the session. The answer is the
 * same for an unknown address, a wrong password and a disabled account.
 */
export async function checkCredentials(
  { db, clock }: { db: Db; clock: Clock },
  input: Credentials,
  clientAddress: string | null,
): Promise<{ userId: string }> {
  const credentials = parseInput(credentialsSchema, input);
  const now = clock.now();
  const retryAfter = await loginRetryAfter(db, credentials.email, clientAddress, now);
  // A refused attempt is not recorded, so the wait ends when the window says it does.
  if (retryAfter > 0) throw new RateLimitedError(retryAfter);

  const user = await db.query.users.findFirst({
    where: { email: credentials.email },
    columns: { id: true, passwordHash: true, disabledAt: true },
  });
  decoyHash ??= hashPassword('a password nobody has');
  const matches = await verifyPassword(user?.passwordHash ?? (await decoyHash), credentials.password);
  const succeeded = Boolean(user?.passwordHash) && matches && !user?.disabledAt;
  await recordLoginAttempt(db, { email: credentials.email, clientAddress, succeeded, at: now });
  if (!user || !succeeded) {
    throw ValidationError.of(['input', 'password'], {
      en: 'The e-mail address or the password is not right.',
      ja: 'メールアドレスまたはパスワードが正しくありません。',
    });
  }
  return { userId: user.id };
}
