import { z } from 'zod';
import { bilingual } from '../validation';
import { isIndividualNumber } from './individual-number';
import { zenginKana } from './kana';
import { bankAccountTypes } from './zengin';

/*
 * What a volunteer's payout details must be, checked by the API and, before sending, by the web's
 * form: one set of rules. Whether the bank and branch exist is the bank code data's to say (the
 * service asks it); here only their shape.
 */

/** Digits typed in any width, with the hyphens and spaces people put in them, as plain digits. */
const plainDigits = (value: string) => value.normalize('NFKC').replace(/[\s-]/g, '');

/** A name the Zengin file carries in half-width kana, within its field's bytes. */
function zenginName(width: number) {
  return z
    .string()
    .trim()
    .min(1, bilingual({ en: 'Enter the name in kana.', ja: '名義をカナで入力してください。' }))
    .superRefine((name, context) => {
      const kana = zenginKana(name);
      if (!kana.ok)
        context.addIssue({
          code: 'custom',
          message: bilingual({
            en: 'Write the name in katakana, as on the bankbook.',
            ja: '名義は通帳のとおりカタカナで入力してください。',
          }),
        });
      else if (kana.kana.length > width)
        context.addIssue({
          code: 'custom',
          message: bilingual({
            en: `The bank takes at most ${width} half-width characters (a voiced mark counts as one).`,
            ja: `名義は半角${width}文字以内です（濁点・半濁点も1文字です）。`,
          }),
        });
    });
}

export const payoutAccountSchema = z.object({
  bankCode: z
    .string()
    .transform(plainDigits)
    .pipe(
      z
        .string()
        .regex(
          /^\d{4}$/,
          bilingual({ en: 'Use the four-digit bank code.', ja: '4桁の金融機関コードを入力してください。' }),
        ),
    ),
  branchCode: z
    .string()
    .transform(plainDigits)
    .pipe(
      z
        .string()
        .regex(
          /^\d{3}$/,
          bilingual({ en: 'Use the three-digit branch code.', ja: '3桁の支店コードを入力してください。' }),
        ),
    ),
  accountType: z.enum(bankAccountTypes, {
    error: bilingual({ en: 'Choose ordinary or current.', ja: '普通または当座を選んでください。' }),
  }),
  accountNumber: z
    .string()
    .transform(plainDigits)
    .pipe(
      z
        .string()
        .regex(
          /^\d{1,7}$/,
          bilingual({
            en: 'Use the account number, up to seven digits.',
            ja: '口座番号を7桁以内の数字で入力してください。',
          }),
        )
        .transform((digits) => digits.padStart(7, '0')),
    ),
  holderKana: zenginName(30),
});
export type PayoutAccountInput = z.output<typeof payoutAccountSchema>;

export const individualNumberSchema = z
  .string()
  .transform(plainDigits)
  .pipe(
    z.string().refine(
      isIndividualNumber,
      bilingual({
        en: 'Enter the 12 digits of your individual number (My Number) as on your card.',
        ja: 'マイナンバー（12桁）をカードのとおり入力してください。',
      }),
    ),
  );

/** An association's side of its payouts: its code at the bank and its own account for the file's header. */
export const payoutSettingsSchema = payoutAccountSchema.omit({ holderKana: true }).extend({
  associationId: z.uuid(),
  requesterCode: z
    .string()
    .transform(plainDigits)
    .pipe(
      z.string().regex(
        /^\d{1,10}$/,
        bilingual({
          en: 'Use the code your bank gave you, up to ten digits.',
          ja: '金融機関から通知された委託者コード（10桁以内）を入力してください。',
        }),
      ),
    ),
  requesterKana: zenginName(40),
  withholdOnTransport: z.boolean(),
});

/**
 * A correction of a confirmed run: all of it, or the chosen volunteers' payments or lines, with the
 * reason the staff give (kept with the run).
 */
export const payoutCorrectionSchema = z.object({
  runId: z.uuid(),
  reason: z
    .string()
    .trim()
    .min(1, bilingual({ en: 'Say why the run is corrected.', ja: '訂正の理由を入力してください。' }))
    .max(500, bilingual({ en: 'Keep the reason within 500 characters.', ja: '理由は500文字以内で入力してください。' })),
  volunteerIds: z.array(z.uuid()).max(1000).optional(),
  lineIds: z.array(z.uuid()).max(5000).optional(),
});
