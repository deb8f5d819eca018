import { bilingual } from '../i18n';
import type { EnumValues } from '../labels';

type BanDirection = EnumValues<'BanDirection'>;

/** Coordinators: who is not sent where, either side's wish, with its reason. */
export const banMessages = bilingual<{
  section: string;
  title: string;
  intro: string;
  none: string;
  direction: Record<BanDirection, string>;
  directionLabel: string;
  organization: string;
  volunteer: string;
  reason: string;
  reasonHint: string;
  since: string;
  noReason: string;
  lift: string;
  recordTitle: string;
  recordIntro: string;
  choose: string;
  record: string;
  recorded: string;
}>({
  ja: {
    section: '派遣しない組み合わせ',
    title: '派遣しない組み合わせ',
    intro:
      '依頼機関が断ったボランティア、ボランティアが断った依頼機関です。この組み合わせでは、候補にも打診にも上がりません。',
    none: '派遣しない組み合わせはありません。',
    direction: {
      organization_declines_volunteer: '依頼機関がボランティアを断った',
      volunteer_declines_organization: 'ボランティアが依頼機関を断った',
    },
    directionLabel: 'どちらの希望か',
    organization: '依頼機関',
    volunteer: 'ボランティア',
    reason: '理由',
    reasonHint: '相手には表示されません。500文字まで。',
    since: '登録日時',
    noReason: '（理由の記載なし）',
    lift: '解除する',
    recordTitle: '組み合わせを登録する',
    recordIntro: '電話などで伝えられた希望を登録します。',
    choose: '選んでください',
    record: '登録する',
    recorded: '登録しました。',
  },
  en: {
    section: 'Bans',
    title: 'Bans',
    intro:
      'Volunteers an organization declined, and organizations a volunteer declined. Such a pair is never ranked or offered.',
    none: 'No ban is recorded.',
    direction: {
      organization_declines_volunteer: 'The organization declined the volunteer',
      volunteer_declines_organization: 'The volunteer declined the organization',
    },
    directionLabel: 'Whose wish',
    organization: 'Organization',
    volunteer: 'Volunteer',
    reason: 'Reason',
    reasonHint: 'Not shown to the other side. Up to 500 characters.',
    since: 'Since',
    noReason: '(no reason given)',
    lift: 'Lift',
    recordTitle: 'Record a ban',
    recordIntro: 'Record a wish one side told you, by phone say.',
    choose: 'Choose',
    record: 'Record',
    recorded: 'Recorded.',
  },
});
