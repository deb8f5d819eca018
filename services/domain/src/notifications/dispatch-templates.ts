import { DateTime } from 'luxon';
import { tokyo } from '../clock';
import {
  assignmentStatusWords,
  cancellationPartyWords,
  cancellationReasonWords,
  dispatchStageWords,
  documentRoleWords,
  domainWords,
  expenseKindWords,
  modalityWords,
  offerStatusWords,
  requestStatusWords,
  translationJobStateWords,
  withdrawalReasonWords,
} from '../glossary';
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

// The domain's words come from the glossary, so that a mail names a thing or a state as the screens do.
const { request, offer, assignment, volunteer, requesterOrganization, activityReport } = domainWords;
const translation = documentRoleWords.translation;
const honorarium = expenseKindWords.honorarium;
const coordinator = cancellationPartyWords.coordinator;
/** A state's label in the middle of an English sentence. */
const lower = (word: string) => word.toLowerCase();
const capital = (word: string) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;

const reasonsJa: Record<DispatchReason, string> = {
  taken: `ほかの${volunteer.ja}に決まりました`,
  cancelled: `${request.ja}が取り消されました`,
  changed: `${request.ja}の日時が変わりました`,
  not_reconfirmed: '期限までに参加の再確認がありませんでした',
  no_longer_fits: '変更後の日時にはご都合が合わなくなりました',
  coordinator: `${coordinator.ja}が手配を変更しました`,
  withdrew: `${volunteer.ja}が参加を取りやめました`,
};
const reasonsEn: Record<DispatchReason, string> = {
  taken: `another ${volunteer.en} took it`,
  cancelled: `the ${request.en} was ${lower(requestStatusWords.cancelled.en)}`,
  changed: `the ${request.en}’s time changed`,
  not_reconfirmed: 'you did not reconfirm by the cutoff',
  no_longer_fits: 'the new time no longer fits your availability',
  coordinator: `a ${lower(coordinator.en)} changed the arrangements`,
  withdrew: `the ${volunteer.en} withdrew`,
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
  beginDispatch: requestStatusWords.filed.ja,
  approveRequest: `${request.ja}の承認`,
  rejectRequest: `${request.ja}の${requestStatusWords.rejected.ja}`,
  offerNextWave: `${volunteer.ja}への${offer.ja}`,
  acceptOffer: `${offer.ja}の${offerStatusWords.accepted.ja}`,
  declineOffer: `${offer.ja}の${offerStatusWords.declined.ja}`,
  offerByHand: `手動での${offer.ja}`,
  assignByHand: '手動での割り当て',
  confirmedPlan: 'リマインダーの予定',
  remindVolunteers: 'リマインダーの送信',
  askReconfirmation: `参加の再確認の${request.ja}`,
  reconfirmAssignment: '参加の再確認',
  releaseUnreconfirmed: `再確認のない${assignment.ja}の${assignmentStatusWords.released.ja}`,
  recheckAfterChange: '日時変更後の確認',
  dispatchFacts: `${request.ja}の日時の読み込み`,
  tellAnswerDateReached: '回答日のお知らせ',
  requestReports: `${activityReport.ja}の${request.ja}`,
  remindReports: `${activityReport.ja}の催促`,
  reportsOverdue: `${activityReport.ja}の遅れのお知らせ`,
  reportStatus: `${activityReport.ja}の確認`,
};
const stepsEn: Record<string, string> = {
  beginDispatch: 'taking the request in',
  approveRequest: 'approving the request',
  rejectRequest: 'rejecting the request',
  offerNextWave: `sending ${offer.en}s to ${volunteer.en}s`,
  acceptOffer: `accepting an ${offer.en}`,
  declineOffer: `declining an ${offer.en}`,
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
  requestReports: `asking for the ${activityReport.en}s`,
  remindReports: `reminding of the ${activityReport.en}s`,
  reportsOverdue: `telling of overdue ${activityReport.en}s`,
  reportStatus: `checking the ${activityReport.en}s`,
};

