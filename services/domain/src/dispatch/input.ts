import { z } from 'zod';
import { bilingual, wholeNumber } from '../validation';

/*
 * What dispatch's inputs must be (reasons, activity reports), checked by the API and, before
 * sending, by the web's report forms: one set of rules. Pure: no database here.
 */

/** Why a volunteer declines or a coordinator steps in. */
export const reasonSchema = z
  .string()
  .trim()
  .min(1, bilingual({ en: 'Say why.', ja: '理由を入力してください。' }))
  .max(1000);

/** The volunteer's report on an activity: when it really took place, the fare, notes. */
export const volunteerReportSchema = z
  .object({
    actualStart: z.date(),
    actualEnd: z.date(),
    transportFareYen: wholeNumber(bilingual({ en: 'Use whole yen.', ja: '円単位の整数で入力してください。' }))
      .min(0, bilingual({ en: 'Use zero or more yen.', ja: '0円以上で入力してください。' }))
      .max(200_000),
    notes: z.string().trim().max(2000).nullish(),
  })
  .refine((report) => report.actualEnd > report.actualStart, {
    path: ['actualEnd'],
    message: bilingual({ en: 'The end must come after the start.', ja: '終了時刻は開始時刻より後にしてください。' }),
  });

/** The requesting body's report: whether it took place, how satisfied they were, remarks. */
export const requesterReportSchema = z.object({
  tookPlace: z.boolean(),
  satisfaction: wholeNumber(bilingual({ en: 'Use a whole number.', ja: '整数で入力してください。' }))
    .min(1, bilingual({ en: 'Use 1 to 5.', ja: '1〜5で入力してください。' }))
    .max(5, bilingual({ en: 'Use 1 to 5.', ja: '1〜5で入力してください。' })),
  remarks: z.string().trim().max(2000).nullish(),
});
