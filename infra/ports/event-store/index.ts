export * from './event-store';
export * from './errors';
export { assertValidEvents, assertValidStreamId, categoryOf, streamIdRule } from './stream-name';
export { CheckpointWaiters } from './checkpoint-waiters';
