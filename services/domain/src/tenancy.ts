import type { Viewer } from './viewer';

/** What a thing belongs to: one association, and sometimes one organization within it. */
export interface Owner {
  associationId: string;
  organizationId?: string | null;
}

/**
 * The capacity in which a viewer acts on an association's things: as requesting staff of one of
 * its organizations, as a coordinator of the association (admins coordinate too), or as its admin.
 */
export type Capacity = 'requester' | 'coordinator' | 'admin';

/** The associations and organizations a viewer may act on, in any of the capacities given. */
export interface Tenancy {
  associationIds: string[];
  organizationIds: string[];
}

/**
 * Where the viewer may act in these capacities. `mayActOn` asks it for one thing, and the lists'
 * `where` filters ask it for many, so that a list never shows what the rule would refuse.
 */
export function tenancyOf(viewer: Viewer, capacities: Capacity | readonly Capacity[]): Tenancy {
  const wanted = typeof capacities === 'string' ? [capacities] : capacities;
  const associationIds = new Set<string>();
  if (wanted.includes('coordinator')) for (const id of viewer.coordinatorOf) associationIds.add(id);
  if (wanted.includes('admin')) for (const id of viewer.adminOf) associationIds.add(id);
  return {
    associationIds: [...associationIds],
    organizationIds: wanted.includes('requester') && viewer.organizationId ? [viewer.organizationId] : [],
  };
}

/**
 * The one rule of tenancy: whether the viewer may see or act on something of this association (or
 * of this organization within it) in one of these capacities. Requesting staff act on their own
 * organization's things only; coordinators and admins on their own associations' things only.
 * Partnerships widen what coordinators read of partners' volunteers, and are checked apart
 * (`coordinatesPartnerOf`), since they need the database.
 */
export function mayActOn(viewer: Viewer, owner: Owner, capacities: Capacity | readonly Capacity[]): boolean {
  const tenancy = tenancyOf(viewer, capacities);
  return (
    tenancy.associationIds.includes(owner.associationId) ||
    (owner.organizationId != null && tenancy.organizationIds.includes(owner.organizationId))
  );
}

/** A document as the rule of who reads it sees it: whose it is, and the volunteers booked on its request. */
export interface DocumentAccess extends Owner {
  /** Volunteers with a booking on the document's request that still stands (confirmed or done). */
  bookedVolunteerIds: readonly string[];
}

/**
 * Who reads a translation request's documents: the requesting organization's staff and the
 * association's coordinators (admins coordinate too), and a translator once booked on the request
 * (an offer shows the volume and the kind of text, never the document). Nobody else: not other
 * organizations, not other associations, not volunteers who were only offered the job.
 */
export function mayReadDocument(viewer: Viewer, document: DocumentAccess): boolean {
  return (
    mayActOn(viewer, document, ['requester', 'coordinator']) ||
    (viewer.volunteerId !== null && document.bookedVolunteerIds.includes(viewer.volunteerId))
  );
}
