import { DateTime } from 'luxon';
import { tokyo } from '../clock';
import { cancellationPartyWords, cancellationReasonWords, withdrawalReasonWords } from '../glossary';
import type { CancellationParty, CancellationReason, WithdrawalReason } from '../requests/cancellation';
import { pathTo } from '../routes';
import type { Locale, RenderedEmail } from './templates';

type Names = { ja: string; en: string };

/** What every dispatch message says about its request; no notes, which may name a foreign resident. */
export interface RequestSummary {
  organizationName: string;
  language: Names;
  modality: 'on_site' | 'remote' | 'translation';
  /** ISO 8601; null for a translation, which has a deadline instead. */
  startsAt: string | null;
  endsAt: string | null;
  deadline: string | null;
  /** The municipality of the place, on site. */
  municipality: Names | null;
}

/** Where and whom to ask: given to a volunteer only once they are booked. */
export interface RequestParticulars {
  venue: string | null;
  address: string | null;
  remoteJoinInstructions: string | null;
  contactName: string;
  contactPhone: string | null;
}

/**
 * The payload of every dispatch message. `event` and `requestId` (and `assignmentId` for a
 * volunteer's booking) say what happened to what, so a calendar invitation can be attached to the
 * confirmations, changes and cancellations.
 */
export interface DispatchNotice {
  event: DispatchEvent;
  requestId: string;
  assignmentId?: string;
  request: RequestSummary;
  particulars?: RequestParticulars;
  /** ISO 8601: an offer's answer deadline, or the reconfirmation cutoff. */
  respondBy?: string;
  hoursBefore?: number;
  volunteerName?: string;
  /** Why an offer was withdrawn or a booking released, or why a request was rejected (free text). */
  reason?: string;
  /** What the person who cancelled or ended a booking chose and wrote, and who they were. */
  stated?: StatedReason;
  noticeHours?: number;
  feePercent?: number;
  reportKind?: 'volunteer' | 'requester';
  /** A step of dispatch that failed for good (its name in the workflow), and how it failed. */
  step?: string;
  failure?: string;
  /** A translation's version (1, 2, …), and the words that go with it: the requester's comment on a revision, a change's note, a declined change's reason. */
  version?: number;
  comment?: string;
  /** A change proposed to a booked translation: the new deadline (ISO 8601), and the sources added or removed. */
  change?: { deadline: string | null; documentsAdded: number; documentsRemoved: number };
  /** The translator's answer to a proposed change. */
  changeAccepted?: boolean;
}

/** A person's own reason: a coordinator's or requester's from the cancellation list, a volunteer's from theirs. */
export type StatedReason =
  | { by: CancellationParty; reason: CancellationReason; note: string | null }
  | { by: 'volunteer'; reason: WithdrawalReason; note: string | null };

/** Why an offer is withdrawn or a booking released, as `reason` says it. */
export type DispatchReason =
  | 'taken'
  | 'cancelled'
  | 'changed'
  | 'not_reconfirmed'
  | 'no_longer_fits'
  | 'coordinator'
  | 'withdrew';

export const dispatchEvents = [
  'screeningNeeded',
  'requestApproved',
  'requestRejected',
  'offerMade',
  'offerWithdrawn',
  'assignmentConfirmed',
  'requestConfirmed',
  'stillLooking',
  'escalated',
  'answerDateReached',
  'reminder',
  'reconfirmationRequested',
  'assignmentReleased',
  'coverNeeded',
  'requestChanged',
  'assignmentCancelled',
  'requestCancelled',
  'lateCancellation',
  'reportRequested',
  'reportReminder',
  'reportsOverdue',
  'stepFailed',
  'translationDue',
  'translationOverdue',
  'translationLate',
  'translationSubmitted',
  'revisionAsked',
  'translationAccepted',
  'translationChangeProposed',
  'translationChangeAnswered',
] as const;

export type DispatchEvent = (typeof dispatchEvents)[number];

export type DispatchPayloads = { [Event in DispatchEvent]: DispatchNotice };

