import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { FailureNotice } from './FailureNotice';
import type { Failure } from './failure';

interface ConfirmInPlaceProps {
  /** The button that asks: "Delete", "Cancel the request", "Close". */
  action: string;
  question: string;
  yes: string;
  keep: string;
  /** Does it; a failure is shown inside the question, which stays open. */
  run(): Promise<Failure | null>;
  disabled?: boolean;
}

/**
 * A step that cannot be taken back asks once more, in place (no dialog to lose the focus in): the
 * keyboard lands on Keep, and Keep or Escape puts it back on the button that asked.
 */
export function ConfirmInPlace({ action, question, yes, keep, run, disabled = false }: ConfirmInPlaceProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const actionButton = useRef<HTMLButtonElement>(null);
  const keptIt = useRef(false);
  useEffect(() => {
    if (asking) keepButton.current?.focus();
    else if (keptIt.current) actionButton.current?.focus();
  }, [asking]);

  function stop() {
    keptIt.current = true;
    setFailure(null);
    setAsking(false);
  }
  async function confirm() {
    setBusy(true);
    const problem = await run();
    setBusy(false);
    setFailure(problem);
    if (!problem) {
      keptIt.current = false;
      setAsking(false);
    }
  }

  if (!asking) {
    return (
      <button
        type="button"
        className="danger secondary"
        ref={actionButton}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {action}
      </button>
    );
  }
  return (
    <fieldset
      className="confirm"
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key === 'Escape') stop();
      }}
    >
      <legend>{question}</legend>
      <FailureNotice failure={failure} />
      <button type="button" className="danger" disabled={busy} onClick={confirm}>
        {yes}
      </button>{' '}
      <button type="button" className="secondary" ref={keepButton} onClick={stop}>
        {keep}
      </button>
    </fieldset>
  );
}
