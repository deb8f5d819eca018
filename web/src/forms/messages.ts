import { bilingual } from '../i18n';

export const formMessages = bilingual({
  ja: {
    summaryTitle: '入力内容を確認してください',
    summaryIntro: (count: number) => `${count}件の問題があります。各項目の横に表示しています。`,
    network: 'サーバーに接続できません。入力内容はそのまま残っています。通信環境を確認して、もう一度送信してください。',
    signedOut:
      'セッションが切れました。入力内容はそのまま残っています。別のタブでサインインしてから、もう一度送信してください。',
    forbidden: 'この操作を行う権限がありません。',
    notFound: '対象が見つかりませんでした。削除されたか、閲覧する権限がありません。',
    conflict: 'ほかの操作と重なったため、保存できませんでした。',
    rateLimited: (minutes: number) => `試行回数が多すぎます。${minutes}分ほど待ってから、もう一度お試しください。`,
    unexpected: '予期しないエラーが起きました。入力内容はそのまま残っています。時間をおいてもう一度お試しください。',
    reason: '理由',
    reasonNote: '理由の説明',
    reasonNoteHint: '「その他」のときは必ず書いてください。相手側にも表示されます。',
  },
  en: {
    summaryTitle: 'Please check what you entered',
    summaryIntro: (count: number) =>
      `${count === 1 ? 'There is 1 problem' : `There are ${count} problems`}, shown beside each field.`,
    network:
      'The server cannot be reached. Everything you typed is still here: check your connection and send it again.',
    signedOut:
      'Your session has ended. Everything you typed is still here: sign in again in another tab, then send it again.',
    forbidden: 'You are not allowed to do this.',
    notFound: 'Not found. It may have been removed, or you may not be allowed to see it.',
    conflict: 'This could not be saved because it clashes with another change.',
    rateLimited: (minutes: number) => `Too many attempts. Please wait about ${minutes} minutes and try again.`,
    unexpected: 'Something unexpected went wrong. Everything you typed is still here; please try again in a moment.',
    reason: 'Reason',
    reasonNote: 'In your words',
    reasonNoteHint: 'Needed when you choose “Other”. The other side reads it too.',
  },
});
