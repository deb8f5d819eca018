// The table of the addresses the server links to is the server's (a pure module, shared as it is).
import { routes } from '@tsunagu/domain';
import type { Role } from './session';

export { routes };

/** The pages that come before sign-in; an invitation's and a password reset's links land on two of them. */
export const authPaths = [
  '/sign-in',
  '/forgot-password',
  routes.resetPassword,
  routes.acceptInvitation,
  routes.volunteerSignUp,
  routes.organizationSignUp,
  routes.signUpReceived,
] as const;

/**
 * Links in e-mails and calendar events name the thing, not the portal: one message (the answer date
 * passing, say) reaches a requester and the coordinators alike. Each opens in the reader's portal,
 * after sign-in when needed; someone who could open it in two asks which.
 */
export const forwards: Array<{ path: string; portals: Role[] }> = [
  { path: routes.request, portals: ['requester', 'coordinator'] },
  { path: routes.offers, portals: ['volunteer'] },
  { path: routes.assignments, portals: ['volunteer'] },
  { path: routes.paperwork, portals: ['volunteer'] },
];
