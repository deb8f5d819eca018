import { z } from 'zod';
import { bilingual, wholeNumber } from '../validation';

/*
 * What a volunteer's profile input must be, checked by the API and, before sending, by the web's
 * profile sections: one set of rules. Pure: no database here (the lists are the database's enums).
 */

const specialties = ['medical', 'legal', 'education', 'disaster', 'welfare', 'residence_procedures'] as const;
const languageLevels = ['native', 'fluent', 'business', 'conversational'] as const;
const languageDirections = ['interpretation', 'translation_into_japanese', 'translation_from_japanese'] as const;

const localGovernmentCode = z
  .string()
  .regex(
    /^\d{6}$/,
    bilingual({ en: 'Use the six-digit local government code.', ja: '6桁の地方公共団体コードを入力してください。' }),
  );
export const date = z.iso.date(
  bilingual({ en: 'Use a date as YYYY-MM-DD.', ja: '日付は YYYY-MM-DD の形で入力してください。' }),
);

/** What a volunteer may change in their profile: checked by the API and, before sending, by the profile's forms. */
export const profileSchema = z.object({
  fullName: z
    .string()
    .trim()
    .min(1, bilingual({ en: 'Enter your name.', ja: 'お名前を入力してください。' }))
    .max(100)
    .optional(),
  phone: z
    .string()
    .trim()
    .regex(
      /^\+?[0-9][0-9 ()-]{5,19}$/,
      bilingual({
        en: 'Enter a phone number, such as 090-1234-5678.',
        ja: '電話番号を 090-1234-5678 のように入力してください。',
      }),
    )
    .nullable()
    .optional(),
  homeLocalGovernmentCode: localGovernmentCode.optional(),
  maxTravelKm: wholeNumber(bilingual({ en: 'Use whole kilometres.', ja: 'km単位の整数で入力してください。' }))
    .min(0)
    .max(1000)
    .nullable()
    .optional(),
  remoteCapable: z.boolean().optional(),
  specialties: z.array(z.enum(specialties)).optional(),
  monthlyCap: wholeNumber(bilingual({ en: 'Use a whole number.', ja: '整数で入力してください。' }))
    .min(1, bilingual({ en: 'Use at least 1, or no cap.', ja: '1以上を入力するか、上限なしにしてください。' }))
    .max(200)
    .nullable()
    .optional(),
  holidaysOff: z.boolean().optional(),
  languages: z
    .array(
      z.object({
        code: z.string().trim().toLowerCase().min(2).max(12),
        level: z.enum(languageLevels),
        directions: z
          .array(z.enum(languageDirections))
          .min(1, bilingual({ en: 'Choose at least one direction.', ja: '方向を1つ以上選んでください。' })),
      }),
    )
    .max(30)
    .optional(),
  regions: z.array(localGovernmentCode).max(200).optional(),
  certificates: z
    .array(
      z.object({
        name: z
          .string()
          .trim()
          .min(1, bilingual({ en: 'Enter the name of the certificate.', ja: '資格の名称を入力してください。' }))
          .max(200),
        issuer: z
          .string()
          .trim()
          .min(1, bilingual({ en: 'Enter who issued it.', ja: '発行元を入力してください。' }))
          .max(200),
        kind: z
          .string()
          .trim()
          .regex(
            /^[a-z][a-z0-9_]{1,49}$/,
            bilingual({
              en: 'Use a kind such as medical_interpreter.',
              ja: '種類は medical_interpreter のように入力してください。',
            }),
          ),
        issuedOn: date.nullable().optional(),
        expiresOn: date.nullable().optional(),
      }),
    )
    .max(50)
    .optional(),
  availability: z
    .array(z.object({ weekday: z.int(), startMinute: z.int(), endMinute: z.int() }))
    .max(100)
    .optional(),
  daysOff: z
    .array(z.object({ startsOn: date, endsOn: date }))
    .max(366)
    .optional(),
});
