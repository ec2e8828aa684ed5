/** Timestamps are stored as ISO-8601 UTC text on both dialects (sortable, portable). */
export function nowIso(clock: () => Date = () => new Date()): string {
  return clock().toISOString();
}
