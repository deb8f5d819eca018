import type { BearingBodyKind } from '@tsunagu/domain';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useCountsOf } from '../documents/counting';
import { DocumentList } from '../documents/DocumentList';
import { DocumentUpload } from '../documents/DocumentUpload';
import type { UploadedDocument } from '../documents/upload';
import { volumeFromDocuments } from '../documents/volume';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field, FieldSet } from '../forms/Field';
import type { Failure } from '../forms/failure';
import { maxLengthOf, requestSchema } from '../forms/rules';
import { useMessages } from '../i18n';
import { enumLabels } from '../labels';
import { LanguageSelect } from '../pickers/LanguageSelect';
import { MunicipalityPicker } from '../pickers/MunicipalityPicker';
import type { RequestDraft } from './draft';
import { GrantTaxChoice } from './GrantTaxChoice';
import { requestMessages } from './messages';

const modalities = ['on_site', 'remote', 'translation'] as const;
const purposes = [
  'consultation_desk',
  'one_stop_desk',
  'life_orientation',
  'disaster',
  'school_enrollment',
  'japanese_class',
  'administrative_translation',
  'other_support',
  'other',
] as const;
/** The longest text each field takes, from the rules themselves: its counter shows it. */
const limits = {
  venue: maxLengthOf(requestSchema.shape.venue),
  address: maxLengthOf(requestSchema.shape.address),
  remoteJoinInstructions: maxLengthOf(requestSchema.shape.remoteJoinInstructions),
  contactName: maxLengthOf(requestSchema.shape.contactName),
  contactPhone: maxLengthOf(requestSchema.shape.contactPhone),
  notes: maxLengthOf(requestSchema.shape.notes),
};
const specialties = ['medical', 'legal', 'education', 'disaster', 'welfare', 'residence_procedures'] as const;

interface RequestFormProps {
  draft: RequestDraft;
  onChange(draft: RequestDraft): void;
  /** Sends the draft; resolves with why it was not accepted, or null when it was. */
  onSubmit(draft: RequestDraft): Promise<Failure | null>;
  submitLabel: string;
  /** A new request may repeat weekly; a filed one is changed one occurrence at a time. */
  allowSeries: boolean;
  /** A new translation request takes its sources here (a filed one on its page). */
  allowDocuments?: boolean;
  /** New requests: the kind of body that bears the cost, for choosing the grant-tax category. */
  bearer?: BearingBodyKind | null;
  footer?: ReactNode;
}

/**
 * The request form. Everything typed stays in the draft (kept by the page) whatever the API
 * answers; its problems show beside each field and in a summary at the top.
 */
