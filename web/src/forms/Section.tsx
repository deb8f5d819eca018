import { type FormEvent, type ReactNode, useState } from 'react';
import { useMessages } from '../i18n';
import { common } from '../messages';
import { FailureNotice } from './FailureNotice';
import type { Failure } from './failure';

interface SectionProps {
  id: string;
  title: string;
  intro?: string;
  /** Field names and labels, for the summary of problems. */
  labels?: Readonly<Record<string, string>>;
  /** Saves the section; resolves with why it was not accepted, or null. */
  save(): Promise<Failure | null>;
  /** What the button and the confirmation say; "Save" and "Saved." unless told. */
  submitLabel?: string;
  savedLabel?: string;
  children: (failure: Failure | null) => ReactNode;
}

/**
 * A short form in a card, saved on its own (a part of the profile, an activity report): a problem in
 * one never loses what was typed in another, and a phone shows one short form at a time.
 */
export function Section({ id, title, intro, labels, save, submitLabel, savedLabel, children }: SectionProps) {
  const t = useMessages(common);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setState('saving');
    const problem = await save();
    setFailure(problem);
    setState(problem ? 'idle' : 'saved');
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro ? <p className="hint">{intro}</p> : null}
      <form className="form" onSubmit={submit} onChange={() => setState('idle')} noValidate>
        <FailureNotice failure={failure} labels={labels} />
        {children(failure)}
        <div className="form-actions">
          <button type="submit" disabled={state === 'saving'}>
            {state === 'saving' ? t.saving : (submitLabel ?? t.save)}
          </button>
          {state === 'saved' ? (
            <span role="status" className="saved">
              {savedLabel ?? t.saved}
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
