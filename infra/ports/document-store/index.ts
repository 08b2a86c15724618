export * from './document-store';
export { DocumentStoreUnavailableError } from './errors';
export { assertGuardedKey, assertGuardedUpdate, guardFilter, guardedDocumentId } from './guarded-key';
export {
  assertValidCollectionName,
  liveCollection,
  physicalCollectionName,
  projectionStateCollection,
} from './read-models';
