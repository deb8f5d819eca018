import { bilingual } from '../i18n';

/** What a volunteer was paid, or will be paid, per fiscal year. */
export const honorariaMessages = bilingual({
  ja: {
    title: '謝金・交通費',
    intro:
      '年度（4月〜翌年3月）ごとに、あなたの活動の謝金・交通費・翻訳料などを表示します。協会が承認したものは支払予定、支払ったものは支払済みです。',
    paid: '支払済み',
    toBePaid: '支払予定（承認済み）',
    awaitingApproval: '承認待ち',
    total: '年度の合計',
    statusLabels: { submitted: '承認待ち', approved: '支払予定', paid: '支払済み' },
    reversal: '取消',
    remote: 'リモート',
    dispatchTotal: '合計',
    noHonoraria: 'この年度の謝金・交通費はまだありません。活動報告が承認されると表示されます。',
  },
  en: {
    title: 'Honoraria and fares',
    intro:
      'Your honoraria, fares and fees per fiscal year (April to March). What the association approved is to be paid; what it paid shows as paid.',
    paid: 'Paid',
    toBePaid: 'To be paid (approved)',
    awaitingApproval: 'Awaiting approval',
    total: 'Total for the year',
    statusLabels: { submitted: 'Awaiting approval', approved: 'To be paid', paid: 'Paid' },
    reversal: 'reversal',
    remote: 'Remote',
    dispatchTotal: 'Total',
    noHonoraria: 'No honoraria or fares in this fiscal year yet. They show once your activity reports are approved.',
  },
});
