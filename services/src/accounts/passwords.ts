import { hash, verify } from '@node-rs/argon2';
import { bilingual } from '@tsunagu/domain';
import { z } from 'zod';

/** argon2id with the OWASP-recommended minimum cost (19 MiB, 2 passes). */
// `algorithm: 2` is Argon2id (the package's const enum cannot be imported under isolated modules).
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

export const passwordSchema = z
  .string()
  .min(10, bilingual({ en: 'Use at least 10 characters.', ja: '10文字以上で入力してください。' }))
  .max(200, bilingual({ en: 'Use at most 200 characters.', ja: '200文字以内で入力してください。' }));

/** E-mail addresses are compared lower-cased and trimmed. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(
    z
      .email(bilingual({ en: 'Enter a valid e-mail address.', ja: '正しいメールアドレスを入力してください。' }))
      .max(254, bilingual({ en: 'Enter a valid e-mail address.', ja: '正しいメールアドレスを入力してください。' })),
  );
