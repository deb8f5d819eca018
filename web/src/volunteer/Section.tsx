import { type FormEvent, type ReactNode, useState } from 'react';
import { FailureNotice } from '../forms/FailureNotice';
import type { Failure } from '../forms/failure';
import { useMessages } from '../i18n';
import { volunteerMessages } from './messages';

interface SectionProps {
  id: string;
  title: string;
  intro?: string;
  /** Field names and labels, for the summary of problems. */
  labels?: Readonly<Record<string, string>>;
  /** Saves the section; resolves with why it was not accepted, or null. */
  save(): Promise<Failure | null>;
  children: (failure: Failure | null) => ReactNode;
}

/**
 * One part of the profile, saved on its own: a problem in one part never loses what was typed in
 * another, and a phone shows one short form at a time.
 */
export function Section({ id, title, intro, labels, save, children }: SectionProps) {
  const t = useMessages(volunteerMessages);
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
            {state === 'saving' ? t.saving : t.save}
          </button>
          {state === 'saved' ? (
            <span role="status" className="saved">
              {t.saved}
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
