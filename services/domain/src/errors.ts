import {
  assignmentStatusWords,
  expenseStatusWords,
  invoiceStatusWords,
  membershipStatusWords,
  organizationStatusWords,
  requestStatusWords,
  translationJobStateWords,
  volunteerStatusWords,
} from './glossary';
import { type BearingBodyKind, bearerNames, type GrantTaxCategory, grantTaxCategoryNames } from './grant-tax';
import type { ClosedReason } from './requests/policy';
import type { PaperworkItem } from './volunteers/paperwork';

/** The papers a policy asks for, as a refusal names them. */
const paperNames: Record<PaperworkItem, Localized> = {
  registration: { ja: 'ボランティア登録', en: 'volunteer registration' },
  insurance: { ja: 'ボランティア保険', en: 'volunteer insurance' },
  pledge: { ja: '守秘の誓約', en: 'confidentiality pledge' },
};

/**
 * Errors a user can act on. GraphQL maps each to a typed error in the schema; anything else that
 * is thrown is unexpected and masked.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  /** What the person reads, in both languages; `message` is its English, for logs. */
  abstract readonly localized: Localized;
}

/** Text a user reads, in both languages of the app; each viewer gets it in their own. */
export interface Localized {
  ja: string;
  en: string;
}

export interface FieldProblem {
  /** The input field, as a path: `["input", "email"]`. */
  path: string[];
  message: Localized;
}

export class ValidationError extends DomainError {
  override name = 'ValidationError';
  readonly code = 'VALIDATION_FAILED';
  readonly localized: Localized;
  constructor(readonly problems: FieldProblem[]) {
    // For logs, which are in English.
    super(problems.map((problem) => `${problem.path.join('.')}: ${problem.message.en}`).join('; '));
    this.localized = {
      ja: problems.map((problem) => problem.message.ja).join(' '),
      en: problems.map((problem) => problem.message.en).join(' '),
    };
  }

  static of(path: string[], message: Localized): ValidationError {
    return new ValidationError([{ path, message }]);
  }
}

/** What a not-found error names; each has its word in both languages. */
const entityWords = {
  Application: { ja: '応募', en: 'Application' },
  ActivityReport: { ja: '活動報告', en: 'Activity report' },
  Assignment: { ja: '派遣', en: 'Booking' },
  Document: { ja: '文書', en: 'Document' },
  Association: { ja: '協会', en: 'Association' },
  Ban: { ja: 'お断りの記録', en: 'Ban' },
  'Closed period': { ja: '締めた期間', en: 'Closed period' },
  EmailTopic: { ja: 'メールの種類', en: 'E-mail topic' },
  ExpenseLine: { ja: '経費明細', en: 'Expense line' },
  FiscalPeriodClosure: { ja: '締めた期間', en: 'Closed period' },
  InboxMessage: { ja: 'お知らせ', en: 'Inbox message' },
  Invoice: { ja: '請求書', en: 'Invoice' },
  Invitation: { ja: '招待', en: 'Invitation' },
  Membership: { ja: '所属', en: 'Membership' },
  Offer: { ja: '打診', en: 'Offer' },
  Organization: { ja: '依頼機関', en: 'Organization' },
  Partnership: { ja: '連携', en: 'Partnership' },
  PayoutRun: { ja: '支払い', en: 'Payout run' },
  'Partnership proposal': { ja: '連携の申し入れ', en: 'Partnership proposal' },
  RateSchedule: { ja: '単価表', en: 'Rate schedule' },
  ReconciliationExport: { ja: '突合表の出力', en: 'Reconciliation export' },
  Request: { ja: '依頼', en: 'Request' },
  RequestSeries: { ja: '繰り返しの依頼', en: 'Request series' },
  'Staff member': { ja: '職員', en: 'Staff member' },
  User: { ja: 'アカウント', en: 'Account' },
  TranslationJob: { ja: '翻訳の仕事', en: 'Translation job' },
  TranslationJobChange: { ja: '翻訳の変更の提案', en: 'Proposed change to a translation' },
  Volunteer: { ja: 'ボランティア', en: 'Volunteer' },
  VolunteerApplication: { ja: 'ボランティアの申請', en: 'Volunteer application' },
} satisfies Record<string, Localized>;
export type NotFoundEntity = keyof typeof entityWords;

export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
  readonly localized: Localized;
  constructor(
    readonly entity: NotFoundEntity,
    readonly id: string,
  ) {
    super(`${entity} ${id} was not found`);
    const word = entityWords[entity];
    this.localized = {
      ja: `${word.ja}が見つかりません。削除されたか、見る権限がありません。`,
      en: `${word.en} not found: it may have been removed, or you may not see it.`,
    };
  }
}

