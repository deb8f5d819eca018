import { type Db, schema } from '@tsunagu/db';
import { bilingual, type Clock, parseInput, UnauthenticatedError, type Viewer } from '@tsunagu/domain';
import { eq } from 'drizzle-orm';
import { z } from 'zod';

const ownAccountSchema = z.object({
  displayName: z
    .string()
    .trim()
    .min(
      1,
      bilingual({ en: 'Enter the name the app greets you by.', ja: 'アプリで表示するお名前を入力してください。' }),
    )
    .max(100)
    .optional(),
  locale: z.enum(['ja', 'en']).optional(),
});

export type OwnAccountChanges = z.input<typeof ownAccountSchema>;

/** The signed-in person's own settings: how the app greets them and the language it speaks. */
export function createOwnAccountService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async update(viewer: Viewer, input: OwnAccountChanges): Promise<{ userId: string }> {
      if (!viewer.userId) throw new UnauthenticatedError();
      const changes = parseInput(ownAccountSchema, input);
      if (changes.displayName !== undefined || changes.locale !== undefined) {
        await db
          .update(schema.users)
          .set({
            ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
            ...(changes.locale !== undefined ? { locale: changes.locale } : {}),
            updatedAt: clock.now().toJSDate(),
          })
          .where(eq(schema.users.id, viewer.userId));
      }
      return { userId: viewer.userId };
    },
  };
}
