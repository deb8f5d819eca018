import { useEffect, useState } from 'react';
import { useFormat, useMessages } from '../i18n';
import { dispatchMessages } from './messages';
import { timeLeft } from './timeLeft';

/** The current time, again every `everyMs`: what a countdown or "has it started?" reads. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * The time left to answer, ticking each second. A timer role, not a live region: a screen reader
 * reads it when asked, rather than every second.
 */
export function Countdown({ until }: { until: string }) {
  const t = useMessages(dispatchMessages);
  const format = useFormat();
  const left = Date.parse(until) - useNow();
  const soon = left < 60 * 60 * 1000;
  return (
    <p className={soon ? 'countdown countdown-soon' : 'countdown'}>
      <span>{t.answerBy(format.dateTime(until))}</span>{' '}
      <span role="timer" className="countdown-left">
        {left > 0 ? t.timeLeft(timeLeft(left)) : t.deadlinePassed}
      </span>
    </p>
  );
}