/** Which events change a volunteer's calendar, and how: for the invitation the delivery attaches. */
export const calendarMethods: Partial<Record<DispatchEvent, 'REQUEST' | 'CANCEL'>> = {
  assignmentConfirmed: 'REQUEST',
  requestConfirmed: 'REQUEST',
  requestChanged: 'REQUEST',
  assignmentReleased: 'CANCEL',
  assignmentCancelled: 'CANCEL',
};

interface Words {
  subject: string;
  lead: string;
  /** Where the reader acts; relative to the public URL. */
  path: string;
}

type Phrase = (notice: DispatchNotice, locale: Locale) => Words;

const reasonsJa: Record<DispatchReason, string> = {
  taken: 'ほかのボランティアに決まりました',
  cancelled: '依頼が取り消されました',
  changed: '依頼の日時が変わりました',
  not_reconfirmed: '期限までに参加の再確認がありませんでした',
  no_longer_fits: '変更後の日時にはご都合が合わなくなりました',
  coordinator: 'コーディネーターが手配を変更しました',
  withdrew: 'ボランティアが参加を取りやめました',
};
const reasonsEn: Record<DispatchReason, string> = {
  taken: 'another volunteer took it',
  cancelled: 'the request was cancelled',
  changed: 'the request’s time changed',
  not_reconfirmed: 'you did not reconfirm by the cutoff',
  no_longer_fits: 'the new time no longer fits your availability',
  coordinator: 'a coordinator changed the arrangements',
  withdrew: 'the volunteer withdrew',
};

const reason = (notice: DispatchNotice, locale: Locale) => {
  const key = notice.reason as DispatchReason | undefined;
  const words = locale === 'ja' ? reasonsJa : reasonsEn;
  return key && key in words ? words[key] : (notice.reason ?? '');
};

/** "理由：日程が変わった（会場の都合）" — the stated reason as one line, or nothing. */
function statedLine(stated: StatedReason | undefined, locale: Locale): string {
  if (!stated) return '';
  const words =
    stated.by === 'volunteer' ? withdrawalReasonWords[stated.reason] : cancellationReasonWords[stated.reason];
  const note = stated.note ? (locale === 'ja' ? `（${stated.note}）` : ` (${stated.note})`) : '';
  return locale === 'ja' ? `\n理由：${words?.ja ?? ''}${note}` : `\nReason: ${words?.en ?? ''}${note}`;
}

/** Who cancelled, in the sentence's words: the requester unless a coordinator said so. */
const cancelledBy = (notice: DispatchNotice, locale: Locale) =>
  cancellationPartyWords[notice.stated?.by === 'coordinator' ? 'coordinator' : 'requester'][locale];

/**
 * Links name the thing, not the portal (the web app opens each in the reader's portal): a request,
 * the offers, the bookings or one booking. Plain ids: the app makes them the API's global IDs.
 */
const requestPath = (notice: DispatchNotice) => pathTo('request', { id: notice.requestId });
const bookingsPath = (notice: DispatchNotice) => pathTo('assignments', { id: notice.assignmentId });

/** The steps of dispatch, as a coordinator knows them, for the message that one failed. */
const stepsJa: Record<string, string> = {
  beginDispatch: '受付',
  approveRequest: '依頼の承認',
  rejectRequest: '依頼の却下',
  offerNextWave: 'ボランティアへの依頼の送信',
  acceptOffer: '依頼の引き受け',
  declineOffer: '依頼の辞退',
  offerByHand: '手動での依頼',
  assignByHand: '手動での割り当て',
  confirmedPlan: 'リマインダーの予定',
  remindVolunteers: 'リマインダーの送信',
  askReconfirmation: '参加の再確認の依頼',
  reconfirmAssignment: '参加の再確認',
  releaseUnreconfirmed: '再確認のない担当の解除',
  recheckAfterChange: '日時変更後の確認',
  dispatchFacts: '依頼の日時の読み込み',
  tellAnswerDateReached: '回答日のお知らせ',
  requestReports: '活動報告の依頼',
  remindReports: '活動報告の催促',
  reportsOverdue: '活動報告の遅れのお知らせ',
  reportStatus: '活動報告の確認',
};
const stepsEn: Record<string, string> = {
  beginDispatch: 'taking the request in',
  approveRequest: 'approving the request',
  rejectRequest: 'rejecting the request',
  offerNextWave: 'sending offers to volunteers',
  acceptOffer: 'accepting an offer',
  declineOffer: 'declining an offer',
  offerByHand: 'offering it by hand',
  assignByHand: 'assigning a volunteer by hand',
  confirmedPlan: 'planning the reminders',
  remindVolunteers: 'reminding the volunteers',
  askReconfirmation: 'asking the volunteers to reconfirm',
  reconfirmAssignment: 'a volunteer’s reconfirmation',
  releaseUnreconfirmed: 'releasing volunteers who did not reconfirm',
  recheckAfterChange: 'checking the bookings after a change of time',
  dispatchFacts: 'reading the request’s times',
  tellAnswerDateReached: 'telling the requester of the answer date',
  requestReports: 'asking for the activity reports',
  remindReports: 'reminding of the activity reports',
  reportsOverdue: 'telling of overdue activity reports',
  reportStatus: 'checking the activity reports',
};

