import { languageLevelWords, modalityWords, requestStatusWords, volunteerStatusWords, wordsIn } from '@tsunagu/domain';
import type { SchemaTypes } from './graphql';
import { bilingual } from './i18n';

export type EnumValues<Name extends keyof SchemaTypes> = SchemaTypes[Name] extends { enumValues: infer Values }
  ? Values & string
  : never;

/** A label for every value of a schema enum: a value added to the schema and not labelled here does not compile. */
type Labels<Name extends keyof SchemaTypes> = Record<EnumValues<Name>, string>;

interface EnumLabels {
  modality: Labels<'Modality'>;
  purpose: Labels<'RequestPurpose'>;
  specialty: Labels<'Specialty'>;
  status: Labels<'RequestStatus'>;
  organizationType: Labels<'OrganizationType'>;
  level: Labels<'LanguageLevel'>;
  direction: Labels<'LanguageDirection'>;
  volunteerStatus: Labels<'VolunteerStatus'>;
  scopeRule: Labels<'ScopeRule'>;
  staffRole: Labels<'StaffRole'>;
  invitationRole: Labels<'InvitationRole'>;
  translationDirection: Labels<'TranslationDirection'>;
  volumeUnit: Labels<'VolumeUnit'>;
  routing: Labels<'RequestRouting'>;
  weekdays: readonly string[];
}

/** The schema's enums in words, in both languages. */
export const enumLabels = bilingual<EnumLabels>({
  ja: {
    modality: wordsIn(modalityWords, 'ja'),
    purpose: {
      consultation_desk: '相談窓口',
      one_stop_desk: '一元的相談窓口',
      life_orientation: '生活オリエンテーション',
      disaster: '災害・防災',
      school_enrollment: '就学支援',
      japanese_class: '日本語教室',
      administrative_translation: '行政情報の翻訳',
      other_support: 'その他の外国人支援',
      other: 'その他',
    },
    specialty: {
      medical: '医療',
      legal: '法律',
      education: '教育',
      disaster: '災害',
      welfare: '福祉',
      residence_procedures: '在留手続',
    },
    status: wordsIn(requestStatusWords, 'ja'),
    organizationType: {
      prefecture: '都道府県',
      municipality: '市区町村',
      board_of_education: '教育委員会',
      public_school: '公立学校',
      public_hospital: '公立病院',
      consultation_desk: '相談窓口',
      fire_department: '消防',
      other_public_body: 'その他の公的機関',
    },
    level: wordsIn(languageLevelWords, 'ja'),
    direction: {
      interpretation: '通訳',
      translation_into_japanese: '翻訳（日本語へ）',
      translation_from_japanese: '翻訳（日本語から）',
    },
    volunteerStatus: wordsIn(volunteerStatusWords, 'ja'),
    scopeRule: { normal: '通常どおり', certified_only: '有資格者のみ', not_offered: '依頼しない' },
    staffRole: { coordinator: 'コーディネーター', admin: '管理者' },
    invitationRole: {
      requester: '依頼機関の職員',
      volunteer: 'ボランティア',
      coordinator: 'コーディネーター',
      admin: '管理者',
    },
    translationDirection: { into_japanese: '日本語へ', from_japanese: '日本語から' },
    volumeUnit: { pages: 'ページ', characters: '文字' },
    routing: { normal: '通常', certified_only: '有資格者のみ', not_offered: 'ボランティアに依頼しない' },
    weekdays: ['月', '火', '水', '木', '金', '土', '日'],
  },
  en: {
    modality: wordsIn(modalityWords, 'en'),
    purpose: {
      consultation_desk: 'Consultation desk',
      one_stop_desk: 'One-stop consultation desk',
      life_orientation: 'Life orientation',
      disaster: 'Disaster and preparedness',
      school_enrollment: 'School enrollment support',
      japanese_class: 'Japanese class',
      administrative_translation: 'Translation of administrative information',
      other_support: 'Other support for foreign residents',
      other: 'Other',
    },
    specialty: {
      medical: 'Medical',
      legal: 'Legal',
      education: 'Education',
      disaster: 'Disaster',
      welfare: 'Welfare',
      residence_procedures: 'Residence procedures',
    },
    status: wordsIn(requestStatusWords, 'en'),
    organizationType: {
      prefecture: 'Prefecture',
      municipality: 'Municipality',
      board_of_education: 'Board of education',
      public_school: 'Public school',
      public_hospital: 'Public hospital',
      consultation_desk: 'Consultation desk',
      fire_department: 'Fire department',
      other_public_body: 'Other public body',
    },
    level: wordsIn(languageLevelWords, 'en'),
    direction: {
      interpretation: 'Interpreting',
      translation_into_japanese: 'Translation into Japanese',
      translation_from_japanese: 'Translation from Japanese',
    },
    volunteerStatus: wordsIn(volunteerStatusWords, 'en'),
    scopeRule: { normal: 'As any other', certified_only: 'Certified volunteers only', not_offered: 'Not offered' },
    staffRole: { coordinator: 'Coordinator', admin: 'Admin' },
    invitationRole: {
      requester: 'Requesting staff',
      volunteer: 'Volunteer',
      coordinator: 'Coordinator',
      admin: 'Admin',
    },
    translationDirection: { into_japanese: 'Into Japanese', from_japanese: 'From Japanese' },
    volumeUnit: { pages: 'pages', characters: 'characters' },
    routing: { normal: 'Normal', certified_only: 'Certified only', not_offered: 'Not offered to volunteers' },
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  },
});
