import type { Localized } from './errors';
import type { CancellationParty, CancellationReason, WithdrawalReason } from './requests/cancellation';

/**
 * The domain's words in Japanese and English, one word per state: the web's labels, the API's
 * reasons, the e-mails and the exports all read them here, so that a state has one name wherever
 * a person meets it. Pure (the web bundles it).
 */
type Words<Value extends string> = Readonly<Record<Value, Localized>>;

/**
 * The domain's things as a sentence names them: the e-mails and the screens say 依頼, 打診 and 担当
 * alike. English in lower case, for the middle of a sentence.
 */
export const domainWords: Words<
  'request' | 'offer' | 'assignment' | 'volunteer' | 'requesterOrganization' | 'activityReport'
> = {
  request: { ja: '依頼', en: 'request' },
  offer: { ja: '打診', en: 'offer' },
  assignment: { ja: '担当', en: 'booking' },
  volunteer: { ja: 'ボランティア', en: 'volunteer' },
  requesterOrganization: { ja: '依頼機関', en: 'requester' },
  activityReport: { ja: '活動報告', en: 'activity report' },
};

export const modalityWords: Words<'on_site' | 'remote' | 'translation'> = {
  on_site: { ja: '対面（現地）', en: 'On site' },
  remote: { ja: 'リモート（電話・ビデオ）', en: 'Remote (phone or video)' },
  translation: { ja: '翻訳（文書）', en: 'Translation (documents)' },
};

export const requestStatusWords: Words<'filed' | 'open' | 'filled' | 'completed' | 'cancelled' | 'rejected'> = {
  filed: { ja: '受付', en: 'Filed' },
  open: { ja: '募集中', en: 'Open' },
  filled: { ja: '確定', en: 'Confirmed' },
  completed: { ja: '完了', en: 'Done' },
  cancelled: { ja: '取り消し', en: 'Cancelled' },
  rejected: { ja: '不受理', en: 'Rejected' },
};

/** Where the dispatch has carried a request; the states it shares with the request read alike. */
export const dispatchStageWords: Words<
  'screening' | 'offering' | 'escalated' | 'confirmed' | 'awaiting_reports' | 'completed' | 'cancelled' | 'rejected'
> = {
  screening: { ja: '受付確認中', en: 'Screening' },
  offering: requestStatusWords.open,
  escalated: { ja: '要対応（応答なし）', en: 'Escalated (nobody accepted)' },
  confirmed: requestStatusWords.filled,
  awaiting_reports: { ja: '報告待ち', en: 'Waiting for reports' },
  completed: requestStatusWords.completed,
  cancelled: requestStatusWords.cancelled,
  rejected: requestStatusWords.rejected,
};

export const assignmentStatusWords: Words<'confirmed' | 'released' | 'cancelled' | 'completed' | 'no_show'> = {
  confirmed: requestStatusWords.filled,
  released: { ja: '解除', en: 'Released' },
  cancelled: requestStatusWords.cancelled,
  completed: requestStatusWords.completed,
  no_show: { ja: '不参加', en: 'No-show' },
};

export const offerStatusWords: Words<'offered' | 'accepted' | 'declined' | 'expired' | 'withdrawn'> = {
  offered: { ja: '回答待ち', en: 'Waiting' },
  accepted: { ja: '引き受け', en: 'Accepted' },
  declined: { ja: '辞退', en: 'Declined' },
  expired: { ja: '期限切れ', en: 'Expired' },
  withdrawn: { ja: '取り下げ', en: 'Withdrawn' },
};

export const expenseStatusWords: Words<'draft' | 'submitted' | 'approved' | 'paid'> = {
  draft: { ja: '下書き', en: 'Draft' },
  submitted: { ja: '申請済み', en: 'Submitted' },
  approved: { ja: '承認済み', en: 'Approved' },
  paid: { ja: '支払済み', en: 'Paid' },
};

export const expenseKindWords: Words<
  'honorarium' | 'transport' | 'translation_fee' | 'remote_fee' | 'equipment' | 'cancellation_fee' | 'other'
> = {
  honorarium: { ja: '謝金', en: 'Honorarium' },
  transport: { ja: '交通費', en: 'Transport' },
  translation_fee: { ja: '翻訳料', en: 'Translation fee' },
  remote_fee: { ja: '遠隔通訳料', en: 'Remote-session fee' },
  equipment: { ja: '機材費', en: 'Equipment' },
  cancellation_fee: { ja: 'キャンセル料', en: 'Cancellation fee' },
  other: { ja: 'その他', en: 'Other' },
};

export const invoiceStatusWords: Words<'issued' | 'paid' | 'superseded'> = {
  issued: { ja: '発行済み', en: 'Issued' },
  paid: { ja: '入金済み', en: 'Paid' },
  superseded: { ja: '訂正済み', en: 'Superseded' },
};

export const taxTreatmentWords: Words<'standard' | 'exempt'> = {
  standard: { ja: '10%対象', en: 'Taxed at 10%' },
  exempt: { ja: '非課税', en: 'Tax-exempt' },
};