const stepName = (notice: DispatchNotice, locale: Locale) =>
  (locale === 'ja' ? stepsJa : stepsEn)[notice.step ?? ''] ?? notice.step ?? '';

/** Each event in both languages: subject, the sentence that says what happened, and where to act. */
const phrases: Record<DispatchEvent, Phrase> = {
  screeningNeeded: (n, l) =>
    l === 'ja'
      ? {
          subject: '新しい依頼の確認をお願いします',
          lead: `${n.request.organizationName}から依頼が届きました。内容を確認し、承認または却下してください。`,
          path: requestPath(n),
        }
      : {
          subject: 'A new request to screen',
          lead: `${n.request.organizationName} filed a request. Please approve or reject it.`,
          path: requestPath(n),
        },
  requestApproved: (n, l) =>
    l === 'ja'
      ? {
          subject: '依頼を受け付けました',
          lead: '依頼が承認されました。通訳・翻訳ボランティアを探しています。決まりしだいお知らせします。',
          path: requestPath(n),
        }
      : {
          subject: 'Your request is accepted',
          lead: 'Your request was approved. We are looking for a volunteer and will tell you as soon as one is confirmed.',
          path: requestPath(n),
        },
  requestRejected: (n, l) =>
    l === 'ja'
      ? {
          subject: '依頼をお受けできませんでした',
          lead: `申し訳ありませんが、この依頼はお受けできません。${n.reason ? `理由：${n.reason}` : ''}`,
          path: requestPath(n),
        }
      : {
          subject: 'We cannot take your request',
          lead: `We are sorry: we cannot take this request.${n.reason ? ` Reason: ${n.reason}` : ''}`,
          path: requestPath(n),
        },
  offerMade: (n, l) =>
    l === 'ja'
      ? {
          subject: '通訳・翻訳の依頼があります',
          lead: `次の依頼をお引き受けいただけますか。${when(n.respondBy, l)}までにお返事ください。先にお引き受けいただいた方に決まります。`,
          path: pathTo('offers'),
        }
      : {
          subject: 'Can you take this request?',
          lead: `Can you take the request below? Please answer by ${when(n.respondBy, l)}. The first to accept gets it.`,
          path: pathTo('offers'),
        },
  offerWithdrawn: (n, l) =>
    l === 'ja'
      ? {
          subject: '依頼のお願いを取り下げます',
          lead: `${reason(n, l)}ため、この依頼のお願いを取り下げます。ありがとうございました。`,
          path: pathTo('offers'),
        }
      : {
          subject: 'Offer withdrawn',
          lead: `We withdraw this offer: ${reason(n, l)}. Thank you all the same.`,
          path: pathTo('offers'),
        },
  assignmentConfirmed: (n, l) =>
    l === 'ja'
      ? {
          subject: '依頼が確定しました',
          lead: 'お引き受けいただきありがとうございます。次の内容で確定しました。',
          path: bookingsPath(n),
        }
      : {
          subject: 'You are confirmed',
          lead: 'Thank you for accepting. You are confirmed for the request below.',
          path: bookingsPath(n),
        },
  requestConfirmed: (n, l) =>
    l === 'ja'
      ? {
          subject: 'ボランティアが決まりました',
          lead: `${n.volunteerName ?? 'ボランティア'}さんが担当します。`,
          path: requestPath(n),
        }
      : {
          subject: 'A volunteer is confirmed',
          lead: `${n.volunteerName ?? 'A volunteer'} will take your request.`,
          path: requestPath(n),
        },
  stillLooking: (n, l) =>
    l === 'ja'
      ? {
          subject: 'ボランティアを探しています',
          lead: 'まだボランティアが決まっていません。範囲を広げ、コーディネーターが引き続き探しています。',
          path: requestPath(n),
        }
      : {
          subject: 'Still looking for a volunteer',
          lead: 'Nobody is confirmed yet. We have widened the search and a coordinator is looking too.',
          path: requestPath(n),
        },
  escalated: (n, l) =>
    l === 'ja'
      ? {
          subject: '担当者が見つかりません',
          lead: '候補者がいないか、期限までに誰も引き受けませんでした。手動でのお願いか割り当てをお願いします。',
          path: requestPath(n),
        }
      : {
          subject: 'Nobody found for a request',
          lead: 'No candidate is left or nobody answered in time. Please offer it or assign someone by hand.',
          path: requestPath(n),
        },
  answerDateReached: (n, l) =>
    l === 'ja'
      ? {
          subject: 'ボランティアはまだ決まっていません',
          lead: 'ご指定の回答日になりましたが、ボランティアはまだ決まっていません。引き続き探しますが、ほかの手配もご検討ください。',
          path: requestPath(n),
        }
      : {
          subject: 'No volunteer confirmed yet',
          lead: 'Your answer date has come and no volunteer is confirmed yet. We keep looking, but you may want to make other arrangements.',
          path: requestPath(n),
        },
  reminder: (n, l) =>
    l === 'ja'
      ? {
          subject: `活動の${hoursJa(n.hoursBefore ?? 0)}前のお知らせ`,
          lead: `ご担当の活動が${hoursJa(n.hoursBefore ?? 0)}後に始まります。`,
          path: bookingsPath(n),
        }
      : {
          subject: `Reminder: your activity in ${hoursEn(n.hoursBefore ?? 0)}`,
          lead: `Your activity starts in ${hoursEn(n.hoursBefore ?? 0)}.`,
          path: bookingsPath(n),
        },
  reconfirmationRequested: (n, l) =>
    l === 'ja'
      ? {
          subject: '参加の再確認をお願いします',
          lead: `${when(n.respondBy, l)}までに、参加できることをアプリで再確認してください。再確認がない場合は、ほかの方にお願いします。`,
          path: bookingsPath(n),
        }
      : {
          subject: 'Please reconfirm',
          lead: `Please reconfirm in the app by ${when(n.respondBy, l)} that you will go. Without it, we will ask someone else.`,
          path: bookingsPath(n),
        },
  assignmentReleased: (n, l) =>
    l === 'ja'
      ? {
          subject: '担当を解除しました',
          lead: `${reason(n, l)}ため、この依頼のご担当を解除しました。${statedLine(n.stated, l)}`,
          path: bookingsPath(n),
        }
      : {
          subject: 'You are released from a request',
          lead: `You are no longer booked for this request: ${reason(n, l)}.${statedLine(n.stated, l)}`,
          path: bookingsPath(n),
        },
  coverNeeded: (n, l) =>
    l === 'ja'
      ? {
          subject: '代わりのボランティアを探しています',
          lead: `担当が解除されました（${reason(n, l)}）。代わりを探し始めました。${statedLine(n.stated, l)}`,
          path: requestPath(n),
        }
      : {
          subject: 'Finding cover for a request',
          lead: `A volunteer was released (${reason(n, l)}). We have started finding cover.${statedLine(n.stated, l)}`,
          path: requestPath(n),
        },
  requestChanged: (n, l) =>
    l === 'ja'
      ? { subject: '依頼の日時が変わりました', lead: 'ご担当の依頼が次のとおり変更されました。', path: bookingsPath(n) }
      : {
          subject: 'Your request changed',
          lead: 'The request you are booked for changed as follows.',
          path: bookingsPath(n),
        },
  assignmentCancelled: (n, l) =>
    l === 'ja'
      ? {
          subject: '依頼が取り消されました',
          lead: `ご担当の依頼が${cancelledBy(n, l)}により取り消されました。${statedLine(n.stated, l)}`,
          path: bookingsPath(n),
        }
      : {
          subject: 'Request cancelled',
          lead: `The request you were booked for was cancelled by the ${cancelledBy(n, l).toLowerCase()}.${statedLine(n.stated, l)}`,
          path: bookingsPath(n),
        },
  requestCancelled: (n, l) =>
    l === 'ja'
      ? {
          subject: '依頼が取り消されました',
          lead: `この依頼はコーディネーターにより取り消されました。${statedLine(n.stated, l)}`,
          path: requestPath(n),
        }
      : {
          subject: 'Your request was cancelled',
          lead: `A coordinator cancelled this request.${statedLine(n.stated, l)}`,
          path: requestPath(n),
        },
  lateCancellation: (n, l) =>
    l === 'ja'
      ? {
          subject: '直前の取り消しがありました',
          lead: `開始の${n.noticeHours ?? 0}時間前に取り消されました。規定により謝金の${n.feePercent ?? 0}%が発生します。`,
          path: requestPath(n),
        }
      : {
          subject: 'Late cancellation',
          lead: `Cancelled ${n.noticeHours ?? 0} hours before the start: by the policy, ${n.feePercent ?? 0}% of the honorarium is owed.`,
          path: requestPath(n),
        },
  reportRequested: (n, l) =>
    n.reportKind === 'requester'
      ? l === 'ja'
        ? {
            subject: '活動報告をお願いします',
            lead: '活動は予定どおり行われましたか。満足度とご意見をお聞かせください。',
            path: requestPath(n),
          }
        : {
            subject: 'How did it go?',
            lead: 'Did the activity take place as planned? Please tell us how satisfied you were.',
            path: requestPath(n),
          }
      : l === 'ja'
        ? {
            subject: '活動報告をお願いします',
            lead: '実際の開始・終了時刻、交通費、連絡事項を報告してください。',
            path: bookingsPath(n),
          }
        : {
            subject: 'Please file your activity report',
            lead: 'Please report your actual times, transport fare and any notes.',
            path: bookingsPath(n),
          },
  reportReminder: (n, l) =>
    l === 'ja'
      ? {
          subject: '活動報告がまだ届いていません',
          lead: '活動報告の提出をお願いします。',
          path: n.reportKind === 'requester' ? requestPath(n) : bookingsPath(n),
        }
      : {
          subject: 'Your activity report is still missing',
          lead: 'Please file your activity report.',
          path: n.reportKind === 'requester' ? requestPath(n) : bookingsPath(n),
        },
  reportsOverdue: (n, l) =>
    l === 'ja'
      ? {
          subject: '活動報告が届いていません',
          lead: '催促を重ねましたが、活動報告がまだそろっていません。',
          path: requestPath(n),
        }
      : {
          subject: 'Activity reports overdue',
          lead: 'Despite reminders, the activity reports are still missing.',
          path: requestPath(n),
        },
  stepFailed: (n, l) =>
    l === 'ja'
      ? {
          subject: '依頼の処理が止まりました',
          lead: `「${stepName(n, l)}」の処理が、受け付けられないデータのため失敗しました（${n.failure ?? ''}）。再試行はしません。依頼を確認し、手動で対応してください。`,
          path: requestPath(n),
        }
      : {
          subject: 'A request’s dispatch has stopped',
          lead: `Dispatch failed at ${stepName(n, l)} on data it cannot accept (${n.failure ?? ''}), and will not try again. Please look at the request and act on it by hand.`,
          path: requestPath(n),
        },
  translationDue: (n, l) =>
    l === 'ja'
      ? {
          subject: `翻訳の納期の${hoursJa(n.hoursBefore ?? 0)}前です`,
          lead: `ご担当の翻訳の納期まであと${hoursJa(n.hoursBefore ?? 0)}です。仕上がった訳文をアップロードして提出してください。`,
          path: bookingsPath(n),
        }
      : {
          subject: `Your translation is due in ${hoursEn(n.hoursBefore ?? 0)}`,
          lead: `The translation you took is due in ${hoursEn(n.hoursBefore ?? 0)}. Please upload and submit it.`,
          path: bookingsPath(n),
        },
  translationOverdue: (n, l) =>
    l === 'ja'
      ? {
          subject: '翻訳が納期までに提出されていません',
          lead: '納期を過ぎましたが、訳文が提出されていません。翻訳者に連絡するか、担当を解除して代わりを探してください。依頼機関にもお知らせしました。',
          path: requestPath(n),
        }
      : {
          subject: 'A translation is overdue',
          lead: 'The deadline has passed and no translation is submitted. Please contact the translator, or release them to find cover. The requester has been told.',
          path: requestPath(n),
        },
  translationLate: (n, l) =>
    l === 'ja'
      ? {
          subject: '翻訳が遅れています',
          lead: '納期を過ぎましたが、訳文がまだ届いていません。コーディネーターが対応しています。',
          path: requestPath(n),
        }
      : {
          subject: 'Your translation is late',
          lead: 'The deadline has passed and the translation has not come yet. The coordinators are on it.',
          path: requestPath(n),
        },
  translationSubmitted: (n, l) =>
    l === 'ja'
      ? {
          subject: '訳文が提出されました',
          lead: `訳文（第${n.version ?? 1}版）が提出されました。内容を確認し、検収するか修正を依頼してください。`,
          path: requestPath(n),
        }
      : {
          subject: 'A translation is submitted',
          lead: `Version ${n.version ?? 1} of the translation is submitted. Please review it: accept it, or ask for a revision.`,
          path: requestPath(n),
        },
  revisionAsked: (n, l) =>
    l === 'ja'
      ? {
          subject: '訳文の修正をお願いします',
          lead: `依頼機関から訳文（第${n.version ?? 1}版）の修正の依頼がありました。${n.comment ? `コメント：${n.comment}` : ''}`,
          path: bookingsPath(n),
        }
      : {
          subject: 'Please revise your translation',
          lead: `The requester asks for a revision of version ${n.version ?? 1}.${n.comment ? ` Comment: ${n.comment}` : ''}`,
          path: bookingsPath(n),
        },
  translationAccepted: (n, l) =>
    l === 'ja'
      ? {
          subject: '訳文が検収されました',
          lead: `訳文（第${n.version ?? 1}版）が検収されました。ありがとうございました。`,
          path: bookingsPath(n),
        }
      : {
          subject: 'Your translation is accepted',
          lead: `Version ${n.version ?? 1} of your translation is accepted. Thank you.`,
          path: bookingsPath(n),
        },
  translationChangeProposed: (n, l) => {
    const change = n.change ?? { deadline: null, documentsAdded: 0, documentsRemoved: 0 };
    const parts =
      l === 'ja'
        ? [
            change.deadline ? `新しい納期：${when(change.deadline, l)}` : null,
            change.documentsAdded > 0 ? `追加する原文：${change.documentsAdded}件` : null,
            change.documentsRemoved > 0 ? `外す原文：${change.documentsRemoved}件` : null,
          ]
        : [
            change.deadline ? `new deadline: ${when(change.deadline, l)}` : null,
            change.documentsAdded > 0 ? `sources added: ${change.documentsAdded}` : null,
            change.documentsRemoved > 0 ? `sources removed: ${change.documentsRemoved}` : null,
          ];
    const what = parts.filter((part) => part !== null).join(l === 'ja' ? '、' : '; ');
    return l === 'ja'
      ? {
          subject: '翻訳の変更の提案があります',
          lead: `依頼機関から変更の提案がありました（${what}）。承諾するか断ってください。承諾するまでは、今の納期と原文のままです。${n.comment ? `メモ：${n.comment}` : ''}`,
          path: bookingsPath(n),
        }
      : {
          subject: 'A change to your translation is proposed',
          lead: `The requester proposes a change (${what}). Accept or decline it: until you accept, the deadline and the sources stay as they are.${n.comment ? ` Note: ${n.comment}` : ''}`,
          path: bookingsPath(n),
        };
  },
  translationChangeAnswered: (n, l) =>
    l === 'ja'
      ? {
          subject: n.changeAccepted ? '翻訳者が変更を承諾しました' : '翻訳者が変更を断りました',
          lead: n.changeAccepted
            ? '提案した変更を翻訳者が承諾しました。新しい納期と原文で進みます。'
            : `提案した変更を翻訳者が断りました。今の納期と原文のままです。協会のコーディネーターにもご相談ください。${n.comment ? `理由：${n.comment}` : ''}`,
          path: requestPath(n),
        }
      : {
          subject: n.changeAccepted ? 'The translator accepted the change' : 'The translator declined the change',
          lead: n.changeAccepted
            ? 'The translator accepted the change you proposed: the work goes on with the new deadline and sources.'
            : `The translator declined the change you proposed: the deadline and sources stay as they were. You may talk to the association’s coordinators.${n.comment ? ` Reason: ${n.comment}` : ''}`,
          path: requestPath(n),
        },
};

