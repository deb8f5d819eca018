import { bilingual } from '../i18n';
import type { EnumValues } from '../labels';

interface PayoutRunMessages {
  section: string;
  title: string;
  intro: string;
  month: string;
  transferDate: string;
  build: string;
  built: string;
  runsTitle: string;
  noRuns: string;
  runTitle(month: string): string;
  status: string;
  statusLabels: Record<EnumValues<'PayoutRunStatus'>, string>;
  volunteer: string;
  lines: string;
  gross: string;
  withheld: string;
  net: string;
  total: string;
  approve: string;
  confirm: string;
  confirmHint: string;
  discard: string;
  download: string;
  transferOn(date: string): string;
  correct: string;
  correctQuestion: string;
  correctReason: string;
  correctWhose: string;
  correctYes: string;
  correctKeep: string;
  corrected: string;
  correctionTitle(month: string, transferred: string): string;
  correctionReason(reason: string): string;
  correctionStatusLabels: Record<EnumValues<'PayoutRunStatus'>, string>;
  correctionHasNoFile: string;
  confirmCorrection: string;
  confirmCorrectionHint: string;
}

/** Payout runs, for the coordinators an admin gave the payout role. */
export const payoutRunMessages = bilingual<PayoutRunMessages>({
  ja: {
    section: '謝金の支払',
    title: '謝金の支払',
    intro:
      '月ごとに、承認済みの謝金・交通費・翻訳料から支払を作成します。源泉徴収税額（10.21%）を差し引いた額を振り込みます。承認すると全銀協フォーマットの振込ファイルをダウンロードでき、振込が済んだら確定してください。',
    month: '対象月',
    transferDate: '振込日',
    build: 'この月の支払を作成する',
    built: '支払を作成しました。',
    runsTitle: '支払の一覧',
    noRuns: 'まだ支払はありません。',
    runTitle: (month) => `${month}分の支払`,
    status: '状態',
    statusLabels: { built: '作成済み', approved: '承認済み', confirmed: '振込済み' },
    volunteer: 'ボランティア',
    lines: '件数',
    gross: '支払額',
    withheld: '源泉徴収税額',
    net: '振込額',
    total: '合計',
    approve: '承認する',
    confirm: '振込済みにする',
    confirmHint:
      '銀行で振込が済んだことを確かめてから押してください。対象の明細が支払済みになり、以後は変更できません。',
    discard: '取り消す',
    download: '振込ファイルをダウンロード',
    transferOn: (date) => `振込日 ${date}`,
    correct: '訂正する',
    correctQuestion: 'この支払を訂正しますか。確定した支払は変わらず、取り消す金額の訂正の支払が別に作られます。',
    correctReason: '訂正の理由',
    correctWhose: '訂正する支払',
    correctYes: '訂正の支払を作成する',
    correctKeep: 'やめる',
    corrected: '訂正の支払を作成しました。承認し、返金を確かめたら確定してください。',
    correctionTitle: (month, transferred) => `訂正：${month}分（${transferred}振込）`,
    correctionReason: (reason) => `理由：${reason}`,
    correctionStatusLabels: { built: '作成済み', approved: '承認済み', confirmed: '訂正確定' },
    correctionHasNoFile: '訂正はマイナスの金額で記録します。返金は振込ではないため、振込ファイルはありません。',
    confirmCorrection: '訂正を確定する',
    confirmCorrectionHint:
      '返金を確かめてから押してください。訂正した明細は承認済みに戻り、次の支払で支払うことができます。',
  },
  en: {
    section: 'Payouts',
    title: 'Payouts',
    intro:
      'Build a month’s payments from the approved honoraria, fares and fees. Income tax (10.21 %) is withheld and the rest transferred. Once approved, the Zengin transfer file downloads; confirm the run when the bank has paid.',
    month: 'Month',
    transferDate: 'Transfer date',
    build: 'Build this month’s run',
    built: 'The run has been built.',
    runsTitle: 'Runs',
    noRuns: 'No runs yet.',
    runTitle: (month) => `Payments for ${month}`,
    status: 'Status',
    statusLabels: { built: 'Built', approved: 'Approved', confirmed: 'Transferred' },
    volunteer: 'Volunteer',
    lines: 'Lines',
    gross: 'Gross',
    withheld: 'Tax withheld',
    net: 'Transferred',
    total: 'Total',
    approve: 'Approve',
    confirm: 'Confirm the transfer',
    confirmHint:
      'Press it once the bank has made the transfer: the lines become paid, and the run never changes again.',
    discard: 'Discard',
    download: 'Download the transfer file',
    transferOn: (date) => `transfer on ${date}`,
    correct: 'Correct',
    correctQuestion: 'Correct this run? The confirmed run stays as it is; a correcting run takes back the amounts.',
    correctReason: 'Reason for the correction',
    correctWhose: 'Payments to correct',
    correctYes: 'Build the correction',
    correctKeep: 'Keep the run',
    corrected: 'The correction has been built. Approve it, and confirm it once the money is back.',
    correctionTitle: (month, transferred) => `Correction for ${month} (transferred on ${transferred})`,
    correctionReason: (reason) => `Reason: ${reason}`,
    correctionStatusLabels: { built: 'Built', approved: 'Approved', confirmed: 'Corrected' },
    correctionHasNoFile:
      'A correction is recorded in negative amounts. Money paid back is not a transfer: there is no transfer file.',
    confirmCorrection: 'Confirm the correction',
    confirmCorrectionHint:
      'Press it once the money is back: the corrected lines are approved again, to be paid in a later run.',
  },
});

