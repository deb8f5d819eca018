import { bilingual } from '../i18n';

/** The grant-tax category where it is chosen: the request form and the coordinator's screening. */
export const grantTaxMessages = bilingual({
  ja: {
    title: '特別交付税の区分',
    intro: '依頼の目的から目安の区分を示します。費用を負担する団体の種類で認められない区分では受け付けられません。',
    chooseLabel: '区分',
    asSuggested: (category: string, name: string) => `目安どおり（区分${category} ${name}）`,
    option: (category: string, name: string) => `区分${category} ${name}`,
    suggestion: (category: string, name: string) => `目安：区分${category}（${name}）`,
    choosePurposeFirst: '目的を選ぶと、目安の区分を表示します。',
    measure: (bearer: string, measure: string) => `${bearer}が負担する場合、${measure}の対象です。`,
    notClaimed: '交付税の対象にはなりません（区分N）。',
    take: (category: string) => `区分${category}にする`,
    taken: '区分を変更しました。',
    changeLabel: '別の区分にする',
    keep: '変更しない',
    reasonLabel: '変更の理由',
    reasonHint: '監査のため記録されます。',
    change: '区分を変更する',
    sayWhy: '変更の理由を入力してください。',
    /** The audited reason of a coordinator's one-click change. */
    fixReason: (from: string, to: string) => `負担する団体の種類で認められる区分に変更（区分${from}→区分${to}）`,
  },
  en: {
    title: 'Grant-tax category',
    intro:
      'The purpose suggests a category. A category the kind of body that bears the cost may not claim is not accepted.',
    chooseLabel: 'Category',
    asSuggested: (category: string, name: string) => `As suggested (category ${category}, ${name})`,
    option: (category: string, name: string) => `Category ${category}, ${name}`,
    suggestion: (category: string, name: string) => `Suggested: category ${category} (${name})`,
    choosePurposeFirst: 'Choose a purpose to see the suggested category.',
    measure: (bearer: string, measure: string) =>
      `Borne by ${bearer}, it is claimed under the ${measure.toLowerCase()}.`,
    notClaimed: 'It is claimed under no grant tax (category N).',
    take: (category: string) => `Take category ${category}`,
    taken: 'The category has been changed.',
    changeLabel: 'Change to',
    keep: 'Keep it',
    reasonLabel: 'Why',
    reasonHint: 'Kept in the audit log.',
    change: 'Change the category',
    sayWhy: 'Say why the category changes.',
    fixReason: (from: string, to: string) =>
      `Changed to a category the bearing body may claim (category ${from} to category ${to})`,
  },
});
