import { statementProblemWords } from '@tsunagu/domain';
import { bilingual } from '../i18n';

interface TaxMessages {
  section: string;
  title: string;
  intro: string;
  year: string;
  yearOption(year: number): string;
  withholdingTitle: string;
  withholdingIntro: string;
  month: string;
  monthName(month: number): string;
  persons: string;
  paid: string;
  tax: string;
  dueDate: string;
  nothingWithheld: string;
  noWithholdingThisYear: string;
  downloadWithholding: string;
  statementsTitle: string;
  statementsIntro: string;
  name: string;
  kind: string;
  kinds: Record<'interpretation' | 'translation' | 'interpretation_and_translation', string>;
  needsStatement: string;
  statementDue: string;
  statementNotDue: string;
  ready: string;
  problems: Record<keyof typeof statementProblemWords, string>;
  nobodyPaid: string;
  downloadPdf: string;
  downloadCsv: string;
  csvNote: string;
  payerSection: string;
  payerTitle: string;
  payerIntro: string;
  payerAddress: string;
  payerPhone: string;
  corporateNumber: string;
  corporateNumberHint: string;
  savePayer: string;
  payerSaved: string;
  // The volunteer's own year, on their honoraria page.
  ownTitle: string;
  ownIntro: string;
  ownNothing(year: number): string;
  paidOn: string;
  gross: string;
  withheld: string;
  net: string;
  yearTotal: string;
  addressTitle: string;
  addressIntro: string;
  address: string;
  saveAddress: string;
  addressSaved: string;
  addressOnFile: string;
}

const pick = (language: 'ja' | 'en') =>
  Object.fromEntries(Object.entries(statementProblemWords).map(([key, words]) => [key, words[language]])) as Record<
    keyof typeof statementProblemWords,
    string
  >;

