import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { ErrorFields, type Failure, formProblems, outcomeOf } from '../forms/failure';
import { graphql } from '../graphql';
import { useLocale, useMessages } from '../i18n';
import { documentMessages } from './messages';
import type { UploadedDocument } from './upload';

const CorrectDocumentCountMutation = graphql(
  `
    mutation CorrectDocumentCount($documentId: ID!, $count: Int) {
      correctDocumentCount(documentId: $documentId, count: $count) {
        __typename
        ... on MutationCorrectDocumentCountSuccess {
          data {
            id
            countUnit
            counted
            correctedCount
            manuscriptPages
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

type Correctable = Pick<UploadedDocument, 'id' | 'fileName' | 'countUnit' | 'counted' | 'correctedCount'>;

/**
 * The requester corrects a source's count, which the fee follows; an empty field goes back to the
 * counted one. The API's refusal (a count that is no whole number) is shown in the reader's language.
 */
export function CountCorrection({ document, onCorrected }: { document: Correctable; onCorrected(): void }) {
  const t = useMessages(documentMessages);
  const { locale } = useLocale();
  const [, correct] = useMutation(CorrectDocumentCountMutation);
  const [value, setValue] = useState(String(document.correctedCount ?? document.counted ?? ''));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState(false);
  const name = `count-${document.id.replace(/[^A-Za-z0-9]/g, '')}`;
  async function send(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const text = value.trim();
    const count = text === '' ? null : Number(text);
    // What GraphQL's Int cannot carry never leaves the form; the API checks the rest.
    if (count !== null && !Number.isSafeInteger(count)) {
      setFailure(formProblems([{ field: 'count', message: t.countNotWhole }], locale));
      return;
    }
    setBusy(true);
    const outcome = outcomeOf(
      await correct({ documentId: document.id, count }),
      (result) => result.correctDocumentCount,
    );
    setBusy(false);
    setFailure(outcome.ok ? null : outcome.failure);
    if (outcome.ok) {
      setDone(true);
      onCorrected();
    }
  }
  const unit = document.countUnit ? t.units[document.countUnit] : '';
  return (
    <form className="count-correction" onSubmit={send} noValidate data-testid="count-correction">
      <FailureNotice failure={failure} labels={{ count: t.correctionOf(document.fileName) }} />
      <Field
        name={name}
        label={t.correctionOf(document.fileName)}
        hint={unit ? t.correctionHint(unit) : undefined}
        errors={problemsFor(failure, 'count')}
      >
        {(control) => (
          <input {...control} inputMode="numeric" value={value} onChange={(event) => setValue(event.target.value)} />
        )}
      </Field>
      <button type="submit" className="secondary" disabled={busy}>
        {t.correct}
      </button>
      {done ? (
        <span role="status" className="saved">
          {t.corrected}
        </span>
      ) : null}
    </form>
  );
}
