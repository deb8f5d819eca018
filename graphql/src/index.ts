export type { Context, CookieJar } from './context';
export { schema } from './schema';
export { sessionCookie, signIn, signOut } from './session';
