import { type ReactNode, useState } from 'react';
import { FailureNotice } from './FailureNotice';
import type { Failure } from './failure';

interface ActionButtonProps {
  children: ReactNode;
  /** Runs the action; resolves with why the API refused it, or null. */
  run(): Promise<Failure | null>;
  /** Said once it went through (a status, read aloud). */
  done?: string;
  className?: string;
}

/**
 * One button, one mutation: disabled while it runs, the API's refusal shown beside it, and what
 * happened said aloud. The button stays for a second try after a refusal.
 */
export function ActionButton({ children, run, done, className }: ActionButtonProps) {
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [failure, setFailure] = useState<Failure | null>(null);
  async function click() {
    setState('busy');
    const problem = await run();
    setFailure(problem);
    setState(problem ? 'idle' : 'done');
  }
  return (
    <div className="action">
      <FailureNotice failure={failure} />
      <button type="button" className={className} disabled={state === 'busy'} onClick={click}>
        {children}
      </button>
      {state === 'done' && done ? (
        <span role="status" className="saved">
          {done}
        </span>
      ) : null}
    </div>
  );
}
