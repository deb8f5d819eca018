import { bilingual } from '../i18n';
import type { EnumValues } from '../labels';
import { moneyMessages } from '../money';

type Category = '1' | '2' | '3' | '4' | '5' | '6' | '7' | 'G' | 'N';

interface ExpenseLineMessages {
  title: string;
  intro: string;
  noBookings: string;
  noLines: string;
  activityDate: string;
  kind: string;
  payer: string;
  category: string;
  status: string;
  amount: string;
  note: string;
  actions: string;
  reversal: string;
  reversed: string;
  overridden(reason: string): string;
  yen(amount: number): string;
  kindLabels: Record<EnumValues<'ExpenseKind'>, string>;
  statusLabels: Record<EnumValues<'ExpenseStatus'>, string>;
  payerLabels: Record<EnumValues<'ExpensePayer'>, string>;
  /** The table's categories, as services/src/grant-tax.ts names them. */
  categoryLabels: Record<Category, string>;
  addLine: string;
  addLineTitle(volunteer: string): string;
  amountHint: string;
  noteHint: string;
  save: string;
  saveLine: string;
  cancel: string;
  edit: string;
  editTitle: string;
  reverse: string;
  reverseTitle: string;
  reverseHint: string;
  reverseLine: string;
  changeCategory: string;
  categoryTitle: string;
  categoryHint: string;
  reason: string;
  saveCategory: string;
  sameCategory: string;
  remove: string;
  removeConfirm(what: string): string;
  keep: string;
  wholeYen: string;
  sayWhy: string;
  added: string;
  saved: string;
  reversedDone: string;
  removed: string;
}

/** The coordinator's expense lines of one request: enter, correct, reverse, delete and recategorize them. */
export const expenseLineMessages = bilingual<ExpenseLineMessages>({
  ja: {
    title: '経費明細',
    intro:
      '派遣ごとの経費明細です。下書きと申請中の明細は直せます。承認済みの明細は取消の明細で訂正します。締めた期間の明細は変更できません。',
    noBookings: 'この依頼には、経費を記録できる派遣がまだありません。',
    noLines: 'この派遣の経費明細はまだありません。',
    activityDate: '活動日',
    kind: '種別',
    payer: '支払元',
    category: '区分',
    status: '状態',
    amount: '金額',
    note: '備考',
    actions: '操作',
    reversal: '取消の明細',
    reversed: '取消済み',
    overridden: (reason) => `区分を変更（理由: ${reason}）`,
    yen: moneyMessages.ja.yen,
    kindLabels: moneyMessages.ja.kindLabels,
    statusLabels: moneyMessages.ja.statusLabels,
    payerLabels: moneyMessages.ja.payerLabels,
    categoryLabels: {
      '1': '1 行政・生活情報の多言語化',
      '2': '2 先進事例の横展開',
      '3': '3 地域における生活オリエンテーション',
      '4': '4 災害時の外国人への情報伝達・防災',
      '5': '5 外国人の子どもの就学支援',
      '6': '6 一元的相談窓口の地方負担',
      '7': '7 地域日本語教育の地方負担',
      G: 'G その他の外国人住民支援（普通交付税）',
      N: 'N 対象外',
    },
    addLine: '明細を追加する',
    addLineTitle: (volunteer) => `${volunteer} さんの派遣に明細を追加`,
    amountHint: '円単位の整数（1円以上）。',
    noteHint: '1000文字まで。',
    save: '保存する',
    saveLine: '明細を保存する',
    cancel: 'やめる',
    edit: '直す',
    editTitle: '明細を直す',
    reverse: '取り消す',
    reverseTitle: '明細を取り消す',
    reverseHint: '同じ金額のマイナスの明細を下書きで作ります。理由はその明細の備考になります。',
    reverseLine: '取消の明細を作る',
    changeCategory: '区分を変える',
    categoryTitle: '区分を変える',
    categoryHint: '理由は記録され、監査ログに残ります。負担自治体に認められない組み合わせは「要確認」になります。',
    reason: '理由',
    saveCategory: '区分を変更する',
    sameCategory: '今と違う区分を選んでください。',
    remove: '削除する',
    removeConfirm: (what) => `${what} の下書きを削除しますか？`,
    keep: '残す',
    wholeYen: '金額は円単位の整数で入力してください。',
    sayWhy: '理由を入力してください。',
    added: '明細を追加しました。',
    saved: '明細を保存しました。',
    reversedDone: '取消の明細を作りました。',
    removed: '明細を削除しました。',
  },
  en: {
    title: 'Expense lines',
    intro:
      'The expense lines of each dispatch. Drafts and submitted lines can be corrected; an approved line is corrected by a reversing line. Lines of a closed period cannot change.',
    noBookings: 'This request has no dispatch to record expenses against yet.',
    noLines: 'No expense lines for this dispatch yet.',
    activityDate: 'Activity date',
    kind: 'Kind',
    payer: 'Paid by',
    category: 'Category',
    status: 'Status',
    amount: 'Amount',
    note: 'Note',
    actions: 'Actions',
    reversal: 'Reversing line',
    reversed: 'Reversed',
    overridden: (reason) => `Category changed (reason: ${reason})`,
    yen: moneyMessages.en.yen,
    kindLabels: moneyMessages.en.kindLabels,
    statusLabels: moneyMessages.en.statusLabels,
    payerLabels: moneyMessages.en.payerLabels,
    categoryLabels: {
      '1': '1 Multilingual administrative and living information',
      '2': '2 Horizontal deployment of advanced local examples',
      '3': '3 Life orientation in the community',
      '4': '4 Information and disaster prevention for foreigners in a disaster',
      '5': '5 School enrollment support for foreign children',
      '6': '6 Local share of the one-stop consultation desk',
      '7': '7 Local share of local Japanese-language education',
      G: 'G Other support for foreign residents (ordinary grant tax)',
      N: 'N Not eligible',
    },
    addLine: 'Add a line',
    addLineTitle: (volunteer) => `Add a line to ${volunteer}’s dispatch`,
    amountHint: 'Whole yen, at least ¥1.',
    noteHint: 'Up to 1,000 characters.',
    save: 'Save',
    saveLine: 'Save the line',
    cancel: 'Never mind',
    edit: 'Correct',
    editTitle: 'Correct the line',
    reverse: 'Reverse',
    reverseTitle: 'Reverse the line',
    reverseHint: 'Makes a draft line of the opposite amount; the reason becomes its note.',
    reverseLine: 'Make the reversing line',
    changeCategory: 'Change category',
    categoryTitle: 'Change the category',
    categoryHint:
      'The reason is recorded in the audit log. A combination the table does not allow for the bearing body is flagged.',
    reason: 'Reason',
    saveCategory: 'Change the category',
    sameCategory: 'Choose a category other than the current one.',
    remove: 'Delete',
    removeConfirm: (what) => `Delete the draft ${what}?`,
    keep: 'Keep it',
    wholeYen: 'Enter the amount in whole yen.',
    sayWhy: 'Say why.',
    added: 'The line has been added.',
    saved: 'The line has been saved.',
    reversedDone: 'The reversing line has been made.',
    removed: 'The line has been deleted.',
  },
});

export const lineCategories = ['1', '2', '3', '4', '5', '6', '7', 'G', 'N'] as const satisfies readonly Category[];
