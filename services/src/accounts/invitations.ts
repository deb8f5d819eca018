import { type Db, schema } from '@tsunagu/db';
import {
  anonymous,
  bilingual,
  type Clock,
  ForbiddenError,
  type InvitationInput,
  invitationDays,
  invitationSchema,
  invitedRoles,
  mayActOn,
  parseInput,
  passwordSchema,
  ValidationError,
  type Viewer,
} from '@tsunagu/domain';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit';
import { enqueueEmail } from '../notifications/outbox';
import { hashPassword } from './passwords';
import { hashToken, newToken } from './sessions';

export { invitedRoles };

const localGovernmentCode = z
  .string()
  .regex(
    /^\d{6}$/,
    bilingual({ en: 'Use the six-digit local government code.', ja: '6桁の地方公共団体コードを入力してください。' }),
  );

const acceptanceSchema = z.object({
  token: z
    .string()
    .min(1, bilingual({ en: 'The invitation link is incomplete.', ja: '招待リンクが途中で切れています。' })),
  displayName: z
    .string()
    .trim()
    .min(1, bilingual({ en: 'Enter your name.', ja: 'お名前を入力してください。' }))
    .max(100, bilingual({ en: 'Use at most 100 characters.', ja: '100文字以内で入力してください。' })),
  password: passwordSchema,
  locale: z.enum(['ja', 'en']).default('ja'),
  /** An invited volunteer's first profile; languages and the rest come later. */
  volunteer: z
    .object({
      fullName: z
        .string()
        .trim()
        .min(1, bilingual({ en: 'Enter your full name.', ja: '氏名を入力してください。' }))
        .max(100, bilingual({ en: 'Use at most 100 characters.', ja: '100文字以内で入力してください。' })),
      homeLocalGovernmentCode: localGovernmentCode,
    })
    .optional(),
});

export type InvitationAcceptance = z.input<typeof acceptanceSchema>;

const tokenPath = ['input', 'token'];