export function RequestForm({
  draft,
  onChange,
  onSubmit,
  submitLabel,
  allowSeries,
  allowDocuments = false,
  bearer,
  footer,
}: RequestFormProps) {
  const t = useMessages(requestMessages);
  const labels = useMessages(enumLabels);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [sending, setSending] = useState(false);
  const set =
    <Key extends keyof RequestDraft>(key: Key) =>
    (value: RequestDraft[Key]) =>
      onChange({ ...draft, [key]: value });
  const text = (key: keyof RequestDraft) => (event: { target: { value: string } }) =>
    onChange({ ...draft, [key]: event.target.value });
  const errors = (field: string) => problemsFor(failure, field);
  const withDocuments = (documents: UploadedDocument[]) => {
    // The volume follows the documents until the requester types one of their own.
    const counted = draft.volume.trim() === '' ? volumeFromDocuments(documents) : null;
    onChange({
      ...draft,
      documents,
      ...(counted ? { volume: String(counted.volume), volumeUnit: counted.volumeUnit } : {}),
    });
  };
  useCountsOf(draft.documents, (counted) =>
    withDocuments(draft.documents.map((document) => counted.find((one) => one.id === document.id) ?? document)),
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    try {
      setFailure(await onSubmit(draft));
    } finally {
      setSending(false);
    }
  }

  const timed = draft.modality !== 'translation';
  const fieldLabels: Record<string, string> = {
    modality: t.kind,
    languageCode: t.language,
    pairLanguageCode: t.pairLanguage,
    startsAt: t.date,
    startTime: t.startTime,
    endsAt: t.endTime,
    lastDate: t.lastDate,
    deadline: t.deadline,
    volume: t.volume,
    volumeUnit: t.volumeUnit,
    translationDirection: t.translationDirection,
    localGovernmentCode: t.municipality,
    venue: t.venue,
    address: t.address,
    remoteJoinInstructions: t.remoteJoinInstructions,
    purpose: t.purpose,
    grantTaxCategory: t.grantTaxCategory,
    specialty: t.specialty,
    interpretersNeeded: t.interpretersNeeded,
    answerBy: t.answerBy,
    contactName: t.contactName,
    contactPhone: t.contactPhone,
    notes: t.notes,
  };

  // The summary lists problems in the order of the form's fields.
  const order = Object.keys(fieldLabels);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const summary = failure && {
    ...failure,
    problems: [...failure.problems].sort((a, b) => rank(a.field) - rank(b.field)),
  };
  const counter = (key: keyof typeof limits) => ({ value: draft[key], max: limits[key] });

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FailureNotice failure={summary} labels={fieldLabels} />

      <FieldSet name="modality" legend={t.kind} errors={errors('modality')}>
        <div className="choices">
          {modalities.map((modality) => (
            <label key={modality} className="choice">
              <input
                type="radio"
                name="modality"
                value={modality}
                checked={draft.modality === modality}
                onChange={() => set('modality')(modality)}
              />
              {labels.modality[modality]}
            </label>
          ))}
        </div>
      </FieldSet>

      <fieldset className="group">
        <legend>{t.languages}</legend>
        <div className="row">
          <LanguageSelect
            name="languageCode"
            label={t.language}
            value={draft.languageCode}
            onChange={set('languageCode')}
            errors={errors('languageCode')}
            withoutJapanese
            required
          />
          <LanguageSelect
            name="pairLanguageCode"
            label={t.pairLanguage}
            value={draft.pairLanguageCode}
            onChange={set('pairLanguageCode')}
            errors={errors('pairLanguageCode')}
          />
        </div>
      </fieldset>

      {timed ? (
        <fieldset className="group">
          <legend>{t.when}</legend>
          <div className="row">
            <Field name="startsAt" label={t.date} errors={errors('startsAt')} required>
              {(control) => <input {...control} type="date" value={draft.date} onChange={text('date')} />}
            </Field>
            <Field name="startTime" label={t.startTime} errors={errors('startTime')} required>
              {(control) => (
                <input {...control} type="time" step={300} value={draft.startTime} onChange={text('startTime')} />
              )}
            </Field>
            <Field name="endsAt" label={t.endTime} errors={errors('endsAt')} required>
              {(control) => (
                <input {...control} type="time" step={300} value={draft.endTime} onChange={text('endTime')} />
              )}
            </Field>
          </div>
          {allowSeries ? (
            <>
              <div className="check">
                <input
                  id="repeat-weekly"
                  type="checkbox"
                  checked={draft.repeatWeekly}
                  onChange={(event) => set('repeatWeekly')(event.target.checked)}
                />
                <label htmlFor="repeat-weekly">{t.repeatWeekly}</label>
              </div>
              {draft.repeatWeekly ? (
                <Field name="lastDate" label={t.lastDate} hint={t.lastDateHint} errors={errors('lastDate')} required>
                  {(control) => <input {...control} type="date" value={draft.lastDate} onChange={text('lastDate')} />}
                </Field>
              ) : null}
            </>
          ) : null}
        </fieldset>
      ) : (
        <fieldset className="group">
          <legend>{t.deadline}</legend>
          <div className="row">
            <Field name="deadline" label={t.deadlineDate} errors={errors('deadline')} required>
              {(control) => (
                <input {...control} type="date" value={draft.deadlineDate} onChange={text('deadlineDate')} />
              )}
            </Field>
            <Field name="deadlineTime" label={t.deadlineTime}>
              {(control) => (
                <input {...control} type="time" value={draft.deadlineTime} onChange={text('deadlineTime')} />
              )}
            </Field>
          </div>
          {allowDocuments && (
            <>
              <DocumentUpload
                documentRole="source"
                onUploaded={(document) => withDocuments([...draft.documents, document])}
              />
              <DocumentList documents={draft.documents} />
            </>
          )}
          <div className="row">
            <Field name="volume" label={t.volume} errors={errors('volume')}>
              {(control) => (
                <input
                  {...control}
                  type="number"
                  min={1}
                  inputMode="numeric"
                  value={draft.volume}
                  onChange={text('volume')}
                />
              )}
            </Field>
            <Field name="volumeUnit" label={t.volumeUnit} errors={errors('volumeUnit')}>
              {(control) => (
                <select
                  {...control}
                  value={draft.volumeUnit}
                  onChange={(event) => set('volumeUnit')(event.target.value as RequestDraft['volumeUnit'])}
                >
                  <option value="pages">{labels.volumeUnit.pages}</option>
                  <option value="characters">{labels.volumeUnit.characters}</option>
                </select>
              )}
            </Field>
            <Field name="translationDirection" label={t.translationDirection} errors={errors('translationDirection')}>
              {(control) => (
                <select
                  {...control}
                  value={draft.translationDirection}
                  onChange={(event) =>
                    set('translationDirection')(event.target.value as RequestDraft['translationDirection'])
                  }
                >
                  <option value="">{t.chooseDirection}</option>
                  <option value="into_japanese">{labels.translationDirection.into_japanese}</option>
                  <option value="from_japanese">{labels.translationDirection.from_japanese}</option>
                </select>
              )}
            </Field>
          </div>
        </fieldset>
      )}

      {draft.modality === 'on_site' ? (
        <fieldset className="group">
          <legend>{t.where}</legend>
          <MunicipalityPicker
            name="localGovernmentCode"
            label={t.municipality}
            value={draft.localGovernmentCode}
            onChange={set('localGovernmentCode')}
            errors={errors('localGovernmentCode')}
            required
          />
          <Field name="venue" label={t.venue} hint={t.venueHint} errors={errors('venue')} counter={counter('venue')}>
            {(control) => <input {...control} value={draft.venue} onChange={text('venue')} />}
          </Field>
          <Field name="address" label={t.address} errors={errors('address')} counter={counter('address')}>
            {(control) => (
              <input {...control} autoComplete="street-address" value={draft.address} onChange={text('address')} />
            )}
          </Field>
        </fieldset>
      ) : null}
      {draft.modality === 'remote' ? (
        <fieldset className="group">
          <legend>{t.where}</legend>
          <Field
            name="remoteJoinInstructions"
            label={t.remoteJoinInstructions}
            hint={t.remoteJoinHint}
            errors={errors('remoteJoinInstructions')}
            counter={counter('remoteJoinInstructions')}
          >
            {(control) => (
              <textarea
                {...control}
                rows={3}
                value={draft.remoteJoinInstructions}
                onChange={text('remoteJoinInstructions')}
              />
            )}
          </Field>
        </fieldset>
      ) : null}

      <fieldset className="group">
        <legend>{t.what}</legend>
        <div className="row">
          <Field name="purpose" label={t.purpose} errors={errors('purpose')} required>
            {(control) => (
              <select
                {...control}
                value={draft.purpose}
                onChange={(event) => set('purpose')(event.target.value as RequestDraft['purpose'])}
              >
                <option value="">{t.choosePurpose}</option>
                {purposes.map((purpose) => (
                  <option key={purpose} value={purpose}>
                    {labels.purpose[purpose]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="specialty" label={t.specialty} errors={errors('specialty')}>
            {(control) => (
              <select
                {...control}
                value={draft.specialty}
                onChange={(event) => set('specialty')(event.target.value as RequestDraft['specialty'])}
              >
                <option value="">{t.noSpecialty}</option>
                {specialties.map((specialty) => (
                  <option key={specialty} value={specialty}>
                    {labels.specialty[specialty]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {timed ? (
            <Field name="interpretersNeeded" label={t.interpretersNeeded} errors={errors('interpretersNeeded')}>
              {(control) => (
                <input
                  {...control}
                  type="number"
                  min={1}
                  max={20}
                  inputMode="numeric"
                  value={draft.interpretersNeeded}
                  onChange={text('interpretersNeeded')}
                />
              )}
            </Field>
          ) : null}
        </div>
        <Field name="answerBy" label={t.answerBy} hint={t.answerByHint} errors={errors('answerBy')}>
          {(control) => <input {...control} type="date" value={draft.answerBy} onChange={text('answerBy')} />}
        </Field>
        {(['urgent', 'emergency', 'infectionRisk', 'openToPartners'] as const).map((flag) => (
          <div className="check" key={flag}>
            <input
              id={`flag-${flag}`}
              type="checkbox"
              checked={draft[flag]}
              onChange={(event) => set(flag)(event.target.checked)}
            />
            <label htmlFor={`flag-${flag}`}>{t[flag]}</label>
          </div>
        ))}
      </fieldset>

      {bearer ? (
        <GrantTaxChoice
          purpose={draft.purpose}
          bearer={bearer}
          chosen={draft.grantTaxCategory ?? ''}
          onChoose={set('grantTaxCategory')}
          errors={errors('grantTaxCategory')}
        />
      ) : null}

      <fieldset className="group">
        <legend>{t.contact}</legend>
        <div className="row">
          <Field
            name="contactName"
            label={t.contactName}
            errors={errors('contactName')}
            counter={counter('contactName')}
            required
          >
            {(control) => (
              <input {...control} autoComplete="name" value={draft.contactName} onChange={text('contactName')} />
            )}
          </Field>
          <Field
            name="contactPhone"
            label={t.contactPhone}
            errors={errors('contactPhone')}
            counter={counter('contactPhone')}
          >
            {(control) => (
              <input
                {...control}
                type="tel"
                autoComplete="tel"
                value={draft.contactPhone}
                onChange={text('contactPhone')}
              />
            )}
          </Field>
        </div>
        <Field name="notes" label={t.notes} hint={t.notesHint} errors={errors('notes')} counter={counter('notes')}>
          {(control) => <textarea {...control} rows={4} value={draft.notes} onChange={text('notes')} />}
        </Field>
      </fieldset>

      <div className="form-actions">
        <button type="submit" disabled={sending}>
          {sending ? t.submitting : submitLabel}
        </button>
        {footer}
      </div>
    </form>
  );
}
