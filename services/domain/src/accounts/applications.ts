import { z } from 'zod';
import { bilingual } from '../validation';

/*
 * What a public sign-up must be: a volunteer's application and a public body's, checked by the
 * API and, before sending, by the public sign-up pages. Pure: no database, no hashing here.
 */

export const passwordSchema = z
  .string()
  .min(10, bilingual({ en: 'Use at least 10 characters.', ja: '10文字以上で入力してください。' }))
  .max(200, bilingual({ en: 'Use at most 200 characters.', ja: '200文字以内で入力してください。' }));

/** E-mail addresses are compared lower-cased and trimmed. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(
    z
      .email(bilingual({ en: 'Enter a valid e-mail address.', ja: '正しいメールアドレスを入力してください。' }))
      .max(254, bilingual({ en: 'Enter a valid e-mail address.', ja: '正しいメールアドレスを入力してください。' })),
  );

/** The kinds of public body that ask for interpreters (the database's enum is made from these). */
export const organizationTypes = [
  'prefecture',
  'municipality',
  'board_of_education',
  'public_school',
  'public_hospital',
  'consultation_desk',
  'fire_department',
  'other_public_body',
] as const;
export type OrganizationType = (typeof organizationTypes)[number];

const associationId = z.uuid(bilingual({ en: 'Choose an association.', ja: '協会を選んでください。' }));
const localGovernmentCode = z
  .string()
  .regex(
    /^\d{6}$/,
    bilingual({ en: 'Use the six-digit local government code.', ja: '6桁の地方公共団体コードを入力してください。' }),
  );
const yourName = z
  .string()
  .trim()
  .min(1, bilingual({ en: 'Enter your name.', ja: 'お名前を入力してください。' }))
  .max(100, bilingual({ en: 'Use at most 100 characters.', ja: '100文字以内で入力してください。' }));
const phone = z
  .string()
  .trim()
  .max(30, bilingual({ en: 'Use at most 30 characters.', ja: '30文字以内で入力してください。' }))
  .optional();
const locale = z.enum(['ja', 'en']).default('ja');

export const volunteerApplicationSchema = z.object({
  associationId,
  email: emailSchema,
  password: passwordSchema,
  fullName: z
    .string()
    .trim()
    .min(1, bilingual({ en: 'Enter your full name.', ja: '氏名を入力してください。' }))
    .max(100, bilingual({ en: 'Use at most 100 characters.', ja: '100文字以内で入力してください。' })),
  /** How the app greets them; their full name when left out. */
  displayName: yourName.optional(),
  homeLocalGovernmentCode: localGovernmentCode,
  phone,
  locale,
});

export const organizationApplicationSchema = z.object({
  associationId,
  name: z
    .string()
    .trim()
    .min(1, bilingual({ en: 'Enter the name of the organization.', ja: '団体名を入力してください。' }))
    .max(200),
  type: z.enum(organizationTypes, {
    error: bilingual({ en: 'Choose the kind of organization.', ja: '団体の種類を選んでください。' }),
  }),
  localGovernmentCode,
  contactName: z
    .string()
    .trim()
    .min(1, bilingual({ en: 'Enter a contact person.', ja: '担当者名を入力してください。' }))
    .max(100),
  contactEmail: emailSchema,
  contactPhone: phone,
  address: z.string().trim().max(300).optional(),
  staff: z.object({ displayName: yourName, email: emailSchema, password: passwordSchema, locale }),
});

export type VolunteerApplicationInput = z.input<typeof volunteerApplicationSchema>;
export type OrganizationApplication = z.input<typeof organizationApplicationSchema>;
