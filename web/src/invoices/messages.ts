import { invoiceStatusWords, wordsIn } from '@tsunagu/domain';
import { bilingual } from '../i18n';
import type { EnumValues } from '../labels';

interface InvoiceMessages {
  section: string;
  coordinatorTitle: string;
  coordinatorIntro: string;
  requesterTitle: string;
  requesterIntro: string;
  month: string;
  pendingTitle: string;
  nothingPending: string;
  issuedTitle: string;
  noneIssued: string;
  noInvoices: string;
  organization: string;
  lines: string;
  total: string;
  tax: string;
  number: string;
  issueDate: string;
  billedMonth: string;
  status: string;
  issue: string;
  markPaid: string;
  reissue: string;
  download: string;
  corrects(number: string): string;
  issued(number: string): string;
  statusLabels: Record<EnumValues<'InvoiceStatus'>, string>;
  monthLabel(month: string): string;
}

/** Invoices to requesting organizations, for the coordinators who issue them and the offices that pay them. */
export const invoiceMessages = bilingual<InvoiceMessages>({
  ja: {
    section: '請求書',
    coordinatorTitle: '請求書',
    coordinatorIntro:
      '月ごとに、依頼機関が負担する承認済みの明細から適格請求書を発行します。番号は年度（4月〜翌年3月）ごとの連番です。',
    requesterTitle: '請求書',
    requesterIntro: '協会から届いた請求書です。PDF をダウンロードできます。',
    month: '対象月',
    pendingTitle: 'これから発行する請求書',
    nothingPending: 'この月に、まだ請求していない承認済みの明細はありません。',
    issuedTitle: '発行した請求書',
    noneIssued: 'この月の請求書はまだありません。',
    noInvoices: 'まだ請求書はありません。',
    organization: '依頼機関',
    lines: '明細',
    total: '請求額（税込）',
    tax: 'うち消費税',
    number: '請求書番号',
    issueDate: '発行日',
    billedMonth: '対象月',
    status: '状態',
    issue: '発行する',
    markPaid: '入金済みにする',
    reissue: '訂正して再発行',
    download: 'PDF をダウンロード',
    corrects: (number) => `${number} の訂正`,
    issued: (number) => `請求書 ${number} を発行しました。`,
    statusLabels: wordsIn(invoiceStatusWords, 'ja'),
    monthLabel: (month) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`,
  },
  en: {
    section: 'Invoices',
    coordinatorTitle: 'Invoices',
    coordinatorIntro:
      'Each month, qualified invoices from the approved lines the requesting organizations pay. They are numbered in one run per fiscal year (April to March).',
    requesterTitle: 'Invoices',
    requesterIntro: 'The invoices the association sent your office, each as a PDF to download.',
    month: 'Month',
    pendingTitle: 'Invoices to issue',
    nothingPending: 'No approved lines of this month are left to invoice.',
    issuedTitle: 'Invoices issued',
    noneIssued: 'No invoices for this month yet.',
    noInvoices: 'No invoices yet.',
    organization: 'Organization',
    lines: 'Lines',
    total: 'Amount (tax included)',
    tax: 'Of which tax',
    number: 'Invoice number',
    issueDate: 'Issued on',
    billedMonth: 'Month',
    status: 'Status',
    issue: 'Issue',
    markPaid: 'Mark paid',
    reissue: 'Correct and reissue',
    download: 'Download PDF',
    corrects: (number) => `corrects ${number}`,
    issued: (number) => `Invoice ${number} issued.`,
    statusLabels: wordsIn(invoiceStatusWords, 'en'),
    monthLabel: (month) =>
      new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1),
      ),
  },
});
