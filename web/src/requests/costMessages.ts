import { bilingual } from '../i18n';

/** What a request costs and who bears it, as the requesting office reads it. */
export const costMessages = bilingual({
  ja: {
    requestCostsTitle: '費用',
    noCosts: 'まだ費用はありません。活動の報告が承認されると、協会が費用を計上し、ここに表示されます。',
    draftsHidden: '協会が準備中の明細は表示していません。',
    yourShare: '貴所属の負担',
    associationShare: '協会の負担',
    personServedShare: '利用者の負担',
    total: '合計',
    date: '活動日',
    kind: '種別',
    payer: '負担',
    status: '状態',
    amount: '金額',
    reversal: '取消',
    costsTitle: '費用',
    costsIntro:
      '年度（4月〜翌年3月）ごとの費用です。貴所属が支払う額を強調しています。協会が準備中の明細は含みません。',
    nav: '依頼のメニュー',
    sections: { requests: '依頼一覧', costs: '費用' },
    byMonthTitle: '月ごとの合計',
    byRequestTitle: '依頼ごとの合計',
    month: '月',
    monthLabel: (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`,
    request: '依頼',
    lines: '明細',
    noYearCosts: 'この年度の費用はまだありません。',
  },
  en: {
    requestCostsTitle: 'Costs',
    noCosts:
      'No costs yet. Once the activity reports are approved, the association records the costs and they show here.',
    draftsHidden: 'Lines the association is still preparing are not shown.',
    yourShare: 'Your office pays',
    associationShare: 'The association bears',
    personServedShare: 'The person served pays',
    total: 'Total',
    date: 'Activity date',
    kind: 'Kind',
    payer: 'Paid by',
    status: 'Status',
    amount: 'Amount',
    reversal: 'reversal',
    costsTitle: 'Costs',
    costsIntro:
      'Costs per fiscal year (April to March), what your office pays highlighted. Lines the association is still preparing are left out.',
    nav: 'Requests menu',
    sections: { requests: 'Requests', costs: 'Costs' },
    byMonthTitle: 'Totals per month',
    byRequestTitle: 'Totals per request',
    month: 'Month',
    monthLabel: (month: string) =>
      new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1),
      ),
    request: 'Request',
    lines: 'Lines',
    noYearCosts: 'No costs in this fiscal year yet.',
  },
});
