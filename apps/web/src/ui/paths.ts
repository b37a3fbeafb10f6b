/** A key as one path segment of a UI link (keys may hold `/` and `:`). */
export function keyPath(key: string): string {
  return encodeURIComponent(key);
}

/** The key a path segment names (the router leaves `%2F` and `%3A` encoded). */
export function keyFromPath(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
