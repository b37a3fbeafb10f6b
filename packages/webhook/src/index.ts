export { eventRow, OutboxEventSink } from "./outbox";
