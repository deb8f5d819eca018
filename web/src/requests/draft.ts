import type { GrantTaxCategory } from '@tsunagu/domain';
import type { UploadedDocument } from '../documents/upload';
import type { FieldProblem } from '../forms/failure';
import { requestSchema, ruleProblems, seriesSchema } from '../forms/rules';
import type { ResultOf, VariablesOf } from '../graphql';
import type { Locale } from '../i18n';
import { fromInstant, isoWeekday, toInstant } from '../jst';
import type {
  EditRequestMutation,
  FileRequestMutation,
  FileRequestSeriesMutation,
  RequestDetailFields,
} from './documents';

export type RequestInput = VariablesOf<typeof FileRequestMutation>['input'];
export type RequestSeriesInput = VariablesOf<typeof FileRequestSeriesMutation>['input'];
export type RequestChanges = VariablesOf<typeof EditRequestMutation>['changes'];
type Modality = RequestInput['modality'];
type Purpose = RequestInput['purpose'];
type Specialty = NonNullable<RequestInput['specialty']>;
type TranslationDirection = NonNullable<RequestInput['translationDirection']>;
type VolumeUnit = NonNullable<RequestInput['volumeUnit']>;

/**
 * What the request form holds: every field as typed, so that nothing is lost when the API
 * answers with problems. Dates and times are Japan time.
 */
export interface RequestDraft {
  modality: Modality;
  languageCode: string;
  pairLanguageCode: string;
  translationDirection: TranslationDirection | '';
  date: string;
  startTime: string;
  endTime: string;
  deadlineDate: string;
  deadlineTime: string;
  volume: string;
  volumeUnit: VolumeUnit;
  localGovernmentCode: string;
  venue: string;
  address: string;
  remoteJoinInstructions: string;
  purpose: Purpose | '';
  specialty: Specialty | '';
  interpretersNeeded: string;
  contactName: string;
  contactPhone: string;
  notes: string;
  urgent: boolean;
  emergency: boolean;
  infectionRisk: boolean;
  answerBy: string;
  openToPartners: boolean;
  /** New requests only: the grant-tax category chosen; '' follows the purpose's suggestion. */
  grantTaxCategory: GrantTaxCategory | '';
  /** New requests only: the same time every week until `lastDate`. */
  repeatWeekly: boolean;
  lastDate: string;
  /** New translation requests: the sources uploaded before filing, attached by it. */
  documents: UploadedDocument[];
}

export const emptyDraft: RequestDraft = {
  modality: 'on_site',
  languageCode: '',
  pairLanguageCode: 'ja',
  translationDirection: '',
  date: '',
  startTime: '',
  endTime: '',
  deadlineDate: '',
  deadlineTime: '17:00',
  volume: '',
  volumeUnit: 'pages',
  localGovernmentCode: '',
  venue: '',
  address: '',
  remoteJoinInstructions: '',
  purpose: '',
  specialty: '',
  interpretersNeeded: '1',
  contactName: '',
  contactPhone: '',
  notes: '',
  urgent: false,
  emergency: false,
  infectionRisk: false,
  answerBy: '',
  openToPartners: false,
  grantTaxCategory: '',
  repeatWeekly: false,
  lastDate: '',
  documents: [],
};

type RequestDetail = ResultOf<typeof RequestDetailFields>;

/** A filed request as the form shows it, for changing it. */
export function draftFromRequest(request: RequestDetail): RequestDraft {
  const start = request.startsAt ? fromInstant(request.startsAt) : null;
  const end = request.endsAt ? fromInstant(request.endsAt) : null;
  const deadline = request.deadline ? fromInstant(request.deadline) : null;
  return {
    ...emptyDraft,
    modality: request.modality,
    languageCode: request.language.code,
    pairLanguageCode: request.pairLanguage.code,
    translationDirection: request.translationDirection ?? '',
    date: start?.date ?? '',
    startTime: start?.time ?? '',
    endTime: end?.time ?? '',
    deadlineDate: deadline?.date ?? '',
    deadlineTime: deadline?.time ?? emptyDraft.deadlineTime,
    volume: request.volume === null ? '' : String(request.volume),
    volumeUnit: request.volumeUnit ?? 'pages',
    localGovernmentCode: request.localGovernment?.code ?? '',
    venue: request.venue ?? '',
    address: request.address ?? '',
    remoteJoinInstructions: request.remoteJoinInstructions ?? '',
    purpose: request.purpose,
    specialty: request.specialty ?? '',
    interpretersNeeded: String(request.interpretersNeeded),
    contactName: request.contactName,
    contactPhone: request.contactPhone ?? '',
    notes: request.notes ?? '',
    urgent: request.urgent,
    emergency: request.emergency,
    infectionRisk: request.infectionRisk,
    answerBy: request.answerBy ?? '',
    openToPartners: request.openToPartners,
  };
}

const text = (value: string) => (value.trim() === '' ? null : value.trim());
/** A number as typed; one that is not whole is left for the rules to name ("Use a whole number."). */
const number = (value: string) => (value.trim() === '' ? null : Number(value));

