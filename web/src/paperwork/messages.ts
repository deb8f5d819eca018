import { bilingual } from '../i18n';

type Item = 'registration' | 'insurance' | 'pledge';
type State = 'valid' | 'dueSoon' | 'lapsed' | 'missing';

/** A volunteer's papers, as the volunteer and the coordinators read them. */
export const paperworkMessages = bilingual({
  ja: {
    title: '書類',
    items: { registration: 'ボランティア登録', insurance: 'ボランティア保険', pledge: '守秘の誓約' } as Record<
      Item,
      string
    >,
    states: { valid: '有効', dueSoon: '期限が近い', lapsed: '期限切れ', missing: '記録なし' } as Record<State, string>,
    validUntil: (date: string) => `${date}まで`,
    daysLeft: (days: number) => (days === 0 ? '今日まで' : `あと${days}日`),
    lapsedDays: (days: number) => `${days}日前に切れました`,
    pledgeSigned: '署名済み',
    /** What the volunteer does about each paper in each state. */
    todo: {
      registration: {
        valid: '手続きは必要ありません。',
        dueSoon: '期限までに、協会のコーディネーターに登録の更新を申し出てください。',
        lapsed: '登録が切れています。協会のコーディネーターに更新を申し出てください。',
        missing: '登録の期限が記録されていません。協会のコーディネーターにお問い合わせください。',
      },
      insurance: {
        valid: '手続きは必要ありません。',
        dueSoon: '期限までに保険を更新し、コーディネーターにお知らせください。',
        lapsed: '保険が切れています。更新してコーディネーターにお知らせください。',
        missing: '保険の加入が記録されていません。加入したらコーディネーターにお知らせください。',
      },
      pledge: {
        valid: '誓約は活動をやめた後も続きます。',
        dueSoon: '',
        lapsed: '',
        missing: 'プロフィールのページで守秘の誓約に署名してください。',
      },
    } as Record<Item, Record<State, string>>,
    reminderNote: '登録と保険は、期限の30日前と7日前にメールとお知らせでお伝えします。',
    heldTitle: '依頼の候補から外れています',
    heldBy: (association: string) => `${association}:`,
    notHeld: 'どの協会でも、書類の理由で候補から外れてはいません。',
  },
  en: {
    title: 'Papers',
    items: {
      registration: 'Volunteer registration',
      insurance: 'Volunteer insurance',
      pledge: 'Confidentiality pledge',
    },
    states: { valid: 'Valid', dueSoon: 'Ends soon', lapsed: 'Lapsed', missing: 'Not recorded' },
    validUntil: (date: string) => `until ${date}`,
    daysLeft: (days: number) => (days === 0 ? 'last day today' : `${days} day${days === 1 ? '' : 's'} left`),
    lapsedDays: (days: number) => `lapsed ${days} day${days === 1 ? '' : 's'} ago`,
    pledgeSigned: 'Signed',
    todo: {
      registration: {
        valid: 'Nothing to do.',
        dueSoon: 'Ask your association’s coordinator to renew it before it ends.',
        lapsed: 'Your registration has lapsed: ask your association’s coordinator to renew it.',
        missing: 'No end date is recorded for your registration: ask your association’s coordinator.',
      },
      insurance: {
        valid: 'Nothing to do.',
        dueSoon: 'Renew your insurance before it ends and tell your coordinator.',
        lapsed: 'Your insurance has lapsed: renew it and tell your coordinator.',
        missing: 'No insurance is recorded: once you are enrolled, tell your coordinator.',
      },
      pledge: {
        valid: 'The pledge stays in force after you stop volunteering.',
        dueSoon: '',
        lapsed: '',
        missing: 'Sign the confidentiality pledge on your profile page.',
      },
    },
    reminderNote:
      'You are reminded by e-mail and in your inbox 30 and 7 days before your registration or insurance ends.',
    heldTitle: 'Not offered work',
    heldBy: (association: string) => `${association}:`,
    notHeld: 'No association holds you back from its candidates for your papers.',
  },
});
