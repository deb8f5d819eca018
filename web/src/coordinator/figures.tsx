import { type ComponentType, type ReactNode, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../graphql';
import { useMessages } from '../i18n';
import { AssociationSelect } from '../ui/AssociationSelect';
import { currentFiscalYear, FiscalYearSelect } from '../ui/FiscalYearSelect';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import { reportMessages } from './reportMessages';

const CoordinatedAssociationsQuery = graphql(`
  query CoordinatedAssociations {
    associations {
      id
      nameJa
      nameEn
      policy {
        scope {
          medical
        }
      }
    }
  }
`);

/** The associations whose policy the viewer may read: the ones they coordinate (or administer). */
export function useCoordinatedAssociations() {
  const [{ data, fetching, error }, refresh] = useQuery({ query: CoordinatedAssociationsQuery });
  const associations = (data?.associations ?? []).filter((association) => association.policy !== null);
  return { associations, loaded: data !== undefined, fetching, error, refresh };
}

/** The association a page is about: the first the viewer coordinates, until they choose another. */
export function useChosenAssociation() {
  const coordinated = useCoordinatedAssociations();
  const [chosen, choose] = useState('');
  return { ...coordinated, associationId: chosen || coordinated.associations[0]?.id || '', choose };
}

/** A bar as long as its share of the largest value; the number beside it is what screen readers read. */
export function Bar({ value, max, tone }: { value: number; max: number; tone?: 'warn' | 'problem' }) {
  const share = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
  return (
    <span className={tone ? `bar bar-${tone}` : 'bar'} aria-hidden="true">
      <span style={{ width: `${(share * 100).toFixed(1)}%` }} />
    </span>
  );
}

/** The fiscal year and association pickers every figure page starts with. */
export function FigureFilters({
  associations,
  associationId,
  fiscalYear,
  onAssociation,
  onFiscalYear,
  children,
}: {
  associations: ReadonlyArray<{ id: string; nameJa: string; nameEn: string }>;
  associationId: string;
  fiscalYear: number;
  onAssociation(id: string): void;
  onFiscalYear(year: number): void;
  children?: ReactNode;
}) {
  return (
    <div className="filters">
      <AssociationSelect associations={associations} value={associationId} onChange={onAssociation} />
      <FiscalYearSelect value={fiscalYear} onChange={onFiscalYear} />
      {children}
    </div>
  );
}

/**
 * A coordinator's report over one association and fiscal year: the page, its filters (the first
 * coordinated association and this fiscal year to start with) and the report itself, drawn anew
 * for each choice.
 */
export function FiscalYearReportPage({
  title,
  intro,
  report: Report,
}: {
  title: string;
  intro: string;
  report: ComponentType<{ associationId: string; fiscalYear: number }>;
}) {
  const t = useMessages(reportMessages);
  const { associations, associationId, choose, loaded, fetching, error, refresh } = useChosenAssociation();
  const [fiscalYear, setFiscalYear] = useState(currentFiscalYear);
  return (
    <Page title={title}>
      <p className="hint">{intro}</p>
      {fetching && !loaded ? <Loading /> : null}
      {error && !loaded ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {loaded && !associationId ? <Empty>{t.noAssociation}</Empty> : null}
      {associationId ? (
        <>
          <FigureFilters
            associations={associations}
            associationId={associationId}
            fiscalYear={fiscalYear}
            onAssociation={choose}
            onFiscalYear={setFiscalYear}
          />
          <Report key={`${associationId}:${fiscalYear}`} associationId={associationId} fiscalYear={fiscalYear} />
        </>
      ) : null}
    </Page>
  );
}