const stepName = (notice: DispatchNotice, locale: Locale) =>
  (locale === 'ja' ? stepsJa : stepsEn)[notice.step ?? ''] ?? notice.step ?? '';

/** Each event in both languages: subject, the sentence that says what happened, and where to act. */
const phrases: Record<DispatchEvent, Phrase> = {
  screeningNeeded: (n, l) =>
    l === 'ja'
      ? {
          subject: `新しい${request.ja}の確認をお願いします`,
          lead: `${n.request.organizationName}から${request.ja}が届きました。内容を確認し、承認するか${requestStatusWords.rejected.ja}にしてください。`,
          path: requestPath(n),
        }
      : {
          subject: `A new ${request.en} to screen`,
          lead: `${n.request.organizationName} ${lower(requestStatusWords.filed.en)} a ${request.en}. Please approve it, or mark it ${lower(requestStatusWords.rejected.en)}.`,
          path: requestPath(n),
        },
  requestApproved: (n, l) =>
    l === 'ja'
      ? {
          subject: `${request.ja}を受け付けました`,
          lead: `${request.ja}が承認され、${requestStatusWords.open.ja}です。通訳・翻訳${volunteer.ja}を探しています。${requestStatusWords.filled.ja}しだいお知らせします。`,
          path: requestPath(n),
        }
      : {
          subject: `Your ${request.en} is accepted`,
          lead: `Your ${request.en} was approved and is ${lower(requestStatusWords.open.en)}. We are looking for a ${volunteer.en} and will tell you as soon as one is ${lower(requestStatusWords.filled.en)}.`,
          path: requestPath(n),
        },
  requestRejected: (n, l) =>
    l === 'ja'
      ? {
          subject: `${request.ja}をお受けできませんでした（${requestStatusWords.rejected.ja}）`,
          lead: `申し訳ありませんが、この${request.ja}はお受けできません。${n.reason ? `理由：${n.reason}` : ''}`,
          path: requestPath(n),
        }
      : {
          subject: `We cannot take your ${request.en} (${lower(requestStatusWords.rejected.en)})`,
          lead: `We are sorry: we cannot take this ${request.en}.${n.reason ? ` Reason: ${n.reason}` : ''}`,
          path: requestPath(n),
        },
  offerMade: (n, l) =>
    l === 'ja'
      ? {
          subject: `通訳・翻訳の${offer.ja}があります`,
          lead: `次の${request.ja}をお引き受けいただけますか。${when(n.respondBy, l)}までにお返事ください。先にお引き受けいただいた方に決まります。`,
          path: pathTo('offers'),
        }
      : {
          subject: `Can you take this ${request.en}?`,
          lead: `Can you take the ${request.en} below? Please answer by ${when(n.respondBy, l)}. The first to accept gets it.`,
          path: pathTo('offers'),
        },
  offerWithdrawn: (n, l) =>
    l === 'ja'
      ? {
          subject: `${offer.ja}の${offerStatusWords.withdrawn.ja}`,
          lead: `${reason(n, l)}ため、この${request.ja}の${offer.ja}を${offerStatusWords.withdrawn.ja}ます。ありがとうございました。`,
          path: pathTo('offers'),
        }
      : {
          subject: `${capital(offer.en)} ${lower(offerStatusWords.withdrawn.en)}`,
          lead: `We withdraw this ${offer.en}: ${reason(n, l)}. Thank you all the same.`,
          path: pathTo('offers'),
        },
  assignmentConfirmed: (n, l) =>
    l === 'ja'
      ? {
          subject: `${request.ja}が${requestStatusWords.filled.ja}しました`,
          lead: `お引き受けいただきありがとうございます。次の内容で${requestStatusWords.filled.ja}しました。`,
          path: bookingsPath(n),
        }
      : {
          subject: `You are ${lower(requestStatusWords.filled.en)}`,
          lead: `Thank you for accepting. You are ${lower(requestStatusWords.filled.en)} for the ${request.en} below.`,
          path: bookingsPath(n),
        },
  requestConfirmed: (n, l) =>
    l === 'ja'
      ? {
          subject: `${volunteer.ja}が${requestStatusWords.filled.ja}しました`,
          lead: `${n.volunteerName ?? volunteer.ja}さんが${assignment.ja}します。`,
          path: requestPath(n),
        }
      : {
          subject: `A ${volunteer.en} is ${lower(requestStatusWords.filled.en)}`,
          lead: `${n.volunteerName ?? `A ${volunteer.en}`} will take your ${request.en}.`,
          path: requestPath(n),
        },
  stillLooking: (n, l) =>
    l === 'ja'
      ? {
          subject: `${volunteer.ja}を探しています`,
          lead: `まだ${volunteer.ja}が${requestStatusWords.filled.ja}していません。範囲を広げ、${coordinator.ja}が引き続き探しています。`,
          path: requestPath(n),
        }
      : {
          subject: `Still looking for a ${volunteer.en}`,
          lead: `Nobody is ${lower(requestStatusWords.filled.en)} yet. We have widened the search and a ${lower(coordinator.en)} is looking too.`,
          path: requestPath(n),
        },
  escalated: (n, l) =>
    l === 'ja'
      ? {
          subject: `${dispatchStageWords.escalated.ja}：${assignment.ja}が見つかりません`,
          lead: `候補者がいないか、期限までに誰も引き受けませんでした。手動での${offer.ja}か割り当てをお願いします。`,
          path: requestPath(n),
        }
      : {
          subject: `${dispatchStageWords.escalated.en}: nobody found for a ${request.en}`,
          lead: 'No candidate is left or nobody answered in time. Please offer it or assign someone by hand.',
          path: requestPath(n),
        },
  answerDateReached: (n, l) =>
    l === 'ja'
      ? {
          subject: `${volunteer.ja}はまだ${requestStatusWords.filled.ja}していません`,
          lead: `ご指定の回答日になりましたが、${volunteer.ja}はまだ${requestStatusWords.filled.ja}していません。引き続き探しますが、ほかの手配もご検討ください。`,
          path: requestPath(n),
        }
      : {
          subject: `No ${volunteer.en} ${lower(requestStatusWords.filled.en)} yet`,
          lead: `Your answer date has come and no ${volunteer.en} is ${lower(requestStatusWords.filled.en)} yet. We keep looking, but you may want to make other arrangements.`,
          path: requestPath(n),
        },
  reminder: (n, l) =>
    l === 'ja'
      ? {
          subject: `活動の${hoursJa(n.hoursBefore ?? 0)}前のお知らせ`,
          lead: `ご${assignment.ja}の活動が${hoursJa(n.hoursBefore ?? 0)}後に始まります。`,
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
          subject: `${assignment.ja}を${assignmentStatusWords.released.ja}しました`,
          lead: `${reason(n, l)}ため、この${request.ja}のご${assignment.ja}を${assignmentStatusWords.released.ja}しました。${statedLine(n.stated, l)}`,
          path: bookingsPath(n),
        }
      : {
          subject: `You are ${lower(assignmentStatusWords.released.en)} from a ${request.en}`,
          lead: `You are no longer booked for this ${request.en}: ${reason(n, l)}.${statedLine(n.stated, l)}`,
          path: bookingsPath(n),
        },
  coverNeeded: (n, l) =>
    l === 'ja'
      ? {
          subject: `代わりの${volunteer.ja}を探しています`,
          lead: `${assignment.ja}が${assignmentStatusWords.released.ja}されました（${reason(n, l)}）。代わりを探し始めました。${statedLine(n.stated, l)}`,
          path: requestPath(n),
        }
      : {
          subject: `Finding cover for a ${request.en}`,
          lead: `A ${volunteer.en} was ${lower(assignmentStatusWords.released.en)} (${reason(n, l)}). We have started finding cover.${statedLine(n.stated, l)}`,
          path: requestPath(n),
        },
  requestChanged: (n, l) =>
    l === 'ja'
      ? {
          subject: `${request.ja}の日時が変わりました`,
          lead: `ご${assignment.ja}の${request.ja}が次のとおり変更されました。`,
          path: bookingsPath(n),
        }
      : {
          subject: `Your ${request.en} changed`,
          lead: `The ${request.en} you are booked for changed as follows.`,
          path: bookingsPath(n),
        },
  assignmentCancelled: (n, l) =>
    l === 'ja'
      ? {
          subject: `${request.ja}の${requestStatusWords.cancelled.ja}`,
          lead: `ご${assignment.ja}の${request.ja}が${cancelledBy(n, l)}により取り消されました。${statedLine(n.stated, l)}`,
          path: bookingsPath(n),
        }
      : {
          subject: `${capital(request.en)} ${lower(requestStatusWords.cancelled.en)}`,
          lead: `The ${request.en} you were booked for was ${lower(requestStatusWords.cancelled.en)} by the ${cancelledBy(n, l).toLowerCase()}.${statedLine(n.stated, l)}`,
          path: bookingsPath(n),
        },
  requestCancelled: (n, l) =>
    l === 'ja'
      ? {
          subject: `${request.ja}の${requestStatusWords.cancelled.ja}`,
          lead: `この${request.ja}は${coordinator.ja}により取り消されました。${statedLine(n.stated, l)}`,
          path: requestPath(n),
        }
      : {
          subject: `Your ${request.en} was ${lower(requestStatusWords.cancelled.en)}`,
          lead: `A ${lower(coordinator.en)} ${lower(requestStatusWords.cancelled.en)} this ${request.en}.${statedLine(n.stated, l)}`,
          path: requestPath(n),
        },
  lateCancellation: (n, l) =>
    l === 'ja'
      ? {
          subject: `直前の${requestStatusWords.cancelled.ja}がありました`,
          lead: `開始の${n.noticeHours ?? 0}時間前に取り消されました。規定により${honorarium.ja}の${n.feePercent ?? 0}%が発生します。`,
          path: requestPath(n),
        }
      : {
          subject: 'Late cancellation',
          lead: `Cancelled ${n.noticeHours ?? 0} hours before the start: by the policy, ${n.feePercent ?? 0}% of the ${lower(honorarium.en)} is owed.`,
          path: requestPath(n),
        },
  reportRequested: (n, l) =>
    n.reportKind === 'requester'
      ? l === 'ja'
        ? {
            subject: `${activityReport.ja}をお願いします`,
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
            subject: `${activityReport.ja}をお願いします`,
            lead: `実際の開始・終了時刻、${expenseKindWords.transport.ja}、連絡事項を報告してください。`,
            path: bookingsPath(n),
          }
        : {
            subject: `Please file your ${activityReport.en}`,
            lead: 'Please report your actual times, transport fare and any notes.',
            path: bookingsPath(n),
          },
  reportReminder: (n, l) =>
    l === 'ja'
      ? {
          subject: `${activityReport.ja}がまだ届いていません`,
          lead: `${activityReport.ja}の提出をお願いします。`,
          path: n.reportKind === 'requester' ? requestPath(n) : bookingsPath(n),
        }
      : {
          subject: `Your ${activityReport.en} is still missing`,
          lead: `Please file your ${activityReport.en}.`,
          path: n.reportKind === 'requester' ? requestPath(n) : bookingsPath(n),
        },
  reportsOverdue: (n, l) =>
    l === 'ja'
      ? {
          subject: `${activityReport.ja}が届いていません`,
          lead: `催促を重ねましたが、${activityReport.ja}がまだそろっていません。`,
          path: requestPath(n),
        }
      : {
          subject: `${capital(activityReport.en)}s overdue`,
          lead: `Despite reminders, the ${activityReport.en}s are still missing.`,
          path: requestPath(n),
        },
  stepFailed: (n, l) =>
    l === 'ja'
      ? {
          subject: `${request.ja}の処理が止まりました`,
          lead: `「${stepName(n, l)}」の処理が、受け付けられないデータのため失敗しました（${n.failure ?? ''}）。再試行はしません。${request.ja}を確認し、手動で対応してください。`,
          path: requestPath(n),
        }
      : {
          subject: `A ${request.en}’s dispatch has stopped`,
          lead: `Dispatch failed at ${stepName(n, l)} on data it cannot accept (${n.failure ?? ''}), and will not try again. Please look at the ${request.en} and act on it by hand.`,
          path: requestPath(n),
        },
  translationDue: (n, l) =>
    l === 'ja'
      ? {
          subject: `翻訳の納期の${hoursJa(n.hoursBefore ?? 0)}前です`,
          lead: `ご担当の翻訳の納期まであと${hoursJa(n.hoursBefore ?? 0)}です。仕上がった${translation.ja}をアップロードして提出してください。`,
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
          subject: `翻訳が${translationJobStateWords.overdue.ja}です`,
          lead: `納期を過ぎましたが、${translation.ja}が提出されていません。翻訳者に連絡するか、${assignment.ja}を${assignmentStatusWords.released.ja}して代わりを探してください。${requesterOrganization.ja}にもお知らせしました。`,
          path: requestPath(n),
        }
      : {
          subject: `A translation is ${lower(translationJobStateWords.overdue.en)}`,
          lead: 'The deadline has passed and no translation is submitted. Please contact the translator, or release them to find cover. The requester has been told.',
          path: requestPath(n),
        },
  translationLate: (n, l) =>
    l === 'ja'
      ? {
          subject: '翻訳が遅れています',
          lead: `納期を過ぎましたが、${translation.ja}がまだ届いていません。${coordinator.ja}が対応しています。`,
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
          subject: `${translation.ja}が提出されました`,
          lead: `${translation.ja}（第${n.version ?? 1}版）が提出されました（${translationJobStateWords.submitted.ja}）。内容を確認し、検収するか修正を依頼してください。`,
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
          subject: `${translation.ja}の修正をお願いします`,
          lead: `${requesterOrganization.ja}から${translation.ja}（第${n.version ?? 1}版）の修正の${request.ja}がありました。${n.comment ? `コメント：${n.comment}` : ''}`,
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
          subject: `${translation.ja}が${translationJobStateWords.accepted.ja}になりました`,
          lead: `${translation.ja}（第${n.version ?? 1}版）が検収されました。ありがとうございました。`,
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
            change.documentsAdded > 0 ? `追加する${documentRoleWords.source.ja}：${change.documentsAdded}件` : null,
            change.documentsRemoved > 0 ? `外す${documentRoleWords.source.ja}：${change.documentsRemoved}件` : null,
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
          lead: `${requesterOrganization.ja}から変更の提案がありました（${what}）。承諾するか断ってください。承諾するまでは、今の納期と${documentRoleWords.source.ja}のままです。${n.comment ? `メモ：${n.comment}` : ''}`,
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
            ? `提案した変更を翻訳者が承諾しました。新しい納期と${documentRoleWords.source.ja}で進みます。`
            : `提案した変更を翻訳者が断りました。今の納期と${documentRoleWords.source.ja}のままです。協会の${coordinator.ja}にもご相談ください。${n.comment ? `理由：${n.comment}` : ''}`,
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
  const modality = modalityWords[request.modality][locale];
  const label = (ja: string, en: string) => (locale === 'ja' ? `${ja}：` : `${en}: `);
  return [
    `${label(requesterOrganization.ja, capital(requesterOrganization.en))}${request.organizationName}`,
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
