import { type FragmentOf, graphql, readFragment } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import { paperworkMessages } from './messages';

/** How each paper stands today and who holds the volunteer back for it: read by the volunteer and their coordinators. */
export const PaperworkFields = graphql(`
  fragment PaperworkFields on Volunteer {
    id
    paperwork {
      standing {
        item
        state
        validUntil
        daysLeft
      }
      holds {
        associationName
        items
        reasons
      }
    }
  }
`);

/**
 * Each paper with its state, its end date and what to do, then the associations that leave the
 * volunteer out of their candidates and why. `audience` says whose words "what to do" are in.
 */
export function PaperworkStanding({
  volunteer: ref,
  audience,
}: {
  volunteer: FragmentOf<typeof PaperworkFields>;
  audience: 'volunteer' | 'coordinator';
}) {
  const { paperwork } = readFragment(PaperworkFields, ref);
  const t = useMessages(paperworkMessages);
  const format = useFormat();
  if (!paperwork) return null;
  return (
    <>
      <ul className="paperwork">
        {paperwork.standing.map((paper) => (
          <li key={paper.item} className={`paper paper-${paper.state}`} data-item={paper.item}>
            <h3>{t.items[paper.item]}</h3>
            <p>
              <strong className="state">
                {paper.item === 'pledge' && paper.state === 'valid' ? t.pledgeSigned : t.states[paper.state]}
              </strong>
              {paper.validUntil ? ` — ${t.validUntil(format.day(paper.validUntil))}` : null}
              {paper.daysLeft !== null && paper.state !== 'valid'
                ? ` (${paper.daysLeft < 0 ? t.lapsedDays(-paper.daysLeft) : t.daysLeft(paper.daysLeft)})`
                : null}
            </p>
            {audience === 'volunteer' && t.todo[paper.item][paper.state] ? (
              <p className="hint">{t.todo[paper.item][paper.state]}</p>
            ) : null}
          </li>
        ))}
      </ul>
      {paperwork.holds.length > 0 ? (
        <div className="notice notice-warn" role="status">
          <p>
            <strong>{t.heldTitle}</strong>
          </p>
          <ul>
            {paperwork.holds.map((hold) => (
              <li key={hold.associationName}>
                {t.heldBy(hold.associationName)} {hold.reasons.join(' ')}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="hint">{t.notHeld}</p>
      )}
    </>
  );
}
