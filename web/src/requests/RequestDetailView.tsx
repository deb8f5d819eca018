import type { ReactNode } from 'react';
import { type FragmentOf, readFragment } from '../graphql';
import { useFormat, useMessages } from '../i18n';
import { enumLabels } from '../labels';
import { useLocalName } from '../pickers/names';
import { Fact } from '../ui/Facts';
import { RequestDetailFields } from './documents';
import { requestMessages } from './messages';
import { SeriesPanel } from './SeriesPanel';
import { StatusTimeline } from './StatusTimeline';

interface RequestDetailViewProps {
  request: FragmentOf<typeof RequestDetailFields>;
  /** What the viewer may do with it: change, cancel, offer. */
  actions?: ReactNode;
  children?: ReactNode;
}

/** One request in full, with its progress and, for a series, its other occurrences. */
export function RequestDetailView({ request: ref, actions, children }: RequestDetailViewProps) {
  const request = readFragment(RequestDetailFields, ref);
  const t = useMessages(requestMessages);
  const labels = useMessages(enumLabels);
  const format = useFormat();
  const localName = useLocalName();
  const when = request.startsAt
    ? format.window(request.startsAt, request.endsAt)
    : request.deadline
      ? t.deadlineShort(format.dateTime(request.deadline))
      : null;
  return (
    <div className="detail">
      <div className="detail-main">
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">
            {labels.modality[request.modality]} · {localName(request.language)} ↔ {localName(request.pairLanguage)}
            {request.urgent ? <span className="badge badge-urgent">{t.urgentBadge}</span> : null}
          </h2>
          <p className="status-line">
            <span className={`status status-${request.status}`}>{labels.status[request.status]}</span> {when}
          </p>
          <dl className="facts">
            <Fact label={t.organization}>{request.organization.name}</Fact>
            <Fact label={t.purpose}>{labels.purpose[request.purpose]}</Fact>
            <Fact label={t.specialty}>{request.specialty ? labels.specialty[request.specialty] : null}</Fact>
            <Fact label={t.interpretersNeeded}>
              {request.modality === 'translation' ? null : String(request.interpretersNeeded)}
            </Fact>
            <Fact label={t.volume}>
              {request.volume === null ? null : t.volumeOf(request.volume, request.volumeUnit)}
            </Fact>
            <Fact label={t.translationDirection}>
              {request.translationDirection ? labels.translationDirection[request.translationDirection] : null}
            </Fact>
            <Fact label={t.municipality}>{request.localGovernment ? localName(request.localGovernment) : null}</Fact>
            <Fact label={t.venue}>{request.venue}</Fact>
            <Fact label={t.address}>{request.address}</Fact>
            <Fact label={t.remoteJoinInstructions}>{request.remoteJoinInstructions}</Fact>
            <Fact label={t.answerBy}>{request.answerBy ? format.day(request.answerBy) : null}</Fact>
            <Fact label={t.contactName}>{request.contactName}</Fact>
            <Fact label={t.contactPhone}>{request.contactPhone}</Fact>
            <Fact label={t.notes}>{request.notes}</Fact>
            <Fact label={t.flags}>
              {request.flags.length > 0 ? request.flags.map((flag) => t.flagNames[flag] ?? flag).join('、') : null}
            </Fact>
            <Fact label={t.routing}>{request.routing === 'normal' ? null : labels.routing[request.routing]}</Fact>
            <Fact label={t.requiredCertificate}>{request.requiredCertificateKind}</Fact>
            <Fact label={t.grantTaxCategory}>{request.grantTaxCategory}</Fact>
            <Fact label={t.openToPartners}>{request.openToPartners ? '✓' : null}</Fact>
            <Fact label={t.createdAt}>{format.dateTime(request.createdAt)}</Fact>
          </dl>
          {actions ? <div className="card-actions">{actions}</div> : null}
        </section>
        {children}
      </div>
      <aside className="detail-side">
        <StatusTimeline
          status={request.status}
          reached={{
            screened: request.screenedAt !== null,
            booked: request.assignments.some((booking) => booking.status !== 'released'),
          }}
          createdAt={request.createdAt}
          cancelledAt={request.cancelledAt}
          cancellation={
            request.cancelledBy
              ? { by: request.cancelledBy, reason: request.cancellationReason, note: request.cancellationNote }
              : null
          }
          answerBy={request.answerBy}
        />
        {request.series ? <SeriesPanel seriesId={request.series.id} currentId={request.id} /> : null}
      </aside>
    </div>
  );
}