/** Withholding tax and the yearly payment statements (支払調書), for payout staff and for the volunteer paid. */
export const taxMessages = bilingual<TaxMessages>({
  ja: {
    section: '源泉徴収・支払調書',
    title: '源泉徴収と支払調書',
    intro:
      '振込を確認した支払いから、月ごとの源泉徴収税額（納付書の金額）と、暦年（1月〜12月）ごとの支払調書を作ります。',
    year: '年',
    yearOption: (year) => `${year}年（1月〜12月）`,
    withholdingTitle: '月ごとの源泉徴収税額',
    withholdingIntro:
      '報酬・料金等の所得税徴収高計算書（納付書）に書く金額です。翌月10日（休日のときは翌営業日）までに納めます。',
    month: '支払月',
    monthName: (month) => `${month}月`,
    persons: '人員',
    paid: '支払金額',
    tax: '税額',
    dueDate: '納期限',
    nothingWithheld: '—',
    noWithholdingThisYear: 'この年に源泉徴収した支払いはありません。',
    downloadWithholding: '月ごとの税額をCSVでダウンロード',
    statementsTitle: '支払調書',
    statementsIntro:
      'この年に5万円を超えて支払った人ごとに「報酬、料金、契約金及び賞金の支払調書」を翌年1月31日までに税務署へ提出します。',
    name: '氏名',
    kind: '区分',
    kinds: { interpretation: '通訳料', translation: '翻訳料', interpretation_and_translation: '通訳料・翻訳料' },
    needsStatement: '支払調書',
    statementDue: '提出が必要',
    statementNotDue: '不要（5万円以下）',
    ready: '提出できます',
    problems: pick('ja'),
    nobodyPaid: 'この年に振込を確認した支払いはありません。',
    downloadPdf: '支払調書をPDFでダウンロード',
    downloadCsv: 'e-Tax用CSV（309）をダウンロード',
    csvNote:
      'CSVは法定資料の種類309のレコード（Shift_JIS）で、e-Taxソフトの取込みに使えます。ダウンロードはマイナンバーの閲覧として記録されます。',
    payerSection: '支払調書の支払者',
    payerTitle: '支払者（協会）の情報',
    payerIntro:
      '支払調書の「支払者」欄に載る協会の住所・電話番号・法人番号です。住所は請求書にも載ります。管理者が入力します。',
    payerAddress: '所在地',
    payerPhone: '電話番号',
    corporateNumber: '法人番号',
    corporateNumberHint: '13桁（国税庁の法人番号公表サイトで確認できます）',
    savePayer: '保存する',
    payerSaved: '支払者の情報を保存しました。',
    ownTitle: 'この年の支払いと源泉徴収',
    ownIntro: '暦年（1月〜12月）に振り込まれた謝金と、差し引かれた源泉所得税です。確定申告に使えます。',
    ownNothing: (year) => `${year}年に振り込まれた支払いはありません。`,
    paidOn: '振込日',
    gross: '支払金額',
    withheld: '源泉徴収税額',
    net: '振込額',
    yearTotal: '年間の合計',
    addressTitle: '支払調書に載る住所',
    addressIntro: '協会が税務署に出す支払調書には、マイナンバーとともに住所が載ります。',
    address: '住所',
    saveAddress: '住所を保存する',
    addressSaved: '住所を保存しました。',
    addressOnFile: '支払調書の住所は登録済みです。変わったときは入力し直してください。',
  },
  en: {
    section: 'Withholding and statements',
    title: 'Withholding tax and payment statements',
    intro:
      'From the payments whose transfer was confirmed: the tax withheld each month (what the payment slip says) and, per calendar year (January–December), the payment statements.',
    year: 'Year',
    yearOption: (year) => `${year} (January–December)`,
    withholdingTitle: 'Tax withheld each month',
    withholdingIntro:
      'The figures of the payment slip for fees (報酬・料金等の所得税徴収高計算書), due by the 10th of the next month (the next business day when that is a holiday).',
    month: 'Month paid',
    monthName: (month) =>
      new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1)),
    persons: 'Persons',
    paid: 'Paid',
    tax: 'Tax',
    dueDate: 'Due',
    nothingWithheld: '—',
    noWithholdingThisYear: 'Nothing was withheld this year.',
    downloadWithholding: 'Download the months as CSV',
    statementsTitle: 'Payment statements',
    statementsIntro:
      'For each person paid more than ¥50,000 in the year, a payment statement (支払調書) goes to the tax office by 31 January of the next year.',
    name: 'Name',
    kind: 'Kind',
    kinds: {
      interpretation: 'Interpretation fees',
      translation: 'Translation fees',
      interpretation_and_translation: 'Interpretation and translation fees',
    },
    needsStatement: 'Statement',
    statementDue: 'Due',
    statementNotDue: 'Not needed (¥50,000 or less)',
    ready: 'Ready to file',
    problems: pick('en'),
    nobodyPaid: 'No payment of this year has been confirmed as transferred.',
    downloadPdf: 'Download the statements as PDF',
    downloadCsv: 'Download the e-Tax CSV (309)',
    csvNote:
      'The CSV holds records of statement type 309 in Shift_JIS for the e-Tax software’s import. Each download is recorded as a read of the individual numbers.',
    payerSection: 'Payer on statements',
    payerTitle: 'The association as payer',
    payerIntro:
      'The address, telephone and corporate number the statements print for the payer; invoices print the address too. An admin enters them.',
    payerAddress: 'Address',
    payerPhone: 'Telephone',
    corporateNumber: 'Corporate number (法人番号)',
    corporateNumberHint: '13 digits, as the NTA’s corporate number site lists it',
    savePayer: 'Save',
    payerSaved: 'The payer’s details are saved.',
    ownTitle: 'This year’s payments and tax withheld',
    ownIntro:
      'The fees transferred to you in the calendar year (January–December) and the income tax withheld from them, for your tax return.',
    ownNothing: (year) => `Nothing was transferred to you in ${year}.`,
    paidOn: 'Transferred on',
    gross: 'Paid',
    withheld: 'Tax withheld',
    net: 'Transferred',
    yearTotal: 'The year',
    addressTitle: 'Your address for the payment statement',
    addressIntro:
      'The statement the association files with the tax office names your address with your individual number.',
    address: 'Address',
    saveAddress: 'Save the address',
    addressSaved: 'Your address is saved.',
    addressOnFile: 'Your address for the statement is on file. Enter it again if it changes.',
  },
});