/** The fields every kind of request shares, as the API takes them; what a modality does not use is left out. */
function details(draft: RequestDraft) {
  const onSite = draft.modality === 'on_site';
  const translation = draft.modality === 'translation';
  return {
    modality: draft.modality,
    languageCode: draft.languageCode,
    pairLanguageCode: draft.pairLanguageCode || 'ja',
    // None chosen goes as chosen, for the rules to ask for one: nothing with it is sent.
    purpose: draft.purpose as Purpose,
    specialty: draft.specialty || null,
    // Left out for a translation: the rule's default (one) applies to a missing value, not to null.
    interpretersNeeded: translation ? undefined : number(draft.interpretersNeeded),
    localGovernmentCode: onSite ? text(draft.localGovernmentCode) : null,
    venue: onSite ? text(draft.venue) : null,
    address: onSite ? text(draft.address) : null,
    remoteJoinInstructions: draft.modality === 'remote' ? text(draft.remoteJoinInstructions) : null,
    translationDirection: translation ? draft.translationDirection || null : null,
    volume: translation ? number(draft.volume) : null,
    volumeUnit: translation && draft.volume.trim() !== '' ? draft.volumeUnit : null,
    contactName: draft.contactName,
    contactPhone: text(draft.contactPhone),
    notes: text(draft.notes),
    urgent: draft.urgent,
    emergency: draft.emergency,
    infectionRisk: draft.infectionRisk,
    answerBy: text(draft.answerBy),
    openToPartners: draft.openToPartners,
  };
}

/** A one-off request. Times missing or half-typed go as null: the rules name what is missing. */
export function toRequestInput(draft: RequestDraft): RequestInput {
  const translation = draft.modality === 'translation';
  return {
    ...details(draft),
    startsAt: translation ? null : toInstant(draft.date, draft.startTime),
    endsAt: translation ? null : toInstant(draft.date, draft.endTime),
    deadline: translation ? toInstant(draft.deadlineDate, draft.deadlineTime) : null,
  };
}

/** The category a new request is filed under: none chosen, the API takes the purpose's suggestion. */
export function filedCategory(draft: RequestDraft): { grantTaxCategory: GrantTaxCategory | null } {
  // A draft kept from before the choice existed has no such field.
  return { grantTaxCategory: draft.grantTaxCategory || null };
}

/** A weekly series on the weekday of the first date, at the same times, until the last date. */
export function toSeriesInput(draft: RequestDraft): RequestSeriesInput {
  const { translationDirection: _direction, volume: _volume, volumeUnit: _unit, ...rest } = details(draft);
  return {
    ...rest,
    series: {
      weekday: draft.date ? isoWeekday(draft.date) : 0,
      startTime: draft.startTime,
      endTime: draft.endTime,
      firstDate: draft.date,
      lastDate: draft.lastDate,
    },
  };
}

/** Where a series' problems show in the form: its first date and times are the form's date and time fields. */
export const seriesFieldNames: Readonly<Record<string, string>> = {
  'series.weekday': 'startsAt',
  'series.firstDate': 'startsAt',
  'series.startTime': 'startTime',
  'series.endTime': 'endsAt',
  'series.lastDate': 'lastDate',
};

/** The form's own words for a missing part of a time: the date and the times are separate fields. */
export interface TimeProblems {
  chooseDate: string;
  enterStartTime: string;
  enterEndTime: string;
}

/**
 * Everything the API's rules find wrong with the draft, all at once and each beside its field, in
 * the page's language: checked before sending, so that one submit shows every missing field. A
 * missing start is told at the date or at the start time, whichever is empty.
 */
export function draftProblems(
  draft: RequestDraft,
  series: boolean,
  locale: Locale,
  says: TimeProblems,
): FieldProblem[] {
  if (series) {
    return ruleProblems(seriesSchema, toSeriesInput(draft), locale).map((problem) => ({
      ...problem,
      field: seriesFieldNames[problem.field] ?? problem.field,
    }));
  }
  const input = toRequestInput(draft);
  const instant = (value: string | null | undefined) => (value ? new Date(value) : null);
  const problems = ruleProblems(
    requestSchema,
    { ...input, startsAt: instant(input.startsAt), endsAt: instant(input.endsAt), deadline: instant(input.deadline) },
    locale,
  );
  const missingTime = (field: string) =>
    (field === 'startsAt' && !input.startsAt) || (field === 'endsAt' && !input.endsAt);
  const own = (field: string, message: string) => ({ field, message, lang: locale });
  return [
    ...(draft.modality !== 'translation' && !input.startsAt
      ? [
          ...(draft.date === '' ? [own('startsAt', says.chooseDate)] : []),
          ...(draft.startTime === '' ? [own('startTime', says.enterStartTime)] : []),
        ]
      : []),
    ...(draft.modality !== 'translation' && !input.endsAt && draft.endTime === ''
      ? [own('endsAt', says.enterEndTime)]
      : []),
    ...problems.filter((problem) => !(draft.modality !== 'translation' && missingTime(problem.field))),
  ];
}

/** Only what changed, for editing a filed request: a field the person did not touch is left out. */
export function changesBetween(before: RequestDraft, after: RequestDraft): RequestChanges {
  const previous = toRequestInput(before);
  const next = toRequestInput(after);
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(value) !== JSON.stringify(previous[key as keyof RequestInput])) changes[key] = value;
  }
  return changes as RequestChanges;
}
