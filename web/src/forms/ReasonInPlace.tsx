import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useLocale, useMessages } from '../i18n';
import { FailureNotice, problemsFor } from './FailureNotice';
import { Field, FieldSet } from './Field';
import { type Failure, formProblems } from './failure';
import { formMessages } from './messages';
import { reasonNoteLimit, ruleProblems } from './rules';

/** What the person chose and wrote, as the API's `CancellationInput` takes it. */
export interface StatedReason {
  reason: string;
  note: string;
}

interface ReasonInPlaceProps {
  /** The button that asks: "Cancel this request", "Release", "Withdraw". */
  action: string;
  question: string;
  yes: string;
  keep: string;
  /** The reasons to choose from, by value, in the page's language (the glossary's words). */
  reasons: Readonly<Record<string, string>>;
  /** The API's rule for the reason (the domain's schema), checked before sending. */
  schema: Parameters<typeof ruleProblems>[0];
  /** Does it; a failure is shown inside the form, which stays open with what was typed. */
  run(stated: StatedReason): Promise<Failure | null>;
}

const reasonField = 'cancellation.reason';
const noteField = 'cancellation.note';

/**
 * A step that cannot be taken back and needs a reason (cancelling, releasing, withdrawing) asks in
 * place: a reason from the list, a note with its counter, every problem beside its field at once.
 * The keyboard lands on the first reason; Keep or Escape puts it back on the button that asked.
 */
export function ReasonInPlace({ action, question, yes, keep, reasons, schema, run }: ReasonInPlaceProps) {
  const t = useMessages(formMessages);
  const { locale } = useLocale();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [stated, setStated] = useState<StatedReason>({ reason: '', note: '' });
  const [failure, setFailure] = useState<Failure | null>(null);
  const form = useRef<HTMLFieldSetElement>(null);
  const actionButton = useRef<HTMLButtonElement>(null);
  const keptIt = useRef(false);
  useEffect(() => {
    if (asking) form.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
    else if (keptIt.current) actionButton.current?.focus();
  }, [asking]);

  function stop() {
    keptIt.current = true;
    setFailure(null);
    setAsking(false);
  }
  async function confirm() {
    const problems = formProblems(ruleProblems(schema, stated, locale, ['cancellation']), locale);
    if (problems) {
      setFailure(problems);
      return;
    }
    setBusy(true);
    const problem = await run(stated);
    setBusy(false);
    setFailure(problem);
    if (!problem) {
      keptIt.current = false;
      setStated({ reason: '', note: '' });
      setAsking(false);
    }
  }

  if (!asking) {
    return (
      <button type="button" className="danger secondary" ref={actionButton} onClick={() => setAsking(true)}>
        {action}
      </button>
    );
  }
  return (
    <fieldset
      className="confirm"
      ref={form}
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key === 'Escape') stop();
      }}
    >
      <legend>{question}</legend>
      <FailureNotice failure={failure} labels={{ [reasonField]: t.reason, [noteField]: t.reasonNote }} />
      <StatedReasonFields reasons={reasons} stated={stated} failure={failure} onChange={setStated} />
      <button type="button" className="danger" disabled={busy} onClick={confirm}>
        {yes}
      </button>{' '}
      <button type="button" className="secondary" onClick={stop}>
        {keep}
      </button>
    </fieldset>
  );
}

interface StatedReasonFieldsProps {
  reasons: Readonly<Record<string, string>>;
  stated: StatedReason;
  failure: Failure | null;
  onChange(stated: StatedReason): void;
}

/** The reason from the list and the note with its counter, named as the API's `cancellation` argument. */
export function StatedReasonFields({ reasons, stated, failure, onChange }: StatedReasonFieldsProps) {
  const t = useMessages(formMessages);
  return (
    <>
      <FieldSet name={reasonField} legend={t.reason} errors={problemsFor(failure, reasonField)}>
        {Object.entries(reasons).map(([value, label]) => (
          <div className="check" key={value}>
            <input
              id={`${reasonField}-${value}`}
              type="radio"
              name={reasonField}
              value={value}
              checked={stated.reason === value}
              onChange={() => onChange({ ...stated, reason: value })}
            />
            <label htmlFor={`${reasonField}-${value}`}>{label}</label>
          </div>
        ))}
      </FieldSet>
      <Field
        name={noteField}
        label={t.reasonNote}
        hint={t.reasonNoteHint}
        errors={problemsFor(failure, noteField)}
        counter={{ value: stated.note, max: reasonNoteLimit }}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={stated.note}
            onChange={(event) => onChange({ ...stated, note: event.target.value })}
          />
        )}
      </Field>
    </>
  );
}
