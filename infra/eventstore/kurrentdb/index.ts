export { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb-event-store';
export { comparePositions, formatKurrentCheckpoint, parseKurrentCheckpoint } from './checkpoint';