/** Where a translation job stands, from the booking to the fee. */
export const translationJobStateWords: Words<
  | 'booked'
  | 'source_downloaded'
  | 'translation_uploaded'
  | 'submitted'
  | 'revision_asked'
  | 'overdue'
  | 'accepted'
  | 'done'
  | 'given_back'
  | 'released'
> = {
  booked: requestStatusWords.filled,
  source_downloaded: { ja: '原文受け取り済み', en: 'Source downloaded' },
  translation_uploaded: { ja: '訳文アップロード済み', en: 'Translation uploaded' },
  submitted: { ja: '確認待ち', en: 'Submitted' },
  revision_asked: { ja: '修正依頼中', en: 'Revision asked' },
  overdue: { ja: '納期超過', en: 'Overdue' },
  accepted: { ja: '検収済み', en: 'Accepted' },
  done: requestStatusWords.completed,
  given_back: { ja: '返上', en: 'Given back' },
  released: { ja: '解除', en: 'Released' },
};

export const volunteerStatusWords: Words<'applied' | 'active' | 'suspended' | 'retired'> = {
  applied: { ja: '申請中', en: 'Applied' },
  active: { ja: '活動中', en: 'Active' },
  suspended: { ja: '停止中', en: 'Suspended' },
  retired: { ja: '退会', en: 'Retired' },
};

export const membershipStatusWords: Words<'applied' | 'active' | 'suspended' | 'left'> = {
  applied: volunteerStatusWords.applied,
  active: volunteerStatusWords.active,
  suspended: volunteerStatusWords.suspended,
  left: { ja: '脱退', en: 'Left' },
};

export const organizationStatusWords: Words<'applied' | 'approved' | 'rejected' | 'suspended' | 'closed'> = {
  applied: volunteerStatusWords.applied,
  approved: expenseStatusWords.approved,
  rejected: requestStatusWords.rejected,
  suspended: volunteerStatusWords.suspended,
  closed: { ja: '終了', en: 'Closed' },
};

export const languageLevelWords: Words<'native' | 'fluent' | 'business' | 'conversational'> = {
  native: { ja: '母語', en: 'Native' },
  fluent: { ja: '流暢', en: 'Fluent' },
  business: { ja: 'ビジネス', en: 'Business' },
  conversational: { ja: '日常会話', en: 'Conversational' },
};

/** A document's role, the unit it was counted in, and why it could not be counted. */
export const documentRoleWords: Words<'source' | 'translation'> = {
  source: { ja: '原文', en: 'Source' },
  translation: { ja: '訳文', en: 'Translation' },
};

export const documentCountUnitWords: Words<'characters' | 'words' | 'pages'> = {
  characters: { ja: '文字', en: 'characters' },
  words: { ja: '語', en: 'words' },
  pages: { ja: 'ページ', en: 'pages' },
};

export const documentCountProblemWords: Words<'no_text' | 'image' | 'not_extracted'> = {
  no_text: {
    ja: '文字を読み取れません（スキャンした画像など）。数を入力してください。',
    en: 'No text to count (a scanned image?): enter the count.',
  },
  image: { ja: '画像のため数えられません。数を入力してください。', en: 'An image cannot be counted: enter the count.' },
  not_extracted: {
    ja: '表計算やスライドの文字は数えません。数を入力してください。',
    en: 'The text of spreadsheets and slides is not counted: enter the count.',
  },
};

/** Where a document's count stands, as its list shows it. */
export const documentCountStatusWords: Words<'counting' | 'counted' | 'cannot_count'> = {
  counting: { ja: '数えています…', en: 'Counting…' },
  counted: { ja: '数えました', en: 'Counted' },
  cannot_count: { ja: '数えられません', en: 'Cannot count' },
};

/** Why a request was cancelled or a booking released, as the one who did it chose. */
export const cancellationReasonWords: Words<CancellationReason> = {
  no_longer_needed: { ja: '不要になった', en: 'No longer needed' },
  date_changed: { ja: '日程が変わった', en: 'The date changed' },
  found_another_interpreter: { ja: 'ほかの通訳者が見つかった', en: 'Found another interpreter' },
  client_did_not_come: { ja: '対象者が来なかった', en: 'The client did not come' },
  other: { ja: 'その他', en: 'Other' },
};

/** Why a booked volunteer withdrew, as they chose. */
export const withdrawalReasonWords: Words<WithdrawalReason> = {
  illness: { ja: '体調不良', en: 'Illness' },
  schedule_conflict: { ja: '予定が重なった', en: 'A clash in my schedule' },
  family: { ja: '家庭の事情', en: 'Family matters' },
  transport: { ja: '交通の事情', en: 'Transport problems' },
  other: cancellationReasonWords.other,
};

export const cancellationPartyWords: Words<CancellationParty> = {
  requester: { ja: '依頼者', en: 'Requester' },
  coordinator: { ja: 'コーディネーター', en: 'Coordinator' },
};

/** One table of words in one language, for a screen that reads its labels by locale. */
export function wordsIn<Value extends string>(words: Words<Value>, locale: keyof Localized): Record<Value, string> {
  return Object.fromEntries(Object.entries<Localized>(words).map(([value, word]) => [value, word[locale]])) as Record<
    Value,
    string
  >;
}
