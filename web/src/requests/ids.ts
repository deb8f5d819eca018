/** Global IDs are base64 and may hold `/`: they travel in paths encoded. */
export const requestPath = (id: string) => `/requests/${encodeURIComponent(id)}`;

const plainId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The global ID a path names. Links in e-mails and calendar events are written without GraphQL and
 * carry the plain id; it becomes the API's global ID here (base64 of "Type:id", as the Relay plugin
 * encodes it).
 */
export function idFromPath(
  segment: string,
  type: 'Request' | 'Assignment' | 'Organization' | 'Volunteer' = 'Request',
): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A malformed escape: the API answers "not found" for the segment as it is.
  }
  return plainId.test(decoded) ? btoa(`${type}:${decoded}`) : decoded;
}

/** The plain id inside a global ID ("Type:id" in base64), for the domain's rules and for download paths. */
export function plainIdOf(globalId: string): string {
  try {
    return atob(globalId).split(':')[1] ?? globalId;
  } catch {
    return globalId;
  }
}
