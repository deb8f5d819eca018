import { useFormat, useMessages } from '../i18n';
import { requestMessages } from './messages';
import { StatedReason } from './StatedReason';
import { type Reached, timeline } from './timeline';

interface StatusTimelineProps {
  status: Parameters<typeof timeline>[0];
  reached: Reached;
  createdAt: string;
  cancelledAt: string | null;
  /** Who cancelled and why, once cancelled. */
  cancellation: Parameters<typeof StatedReason>[0]['stated'] | null;
  answerBy: string | null;
}

/** Where a request is: filed, screened, offered, confirmed, done (or how far it came before it closed); and the answer date. */
export function StatusTimeline({
  status,
  reached,
  createdAt,
  cancelledAt,
  cancellation,
  answerBy,
}: StatusTimelineProps) {
  const t = useMessages(requestMessages);
  const format = useFormat();
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t.timeline}</h2>
      <ol className="timeline">
        {timeline(status, reached).map(({ step, state }) => (
          <li key={step} className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="step-mark" aria-hidden="true" />
            <span className="step-name">{t.steps[step]}</span>
            {step === 'filed' ? <span className="step-when">{format.dateTime(createdAt)}</span> : null}
            {step === 'cancelled' && cancelledAt ? (
              <span className="step-when">{format.dateTime(cancelledAt)}</span>
            ) : null}
            {state === 'waiting' ? <span className="visually-hidden">{t.stepWaiting}</span> : null}
          </li>
        ))}
      </ol>
      {status === 'cancelled' && cancelledAt ? (
        <p className="status-closed">{t.cancelledAt(format.dateTime(cancelledAt))}</p>
      ) : null}
      {status === 'cancelled' && cancellation ? <StatedReason stated={cancellation} /> : null}
      {status === 'rejected' ? <p className="status-closed">{t.rejected}</p> : null}
      {answerBy && status !== 'cancelled' && status !== 'rejected' ? (
        <p className="answer-by">{t.answerByShort(format.day(answerBy))}</p>
      ) : null}
    </section>
  );
}
