import { bilingual } from '../i18n';

/** A volunteer's own bans: the organizations they asked not to be sent to. */
export const declineMessages = bilingual({
  ja: {
    title: '派遣を希望しない依頼機関',
    intro:
      '今後、依頼を受けたくない依頼機関を選べます。その機関の依頼は打診も募集中の一覧にも出なくなります。理由はコーディネーターだけが読みます。',
    none: '派遣を希望しない依頼機関はありません。',
    organization: '依頼機関（これまでの派遣先）',
    choose: '選んでください',
    noneToChoose: 'まだ派遣先がありません。',
    reason: '理由（任意）',
    reasonHint: '500文字まで。依頼機関には表示されません。',
    decline: '今後は派遣を希望しない',
    declined: '登録しました。',
    since: (date: string) => `${date} から`,
    lift: '取り消す',
  },
  en: {
    title: 'Organizations you declined',
    intro:
      'Choose an organization you no longer want to be sent to: its requests will not be offered or shown on your open board. Only the coordinators read your reason.',
    none: 'You have declined no organization.',
    organization: 'Organization (where you have been sent)',
    choose: 'Choose',
    noneToChoose: 'You have not been sent anywhere yet.',
    reason: 'Reason (optional)',
    reasonHint: 'Up to 500 characters. Not shown to the organization.',
    decline: 'Do not send me there',
    declined: 'Recorded.',
    since: (date: string) => `since ${date}`,
    lift: 'Undo',
  },
});
