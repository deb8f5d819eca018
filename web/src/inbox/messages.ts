import { bilingual } from '../i18n';

type Topic = 'offers' | 'bookings' | 'requests' | 'screening' | 'escalations' | 'reports' | 'partnerships';

/** The inbox, its counts in the navigation, and the choice of what also comes by e-mail. */
export const inboxMessages = bilingual({
  ja: {
    inbox: 'お知らせ',
    unread: (count: number) => `未読 ${count} 件`,
    offersWaiting: (count: number) => `回答待ちの依頼 ${count} 件`,
    approvalsWaiting: (count: number) => `承認待ちの依頼 ${count} 件`,
    escalations: (count: number) => `要対応 ${count} 件`,
    title: 'お知らせ',
    intro: 'つなぐからのお知らせです。メールで届いたものもここで読めます。',
    empty: 'お知らせはまだありません。',
    unreadMark: '未読',
    markRead: '既読にする',
    markAllRead: 'すべて既読にする',
    allRead: 'すべて既読にしました。',
    preferencesTitle: 'メールで受け取るお知らせ',
    preferencesIntro: 'チェックを外した種類は、メールでは届かず、このお知らせにだけ届きます。',
    preferencesSaved: 'メールの設定を保存しました。',
    topics: {
      offers: '依頼の打診',
      bookings: '確定した活動（確定・変更・取り消し・リマインダー）',
      requests: '依頼の進み具合（承認・確定・見つからないとき）',
      screening: '承認待ちの依頼',
      escalations: '要対応（見つからない・代わりが必要・処理の失敗）',
      reports: '活動報告',
      partnerships: '協会間の連携',
    } satisfies Record<Topic, string>,
  },
  en: {
    inbox: 'Inbox',
    unread: (count: number) => `${count} unread`,
    offersWaiting: (count: number) => `${count} ${count === 1 ? 'offer' : 'offers'} to answer`,
    approvalsWaiting: (count: number) => `${count} ${count === 1 ? 'request' : 'requests'} to approve`,
    escalations: (count: number) => `${count} to act on`,
    title: 'Inbox',
    intro: 'What Tsunagu told you. What came by e-mail is here too.',
    empty: 'Nothing here yet.',
    unreadMark: 'Unread',
    markRead: 'Mark as read',
    markAllRead: 'Mark all as read',
    allRead: 'Everything is marked as read.',
    preferencesTitle: 'What comes by e-mail',
    preferencesIntro: 'What you untick no longer comes by e-mail; it still comes to this inbox.',
    preferencesSaved: 'E-mail settings saved.',
    topics: {
      offers: 'Offers of requests',
      bookings: 'Your bookings (confirmed, changed, cancelled, reminders)',
      requests: 'How requests progress (approved, confirmed, nobody found yet)',
      screening: 'Requests to approve',
      escalations: 'To act on (nobody found, cover needed, a step failed)',
      reports: 'Activity reports',
      partnerships: 'Partnerships between associations',
    } satisfies Record<Topic, string>,
  },
});
