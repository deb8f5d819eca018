import type { Context } from './context';

export const sessionCookie = 'tsunagu_session';

/**
 * Signs the user in for this browser: a new session cookie, and the rest of this request sees
 * them as the viewer (so a sign-up mutation can return what the new user may read).
 */
export async function signIn(context: Context, userId: string): Promise<void> {
  const { token, expiresAt } = await context.services.sessions.start(userId);
  context.cookies.set(sessionCookie, token, { expires: expiresAt });
  context.viewer = await context.services.sessions.viewer(token);
}

export async function signOut(context: Context): Promise<void> {
  const token = context.cookies.get(sessionCookie);
  if (token) await context.services.sessions.end(token);
  context.cookies.clear(sessionCookie);
}
