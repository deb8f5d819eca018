import { expenseStatusWords, wordsIn } from '@tsunagu/domain';
import { bilingual } from './i18n';
import type { EnumValues } from './labels';

interface MoneyMessages {
  /** Whole yen, as each language writes them. */
  yen(amount: number): string;
  kindLabels: Record<EnumValues<'ExpenseKind'>, string>;
  statusLabels: Record<EnumValues<'ExpenseStatus'>, string>;
  payerLabels: Record<EnumValues<'ExpensePayer'>, string>;
}

/** Yen and the words of expense lines, for every portal that shows costs. */
export const moneyMessages = bilingual<MoneyMessages>({
  ja: {
    yen: (amount: number) => `${new Intl.NumberFormat('ja-JP').format(amount)}円`,
    kindLabels: {
      honorarium: '謝金',
      transport: '交通費',
      remote_fee: 'リモート通訳料',
      translation_fee: '翻訳料',
      cancellation_fee: 'キャンセル料',
      equipment: '機材費',
      other: 'その他',
    },
    statusLabels: wordsIn(expenseStatusWords, 'ja'),
    payerLabels: { requester: '依頼機関', association: '協会', person_served: '利用者' },
  },
  en: {
    yen: (amount: number) => `¥${new Intl.NumberFormat('en-GB').format(amount)}`,
    kindLabels: {
      honorarium: 'Honorarium',
      transport: 'Transport',
      remote_fee: 'Remote fee',
      translation_fee: 'Translation fee',
      cancellation_fee: 'Cancellation fee',
      equipment: 'Equipment',
      other: 'Other',
    },
    statusLabels: wordsIn(expenseStatusWords, 'en'),
    payerLabels: { requester: 'Requesting office', association: 'Association', person_served: 'Person served' },
  },
});