/** The one way to say "that row or not found": `found(await db.query.x.findFirst(…), 'X', id)`. */
export function found<Row>(row: Row | null | undefined, entity: NotFoundEntity, id: string): Row {
  if (row === null || row === undefined) throw new NotFoundError(entity, id);
  return row;
}

/** Who may do what the viewer tried: each refusal says whose it is to do. */
const forbiddenMessages = {
  not_allowed: {
    ja: 'この情報を見る権限、またはこの操作を行う権限がありません。',
    en: 'You are not allowed to see or do this.',
  },
  coordinators_only: {
    ja: 'この操作は協会のコーディネーターだけができます。',
    en: 'Only coordinators of the association can do this.',
  },
  admins_only: { ja: 'この操作は協会の管理者だけができます。', en: 'Only admins of the association can do this.' },
  volunteers_only: { ja: 'この操作はボランティアだけができます。', en: 'Only volunteers can do this.' },
  requesting_staff_only: {
    ja: 'この操作は依頼機関の職員だけができます。',
    en: 'Only requesting staff of an organization can do this.',
  },
  filer_or_coordinators: {
    ja: 'この操作は依頼した機関と、その協会のコーディネーターだけができます。',
    en: 'Only the organization that filed this request, or its coordinators, can do this.',
  },
  organization_or_coordinators: {
    ja: 'これを見られるのは、この機関の職員と、その協会のコーディネーターだけです。',
    en: 'Only the organization’s staff and its coordinators can see this.',
  },
  requesting_organization_only: {
    ja: 'この報告は依頼した機関が出します。',
    en: 'Only the requesting organization files this report.',
  },
  offered_volunteer_only: {
    ja: 'この打診に回答できるのは、打診を受けたボランティアだけです。',
    en: 'Only the volunteer it was offered to can answer this offer.',
  },
  booked_volunteer_or_coordinators: {
    ja: '派遣を終えられるのは、担当のボランティアか協会のコーディネーターだけです。',
    en: 'Only the booked volunteer or a coordinator of the association can end a booking.',
  },
  booked_volunteer_only: {
    ja: 'この操作は担当のボランティアだけができます。',
    en: 'Only the booked volunteer can do this.',
  },
  organization_not_approved: {
    ja: '依頼を出すには、協会による機関の承認が必要です。',
    en: 'Your organization must be approved by the association before it can file requests.',
  },
  ban_parties_only: {
    ja: 'このお断りを解除できるのは、申し出た側かコーディネーターだけです。',
    en: 'Only the side that asked for this ban, or a coordinator, can lift it.',
  },
  serving_admins_only: {
    ja: 'この方のデータを消去できるのは、この方が活動した協会の管理者だけです。',
    en: 'Only an admin of an association this person served can erase them.',
  },
  signed_in_only: { ja: '先にサインインしてください。', en: 'Sign in first.' },
  payout_staff_only: {
    ja: 'この操作は、管理者が支払いの担当にした協会の職員だけができます。',
    en: 'Only association staff whom an admin made payout staff can do this.',
  },
  own_payout_details_only: {
    ja: '支払先の情報は、ボランティア本人だけが登録できます。',
    en: 'Only the volunteer can enter their own payout details.',
  },
} satisfies Record<string, Localized>;
export type ForbiddenReason = keyof typeof forbiddenMessages;
export const forbiddenReasons = Object.keys(forbiddenMessages) as ForbiddenReason[];

export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
  readonly code = 'FORBIDDEN';
  readonly localized: Localized;
  constructor(readonly reason: ForbiddenReason) {
    super(forbiddenMessages[reason].en);
    this.localized = forbiddenMessages[reason];
  }
}

export class UnauthenticatedError extends DomainError {
  override name = 'UnauthenticatedError';
  readonly code = 'UNAUTHENTICATED';
  readonly localized: Localized = forbiddenMessages.signed_in_only;
  constructor() {
    super(forbiddenMessages.signed_in_only.en);
  }
}

/** Why a request that is closed (cancelled, not accepted, begun) cannot change or be cancelled. */
const changeRefusals: Record<ClosedReason, Localized> = {
  cancelled: {
    en: 'This request is cancelled: it can no longer be changed.',
    ja: 'この依頼は取り消されているため、変更できません。',
  },
  rejected: {
    en: 'This request was not accepted: it can no longer be changed.',
    ja: 'この依頼は受け付けられなかったため、変更できません。',
  },
  begun: {
    en: 'This request has already begun or taken place: it can no longer be changed.',
    ja: 'この依頼はすでに始まっているか終わっているため、変更できません。',
  },
};
const cancelRefusals: Record<ClosedReason, Localized> = {
  cancelled: { en: 'This request is already cancelled.', ja: 'この依頼はすでに取り消されています。' },
  rejected: {
    en: 'This request was not accepted, so there is nothing to cancel.',
    ja: 'この依頼は受け付けられなかったため、取り消すものはありません。',
  },
  begun: {
    en: 'This request has already begun or taken place: it can no longer be cancelled.',
    ja: 'この依頼はすでに始まっているか終わっているため、取り消せません。',
  },
};