interface PayoutDetailsMessages {
  title: string;
  intro: string;
  declineLegend: string;
  paid: string;
  declines: string;
  declinesHint: string;
  bankSearch: string;
  bankSearchHint: string;
  bank: string;
  chooseBank: string;
  branchSearch: string;
  branch: string;
  chooseBranch: string;
  chooseBankFirst: string;
  accountType: string;
  accountTypes: Record<EnumValues<'BankAccountType'>, string>;
  accountNumber: string;
  holderKana: string;
  holderKanaHint: string;
  saved: string;
  numberTitle: string;
  numberIntro(yen: string): string;
  individualNumber: string;
  numberOnFile: string;
  saveNumber: string;
}

/** A volunteer's payout details, on their honoraria page. */
export const payoutDetailsMessages = bilingual<PayoutDetailsMessages>({
  ja: {
    title: '振込先',
    intro: '謝金・交通費の振込先の口座です。協会の支払担当者だけが見られます。',
    declineLegend: '謝金の受け取り',
    paid: '受け取る',
    declines: '受け取らない（無償で活動する）',
    declinesHint: '受け取らない場合、源泉徴収も振込もしません。',
    bankSearch: '金融機関を探す',
    bankSearchHint: '名前・カナ・金融機関コードのどれでも探せます。',
    bank: '金融機関',
    chooseBank: '金融機関を選んでください',
    branchSearch: '支店を探す',
    branch: '支店',
    chooseBranch: '支店を選んでください',
    chooseBankFirst: '先に金融機関を選んでください',
    accountType: '預金種目',
    accountTypes: { ordinary: '普通', current: '当座' },
    accountNumber: '口座番号',
    holderKana: '口座名義（カナ）',
    holderKanaHint: '通帳のとおりカタカナで入力してください（全角・半角どちらでも）。',
    saved: '振込先を保存しました。',
    numberTitle: 'マイナンバー',
    numberIntro: (yen) =>
      `今年の支払が${yen}になり、5万円を超えるため、支払調書の作成にマイナンバーが必要です。暗号化して保管し、支払担当者だけが支払調書のために使います。`,
    individualNumber: 'マイナンバー（12桁）',
    numberOnFile: 'マイナンバーは登録済みです。',
    saveNumber: 'マイナンバーを登録する',
  },
  en: {
    title: 'Where you are paid',
    intro: 'The bank account your honoraria and fares are paid into. Only the association’s payout staff see it.',
    declineLegend: 'Honoraria',
    paid: 'I take payment',
    declines: 'I decline payment (I volunteer unpaid)',
    declinesHint: 'If you decline, nothing is withheld or transferred.',
    bankSearch: 'Find your bank',
    bankSearchHint: 'By name, kana or the bank code.',
    bank: 'Bank',
    chooseBank: 'Choose your bank',
    branchSearch: 'Find the branch',
    branch: 'Branch',
    chooseBranch: 'Choose the branch',
    chooseBankFirst: 'Choose the bank first',
    accountType: 'Account type',
    accountTypes: { ordinary: 'Ordinary', current: 'Current' },
    accountNumber: 'Account number',
    holderKana: 'Account holder (kana)',
    holderKanaHint: 'In katakana, as on the bankbook (full- or half-width).',
    saved: 'Your account has been saved.',
    numberTitle: 'Individual number (My Number)',
    numberIntro: (yen) =>
      `You have been paid ${yen} this year, over ¥50,000, so the payment statement needs your individual number. It is stored encrypted and used by payout staff for the statement only.`,
    individualNumber: 'Individual number (12 digits)',
    numberOnFile: 'Your individual number is on file.',
    saveNumber: 'Save the individual number',
  },
});
