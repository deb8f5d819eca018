import { type Capacity, tenancyOf, type Viewer } from '@tsunagu/domain';

// `where` values for lists, from the same rule as the scopes and the services (`mayActOn`): an
// empty list matches no row, so a viewer without the capacity sees nothing rather than everything.

/** The associations the viewer may act on in these capacities. */
export const associationsOf = (viewer: Viewer, capacities: Capacity | readonly Capacity[]) => ({
  in: tenancyOf(viewer, capacities).associationIds,
});

/** The organizations the viewer may act on as requesting staff. */
export const organizationsOf = (viewer: Viewer) => ({ in: tenancyOf(viewer, 'requester').organizationIds });

/** The viewer's own user or volunteer id; none matches no row. */
export const own = (id: string | null) => ({ in: id ? [id] : [] });
