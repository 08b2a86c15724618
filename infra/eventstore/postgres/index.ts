export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export { formatPgCheckpoint, parsePgCheckpoint } from './checkpoint';
