import { type Db, schema } from '@tsunagu/db';
import {
  anonymous,
  bilingual,
  type Clock,
  emailSchema,
  parseInput,
  passwordResetHours,
  passwordSchema,
  ValidationError,
} from '@tsunagu/domain';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit';
import { enqueueEmail } from '../notifications/outbox';
import { hashPassword } from './passwords';
import { deleteSessionsOf, hashToken, newToken } from './sessions';

/** At most this many reset e-mails per account and hour, so the form cannot be used to flood a mailbox. */
const resetsPerHour = 3;

const requestSchema = z.object({ email: emailSchema });
const resetSchema = z.object({
  token: z
    .string()
    .min(1, bilingual({ en: 'The reset link is incomplete.', ja: '再設定用のリンクが途中で切れています。' })),
  password: passwordSchema,
});

export type PasswordResetRequest = z.input<typeof requestSchema>;
export type PasswordReset = z.input<typeof resetSchema>;

const tokenPath = ['input', 'token'];

export function createPasswordResetService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /**
     * E-mails a one-use link valid for an hour. Whether or not the address has an account, the
     * answer is the same, so that the form does not tell who is registered.
     */
    async request(input: PasswordResetRequest): Promise<void> {
      const { email } = parseInput(requestSchema, input);
      const now = clock.now();
      const user = await db.query.users.findFirst({
        where: { email },
        columns: { id: true, email: true, locale: true, disabledAt: true },
      });
      if (!user || user.disabledAt) return;
      const recent = await db
        .select({ tokenHash: schema.passwordResets.tokenHash })
        .from(schema.passwordResets)
        .where(
          and(
            eq(schema.passwordResets.userId, user.id),
            gt(schema.passwordResets.createdAt, now.minus({ hours: 1 }).toJSDate()),
          ),
        )
        .limit(resetsPerHour);
      if (recent.length >= resetsPerHour) return;

      const { token, tokenHash } = newToken();
      await db.transaction(async (tx) => {
        await tx.insert(schema.passwordResets).values({
          tokenHash,
          userId: user.id,
          expiresAt: now.plus({ hours: passwordResetHours }).toJSDate(),
          createdAt: now.toJSDate(),
        });
        await enqueueEmail(tx, {
          idempotencyKey: `password-reset:${tokenHash}`,
          to: user.email,
          locale: user.locale,
          // The link is a credential: it goes to the mailbox only, not to the in-app inbox.
          recipientUserId: null,
          associationId: null,
          template: 'passwordReset',
          payload: { token },
        });
      });
    },

    /**
     * Sets a new password with a link's token. Every session of the account ends (the caller signs
     * this browser in again), and the account's other reset links stop working.
     */
    async reset(input: PasswordReset): Promise<{ userId: string }> {
      const reset = parseInput(resetSchema, input);
      const now = clock.now();
      const tokenHash = hashToken(reset.token);
      const stored = await db.query.passwordResets.findFirst({ where: { tokenHash } });
      if (!stored)
        throw ValidationError.of(tokenPath, {
          en: 'This reset link is not valid.',
          ja: 'この再設定用リンクは無効です。',
        });
      if (stored.usedAt)
        throw ValidationError.of(tokenPath, {
          en: 'This reset link has been used: ask for a new one.',
          ja: 'この再設定用リンクは使用済みです。もう一度お申し込みください。',
        });
      if (stored.expiresAt.getTime() <= now.toMillis()) {
        throw ValidationError.of(tokenPath, {
          en: 'This reset link has expired: ask for a new one.',
          ja: 'この再設定用リンクは有効期限が切れています。もう一度お申し込みください。',
        });
      }
      const passwordHash = await hashPassword(reset.password);
      return db.transaction(async (tx) => {
        const [used] = await tx
          .update(schema.passwordResets)
          .set({ usedAt: now.toJSDate() })
          .where(
            and(
              eq(schema.passwordResets.tokenHash, tokenHash),
              isNull(schema.passwordResets.usedAt),
              gt(schema.passwordResets.expiresAt, now.toJSDate()),
            ),
          )
          .returning({ userId: schema.passwordResets.userId });
        if (!used)
          throw ValidationError.of(tokenPath, {
            en: 'This reset link has been used: ask for a new one.',
            ja: 'この再設定用リンクは使用済みです。もう一度お申し込みください。',
          });
        await tx
          .update(schema.passwordResets)
          .set({ usedAt: now.toJSDate() })
          .where(and(eq(schema.passwordResets.userId, used.userId), isNull(schema.passwordResets.usedAt)));
        await tx
          .update(schema.users)
          .set({ passwordHash, updatedAt: now.toJSDate() })
          .where(eq(schema.users.id, used.userId));
        await deleteSessionsOf(tx, used.userId);
        await recordAudit(tx, { ...anonymous, userId: used.userId }, [
          // An account's own change, of no one association.
          { action: 'update', subjectType: 'user', subjectId: used.userId, fields: ['password'], associationIds: [] },
        ]);
        return { userId: used.userId };
      });
    },
  };
}
