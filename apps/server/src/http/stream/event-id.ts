/** The topics an app's stream carries: its flag snapshot and its config snapshot (entries and tenant overrides). */
export const STREAM_TOPICS = ["flags", "config"] as const;
export type StreamTopic = (typeof STREAM_TOPICS)[number];

/** The revision of each topic a client holds; -1 for one it has nothing of (an app with no flags is revision 0). */
export type StreamPosition = Record<StreamTopic, number>;

/**
 * An event id names the client's whole position after the event: `<flags revision>.<config revision>` (`12.7`;
 * `-` for a topic the client holds nothing of).
 * EventSource sends the last one back as `Last-Event-ID` when it reconnects, and the server then sends only the
 * snapshots that moved past it.
 */
export function formatEventId(position: StreamPosition): string {
  const part = (revision: number) => (revision < 0 ? "-" : String(revision));
  return `${part(position.flags)}.${part(position.config)}`;
}

const EVENT_ID = /^(-|\d{1,15})\.(-|\d{1,15})$/;

/** The position in a `Last-Event-ID` header; anything that is not one of ours means "nothing yet". */
export function parseEventId(header: string | undefined): StreamPosition {
  const match = header === undefined ? null : EVENT_ID.exec(header.trim());
  const revision = (part: string | undefined) => (part === undefined || part === "-" ? -1 : Number(part));
  return { flags: revision(match?.[1]), config: revision(match?.[2]) };
}
