/** An entity tag in a header: optional weakness prefix, then a quoted opaque tag (commas allowed inside quotes). */
const ENTITY_TAG = /(?:W\/)?("[^"]*")/g;

/**
 * True when an `If-None-Match` header matches `etag` (RFC 9110 §13.1.2): `*`, or a list of entity tags one of which
 * matches by weak comparison (`W/"7"` matches `"7"`). Then a GET answers 304.
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === "*") return true;
  const wanted = etag.replace(/^W\//, "");
  for (const [, opaque] of header.matchAll(ENTITY_TAG)) if (opaque === wanted) return true;
  return false;
}
