import { bilingual } from '../i18n';

/** Requesting staff: the volunteers their organization asked not to be sent again. */
export const declinedVolunteerMessages = bilingual({
  ja: {
    section: '派遣を希望しないボランティア',
    title: '派遣を希望しないボランティア',
    intro:
      '今後は派遣を希望しないと登録したボランティアです。その人には、この機関の依頼は打診されません。登録は各依頼の「担当ボランティア」からできます。',
    none: '派遣を希望しないボランティアはいません。',
    reason: '理由（任意）',
    reasonHint: '500文字まで。コーディネーターだけが読み、ボランティアには表示されません。',
    decline: '今後このボランティアの派遣を希望しない',
    confirmDecline: (name: string) => `${name} さんの派遣を今後は希望しない`,
    seeDeclined: '一覧を見る',
    declined: '登録しました。',
    since: (date: string) => `${date} から`,
    lift: '取り消す',
  },
  en: {
    section: 'Declined volunteers',
    title: 'Declined volunteers',
    intro:
      'The volunteers you asked not to be sent again: your requests are not offered to them. Record one from the booking on a request’s page.',
    none: 'You have declined no volunteer.',
    reason: 'Reason (optional)',
    reasonHint: 'Up to 500 characters. Only the coordinators read it; the volunteer does not see it.',
    decline: 'Do not send this volunteer again',
    confirmDecline: (name: string) => `Do not send ${name} again`,
    seeDeclined: 'See the list',
    declined: 'Recorded.',
    since: (date: string) => `since ${date}`,
    lift: 'Undo',
  },
});
