import { z } from 'zod';
import { grantTaxCategories, requestPurposes } from '../grant-tax';
import { bilingual, isoDate, wholeNumber } from '../validation';
import type { Modality, Specialty } from './policy';

/*
 * What a request's input must be, checked by the API and, before sending, by the web's request
 * form: one set of rules, so that the form and the API cannot disagree. Pure: no database here.
 */

const modalities = ['on_site', 'remote', 'translation'] as const satisfies readonly Modality[];
const specialties = [
  'medical',
  'legal',
  'education',
  'disaster',
  'welfare',
  'residence_procedures',
] as const satisfies readonly Specialty[];
const translationDirections = ['into_japanese', 'from_japanese'] as const;
const volumeUnits = ['pages', 'characters'] as const;

const time = z
  .string()
  .min(1, bilingual({ en: 'Enter a time.', ja: '時刻を入力してください。' }))
  .regex(
    /^$|^([01]\d|2[0-3]):[0-5]\d$/,
    bilingual({ en: 'Use a time as HH:mm.', ja: '時刻は HH:mm の形で入力してください。' }),
  );
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const chooseLanguage = bilingual({ en: 'Choose a language.', ja: '言語を選んでください。' });
const wholeCount = bilingual({ en: 'Use a whole number.', ja: '整数で入力してください。' });

/** What a request asks for, apart from its time: shared by one-off requests and series. */
export const requestDetails = {
  languageCode: z.string().trim().min(1, chooseLanguage),
  pairLanguageCode: z.string().trim().min(1, chooseLanguage).default('ja'),
  translationDirection: z.enum(translationDirections).nullish(),
  volume: wholeNumber(wholeCount).min(1).max(1_000_000).nullish(),
  volumeUnit: z.enum(volumeUnits).nullish(),
  localGovernmentCode: z
    .string()
    .regex(
      /^\d{6}$/,
      bilingual({ en: 'Use the six-digit local government code.', ja: '6桁の地方公共団体コードを入力してください。' }),
    )
    .nullish(),
  venue: optionalText(200),
  address: optionalText(300),
  remoteJoinInstructions: optionalText(1000),
  purpose: z.enum(requestPurposes, bilingual({ en: 'Choose a purpose.', ja: '目的を選んでください。' })),
  specialty: z.enum(specialties).nullish(),
  interpretersNeeded: wholeNumber(wholeCount)
    .min(1)
    .max(20, bilingual({ en: 'Ask for at most 20 interpreters.', ja: '通訳者の人数は20人以内にしてください。' }))
    .default(1),
  contactName: z
    .string()
    .trim()
    .min(1, bilingual({ en: 'Enter a contact person.', ja: '担当者名を入力してください。' }))
    .max(100),
  contactPhone: optionalText(30),
  notes: optionalText(2000),
  urgent: z.boolean().default(false),
  emergency: z.boolean().default(false),
  infectionRisk: z.boolean().default(false),
  answerBy: isoDate.nullish(),
  openToPartners: z.boolean().default(false),
};

interface Given {
  modality?: unknown;
  startsAt?: unknown;
  endsAt?: unknown;
  deadline?: unknown;
  localGovernmentCode?: unknown;
}

/**
 * A field the modality needs, reported even when other fields are wrong too, so that one submit
 * shows every problem (zod skips a refinement after a wrong field unless told when to run it).
 */
function needs(
  field: keyof Given,
  applies: (request: Given) => boolean,
  message: string,
): [(request: Given) => boolean, { path: string[]; error: string; when: (payload: { value: unknown }) => boolean }] {
  return [
    (request: Given) => !applies(request) || (request[field] !== null && request[field] !== undefined),
    {
      path: [field],
      error: message,
      when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null,
    },
  ];
}

const timed = (request: Given) => request.modality !== 'translation';

/**
 * The grant-tax category a new request is filed under, when the filer chooses one; left out, the
 * purpose suggests it. Not a detail: a change of purpose takes the new purpose's suggestion.
 */
const grantTaxCategory = z
  .enum(
    grantTaxCategories,
    bilingual({
      en: 'Use a category of the table: 1–7, G or N.',
      ja: '区分は表にあるもの（1〜7、G、N）から選んでください。',
    }),
  )
  .nullish();

export const requestSchema = z
  .object({
    modality: z.enum(modalities),
    ...requestDetails,
    grantTaxCategory,
    startsAt: z.date().nullish(),
    endsAt: z.date().nullish(),
    deadline: z.date().nullish(),
  })
  .refine(...needs('startsAt', timed, bilingual({ en: 'Give the start.', ja: '開始日時を入力してください。' })))
  .refine(...needs('endsAt', timed, bilingual({ en: 'Give the end.', ja: '終了日時を入力してください。' })))
  .refine(
    ...needs(
      'deadline',
      (request) => request.modality === 'translation',
      bilingual({ en: 'Give the date the translation is needed by.', ja: '納期を入力してください。' }),
    ),
  )
  .refine(
    ...needs(
      'localGovernmentCode',
      (request) => request.modality === 'on_site',
      bilingual({ en: 'Give the municipality of the place.', ja: '場所の市区町村を入力してください。' }),
    ),
  );

export const seriesSchema = z
  .object({
    modality: z.enum(modalities).refine(
      (modality) => modality !== 'translation',
      bilingual({
        en: 'A series is for interpretation on site or remote.',
        ja: '繰り返しの依頼は、対面またはリモートの通訳でのみ作成できます。',
      }),
    ),
    ...requestDetails,
    grantTaxCategory,
    series: z.object({
      weekday: z.int(),
      startTime: time,
      endTime: time,
      firstDate: isoDate,
      lastDate: isoDate,
    }),
  })
  .refine(
    ...needs(
      'localGovernmentCode',
      (request) => request.modality === 'on_site',
      bilingual({ en: 'Give the municipality of the place.', ja: '場所の市区町村を入力してください。' }),
    ),
  );

export const seriesChangeSchema = z.object({
  weekday: z.int().optional(),
  startTime: z.string().optional(),
  endTime: z.string().optional(),
  lastDate: isoDate.optional(),
});