type Status<Words> = keyof Words & string;
const from = <Words extends Record<string, Localized>>(words: Words, status: Status<Words>) => words[status];

/**
 * Why an action clashes with the state of things; reasons that name a state take it as their
 * detail, in the glossary's words.
 */
const conflictMessages = {
  request_fully_booked: () => ({
    ja: 'この依頼には、必要な人数の通訳者がすでに決まっています。',
    en: 'This request already has every interpreter it needs.',
  }),
  already_assigned: () => ({
    ja: 'このボランティアは、すでにこの依頼の担当です。',
    en: 'This volunteer is already assigned to this request.',
  }),
  paperwork_lapsed: (items: PaperworkItem[]) => ({
    ja: `このボランティアは書類（${items.map((item) => paperNames[item].ja).join('、')}）の期限切れか未提出のため、協会の方針により打診も割り当てもできません。書類を更新してからにしてください。`,
    en: `By the association’s policy this volunteer cannot be offered or given work: their ${items.map((item) => paperNames[item].en).join(' and ')} ${items.length > 1 ? 'have' : 'has'} lapsed or ${items.length > 1 ? 'are' : 'is'} missing. Update the papers first.`,
  }),
  double_booking: () => ({
    ja: 'このボランティアには、その時間にすでに別の派遣があります。',
    en: 'This volunteer is already booked at that time.',
  }),
  offer_already_open: () => ({
    ja: 'このボランティアには、この依頼の打診がすでに出ています。',
    en: 'This volunteer already has an open offer for this request.',
  }),
  no_more_volunteers: () => ({
    ja: 'この依頼には、もうボランティアを加えられません。',
    en: 'This request takes no more volunteers.',
  }),
  no_more_offers: () => ({ ja: 'この依頼には、もう打診できません。', en: 'This request takes no more offers.' }),
  offer_not_open: () => ({ ja: 'この打診は、もう回答を受け付けていません。', en: 'This offer is no longer open.' }),
  not_awaiting_screening: () => ({
    ja: 'この依頼は、もう受付確認を待っていません。',
    en: 'This request is no longer waiting for screening.',
  }),
  not_dispatching: () => ({
    ja: 'この依頼の打診は、もう終わっています。',
    en: 'This request is no longer being dispatched.',
  }),
  passed_to_coordinators: () => ({
    ja: 'この依頼はコーディネーターに引き継がれたため、この操作はできません。',
    en: 'This could not be done: the request has been passed to its coordinators.',
  }),
  activity_begun_record_no_show: () => ({
    ja: '活動はすでに始まっています。不参加として記録してください。',
    en: 'The activity has begun: record a no-show instead.',
  }),
  booking_not_confirmed: () => ({
    ja: 'この派遣は、もう確定していません。',
    en: 'This booking is no longer confirmed.',
  }),
  booking_takes_no_report: (status: Status<typeof assignmentStatusWords>) => ({
    ja: `「${from(assignmentStatusWords, status).ja}」の派遣には報告を出せません。`,
    en: `A booking that is ${from(assignmentStatusWords, status).en.toLowerCase()} takes no report.`,
  }),
  no_show_not_possible: (status: Status<typeof assignmentStatusWords>) => ({
    ja: `「${from(assignmentStatusWords, status).ja}」の派遣は不参加にできません。`,
    en: `A booking that is ${from(assignmentStatusWords, status).en.toLowerCase()} cannot be a no-show.`,
  }),
  no_show_recorded: () => ({
    ja: 'この派遣には不参加が記録されています。',
    en: 'A no-show was recorded for this booking.',
  }),
  no_show_too_early: () => ({
    ja: '不参加は、活動の開始時刻を過ぎてから記録できます。',
    en: 'A no-show can be recorded once the activity has started.',
  }),
  translation_has_no_appointment: () => ({
    ja: '翻訳には、不参加になる約束の時刻がありません。',
    en: 'A translation has no appointment to miss.',
  }),
  not_took_place: () => ({
    ja: '報告を承認できるのは、実施された依頼だけです。',
    en: 'Only a request that took place has reports to approve.',
  }),
  report_missing: () => ({
    ja: 'まだ出ていないボランティアの報告があります。',
    en: 'A volunteer’s report is still missing.',
  }),
  nobody_booked: () => ({
    ja: 'この依頼には担当のボランティアがいませんでした。',
    en: 'Nobody was booked for this request.',
  }),
  report_already_approved: () => ({ ja: 'この報告はすでに承認されています。', en: 'This report is already approved.' }),
  report_not_filed: () => ({
    ja: 'ボランティアの活動報告がまだ出ていません。',
    en: 'The volunteer has not filed the activity report yet.',
  }),
  request_not_changeable: (status: Status<typeof requestStatusWords>) => ({
    ja: `「${from(requestStatusWords, status).ja}」の依頼は変更できません。`,
    en: `A request that is ${from(requestStatusWords, status).en.toLowerCase()} cannot be changed.`,
  }),
  request_not_cancellable: (status: Status<typeof requestStatusWords>) => ({
    ja: `「${from(requestStatusWords, status).ja}」の依頼は取り消せません。`,
    en: `A request that is ${from(requestStatusWords, status).en.toLowerCase()} cannot be cancelled.`,
  }),
  request_closed_for_change: (closed: ClosedReason) => changeRefusals[closed],
  request_closed_for_cancel: (closed: ClosedReason) => cancelRefusals[closed],
  request_takes_no_applications: (status: Status<typeof requestStatusWords>) => ({
    ja: `「${from(requestStatusWords, status).ja}」の依頼には応募できません。`,
    en: `A request that is ${from(requestStatusWords, status).en.toLowerCase()} takes no applications.`,
  }),
  request_does_not_fit: () => ({
    ja: 'この依頼は、あなたの言語・地域・活動できる時間・資格に合いません。',
    en: 'This request does not fit your languages, areas, availability or certificates.',
  }),
  volunteer_status_change: (change: {
    from: Status<typeof volunteerStatusWords>;
    to: Status<typeof volunteerStatusWords>;
  }) => ({
    ja: `「${from(volunteerStatusWords, change.from).ja}」のボランティアを「${from(volunteerStatusWords, change.to).ja}」にはできません。`,
    en: `A volunteer who is ${from(volunteerStatusWords, change.from).en.toLowerCase()} cannot become ${from(volunteerStatusWords, change.to).en.toLowerCase()}.`,
  }),
  membership_status_change: (change: {
    from: Status<typeof membershipStatusWords>;
    to: Status<typeof membershipStatusWords>;
  }) => ({
    ja: `「${from(membershipStatusWords, change.from).ja}」の所属を「${from(membershipStatusWords, change.to).ja}」にはできません。`,
    en: `A membership that is ${from(membershipStatusWords, change.from).en.toLowerCase()} cannot become ${from(membershipStatusWords, change.to).en.toLowerCase()}.`,
  }),
  application_decided: (status: Status<typeof membershipStatusWords>) => ({
    ja: `この申請はすでに決まっています（所属は「${from(membershipStatusWords, status).ja}」です）。`,
    en: `This application was already decided (the membership is ${from(membershipStatusWords, status).en.toLowerCase()}).`,
  }),
  organization_decided: (change: {
    from: Status<typeof organizationStatusWords>;
    to: Status<typeof organizationStatusWords>;
  }) => ({
    ja: `「${from(organizationStatusWords, change.from).ja}」の機関を「${from(organizationStatusWords, change.to).ja}」にはできません。`,
    en: `An organization that is ${from(organizationStatusWords, change.from).en.toLowerCase()} cannot be ${from(organizationStatusWords, change.to).en.toLowerCase()}.`,
  }),
  pledge_missing: () => ({
    ja: '活動中にするには、ボランティアが守秘の誓約に署名している必要があります。',
    en: 'The volunteer must sign the confidentiality pledge before they can be active.',
  }),
  changed_meanwhile: () => ({
    ja: 'ちょうど今、ほかの人がこれを変更しました。画面を読み込み直してください。',
    en: 'Someone changed this just now: reload the page.',
  }),
  last_admin: () => ({
    ja: '協会には管理者が1人以上必要です。先にほかの人を管理者にしてください。',
    en: 'An association needs at least one admin: make someone else admin first.',
  }),
  schedule_same_day: () => ({
    ja: 'この協会には、同じ日に始まる単価表がすでにあります。',
    en: 'Another schedule of the association starts that day.',
  }),
  no_rate_schedule: () => ({
    ja: 'この派遣の日に有効な単価表がありません。経費を計算するには、管理者が単価表を追加してください。',
    en: 'The association has no rate schedule in force for this dispatch: an admin must add one before its expenses can be made.',
  }),
  rates_incomplete: () => ({
    ja: '単価表または報告に、この派遣の金額を計算するための値が足りません。',
    en: 'The rate schedule or the report lacks what this dispatch needs to be priced.',
  }),
  assignment_has_no_date: () => ({
    ja: 'この派遣には、経費を計上する日付がありません。',
    en: 'This assignment has no date to book its expenses on.',
  }),
  not_cancelled_late: () => ({
    ja: 'この派遣は直前の取り消しではありません。',
    en: 'This assignment was not cancelled late.',
  }),
  category_not_eligible: (choice: {
    category: GrantTaxCategory;
    bearer: BearingBodyKind;
    instead: GrantTaxCategory;
  }) => {
    const [chosen, instead] = [grantTaxCategoryNames[choice.category], grantTaxCategoryNames[choice.instead]];
    return {
      ja: `区分${choice.category}（${chosen.ja}）は、表では${bearerNames[choice.bearer].ja}が負担できません。区分${choice.instead}（${instead.ja}）にしてください。`,
      en: `Category ${choice.category} (${chosen.en}) cannot be borne by ${bearerNames[choice.bearer].en} under the table: choose category ${choice.instead} (${instead.en}).`,
    };
  },
  person_served_pays: () => ({
    ja: '利用者本人が払う分は公費ではないため、区分は N のままです。',
    en: 'What the person served pays is no public expense: it stays under N.',
  }),
  line_not_editable: (status: Status<typeof expenseStatusWords>) => ({
    ja: `「${from(expenseStatusWords, status).ja}」の明細は編集できません。取り消しの明細を入れてから、正しい金額を入れてください。`,
    en: `A line that is ${from(expenseStatusWords, status).en.toLowerCase()} cannot be edited: reverse it and enter the right amount.`,
  }),
  line_not_reversible: (status: Status<typeof expenseStatusWords>) => ({
    ja: `「${from(expenseStatusWords, status).ja}」の明細は、取り消しではなく編集か削除をしてください。`,
    en: `A line that is ${from(expenseStatusWords, status).en.toLowerCase()} is edited or deleted, not reversed.`,
  }),
  line_status_change: (change: { from: Status<typeof expenseStatusWords>; to: Status<typeof expenseStatusWords> }) => ({
    ja: `「${from(expenseStatusWords, change.from).ja}」の明細を「${from(expenseStatusWords, change.to).ja}」にはできません。`,
    en: `A line that is ${from(expenseStatusWords, change.from).en.toLowerCase()} cannot become ${from(expenseStatusWords, change.to).en.toLowerCase()}.`,
  }),
  only_draft_deleted: () => ({
    ja: '削除できるのは下書きの明細だけです。ほかの明細は取り消しの明細で打ち消してください。',
    en: 'Only a draft can be deleted; reverse the others.',
  }),
  reversal_not_reversible: () => ({
    ja: '取り消しの明細は、さらに取り消せません。',
    en: 'A reversing line cannot itself be reversed.',
  }),
  reversal_not_editable: () => ({ ja: '取り消しの明細は編集できません。', en: 'A reversing line cannot be edited.' }),
  reversal_keeps_category: () => ({
    ja: '取り消した明細と取り消しの明細は区分を変えられません。新しい明細を入れてください。',
    en: 'A reversed or reversing line keeps its category: enter a new line instead.',
  }),
  already_reversed: () => ({ ja: 'この明細はすでに取り消されています。', en: 'This line is already reversed.' }),
  period_already_closed: () => ({ ja: 'この期間はすでに締めてあります。', en: 'This period is already closed.' }),
  invoice_needs_registration_number: () => ({
    ja: '請求書を発行するには、管理者が協会の設定に適格請求書発行事業者の登録番号を入れてください。',
    en: 'An admin must enter the association’s qualified invoice registration number in its settings before invoices can be issued.',
  }),
  nothing_to_invoice: () => ({
    ja: 'この月（または派遣）には、まだ請求していない承認済みの明細がありません。',
    en: 'There are no approved lines left to invoice for this month (or dispatch).',
  }),
  invoice_status_change: (change: {
    from: Status<typeof invoiceStatusWords>;
    to: Status<typeof invoiceStatusWords>;
  }) =>
    change.from === change.to
      ? {
          ja: `この請求書はすでに「${from(invoiceStatusWords, change.from).ja}」です。`,
          en: `This invoice is already ${from(invoiceStatusWords, change.from).en.toLowerCase()}.`,
        }
      : {
          ja: `「${from(invoiceStatusWords, change.from).ja}」の請求書を「${from(invoiceStatusWords, change.to).ja}」にはできません。`,
          en: `An invoice that is ${from(invoiceStatusWords, change.from).en.toLowerCase()} cannot become ${from(invoiceStatusWords, change.to).en.toLowerCase()}.`,
        },
  translation_job_ended: (state: 'done' | 'given_back' | 'released') => ({
    ja: `「${from(translationJobStateWords, state).ja}」の翻訳の仕事には、もう何もできません。`,
    en: `A translation job that is ${from(translationJobStateWords, state).en.toLowerCase()} takes no more steps.`,
  }),
  source_not_downloaded: () => ({
    ja: '先に原文をダウンロードしてください。',
    en: 'Download the source first.',
  }),
  translation_awaiting_review: () => ({
    ja: '提出された訳文は依頼機関の確認待ちです。確認が済むまでお待ちください。',
    en: 'The submitted translation is waiting for the requester’s review.',
  }),
  translation_already_accepted: () => ({
    ja: 'この翻訳はすでに検収済みです。',
    en: 'This translation is already accepted.',
  }),
  translation_not_submitted: () => ({
    ja: '確認できる訳文がまだ提出されていません。',
    en: 'No translation is submitted for review yet.',
  }),
  revision_rounds_used: (roundsAllowed: number) => ({
    ja: `修正の依頼は${roundsAllowed}回までです。検収するか、協会のコーディネーターにご相談ください。`,
    en: `Revisions are limited to ${roundsAllowed === 1 ? 'one round' : `${roundsAllowed} rounds`}: accept the translation, or talk to the association’s coordinators.`,
  }),
  not_a_version_of_this_job: () => ({
    ja: 'この文書は、この依頼に担当の翻訳者がアップロードした訳文ではありません。',
    en: 'This document is not a translation of this request uploaded by its translator.',
  }),
  version_already_submitted: () => ({
    ja: 'この版はすでに提出されています。修正した訳文は新しい版としてアップロードしてください。',
    en: 'This version was submitted already: upload the revised translation as a new version.',
  }),
  translation_not_counted: () => ({
    ja: '料金の基になる文書の分量が数えられていません。検収の前に分量を入力してください。',
    en: 'The document the fee is counted on has no count yet: enter its count before accepting.',
  }),
  translation_past_deadline: () => ({
    ja: '納期を過ぎた翻訳は返上できません。協会のコーディネーターにご相談ください。',
    en: 'A translation past its deadline cannot be given back: talk to the association’s coordinators.',
  }),
  translation_change_closed: () => ({
    ja: 'この翻訳はすでに検収済みか終了しているため、変更できません。',
    en: 'This translation is accepted or has ended: it cannot be changed.',
  }),
  translation_change_pending: () => ({
    ja: '翻訳者の回答を待っている変更の提案があります。回答を待ってから、次の提案をしてください。',
    en: 'A proposed change is waiting for the translator’s answer: wait for it before proposing another.',
  }),
  translation_change_empty: () => ({
    ja: '変更の内容がありません。新しい納期か、追加・削除する文書を指定してください。',
    en: 'Nothing would change: give a new deadline, or documents to add or remove.',
  }),
  translation_change_deadline_past: () => ({
    ja: '新しい納期は今より後にしてください。',
    en: 'The new deadline must be in the future.',
  }),
  translation_change_answered: () => ({
    ja: 'この変更の提案にはすでに回答済みです。',
    en: 'This proposed change has been answered already.',
  }),
  translation_change_documents: () => ({
    ja: '指定された文書の中に、この依頼で追加・削除できないものがあります。',
    en: 'Some of the documents cannot be added to or removed from this request.',
  }),
  not_a_translation: () => ({
    ja: 'この依頼は翻訳の依頼ではありません。',
    en: 'This request is not a translation.',
  }),
  payout_run_status: (status: 'built' | 'approved' | 'confirmed') => ({
    ja: `この支払いは${{ built: '作成済み（未承認）', approved: '承認済み（振込の確認待ち）', confirmed: '振込確認済み' }[status]}のため、この操作はできません。`,
    en: `This payout run is ${{ built: 'built but not approved', approved: 'approved and waiting for the transfer', confirmed: 'confirmed as transferred' }[status]}: this cannot be done now.`,
  }),
  payout_lines_taken: () => ({
    ja: 'この明細は、ちょうど今ほかの支払いに入りました。画面を読み込み直して、作り直してください。',
    en: 'These lines were just taken by another payout run: reload and build again.',
  }),
  payout_run_is_correction: () => ({
    ja: 'これは訂正の支払いです。返金は振込ではないため振込ファイルはなく、さらに訂正することもできません。',
    en: 'This run is a correction: money paid back is not a transfer, so it has no transfer file and cannot be corrected again.',
  }),
  payout_lines_not_correctable: () => ({
    ja: '選んだ明細に、この支払いに入っていないもの、またはすでに訂正中・訂正済みのものがあります。',
    en: 'Some of the chosen lines are not in this run, or are already being corrected or were corrected.',
  }),
  payout_correction_period_closed: () => ({
    ja: '訂正する明細の月が締められているため、訂正を確定できません。',
    en: 'A month of the lines to correct is closed: the correction cannot be confirmed.',
  }),
  paid_by_payout_run: () => ({
    ja: '謝金・交通費・翻訳料は、支払の振込を確定したときに支払済みになります。手作業で支払済みにはできません。',
    en: 'Honoraria, fares and translation fees become paid when a payout run’s transfer is confirmed, not by hand.',
  }),
  payout_run_empty: () => ({
    ja: 'この月に支払う承認済みの明細はありません。',
    en: 'There are no approved lines to pay for this month.',
  }),
  no_payout_settings: () => ({
    ja: '振込ファイルを作るには、管理者が協会の振込元口座を登録してください。',
    en: 'An admin must enter the association’s own bank account before a transfer file can be made.',
  }),
  individual_number_first: () => ({
    ja: '支払調書の住所は、マイナンバーを登録してから入力してください。',
    en: 'Give your individual number first, then the address for your statement.',
  }),
  individual_number_not_needed: () => ({
    ja: 'この暦年の支払いは5万円以下のため、マイナンバーは必要ありません。',
    en: 'Your payments this calendar year are ¥50,000 or less: no individual number is needed.',
  }),
  fiscal_year_already_closed: () => ({
    ja: 'この年度はすでに年度ごと締めてあります。',
    en: 'The whole fiscal year is already closed.',
  }),
} satisfies Record<string, (detail: never) => Localized>;
export type ConflictReason = keyof typeof conflictMessages;
export const conflictReasons = Object.keys(conflictMessages) as ConflictReason[];
/** A reason alone, or with its detail when its message takes one: what a reason error's constructor takes. */
type ReasonArguments<Messages extends Record<string, (detail: never) => Localized>> = {
  [Reason in keyof Messages & string]: Parameters<Messages[Reason]> extends []
    ? [reason: Reason]
    : [reason: Reason, detail: Parameters<Messages[Reason]>[0]];
}[keyof Messages & string];
type ConflictArguments = ReasonArguments<typeof conflictMessages>;

