import { DateTime } from 'luxon';
import type { invitedRoles } from '../accounts/invitations';
import { tokyo } from '../clock';
import { cancellationPartyWords, domainWords } from '../glossary';
import { pathTo } from '../routes';
import type { RenewableItem } from '../volunteers/paperwork';
import { type DispatchPayloads, dispatchEvents, renderDispatchEmail } from './dispatch-templates';

export type Locale = 'ja' | 'en';

/** An association's name in both languages; the template picks the recipient's. */
export interface AssociationNames {
  nameJa: string;
  nameEn: string;
}

/** What a partnership e-mail says: whose admin did it, and to whose admins. */
export interface PartnershipNotice {
  /** The association whose admin acted. */
  by: AssociationNames;
  /** The association whose admins are told. */
  to: AssociationNames;
}

export const partnershipEvents = [
  'partnershipProposed',
  'partnershipAccepted',
  'partnershipDeclined',
  'partnershipEnded',
] as const;
export type PartnershipEvent = (typeof partnershipEvents)[number];

export type InvitedRole = (typeof invitedRoles)[number];

/** What each e-mail needs to be written, as stored in the outbox payload (JSON). */
export interface EmailPayloads extends DispatchPayloads, Record<PartnershipEvent, PartnershipNotice> {
  invitation: {
    role: InvitedRole;
    association: AssociationNames;
    /** For a requester: the organization they will work for. */
    organizationName: string | null;
    token: string;
    /** ISO 8601. */
    expiresAt: string;
  };
  passwordReset: { token: string };
  volunteerApplicationReceived: { association: AssociationNames };
  /** Somebody applied with the address of an account: its owner is told, the applicant learns nothing. */
  volunteerApplicationExistingAccount: { association: AssociationNames };
  organizationApplicationExistingAccount: { association: AssociationNames };
  volunteerApplicationApproved: { association: AssociationNames };
  /** A volunteer's registration or insurance runs out soon (30 and 7 days before). */
  paperworkRenewalDue: {
    item: RenewableItem;
    /** The last day it is valid, YYYY-MM-DD. */
    expiresOn: string;
    daysLeft: number;
    association: AssociationNames;
  };
}

export type EmailTemplate = keyof EmailPayloads;

export type EmailMessage = { [Name in EmailTemplate]: { template: Name; payload: EmailPayloads[Name] } }[EmailTemplate];

export interface RenderedEmail {
  subject: string;
  text: string;
}

export const invitationDays = 7;
export const passwordResetHours = 1;