/** Subject and body of a dispatch message, in the recipient's language. */
export function renderDispatchEmail(notice: DispatchNotice, locale: Locale, publicUrl: string): RenderedEmail {
  const words = phrases[notice.event](notice, locale);
  const lines = [...summaryLines(notice.request, locale), ...particularLines(notice.particulars, locale)];
  const link = `${publicUrl.replace(/\/+$/, '')}${words.path}`;
  return {
    subject: locale === 'ja' ? `【つなぐ】${words.subject}` : `[Tsunagu] ${words.subject}`,
    text: `${[words.lead, lines.join('\n'), link].join('\n\n')}\n`,
  };
}

function summaryLines(request: RequestSummary, locale: Locale): string[] {
  const modality =
    locale === 'ja'
      ? { on_site: '現地通訳', remote: '遠隔通訳（電話・ビデオ）', translation: '翻訳' }[request.modality]
      : { on_site: 'on-site interpreting', remote: 'remote interpreting (phone/video)', translation: 'translation' }[
          request.modality
        ];
  const label = (ja: string, en: string) => (locale === 'ja' ? `${ja}：` : `${en}: `);
  return [
    `${label('依頼元', 'Requester')}${request.organizationName}`,
    `${label('言語', 'Language')}${request.language[locale]}`,
    `${label('種別', 'Kind')}${modality}`,
    request.startsAt
      ? `${label('日時', 'When')}${span(request.startsAt, request.endsAt, locale)}`
      : `${label('納期', 'Due')}${when(request.deadline ?? undefined, locale)}`,
    ...(request.municipality ? [`${label('場所', 'Where')}${request.municipality[locale]}`] : []),
  ];
}

