import { useState } from 'react';
import { useMutation } from 'urql';
import { FailureNotice } from '../forms/FailureNotice';
import { type Failure, outcomeOf } from '../forms/failure';
import { type FragmentOf, readFragment } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import { useLocalName } from '../pickers/names';
import { SignPledgeMutation, StandingFields } from './documents';
import { volunteerMessages } from './messages';

/** Whether matching can offer the volunteer work yet, their associations, paperwork and pledge. */
export function StandingPanel({ volunteer: ref }: { volunteer: FragmentOf<typeof StandingFields> }) {
  const volunteer = readFragment(StandingFields, ref);
  const t = useMessages(volunteerMessages);
  const format = useFormat();
  const localName = useLocalName();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [{ fetching }, sign] = useMutation(SignPledgeMutation);
  const { complete, missing } = volunteer.profileCompleteness;

  async function signPledge() {
    const outcome = outcomeOf(await sign({}), (data) => data.signConfidentialityPledge);
    setFailure(outcome.ok ? null : outcome.failure);
  }

  return (
    <>
      <div className={complete ? 'notice notice-ok' : 'notice notice-warn'} role="status">
        {complete ? (
          <p>{t.complete}</p>
        ) : (
          <>
            <p>{t.missingIntro}</p>
            <ul>
              {missing.map((gap) => (
                <li key={gap}>{t.gaps[gap] ?? gap}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <section className="card" aria-labelledby="standing-title">
        <h2 id="standing-title">{t.memberships}</h2>
        <ul>
          {volunteer.memberships.map((membership) => (
            <li key={membership.association.id}>
              {localName(membership.association)} — {t.membershipStatus[membership.status] ?? membership.status}
            </li>
          ))}
        </ul>
        {volunteer.registrationExpiresOn ? (
          <p>{t.registrationExpires(format.day(volunteer.registrationExpiresOn))}</p>
        ) : null}
        {volunteer.insuranceEnrolledUntil ? (
          <p>{t.insuranceUntil(format.day(volunteer.insuranceEnrolledUntil))}</p>
        ) : null}
        <h3>{t.pledgeTitle}</h3>
        <p>{t.pledgeText}</p>
        <FailureNotice failure={failure} />
        {volunteer.confidentialityPledgeSignedAt ? (
          <p className="ok">✓ {t.pledgeSigned(format.dateTime(volunteer.confidentialityPledgeSignedAt))}</p>
        ) : (
          <button type="button" disabled={fetching} onClick={signPledge}>
            {t.signPledge}
          </button>
        )}
      </section>
    </>
  );
}