const templates: {
  [Name in EmailTemplate]: (payload: EmailPayloads[Name], locale: Locale, publicUrl: string) => RenderedEmail;
} = {
  invitation: (payload, locale, publicUrl) => {
    const link = linkWithToken(publicUrl, pathTo('acceptInvitation'), payload.token);
    const expires = DateTime.fromISO(payload.expiresAt).setZone(tokyo);
    if (locale === 'ja') {
      const association = payload.association.nameJa;
      return {
        subject: `【つなぐ】${association}からの招待`,
        text: paragraphs(
          `${association}から、通訳・翻訳ボランティア派遣システム「つなぐ」に${roleJa(payload)}として招待されました。`,
          `次のリンクからパスワードを設定して、アカウントを作成してください。\n${link}`,
          `このリンクは${expires.toFormat('yyyy年M月d日 H:mm')}まで有効で、一度だけ使えます。`,
          'お心当たりがない場合は、このメールを破棄してください。',
        ),
      };
    }
    const association = payload.association.nameEn;
    return {
      subject: `[Tsunagu] Invitation from ${association}`,
      text: paragraphs(
        `${association} invites you to Tsunagu, its dispatch service for volunteer interpreters and translators, as ${roleEn(payload)}.`,
        `Set your password and create your account here:\n${link}`,
        `The link works once, until ${expires.setLocale('en').toFormat('d MMMM yyyy, H:mm')} (Japan time).`,
        'If you did not expect this invitation, ignore this e-mail.',
      ),
    };
  },

  passwordReset: (payload, locale, publicUrl) => {
    const link = linkWithToken(publicUrl, pathTo('resetPassword'), payload.token);
    if (locale === 'ja') {
      return {
        subject: '【つなぐ】パスワードの再設定',
        text: paragraphs(
          'パスワードの再設定を受け付けました。次のリンクから新しいパスワードを設定してください。',
          link,
          `このリンクは${passwordResetHours}時間有効で、一度だけ使えます。再設定すると、ほかの端末ではサインアウトされます。`,
          'お心当たりがない場合は、このメールを破棄してください。パスワードは変わりません。',
        ),
      };
    }
    return {
      subject: '[Tsunagu] Reset your password',
      text: paragraphs(
        'Someone asked to reset the password of your Tsunagu account. Choose a new password here:',
        link,
        `The link works once, for ${passwordResetHours} hour. Resetting signs you out on your other devices.`,
        'If you did not ask for this, ignore this e-mail: your password stays as it is.',
      ),
    };
  },

  volunteerApplicationReceived: (payload, locale) =>
    locale === 'ja'
      ? {
          subject: '【つなぐ】ボランティア登録の申請を受け付けました',
          text: paragraphs(
            `${payload.association.nameJa}へのボランティア登録の申請を受け付けました。`,
            'コーディネーターが確認し、結果をメールでお知らせします。',
          ),
        }
      : {
          subject: '[Tsunagu] We received your volunteer application',
          text: paragraphs(
            `${payload.association.nameEn} received your application to volunteer.`,
            'A coordinator will review it and tell you the outcome by e-mail.',
          ),
        },

  organizationApplicationExistingAccount: (payload, locale, publicUrl) =>
    existingAccount(locale, publicUrl, {
      ja: {
        subject: '【つなぐ】このメールアドレスで依頼機関の利用申請がありました',
        lead: `このメールアドレスを担当者として、${payload.association.nameJa}への依頼機関の利用申請がありましたが、このアドレスのアカウントはすでにあります。申請は受け付けていません。`,
      },
      en: {
        subject: '[Tsunagu] An organization application with your e-mail address',
        lead: `Someone applied for an organization to be served by ${payload.association.nameEn}, with this e-mail address as its staff, which already has an account. The application was not taken.`,
      },
    }),
  volunteerApplicationExistingAccount: (payload, locale, publicUrl) =>
    existingAccount(locale, publicUrl, {
      ja: {
        subject: '【つなぐ】このメールアドレスでボランティア登録の申請がありました',
        lead: `このメールアドレスで${payload.association.nameJa}へのボランティア登録が申請されましたが、このアドレスのアカウントはすでにあります。新しいアカウントは作成していません。`,
      },
      en: {
        subject: '[Tsunagu] A volunteer application with your e-mail address',
        lead: `Someone applied to volunteer for ${payload.association.nameEn} with this e-mail address, which already has an account. No new account was created.`,
      },
    }),

  volunteerApplicationApproved: (payload, locale, publicUrl) =>
    locale === 'ja'
      ? {
          subject: '【つなぐ】ボランティア登録が承認されました',
          text: paragraphs(
            `${payload.association.nameJa}へのボランティア登録が承認されました。`,
            `サインインして、言語・活動地域・活動できる日時を登録してください。\n${trimmed(publicUrl)}${pathTo('home')}`,
          ),
        }
      : {
          subject: '[Tsunagu] Your volunteer application is approved',
          text: paragraphs(
            `${payload.association.nameEn} approved your application to volunteer.`,
            `Sign in to add your languages, the areas you cover and when you are available:\n${trimmed(publicUrl)}${pathTo('home')}`,
          ),
        },

  paperworkRenewalDue: (payload, locale, publicUrl) => {
    const expires = DateTime.fromISO(payload.expiresOn, { zone: tokyo });
    const page = `${trimmed(publicUrl)}${pathTo('paperwork')}`;
    if (locale === 'ja') {
      const what = payload.item === 'registration' ? 'ボランティア登録' : 'ボランティア保険';
      return {
        subject: `【つなぐ】${what}の期限が近づいています（あと${payload.daysLeft}日）`,
        text: paragraphs(
          `${payload.association.nameJa}の${what}は${expires.setLocale('ja').toFormat('yyyy年M月d日(EEE)')}までです。`,
          payload.item === 'registration'
            ? `引き続き活動するには、期限までに協会の${coordinator.ja}に更新を申し出てください。期限が切れると、協会の方針によっては${request.ja}の候補から外れます。`
            : `期限までに保険の更新手続きをして、${coordinator.ja}にお知らせください。期限が切れると、協会の方針によっては${request.ja}の候補から外れます。`,
          `書類の状況はこちらで確認できます。\n${page}`,
        ),
      };
    }
    const what = payload.item === 'registration' ? 'volunteer registration' : 'volunteer insurance';
    return {
      subject: `[Tsunagu] Your ${what} ends in ${payload.daysLeft} day${payload.daysLeft === 1 ? '' : 's'}`,
      text: paragraphs(
        `Your ${what} with ${payload.association.nameEn} is valid until ${expires.setLocale('en').toFormat('EEE d MMMM yyyy')}.`,
        payload.item === 'registration'
          ? 'To go on volunteering, ask your coordinator to renew it before then. Once it lapses, your association may stop offering you work.'
          : 'Renew your insurance before then and tell your coordinator. Once it lapses, your association may stop offering you work.',
        `See your papers here:\n${page}`,
      ),
    };
  },

  partnershipProposed: (payload, locale, publicUrl) =>
    locale === 'ja'
      ? {
          subject: `【つなぐ】${payload.by.nameJa}から連携の申し入れ`,
          text: paragraphs(
            `${payload.by.nameJa}から${payload.to.nameJa}に連携の申し入れがありました。`,
            `承諾すると、${payload.by.nameJa}のコーディネーターは、連携先に公開した依頼に${payload.to.nameJa}のボランティアを候補として見て、依頼を打診・確定できるようになります。その際に見えるのは、氏名・言語・活動地域・専門分野など、マッチングと手配に必要な情報だけです。`,
            `協会の設定で承諾または辞退してください。\n${partnersPage(publicUrl)}`,
          ),
        }
      : {
          subject: `[Tsunagu] ${payload.by.nameEn} proposes a partnership`,
          text: paragraphs(
            `${payload.by.nameEn} proposes a partnership to ${payload.to.nameEn}.`,
            `If you accept, ${payload.by.nameEn}'s coordinators may match ${payload.to.nameEn}'s volunteers to the requests they open to partners, and offer or book them. They see only what matching and booking need: name, languages, areas and specialties.`,
            `Accept or decline it in your association's settings:\n${partnersPage(publicUrl)}`,
          ),
        },

  partnershipAccepted: (payload, locale, publicUrl) =>
    locale === 'ja'
      ? {
          subject: `【つなぐ】${payload.by.nameJa}が連携を承諾しました`,
          text: paragraphs(
            `${payload.by.nameJa}が${payload.to.nameJa}からの連携の申し入れを承諾しました。`,
            `連携先に公開した依頼には、${payload.by.nameJa}のボランティアも候補に入ります。\n${partnersPage(publicUrl)}`,
          ),
        }
      : {
          subject: `[Tsunagu] ${payload.by.nameEn} accepted your partnership`,
          text: paragraphs(
            `${payload.by.nameEn} accepted the partnership ${payload.to.nameEn} proposed.`,
            `Requests you open to partners now reach ${payload.by.nameEn}'s volunteers too.\n${partnersPage(publicUrl)}`,
          ),
        },

  partnershipDeclined: (payload, locale, publicUrl) =>
    locale === 'ja'
      ? {
          subject: `【つなぐ】${payload.by.nameJa}が連携を辞退しました`,
          text: paragraphs(
            `${payload.by.nameJa}は${payload.to.nameJa}からの連携の申し入れを辞退しました。`,
            partnersPage(publicUrl),
          ),
        }
      : {
          subject: `[Tsunagu] ${payload.by.nameEn} declined your partnership`,
          text: paragraphs(
            `${payload.by.nameEn} declined the partnership ${payload.to.nameEn} proposed.`,
            partnersPage(publicUrl),
          ),
        },

  partnershipEnded: (payload, locale, publicUrl) =>
    locale === 'ja'
      ? {
          subject: `【つなぐ】${payload.by.nameJa}との連携が終了しました`,
          text: paragraphs(
            `${payload.by.nameJa}が${payload.to.nameJa}との連携（申し入れを含む）を終了しました。`,
            `今後、両協会の依頼が互いのボランティアに届くことはありません。\n${partnersPage(publicUrl)}`,
          ),
        }
      : {
          subject: `[Tsunagu] ${payload.by.nameEn} ended the partnership`,
          text: paragraphs(
            `${payload.by.nameEn} ended its partnership (or proposal) with ${payload.to.nameEn}.`,
            `Neither association's requests reach the other's volunteers any more.\n${partnersPage(publicUrl)}`,
          ),
        },

  ...(Object.fromEntries(dispatchEvents.map((event) => [event, renderDispatchEmail])) as {
    [Event in keyof DispatchPayloads]: typeof renderDispatchEmail;
  }),
};

