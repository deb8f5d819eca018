import type { Db } from '@tsunagu/db';
import { ValidationError } from '@tsunagu/domain';
import type { DateTime } from 'luxon';
import { enqueueEmail } from '../notifications/outbox';

type Tx = Db;

interface Named {
  associationId: string;
  localGovernmentCode: string;
  /** The input field that carries the code, for its problem. */
  codeField: string;
  email: string;
}

/**
 * What a public application (a volunteer's, an organization's) names: the association and the
 * local government, both checked at once so that every problem is shown together, and the account
 * the address already has, if any — which the answer must not tell.
 */
export async function applicationTargets(tx: Tx, named: Named) {
  const [association, government, existing] = await Promise.all([
    tx.query.associations.findFirst({
      where: { id: named.associationId },
      columns: { id: true, nameJa: true, nameEn: true },
    }),
    tx.query.localGovernments.findFirst({
      where: { code: named.localGovernmentCode },
      columns: { code: true },
    }),
    tx.query.users.findFirst({
      where: { email: named.email },
      columns: { id: true, email: true, locale: true, disabledAt: true },
    }),
  ]);
  const problems = [
    ...(association
      ? []
      : [
          {
            path: ['input', 'associationId'],
            message: { en: 'No such association.', ja: '該当する協会がありません。' },
          },
        ]),
    ...(government
      ? []
      : [
          {
            path: ['input', named.codeField],
            message: {
              en: 'No local government has this code.',
              ja: 'このコードの地方公共団体が見つかりません。',
            },
          },
        ]),
  ];
  if (!association || problems.length > 0) throw new ValidationError(problems);
  return { association, existing };
}

/** Each template's idempotency key, as the rows already in the outbox carry it. */
const mailKeys = {
  volunteerApplicationExistingAccount: 'volunteer-application-existing-account',
  organizationApplicationExistingAccount: 'organization-application-existing-account',
} as const;

type Existing = NonNullable<Awaited<ReturnType<typeof applicationTargets>>['existing']>;

/**
 * The owner of an address that applied again is told by e-mail instead of the answer: once a day
 * per association at most, so that the form cannot flood the mailbox; a disabled account not at all.
 */
export async function tellRegisteredOwner(
  tx: Tx,
  existing: Existing,
  mail: {
    template: keyof typeof mailKeys;
    association: { id: string; nameJa: string; nameEn: string };
    now: DateTime;
  },
) {
  if (existing.disabledAt) return;
  await enqueueEmail(tx, {
    idempotencyKey: `${mailKeys[mail.template]}:${existing.id}:${mail.association.id}:${mail.now.toISODate()}`,
    to: existing.email,
    locale: existing.locale,
    recipientUserId: existing.id,
    // The person's own: no association's admins read it in the mail catcher.
    associationId: null,
    template: mail.template,
    payload: { association: { nameJa: mail.association.nameJa, nameEn: mail.association.nameEn } },
  });
}
