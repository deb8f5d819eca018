/**
 * The SQLSTATE and constraint of a database error. Drizzle wraps the driver's error (postgres.js
 * or PGlite) in `cause`; both carry the SQLSTATE in `code`, and name the constraint in
 * `constraint_name` (postgres.js) or `constraint` (PGlite). A driver's own failures (a connection
 * closed, refused or timed out) carry a code of their own there too: `CONNECTION_CLOSED`, `ECONNRESET`.
 */
export function sqlStateOf(error: unknown): { code: string; constraint: string | undefined } | null {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const { code, constraint_name, constraint } = current as Error & {
      code?: unknown;
      constraint_name?: unknown;
      constraint?: unknown;
    };
    if (typeof code === 'string') {
      const name = constraint_name ?? constraint;
      return { code, constraint: typeof name === 'string' ? name : undefined };
    }
  }
  return null;
}
