/**
 * The web app's addresses that the server links to (e-mails, calendar events): one table, which the
 * web app's router reads too (web/src/links.ts), so that a message cannot link to a page that does
 * not exist. Paths in the router's syntax: `:id` a parameter, `:id?` one that may be left out.
 * Links name the thing, not the portal: the web app opens each in the reader's portal.
 */
export const routes = {
  /** Sign-in, then the reader's own portal. */
  home: '/',
  acceptInvitation: '/accept-invitation',
  resetPassword: '/reset-password',
  /** Public sign-up pages (no sign-in): a volunteer's application, a public body's, and what comes next. */
  volunteerSignUp: '/sign-up/volunteer',
  organizationSignUp: '/sign-up/organization',
  signUpReceived: '/sign-up/received',
  request: '/requests/:id',
  offers: '/offers',
  /** The bookings, or one of them. */
  assignments: '/assignments/:id?',
  /** A volunteer's own papers: registration, insurance, pledge, and what is due. */
  paperwork: '/paperwork',
  /** An admin's page of the association's partnerships. */
  partners: '/admin/partners',
} as const;

export type RouteName = keyof typeof routes;

/** A route's path with its parameters filled in; an optional one left out drops its segment. */
export function pathTo(name: RouteName, params: Record<string, string | null | undefined> = {}): string {
  return routes[name].replace(/\/:(\w+)(\?)?/g, (_match, key: string, optional?: string) => {
    const value = params[key];
    if (value) return `/${encodeURIComponent(value)}`;
    if (optional) return '';
    throw new Error(`the route ${name} needs its ${key}`);
  });
}

/** Whether a path (without query) is one of the table's routes. */
export function isRoute(path: string): boolean {
  return Object.values(routes).some((route) =>
    new RegExp(`^${route.replace(/\/:\w+\?/g, '(?:/[^/]+)?').replace(/:\w+/g, '[^/]+')}$`).test(path),
  );
}
