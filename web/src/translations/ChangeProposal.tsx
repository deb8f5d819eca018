import { isTranslationChangeable } from '@tsunagu/domain';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { DocumentList } from '../documents/DocumentList';
import { DocumentUpload } from '../documents/DocumentUpload';
import type { UploadedDocument } from '../documents/upload';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field, FieldSet } from '../forms/Field';
import { type Failure, outcomeOf } from '../forms/failure';
import { useFormat, useMessages } from '../i18n';
import { fromInstant, toInstant } from '../jst';
import { plainIdOf } from '../requests/ids';
import { Fact } from '../ui/Facts';
import { ProposeTranslationChangeMutation } from './documents';
import type { TranslationJob } from './JobFacts';
import { translationMessages } from './messages';

export type TranslationJobChange = TranslationJob['changes'][number];

/** The proposal waiting for the translator, if any (one at a time). */
export const pendingChange = (job: TranslationJob) => job.changes.find((change) => change.status === 'proposed');

/**
 * What a change does, as both sides read it: the deadline from → to (while it waits: once accepted
 * the job's own deadline is the new one), the sources added and withdrawn by name, the note, and a
 * declined change's reason. The sources are named as proposed ("to add"), which reads true whether
 * the translator accepted the change or declined it.
 */
export function ChangeSummary({ job, change }: { job: TranslationJob; change: TranslationJobChange }) {
  const t = useMessages(translationMessages);
  const format = useFormat();
  const removed = job.sources
    .filter((source) => change.removeDocumentIds.includes(plainIdOf(source.id)))
    .map((source) => source.fileName);
  const waiting = change.status === 'proposed';
  return (
    <dl className="facts" data-testid="translation-change">
      <Fact label={t.state}>
        <span className={`status status-change-${change.status}`}>{t.changeStatuses[change.status]}</span>
      </Fact>
      <Fact label={t.deadlineFromTo}>
        {change.deadline
          ? waiting && job.deadline
            ? `${format.dateTime(job.deadline)} → ${format.dateTime(change.deadline)}`
            : format.dateTime(change.deadline)
          : t.keptDeadline}
      </Fact>
      {change.addedFileNames.length > 0 ? <Fact label={t.addSources}>{t.names(change.addedFileNames)}</Fact> : null}
      {change.removeDocumentIds.length > 0 ? (
        <Fact label={t.withdrawSources}>
          {removed.length > 0 ? t.names(removed) : t.documentCount(change.removeDocumentIds.length)}
        </Fact>
      ) : null}
      {change.note ? <Fact label={t.note}>{change.note}</Fact> : null}
      {change.declineReason ? <Fact label={t.declineReasonLabel}>{change.declineReason}</Fact> : null}
    </dl>
  );
}

/** The form: a new deadline in Japan time, sources withdrawn or uploaded, a note; nothing changes until the translator accepts. */
function ProposeChangeForm({ job, onDone }: { job: TranslationJob; onDone(sent: boolean): void }) {
  const t = useMessages(translationMessages);
  const [, propose] = useMutation(ProposeTranslationChangeMutation);
  const current = job.deadline ? fromInstant(job.deadline) : null;
  const [date, setDate] = useState('');
  const [time, setTime] = useState(current?.time ?? '17:00');
  const [withdrawn, setWithdrawn] = useState<string[]>([]);
  const [added, setAdded] = useState<UploadedDocument[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  async function send(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = outcomeOf(
      await propose({
        requestId: job.requestId,
        deadline: date ? toInstant(date, time) : null,
        addDocumentIds: added.map((document) => document.id),
        removeDocumentIds: withdrawn,
        note: note.trim() || null,
      }),
      (result) => result.proposeTranslationChange,
    );
    setBusy(false);
    setFailure(outcome.ok ? null : outcome.failure);
    if (outcome.ok) onDone(true);
  }
  return (
    <form className="change-form" onSubmit={send} noValidate>
      <FailureNotice failure={failure} labels={{ deadline: t.newDeadlineDate, note: t.changeNote }} />
      <div className="row">
        <Field name="changeDeadline" label={t.newDeadlineDate} hint={t.newDeadlineHint}>
          {(control) => <input {...control} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <Field name="changeDeadlineTime" label={t.newDeadlineTime}>
          {(control) => <input {...control} type="time" value={time} onChange={(e) => setTime(e.target.value)} />}
        </Field>
      </div>
      {job.sources.length > 0 ? (
        <FieldSet name="removeDocumentIds" legend={t.withdrawSources}>
          {job.sources.map((source) => (
            <div className="check" key={source.id}>
              <input
                id={`withdraw-${source.id}`}
                type="checkbox"
                checked={withdrawn.includes(source.id)}
                onChange={(event) =>
                  setWithdrawn((ids) =>
                    event.target.checked ? [...ids, source.id] : ids.filter((id) => id !== source.id),
                  )
                }
              />
              <label htmlFor={`withdraw-${source.id}`}>{source.fileName}</label>
            </div>
          ))}
        </FieldSet>
      ) : null}
      <section aria-labelledby="change-add-sources">
        <h3 id="change-add-sources">{t.addSources}</h3>
        {added.length > 0 ? <DocumentList documents={added} /> : null}
        <DocumentUpload documentRole="source" onUploaded={(document) => setAdded((list) => [...list, document])} />
      </section>
      <Field
        name="note"
        label={t.changeNote}
        hint={t.changeNoteHint}
        errors={problemsFor(failure, 'note')}
        counter={{ value: note, max: 2000 }}
      >
        {(control) => <textarea {...control} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        {t.sendProposal}
      </button>{' '}
      <button type="button" className="secondary" onClick={() => onDone(false)}>
        {t.keepAsIs}
      </button>
    </form>
  );
}

/**
 * On the requester's (and the coordinator's) review page: the change waiting for the translator,
 * or the last one answered, and the way to propose one while the job is open.
 */
export function ChangeProposal({ job }: { job: TranslationJob }) {
  const t = useMessages(translationMessages);
  const [proposing, setProposing] = useState(false);
  const [sent, setSent] = useState(false);
  if (!isTranslationChangeable(job.state) && job.changes.length === 0) return null;
  const waiting = pendingChange(job);
  const latest = waiting ?? job.changes[0];
  return (
    <section aria-labelledby="translation-change" className="card">
      <h2 id="translation-change">{t.changeTitle}</h2>
      <p className="hint">{t.changeIntro}</p>
      {sent && waiting ? <p role="status">{t.proposalSent}</p> : null}
      {latest ? <ChangeSummary job={job} change={latest} /> : null}
      {isTranslationChangeable(job.state) && !waiting ? (
        proposing ? (
          <ProposeChangeForm
            job={job}
            onDone={(done) => {
              setSent(done);
              setProposing(false);
            }}
          />
        ) : (
          <button type="button" className="secondary" onClick={() => setProposing(true)}>
            {t.proposeChange}
          </button>
        )
      ) : null}
    </section>
  );
}
