/** Who is asking, and through which links they may act. A person may hold several roles at once. */
export interface Viewer {
  userId: string | null;
  locale: 'ja' | 'en';
  /** Requesting staff: their organization. */
  organizationId: string | null;
  volunteerId: string | null;
  /** Associations where the viewer coordinates (admins coordinate too). */
  coordinatorOf: string[];
  adminOf: string[];
}

export const anonymous: Viewer = {
  userId: null,
  locale: 'ja',
  organizationId: null,
  volunteerId: null,
  coordinatorOf: [],
  adminOf: [],
};

export const isCoordinator = (viewer: Viewer) => viewer.coordinatorOf.length > 0;
export const isAdmin = (viewer: Viewer) => viewer.adminOf.length > 0;
export const isRequester = (viewer: Viewer) => viewer.organizationId !== null;
export const isVolunteer = (viewer: Viewer) => viewer.volunteerId !== null;
