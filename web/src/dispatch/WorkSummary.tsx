import type { ReactNode } from 'react';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import { enumLabels } from '../labels';
import { useLocalName } from '../pickers/names';
import { requestMessages } from '../requests/messages';
import { Fact } from '../ui/Facts';

/**
 * The work as a volunteer reads it on an offer or a booking. The open board reads an `OpenRequest`
 * (its own type, with the id to apply to and the answer date) with the same fields, and shows it
 * with `WorkFacts`.
 */
export const WorkFields = graphql(`
  fragment WorkFields on OfferedRequest {
    modality
    startsAt
    endsAt
    deadline
    urgent
    purpose
    specialty
    venue
    interpretersNeeded
    volume
    volumeUnit
    translationDirection
    language {
      code
      nameJa
      nameEn
    }
    pairLanguage {
      code
      nameJa
      nameEn
    }
    localGovernment {
      code
      nameJa
      nameEn
    }
  }
`);

export type Work = ResultOf<typeof WorkFields>;

interface SummaryProps {
  headingLevel?: 2 | 3;
  children?: ReactNode;
}

/** An offer's or a booking's request, read from its `WorkFields`. */
export function WorkSummary({ request, ...props }: SummaryProps & { request: FragmentOf<typeof WorkFields> }) {
  return <WorkFacts work={readFragment(WorkFields, request)} {...props} />;
}

/**
 * What, when and where, for a volunteer deciding on a phone: the kind of work and the languages as
 * the heading, then the day, the place and the purpose; a translation's direction names both
 * languages, from one into the other.
 */
export function WorkFacts({ work, headingLevel = 3, children }: SummaryProps & { work: Work }) {
  const t = useMessages(requestMessages);
  const labels = useMessages(enumLabels);
  const format = useFormat();
  const localName = useLocalName();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const when = work.startsAt
    ? format.window(work.startsAt, work.endsAt)
    : work.deadline
      ? t.deadlineShort(format.dateTime(work.deadline))
      : null;
  return (
    <div className="work">
      <Heading className="work-title">
        {labels.modality[work.modality]} · {localName(work.language)} ↔ {localName(work.pairLanguage)}
        {work.urgent ? <span className="badge badge-urgent">{t.urgentBadge}</span> : null}
      </Heading>
      <p className="work-when">{when}</p>
      <dl className="facts">
        <Fact label={t.municipality}>
          {work.localGovernment ? localName(work.localGovernment) : work.modality === 'remote' ? t.remote : null}
        </Fact>
        <Fact label={t.venue}>{work.venue}</Fact>
        <Fact label={t.purpose}>{labels.purpose[work.purpose]}</Fact>
        <Fact label={t.specialty}>{work.specialty ? labels.specialty[work.specialty] : null}</Fact>
        <Fact label={t.volume}>{work.volume === null ? null : t.volumeOf(work.volume, work.volumeUnit)}</Fact>
        <Fact label={t.translationDirection}>
          {work.translationDirection === 'from_japanese'
            ? t.fromInto(localName(work.pairLanguage), localName(work.language))
            : work.translationDirection === 'into_japanese'
              ? t.fromInto(localName(work.language), localName(work.pairLanguage))
              : null}
        </Fact>
        <Fact label={t.interpretersNeeded}>
          {work.modality === 'translation' || work.interpretersNeeded === 1 ? null : String(work.interpretersNeeded)}
        </Fact>
      </dl>
      {children}
    </div>
  );
}
