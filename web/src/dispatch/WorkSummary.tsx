import type { ReactNode } from 'react';
import { useFormat, useMessages } from '../i18n';
import { type EnumValues, enumLabels } from '../labels';
import { useLocalName } from '../pickers/names';
import { requestMessages } from '../requests/messages';
import { Fact } from '../ui/Facts';

interface Named {
  code: string;
  nameJa: string;
  nameEn: string | null;
}

/**
 * The work as a volunteer reads it: an offer, an open request, a booking. Each query selects these
 * fields inline (the API's depth and cost limits count a fragment as a level).
 */
export interface Work {
  modality: EnumValues<'Modality'>;
  startsAt: string | null;
  endsAt: string | null;
  deadline: string | null;
  urgent: boolean;
  purpose: EnumValues<'RequestPurpose'>;
  specialty: EnumValues<'Specialty'> | null;
  venue: string | null;
  interpretersNeeded: number;
  volume: number | null;
  volumeUnit: EnumValues<'VolumeUnit'> | null;
  translationDirection: EnumValues<'TranslationDirection'> | null;
  language: Named;
  pairLanguage: Named;
  localGovernment: Named | null;
}

/**
 * What, when and where, for a volunteer deciding on a phone: the kind of work and the languages as
 * the heading, then the day, the place and the purpose.
 */
export function WorkSummary({
  work,
  headingLevel = 3,
  children,
}: {
  work: Work;
  headingLevel?: 2 | 3;
  children?: ReactNode;
}) {
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
        <Fact label={t.volume}>
          {work.volume === null ? null : `${work.volume} ${work.volumeUnit ? labels.volumeUnit[work.volumeUnit] : ''}`}
        </Fact>
        <Fact label={t.translationDirection}>
          {work.translationDirection ? labels.translationDirection[work.translationDirection] : null}
        </Fact>
        <Fact label={t.interpretersNeeded}>
          {work.modality === 'translation' || work.interpretersNeeded === 1 ? null : String(work.interpretersNeeded)}
        </Fact>
      </dl>
      {children}
    </div>
  );
}