/** Subject and plain-text body of a message, in the recipient's language. */
export function renderEmail(message: EmailMessage, locale: Locale, publicUrl: string): RenderedEmail {
  // The union narrows `payload` for each template; TypeScript cannot follow it through the lookup.
  const render = templates[message.template] as (payload: unknown, locale: Locale, publicUrl: string) => RenderedEmail;
  return render(message.payload, locale, publicUrl);
}

export function isEmailTemplate(name: string): name is EmailTemplate {
  return Object.hasOwn(templates, name);
}

/** The token goes in the fragment: browsers send it neither to the server's logs nor in a Referer. */
function linkWithToken(publicUrl: string, path: string, token: string): string {
  return `${trimmed(publicUrl)}${path}#token=${encodeURIComponent(token)}`;
}

/** What stands for a link's token in a copy of the message shown to someone it was not sent to. */
export const hiddenToken = '(hidden)';

/** The message with every link's token taken out: a link with its token is a credential. */
export function withoutTokens(text: string): string {
  return text.replace(/#token=[^\s]*/g, `#token=${hiddenToken}`);
}

const partnersPage = (publicUrl: string) => `${trimmed(publicUrl)}${pathTo('partners')}`;

/** An application with a registered address: what happened, then how to sign in instead. */
function existingAccount(
  locale: Locale,
  publicUrl: string,
  words: Record<Locale, { subject: string; lead: string }>,
): RenderedEmail {
  const { subject, lead } = words[locale];
  return locale === 'ja'
    ? {
        subject,
        text: paragraphs(
          lead,
          `お使いのアカウントでサインインしてください。\n${trimmed(publicUrl)}${pathTo('home')}`,
          'パスワードをお忘れの場合は、サインイン画面から再設定できます。お心当たりがない場合は、このメールを破棄してください。',
        ),
      }
    : {
        subject,
        text: paragraphs(
          lead,
          `Sign in with your account:\n${trimmed(publicUrl)}${pathTo('home')}`,
          'If you have forgotten your password, you can reset it from the sign-in page. If you did not apply, ignore this e-mail.',
        ),
      };
}

// The domain's words come from the glossary, as in the dispatch messages.
const { request, volunteer } = domainWords;
const coordinator = cancellationPartyWords.coordinator;

const trimmed = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

const paragraphs = (...parts: string[]) => `${parts.join('\n\n')}\n`;

function roleJa(payload: EmailPayloads['invitation']): string {
  switch (payload.role) {
    case 'requester':
      return payload.organizationName ? `${payload.organizationName}の依頼担当者` : '依頼担当者';
    case 'volunteer':
      return `通訳・翻訳${volunteer.ja}`;
    case 'coordinator':
      return coordinator.ja;
    case 'admin':
      return '管理者';
  }
}

function roleEn(payload: EmailPayloads['invitation']): string {
  switch (payload.role) {
    case 'requester':
      return payload.organizationName ? `requesting staff of ${payload.organizationName}` : 'requesting staff';
    case 'volunteer':
      return `a ${volunteer.en} interpreter and translator`;
    case 'coordinator':
      return `a ${coordinator.en.toLowerCase()}`;
    case 'admin':
      return 'an administrator';
  }
}
