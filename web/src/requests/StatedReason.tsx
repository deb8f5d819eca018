import {
  type CancellationParty,
  type CancellationReason,
  cancellationPartyWords,
  cancellationReasonWords,
  type WithdrawalReason,
  withdrawalReasonWords,
} from '@tsunagu/domain';
import { useLocale, useMessages } from '../i18n';
import { requestMessages } from './messages';

type Stated =
  | { by: CancellationParty; reason: CancellationReason | null; note: string | null }
  | { by: 'volunteer'; reason: WithdrawalReason | null; note: string | null };

/** Who cancelled or ended a booking and why, in the glossary's words, with the note as they wrote it. */
export function StatedReason({ stated }: { stated: Stated }) {
  const t = useMessages(requestMessages);
  const { locale } = useLocale();
  if (!stated.reason) return null;
  const reason =
    stated.by === 'volunteer'
      ? withdrawalReasonWords[stated.reason as WithdrawalReason]
      : cancellationReasonWords[stated.reason as CancellationReason];
  const who = stated.by === 'volunteer' ? t.theVolunteer : cancellationPartyWords[stated.by][locale];
  return (
    <p className="stated-reason">
      {t.statedBy(who)}: <strong>{reason[locale]}</strong>
      {stated.note ? <span className="stated-note"> — {stated.note}</span> : null}
    </p>
  );
}