export function createInvitationService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /**
     * A coordinator invites requesting staff (of an organization of the association), volunteers
     * and coordinators; an admin also invites admins. The e-mail carries a one-use link.
     */
    async invite(viewer: Viewer, input: InvitationInput) {
      const invitation = parseInput(invitationSchema, input);
      const allowed = mayActOn(viewer, invitation, invitation.role === 'admin' ? 'admin' : 'coordinator');
      if (!allowed) {
        throw new ForbiddenError(invitation.role === 'admin' ? 'admins_only' : 'coordinators_only');
      }
      const now = clock.now();
      const { token, tokenHash } = newToken();
      return db.transaction(async (tx) => {
        const [association, organization, existing] = await Promise.all([
          tx.query.associations.findFirst({
            where: { id: invitation.associationId },
            columns: { nameJa: true, nameEn: true },
          }),
          invitation.organizationId
            ? tx.query.organizations.findFirst({
                where: { id: invitation.organizationId, associationId: invitation.associationId },
                columns: { name: true },
              })
            : null,
          tx.query.users.findFirst({ where: { email: invitation.email }, columns: { id: true } }),
        ]);
        if (!association) throw new Error('a coordinator’s association is missing');
        const problems = [
          ...(invitation.organizationId && !organization
            ? [
                {
                  path: ['input', 'organizationId'],
                  message: {
                    en: 'No such organization in this association.',
                    ja: 'この協会に該当する団体がありません。',
                  },
                },
              ]
            : []),
          ...(existing
            ? [
                {
                  path: ['input', 'email'],
                  message: {
                    en: 'An account with this e-mail exists.',
                    ja: 'このメールアドレスのアカウントはすでにあります。',
                  },
                },
              ]
            : []),
        ];
        if (problems.length > 0) throw new ValidationError(problems);

        const [created] = await tx
          .insert(schema.invitations)
          .values({
            tokenHash,
            email: invitation.email,
            role: invitation.role,
            associationId: invitation.associationId,
            organizationId: invitation.organizationId ?? null,
            invitedBy: viewer.userId,
            expiresAt: now.plus({ days: invitationDays }).toJSDate(),
            createdAt: now.toJSDate(),
          })
          .returning();
        if (!created) throw new Error('insert returned no row');
        await enqueueEmail(tx, {
          idempotencyKey: `invitation:${created.id}`,
          to: invitation.email,
          locale: invitation.locale,
          recipientUserId: null,
          associationId: invitation.associationId,
          template: 'invitation',
          payload: {
            role: invitation.role,
            association,
            organizationName: organization?.name ?? null,
            token,
            expiresAt: created.expiresAt.toISOString(),
          },
        });
        await recordAudit(tx, viewer, [
          {
            action: 'create',
            subjectType: 'invitation',
            subjectId: created.id,
            fields: ['email'],
            associationIds: [created.associationId],
          },
        ]);
        return created;
      });
    },

    /**
     * The invited person follows the link: their account and the links of the role they were
     * invited to, in one transaction. The caller signs them in.
     */
    async accept(input: InvitationAcceptance): Promise<{ userId: string }> {
      const acceptance = parseInput(acceptanceSchema, input);
      const now = clock.now();
      const invitation = await db.query.invitations.findFirst({ where: { tokenHash: hashToken(acceptance.token) } });
      if (!invitation)
        throw ValidationError.of(tokenPath, {
          en: 'This invitation link is not valid.',
          ja: 'この招待リンクは無効です。',
        });
      if (invitation.acceptedAt)
        throw ValidationError.of(tokenPath, {
          en: 'This invitation has been used: sign in instead.',
          ja: 'この招待は使用済みです。ログインしてください。',
        });
      if (invitation.expiresAt.getTime() <= now.toMillis()) {
        throw ValidationError.of(tokenPath, {
          en: 'This invitation has expired: ask for a new one.',
          ja: 'この招待は有効期限が切れています。新しい招待を依頼してください。',
        });
      }
      const volunteer = acceptance.volunteer;
      if (invitation.role === 'volunteer') {
        if (!volunteer)
          throw ValidationError.of(['input', 'volunteer'], {
            en: 'Enter your full name and home municipality.',
            ja: '氏名とお住まいの市区町村を入力してください。',
          });
        const home = await db.query.localGovernments.findFirst({
          where: { code: volunteer.homeLocalGovernmentCode },
          columns: { code: true },
        });
        if (!home) {
          throw ValidationError.of(['input', 'volunteer', 'homeLocalGovernmentCode'], {
            en: 'No local government has this code.',
            ja: 'このコードの地方公共団体が見つかりません。',
          });
        }
      }
      const existing = await db.query.users.findFirst({ where: { email: invitation.email }, columns: { id: true } });
      if (existing)
        throw ValidationError.of(tokenPath, {
          en: 'An account with this e-mail exists: sign in instead.',
          ja: 'このメールアドレスのアカウントはすでにあります。ログインしてください。',
        });

      const passwordHash = await hashPassword(acceptance.password);
      return db.transaction(async (tx) => {
        // Only one acceptance wins, even when the link is followed twice at once.
        const [accepted] = await tx
          .update(schema.invitations)
          .set({ acceptedAt: now.toJSDate() })
          .where(
            and(
              eq(schema.invitations.id, invitation.id),
              isNull(schema.invitations.acceptedAt),
              gt(schema.invitations.expiresAt, now.toJSDate()),
            ),
          )
          .returning({ id: schema.invitations.id });
        if (!accepted)
          throw ValidationError.of(tokenPath, {
            en: 'This invitation has been used: sign in instead.',
            ja: 'この招待は使用済みです。ログインしてください。',
          });

        const [user] = await tx
          .insert(schema.users)
          .values({
            email: invitation.email,
            displayName: acceptance.displayName,
            locale: acceptance.locale,
            passwordHash,
          })
          .returning({ id: schema.users.id });
        if (!user) throw new Error('insert returned no row');
        const actor = { ...anonymous, userId: user.id };
        await recordAudit(tx, actor, [
          {
            action: 'create',
            subjectType: 'user',
            subjectId: user.id,
            fields: ['email', 'displayName'],
            associationIds: [invitation.associationId],
          },
        ]);

        switch (invitation.role) {
          case 'requester':
            if (!invitation.organizationId) throw new Error('a requester invitation without an organization');
            await tx
              .insert(schema.organizationStaff)
              .values({ userId: user.id, organizationId: invitation.organizationId });
            break;
          case 'volunteer': {
            if (!volunteer) throw new Error('checked above');
            const [profile] = await tx
              .insert(schema.volunteers)
              .values({
                userId: user.id,
                fullName: volunteer.fullName,
                homeLocalGovernmentCode: volunteer.homeLocalGovernmentCode,
                status: 'active',
              })
              .returning({ id: schema.volunteers.id });
            if (!profile) throw new Error('insert returned no row');
            await tx
              .insert(schema.volunteerMemberships)
              .values({ volunteerId: profile.id, associationId: invitation.associationId, status: 'active' });
            await recordAudit(tx, actor, [
              {
                action: 'create',
                subjectType: 'volunteer',
                subjectId: profile.id,
                fields: ['fullName', 'homeLocalGovernmentCode'],
                associationIds: [invitation.associationId],
              },
            ]);
            break;
          }
          case 'coordinator':
          case 'admin':
            await tx
              .insert(schema.associationStaff)
              .values({ associationId: invitation.associationId, userId: user.id, role: invitation.role });
            break;
        }
        return { userId: user.id };
      });
    },
  };
}