export class ConflictError extends DomainError {
  override name = 'ConflictError';
  readonly code = 'CONFLICT';
  readonly reason: ConflictReason;
  readonly localized: Localized;
  constructor(...[reason, detail]: ConflictArguments) {
    const localized = (conflictMessages[reason] as (detail: unknown) => Localized)(detail);
    super(localized.en);
    this.reason = reason;
    this.localized = localized;
  }
}

/** Too many attempts; `retryAfterSeconds` tells the client when to try again. */
export class RateLimitedError extends DomainError {
  override name = 'RateLimitedError';
  readonly code = 'RATE_LIMITED';
  readonly localized: Localized;
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(`Too many attempts. Try again in ${minutes} minutes.`);
    this.localized = { ja: `試行回数が多すぎます。${minutes}分後にもう一度お試しください。`, en: this.message };
  }
}

/**
 * A line of a closed fiscal period (a year, or a month of it) cannot change: correct it with a
 * reversing line in an open period, or ask an admin to reopen the period.
 */
export class PeriodClosedError extends DomainError {
  override name = 'PeriodClosedError';
  readonly code = 'PERIOD_CLOSED';
  readonly localized: Localized;
  constructor(
    readonly fiscalYear: number,
    /** 1–12 when only that month is closed; null when the whole fiscal year is. */
    readonly month: number | null,
  ) {
    super(`FY${fiscalYear}${month === null ? '' : `, month ${month},`} is closed: its lines cannot change.`);
    this.localized = {
      ja: `${fiscalYear}年度${month === null ? '' : `の${month}月`}は締めてあるため、明細を変更できません。開いている期間に取り消しの明細を入れるか、管理者に締めの解除を頼んでください。`,
      en: this.message,
    };
  }
}

