/** Global IDs are base64 and may hold `/`: they travel in paths encoded. */
export const requestPath = (id: string) => `/requests/${encodeURIComponent(id)}`;

export function idFromPath(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
