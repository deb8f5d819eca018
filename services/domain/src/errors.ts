import {
  assignmentStatusWords,
  expenseStatusWords,
  membershipStatusWords,
  organizationStatusWords,
  requestStatusWords,
  volunteerStatusWords,
} from './glossary';
import type { ClosedReason } from './requests/policy';

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
  Association: { ja: '協会', en: 'Association' },
  Ban: { ja: 'お断りの記録', en: 'Ban' },
  'Closed period': { ja: '締めた期間', en: 'Closed period' },
  EmailTopic: { ja: 'メールの種類', en: 'E-mail topic' },
  ExpenseLine: { ja: '経費明細', en: 'Expense line' },
  FiscalPeriodClosure: { ja: '締めた期間', en: 'Closed period' },
  InboxMessage: { ja: 'お知らせ', en: 'Inbox message' },
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
  payout_run_status: (status: 'built' | 'approved' | 'confirmed') => ({
    ja: `この支払いは${{ built: '作成済み（未承認）', approved: '承認済み（振込の確認待ち）', confirmed: '振込確認済み' }[status]}のため、この操作はできません。`,
    en: `This payout run is ${{ built: 'built but not approved', approved: 'approved and waiting for the transfer', confirmed: 'confirmed as transferred' }[status]}: this cannot be done now.`,
  }),
  payout_lines_taken: () => ({
    ja: 'この明細は、ちょうど今ほかの支払いに入りました。画面を読み込み直して、作り直してください。',
    en: 'These lines were just taken by another payout run: reload and build again.',
  }),
  payout_run_empty: () => ({
    ja: 'この月に支払う承認済みの明細はありません。',
    en: 'There are no approved lines to pay for this month.',
  }),
  no_payout_settings: () => ({
    ja: '振込ファイルを作るには、管理者が協会の振込元口座を登録してください。',
    en: 'An admin must enter the association’s own bank account before a transfer file can be made.',
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
type ConflictArguments = {
  [Reason in ConflictReason]: Parameters<(typeof conflictMessages)[Reason]> extends []
    ? [reason: Reason]
    : [reason: Reason, detail: Parameters<(typeof conflictMessages)[Reason]>[0]];
}[ConflictReason];

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