/** Why a person cannot be erased yet. */
export const erasureRefusals = ['booking_to_come', 'already_erased', 'staff_member'] as const;
export type ErasureRefusal = (typeof erasureRefusals)[number];

const erasureRefusalMessages: Record<ErasureRefusal, Localized> = {
  booking_to_come: {
    en: 'This person has a booking still to come: release or cancel it first.',
    ja: 'この方にはこれからの予定（確定済みの派遣）があります。先に解除または取り消してください。',
  },
  already_erased: { en: 'This person’s data has already been erased.', ja: 'この方のデータはすでに消去されています。' },
  staff_member: {
    en: 'This person is on an association’s staff: remove their staff role first.',
    ja: 'この方は協会の職員です。先に職員の権限を外してください。',
  },
};

/** An erasure that must wait (or has nothing left to do); `localized` says why in both languages. */
export class ErasureRefusedError extends DomainError {
  override name = 'ErasureRefusedError';
  readonly code = 'ERASURE_REFUSED';
  readonly localized: Localized;
  constructor(readonly reason: ErasureRefusal) {
    super(erasureRefusalMessages[reason].en);
    this.localized = erasureRefusalMessages[reason];
  }
}

/** Why an upload was refused; nothing of it is stored. */
const uploadRefusalMessages = {
  not_multipart: () => ({
    ja: 'ファイルは multipart/form-data で送ってください。',
    en: 'Send the file as multipart/form-data.',
  }),
  no_file: () => ({ ja: 'ファイルがありません。', en: 'No file was sent.' }),
  more_than_one_file: () => ({ ja: 'ファイルは1回に1つ送ってください。', en: 'Send one file at a time.' }),
  fields_after_file: () => ({
    ja: '種類と依頼の指定は、ファイルより前に送ってください。',
    en: 'Send the role and the request before the file.',
  }),
  empty: () => ({ ja: 'ファイルが空です。', en: 'The file is empty.' }),
  too_large: (maxBytes: number) => ({
    ja: `ファイルが大きすぎます。${megabytes(maxBytes)} MB までにしてください。`,
    en: `The file is too large: the limit is ${megabytes(maxBytes)} MB.`,
  }),
  type_not_accepted: () => ({
    ja: 'この種類のファイルは受け付けられません。Word（.docx）、PDF、テキスト（.txt）、Excel（.xlsx）、PowerPoint（.pptx）、画像を送ってください。',
    en: 'This kind of file is not accepted: send Word (.docx), PDF, text (.txt), Excel (.xlsx), PowerPoint (.pptx) or an image.',
  }),
  file_name: () => ({
    ja: 'ファイル名に使えない文字（フォルダの区切りや制御文字）が含まれているか、長すぎます。名前を変えてから送ってください。',
    en: 'The file name has characters that cannot be kept (folder separators or control characters) or is too long: rename the file and send it again.',
  }),
  translation_needs_request: () => ({
    ja: '訳文は、その翻訳の依頼に付けて送ってください。',
    en: 'A translation is uploaded to its translation request.',
  }),
  not_translation_request: () => ({
    ja: '文書を付けられるのは翻訳の依頼だけです。',
    en: 'Only a translation request takes documents.',
  }),
  request_closed: () => ({
    ja: 'この依頼は終わっているか取り消されているため、文書を付けられません。',
    en: 'This request is finished or cancelled: it takes no more documents.',
  }),
  source_change_needs_translator: () => ({
    ja: 'この翻訳にはもう翻訳者が決まっています。原文を変えるときは、依頼に付けずにアップロードしてから、変更を提案して翻訳者の承諾を得てください。',
    en: 'A translator is booked on this translation: upload the new source without the request, then propose the change for the translator to accept.',
  }),
  upload_in_progress: () => ({
    ja: '同じアップロードがまだ送信中です。終わるまでお待ちください。',
    en: 'The same upload is still in progress: wait for it to finish.',
  }),
  key_used_otherwise: () => ({
    ja: 'この Idempotency-Key は別の操作に使われています。',
    en: 'This Idempotency-Key was used for something else.',
  }),
  bad_idempotency_key: () => ({
    ja: 'Idempotency-Key は1〜255文字の半角英数記号にしてください。',
    en: 'Idempotency-Key must be 1 to 255 visible ASCII characters.',
  }),
} satisfies Record<string, (detail: never) => Localized>;
export type UploadRefusal = keyof typeof uploadRefusalMessages;
export const uploadRefusals = Object.keys(uploadRefusalMessages) as UploadRefusal[];
type UploadRefusalArguments = ReasonArguments<typeof uploadRefusalMessages>;

const megabytes = (bytes: number) => Math.floor(bytes / 1_000_000);

/** An upload that cannot be kept as it came: too large, empty, of a kind not accepted, badly named… */
export class UploadRefusedError extends DomainError {
  override name = 'UploadRefusedError';
  readonly code = 'UPLOAD_REFUSED';
  readonly reason: UploadRefusal;
  readonly localized: Localized;
  constructor(...[reason, detail]: UploadRefusalArguments) {
    const localized = (uploadRefusalMessages[reason] as (detail: unknown) => Localized)(detail);
    super(localized.en);
    this.reason = reason;
    this.localized = localized;
  }
}