function particularLines(particulars: RequestParticulars | undefined, locale: Locale): string[] {
  if (!particulars) return [];
  const label = (ja: string, en: string) => (locale === 'ja' ? `${ja}：` : `${en}: `);
  return [
    ...(particulars.venue ? [`${label('会場', 'Venue')}${particulars.venue}`] : []),
    ...(particulars.address ? [`${label('住所', 'Address')}${particulars.address}`] : []),
    ...(particulars.remoteJoinInstructions
      ? [`${label('接続方法', 'How to join')}${particulars.remoteJoinInstructions}`]
      : []),
    `${label('連絡先', 'Contact')}${particulars.contactName}${particulars.contactPhone ? ` (${particulars.contactPhone})` : ''}`,
  ];
}

/** Always with the year: a mail read in December may be about January, and a mail is kept. */
function when(isoInstant: string | undefined, locale: Locale): string {
  if (!isoInstant) return '';
  const instant = DateTime.fromISO(isoInstant).setZone(tokyo);
  return locale === 'ja'
    ? instant.setLocale('ja').toFormat('yyyy年M月d日(EEE) H:mm')
    : `${instant.setLocale('en').toFormat('EEE d MMMM yyyy, H:mm')} (Japan time)`;
}

function span(startsAt: string, endsAt: string | null, locale: Locale): string {
  if (!endsAt) return when(startsAt, locale);
  const end = DateTime.fromISO(endsAt).setZone(tokyo).toFormat('H:mm');
  return locale === 'ja'
    ? `${when(startsAt, locale)}〜${end}`
    : when(startsAt, locale).replace(' (Japan', `–${end} (Japan`);
}

const hoursJa = (hours: number) => (hours % 24 === 0 ? `${hours / 24}日` : `${hours}時間`);
const hoursEn = (hours: number) =>
  hours % 24 === 0 ? `${hours / 24} day${hours === 24 ? '' : 's'}` : `${hours} hour${hours === 1 ? '' : 's'}`;
