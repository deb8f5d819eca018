import { bilingual } from '../i18n';
import type { EnumValues } from '../labels';

type OrganizationStatus = EnumValues<'OrganizationStatus'>;
type BearingKind = EnumValues<'LocalGovernmentKind'>;

/** Coordinators: the organizations of their associations, each with its details and status. */
export const organizationMessages = bilingual<{
  section: string;
  title: string;
  intro: string;
  statusFilter: string;
  everyStatus: string;
  none: string;
  name: string;
  type: string;
  bearing: string;
  bearingOf: (kind: BearingKind, name: string, code: string) => string;
  status: Record<OrganizationStatus, string>;
  statusLabel: string;
  association: string;
  contact: string;
  address: string;
  registered: string;
  trusted: string;
  trustedYes: string;
  staff: string;
  noStaff: string;
  detailTitle: string;
  actionsTitle: string;
  noActions: string;
  approve: string;
  reactivate: string;
  suspend: string;
  close: string;
  closeQuestion: (name: string) => string;
  yesClose: string;
  keepOpen: string;
  done: Record<'approve' | 'reactivate' | 'suspend' | 'close', string>;
}>({
  ja: {
    section: '依頼機関',
    title: '依頼機関',
    intro: '協会に登録している依頼機関です。名前を選ぶと、詳細の確認や利用停止・再開・閉鎖ができます。',
    statusFilter: '状態',
    everyStatus: 'すべて',
    none: 'この条件に合う依頼機関はありません。',
    name: '名称',
    type: '種別',
    bearing: '所在の自治体',
    bearingOf: (kind, name, code) =>
      `${name}（${kind === 'prefecture' ? '都道府県' : '市区町村'}・団体コード ${code}）`,
    status: { applied: '申請中', approved: '利用中', rejected: '不承認', suspended: '利用停止中', closed: '閉鎖' },
    statusLabel: '状態',
    association: '協会',
    contact: '担当者',
    address: '住所',
    registered: '登録日時',
    trusted: '信頼済み',
    trustedYes: '依頼は自動で承認されます',
    staff: '職員',
    noStaff: '職員のアカウントはありません。',
    detailTitle: '依頼機関の詳細',
    actionsTitle: '状態を変える',
    noActions: 'この状態からは変更できません。',
    approve: '承認する',
    reactivate: '利用を再開する',
    suspend: '利用を停止する',
    close: '閉鎖する',
    closeQuestion: (name) =>
      `${name} を閉鎖しますか？元には戻せません。保存期間を過ぎると担当者と職員の情報は匿名化されます。`,
    yesClose: '閉鎖する',
    keepOpen: '閉鎖しない',
    done: {
      approve: '承認しました。',
      reactivate: '利用を再開しました。',
      suspend: '利用を停止しました。',
      close: '閉鎖しました。',
    },
  },
  en: {
    section: 'Organizations',
    title: 'Organizations',
    intro:
      'The public bodies registered with your associations. Open one to see its details, or to suspend, reactivate or close it.',
    statusFilter: 'Status',
    everyStatus: 'Any',
    none: 'No organization matches.',
    name: 'Name',
    type: 'Type',
    bearing: 'Local government',
    bearingOf: (kind, name, code) => `${name} (${kind === 'prefecture' ? 'prefecture' : 'municipality'}, code ${code})`,
    status: { applied: 'Applied', approved: 'Active', rejected: 'Rejected', suspended: 'Suspended', closed: 'Closed' },
    statusLabel: 'Status',
    association: 'Association',
    contact: 'Contact',
    address: 'Address',
    registered: 'Registered',
    trusted: 'Trusted',
    trustedYes: 'Its requests are approved automatically',
    staff: 'Staff',
    noStaff: 'No staff account.',
    detailTitle: 'Organization',
    actionsTitle: 'Change the status',
    noActions: 'Nothing can be changed from this status.',
    approve: 'Approve',
    reactivate: 'Reactivate',
    suspend: 'Suspend',
    close: 'Close',
    closeQuestion: (name) =>
      `Close ${name}? This cannot be undone. After the retention period, the contact and staff details are anonymised.`,
    yesClose: 'Close it',
    keepOpen: 'Keep it open',
    done: {
      approve: 'Approved.',
      reactivate: 'Reactivated.',
      suspend: 'Suspended.',
      close: 'Closed.',
    },
  },
});
